import fc from "fast-check";

/** The part of JSON Schema (as the OpenAPI document writes it) that request bodies and parameters use. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

const DAY_MS = 86_400_000;

function isoDate(min: number, max: number) {
  return fc
    .integer({ min: Math.floor(min / DAY_MS), max: Math.floor(max / DAY_MS) })
    .map((day) => new Date(day * DAY_MS).toISOString().slice(0, 10));
}

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  const now = Date.now();
  switch (schema.format) {
    case "uuid":
      return fc.uuid();
    case "date":
      return isoDate(0, Date.UTC(2100, 11, 31));
    case "date-time":
      return fc.integer({ min: 0, max: now }).map((at) => new Date(at).toISOString());
    case "uri":
      return fc.webUrl().filter((url) => url.length <= (schema.maxLength ?? 500));
    case "email":
      return fc.emailAddress().filter((email) => email.length <= (schema.maxLength ?? 200));
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, minLength + 40));
  if (schema.pattern) {
    return fc
      .stringMatching(new RegExp(schema.pattern))
      .filter((text) => text.length >= minLength && text.length <= (schema.maxLength ?? Number.MAX_SAFE_INTEGER));
  }
  return fc.string({ minLength, maxLength, unit: "grapheme" });
}

function numberOf(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum : -1_000_000);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum : 1_000_000);
  const inside = (value: number) =>
    (schema.exclusiveMinimum === undefined || value > schema.exclusiveMinimum) &&
    (schema.exclusiveMaximum === undefined || value < schema.exclusiveMaximum);
  if (integer) {
    return fc
      .integer({
        min: Math.max(Math.ceil(min), Number.MIN_SAFE_INTEGER),
        max: Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER),
      })
      .filter(inside);
  }
  return fc
    .oneof(
      fc.integer({ min: Math.ceil(min), max: Math.floor(max) }),
      fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
    )
    .filter(inside);
}

function objectOf(schema: JsonSchema): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, property] of Object.entries(properties)) shape[key] = arbitraryOf(property);
  const record = fc.record(shape, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
  const extra = schema.additionalProperties;
  if (extra && typeof extra === "object" && Object.keys(properties).length === 0) {
    const keys = schema.propertyNames ? stringOf(schema.propertyNames) : fc.string({ minLength: 1, maxLength: 20 });
    return fc.dictionary(keys, arbitraryOf(extra), { maxKeys: 4 });
  }
  return record;
}

/**
 * Values that (mostly) satisfy a JSON Schema: what a client reading the OpenAPI document would send. Refinements
 * the schema cannot express (cross-field rules, trimmed text) are left to the server to refuse.
 */
export function arbitraryOf(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  if (!schema) return fc.constant(undefined);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return fc.oneof(...options.map((option) => arbitraryOf(option)));
  if (schema.allOf) return arbitraryOf(Object.assign({}, ...schema.allOf));
  if (Array.isArray(schema.type)) {
    return fc.oneof(...schema.type.map((type) => arbitraryOf({ ...schema, type })));
  }
  switch (schema.type) {
    case "string":
      return stringOf(schema);
    case "integer":
      return numberOf(schema, true);
    case "number":
      return numberOf(schema, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map((item) => arbitraryOf(item)));
      const minLength = schema.minItems ?? 0;
      return fc.array(arbitraryOf(schema.items ?? {}), {
        minLength,
        maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 4, minLength + 4)),
      });
    }
    case "object":
      return objectOf(schema);
    default:
      return schema.properties ? objectOf(schema) : fc.jsonValue({ maxDepth: 2 });
  }
}

/** The leaf paths of a JSON value (where an attacker would put a hostile value), the value itself included. */
export function leafPathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) {
    return [path, ...value.flatMap((item, index) => leafPathsOf(item, [...path, index]))];
  }
  if (value !== null && typeof value === "object") {
    return [path, ...Object.entries(value).flatMap(([key, item]) => leafPathsOf(item, [...path, key]))];
  }
  return [path];
}

/** A copy of a JSON value with the value at `path` replaced. */
export function withValueAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[Number(head)] = withValueAt(copy[Number(head)], rest, replacement);
    return copy;
  }
  const record = (value ?? {}) as Record<string, unknown>;
  return { ...record, [head]: withValueAt(record[head], rest, replacement) };
}
