/** One field of a before/after pair. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  isChanged: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Field-by-field comparison of an event's before and after; null when either is not an object. */
export function diffFields(before: unknown, after: unknown): FieldChange[] | null {
  if ((before !== null && !isRecord(before)) || (after !== null && !isRecord(after))) return null;
  const left = before ?? {};
  const right = after ?? {};
  const fields = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
  return fields.map((field) => ({
    field,
    before: left[field],
    after: right[field],
    isChanged: JSON.stringify(left[field]) !== JSON.stringify(right[field]),
  }));
}

/** A value as short readable text: strings bare, the rest as JSON. */
export function formatValue(value: unknown): string {
  if (value === undefined) return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value, null, 2);
}
