import { z } from "zod";

/** A UUID identifier. */
export const Id = z.uuid();

/** Path parameters of a single-record route. */
export const IdParams = z.object({ id: Id });
export type IdParams = z.infer<typeof IdParams>;

/** An ISO-8601 UTC timestamp as sent over the wire. */
export const Timestamp = z.iso.datetime({ offset: true });

/** Query string of every list route. */
export const ListQuery = z.object({
  /** Page size, 1–200, default 50. */
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor: z.string().max(500).optional(),
  /** Free-text search. */
  q: z.string().trim().max(200).optional(),
});
export type ListQuery = z.infer<typeof ListQuery>;

/** Builds the `sort` query parameter for a list: a field name, `-` prefix for descending. */
export function sortParam<const T extends readonly [string, ...string[]]>(
  fields: T,
  fallback: T[number] | `-${T[number]}`,
) {
  type Sort = T[number] | `-${T[number]}`;
  const values = fields.flatMap((field) => [field, `-${field}`]) as [Sort, ...Sort[]];
  return z.enum(values).default(fallback as never);
}

/** A page of a list: the items and the cursor of the next page (null at the end). */
export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** The optimistic-concurrency version every edit carries. */
export const Version = z.number().int().min(1);

/** An RFC 9457 problem document. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

/** The body of a 204-like acknowledgement. */
export const Ok = z.object({ ok: z.literal(true) });

type Undefaulted<S extends z.ZodRawShape> = {
  [K in keyof S]: S[K] extends z.ZodDefault<infer Inner> ? z.ZodOptional<Inner> : z.ZodOptional<S[K]>;
};

/** The fields of a create schema as all optional and without their defaults: the body of a partial edit. */
export function editableFields<S extends z.ZodRawShape>(shape: S): Undefaulted<S> {
  return Object.fromEntries(
    Object.entries(shape).map(([key, field]) => [
      key,
      z.optional(field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field),
    ]),
  ) as Undefaulted<S>;
}
