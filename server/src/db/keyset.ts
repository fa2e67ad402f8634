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

// Whether a cursor's sort value is one the column can be compared with, so that a forged cursor is a 400 and never
// a database error ("invalid input syntax", "out of range").
function isComparable(column: AnyPgColumn, value: unknown) {
  switch (column.columnType) {
    case "PgTimestamp":
    case "PgTimestampString":
      return typeof value === "string" && isStorableTime(Date.parse(value));
    case "PgDate":
    case "PgDateString":
      return (
        typeof value === "string" && /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/.test(value) && isStorableTime(Date.parse(value))
      );
    case "PgSmallInt":
      return Number.isInteger(value) && Math.abs(value as number) <= 32_767;
    case "PgInteger":
    case "PgSerial":
      return Number.isInteger(value) && Math.abs(value as number) <= 2_147_483_647;
    case "PgDoublePrecision":
    case "PgReal":
      return typeof value === "number" && Number.isFinite(value);
    case "PgNumeric":
      return (typeof value === "string" && /^-?\d{1,20}(\.\d{1,10})?$/.test(value)) || Number.isFinite(value);
    default:
      return typeof value === "string" || typeof value === "number";
  }
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
    const valid = typeof id === "string" && UUID.test(id) && isComparable(column, value);
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
