import { asc, desc, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { decodeCursor, encodeCursor, invalidCursor } from "../lib/cursor";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Keyset pagination over (sort column, id): stable under inserts, and as fast on page 2,000 as on
 * page 1 given an index on (workspace_id, column, id). `sort` is a field name, `-` for descending.
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
  const direction = descending ? desc : asc;
  const orderBy: SQL[] = [direction(column), direction(idColumn)];
  const position = decodeCursor(cursor, 2);
  let after: SQL | undefined;
  if (position) {
    const [value, id] = position;
    const isTime = column.columnType === "PgTimestamp";
    const valid =
      typeof id === "string" &&
      UUID.test(id) &&
      (isTime
        ? typeof value === "string" && !Number.isNaN(Date.parse(value))
        : typeof value === "string" || typeof value === "number");
    if (!valid) throw invalidCursor();
    const bound = sql.param(isTime ? new Date(value as string) : value, column);
    after = descending
      ? sql`(${column}, ${idColumn}) < (${bound}, ${sql.param(id, idColumn)})`
      : sql`(${column}, ${idColumn}) > (${bound}, ${sql.param(id, idColumn)})`;
  }
  return {
    orderBy,
    after,
    /** The cursor that continues after `row`, given the row's sort value and id. */
    cursorAfter: (value: unknown, id: string) =>
      encodeCursor([value instanceof Date ? value.toISOString() : value, id]),
  };
}
