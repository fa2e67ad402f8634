import { asc, desc, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { decodeCursor, encodeCursor, invalidCursor } from "../lib/cursor";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// 0001-01-01 to 9999-12-31: what a timestamp column compares without "timestamp out of range".
const EARLIEST_TIME = -62_135_596_800_000;
const LATEST_TIME = 253_402_300_799_999;

function isStorableTime(at: number) {
  return at >= EARLIEST_TIME && at <= LATEST_TIME;
}

/**
 * Keyset pagination over (sort column, id): stable under inserts, and as fast on page 2,000 as on
 * page 1 given an index on (workspace_id, column, id). `sort` is a field name, `-` for descending.
 * The position is bound through the placeholders `afterValue` and `afterId` (see `params`), so the
 * query can be prepared once per shape.
 */
export function keyset<F extends string>(
  columns: Record<F, AnyPgColumn>,
  idColumn: AnyPgColumn,
  sort: F | `-${F}`,
  cursor: string | undefined,
) {
  const descending = sort.startsWith("-");
  const field = (descending ? sort.slice(1) : sort) as F;
  const column = columns[field];
  const isTime = column.columnType === "PgTimestamp";
  const direction = descending ? desc : asc;
  const orderBy: SQL[] = [direction(column), direction(idColumn)];
  const position = decodeCursor(cursor, 2);
  let after: SQL | undefined;
  let params: { afterValue?: unknown; afterId?: string } = {};
  if (position) {
    const [value, id] = position;
    const valid =
      typeof id === "string" &&
      UUID.test(id) &&
      (isTime
        ? typeof value === "string" && isStorableTime(Date.parse(value))
        : typeof value === "string" || typeof value === "number");
    if (!valid) throw invalidCursor();
    const bound = sql.param(sql.placeholder("afterValue"), column);
    const boundId = sql.param(sql.placeholder("afterId"), idColumn);
    after = descending
      ? sql`(${column}, ${idColumn}) < (${bound}, ${boundId})`
      : sql`(${column}, ${idColumn}) > (${bound}, ${boundId})`;
    params = { afterValue: isTime ? new Date(value as string) : value, afterId: id };
  }
  return {
    field,
    orderBy,
    after,
    params,
    /** What about this page changes the SQL text: part of a prepared statement's shape. */
    shape: `${sort}:${after ? "after" : "first"}`,
    /** The cursor that continues after a row with this sort value and id. */
    cursorAfter: (value: unknown, id: string) =>
      encodeCursor([value instanceof Date ? value.toISOString() : value, id]),
  };
}

/** The keyset of a list, as the list queries take it. */
export type Keyset = ReturnType<typeof keyset>;
