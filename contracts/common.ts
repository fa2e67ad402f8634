import { z } from "zod";

/** A UUID identifier. */
export const Id = z.uuid();

/** Path parameters of a single-record route. */
export const IdParams = z.object({ id: Id });
export type IdParams = z.infer<typeof IdParams>;

/** An ISO-8601 UTC timestamp as sent over the wire. */
export const Timestamp = z.iso.datetime({ offset: true });

/** The range of times and dates Tandem accepts, so that no year 0026 or 3283 reaches the database. */
export const TimeLimits = {
  /** The earliest instant and date accepted anywhere: the Unix epoch. */
  earliestDate: "1970-01-01",
  /** How far ahead of the server's clock an event may be dated (clocks and time zones differ): one day. */
  eventLeadMs: 86_400_000,
  /** The last date a plan may name (a deadline, a renewal, the end of a period). */
  latestPlanDate: "2100-12-31",
} as const;

const earliestMs = Date.parse(`${TimeLimits.earliestDate}T00:00:00Z`);

function latestEventMs() {
  return Date.now() + TimeLimits.eventLeadMs;
}

/**
 * When something happened (a touchpoint, an outcome, a result, a measurement): an ISO-8601 timestamp with its
 * offset, from 1970 to at most a day ahead of now.
 */
export const EventTimestamp = Timestamp.refine(
  (value) => {
    const at = Date.parse(value);
    return at >= earliestMs && at <= latestEventMs();
  },
  { error: "must be a time from 1970 to at most a day ahead" },
);

/** The day something happened (a spend line, a measurement's day): a date from 1970 to at most a day ahead. */
export const EventDate = z.iso
  .date({ error: "must be a date like 2026-03-01" })
  .refine(
    (value) => value >= TimeLimits.earliestDate && value <= new Date(latestEventMs()).toISOString().slice(0, 10),
    { error: "must be a date from 1970 to at most a day ahead" },
  );

/** A day in a plan (a deadline, a renewal, a holiday, a period's bounds): a date from 1970 to 2100. */
export const PlanDate = z.iso
  .date({ error: "must be a date like 2026-03-01" })
  .refine((value) => value >= TimeLimits.earliestDate && value <= TimeLimits.latestPlanDate, {
    error: "must be a date from 1970 to 2100",
  });

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

/** The largest whole number a PostgreSQL `integer` column holds (2³¹ − 1). */
export const INT32_MAX = 2_147_483_647;

/** A whole number from `min` to `max` that always fits a PostgreSQL `integer` column. */
export function int32(min = 0, max: number = INT32_MAX) {
  return z.number().int().min(min).max(Math.min(max, INT32_MAX));
}

// An edit stores the version after the one it read, so the version read must leave room for one more.
const versionMax = INT32_MAX - 1;

/** The optimistic-concurrency version every edit carries (a 32-bit integer, as stored). */
export const Version = int32(1, versionMax);

/** The version of a record that may still be its built-in default, which has version 0. */
export const VersionOrDefault = int32(0, versionMax);

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
