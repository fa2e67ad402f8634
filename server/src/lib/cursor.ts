import { AppError } from "../errors";
import { unstorableTextProblem } from "./storable-text";

/** Encodes a keyset position (the sort value and the id) as an opaque cursor. */
export function encodeCursor(position: unknown[]): string {
  return Buffer.from(JSON.stringify(position)).toString("base64url");
}

// A position value the database can compare: no nested structure, no NUL character, no lone surrogate.
function isStorable(value: unknown) {
  if (typeof value === "string") return unstorableTextProblem(value) === null;
  return value === null || typeof value === "number" || typeof value === "boolean";
}

/** Decodes a cursor made by encodeCursor; a tampered one is a 400 naming the field. */
export function decodeCursor(cursor: string | undefined, length: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const position = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(position) && position.length === length && position.every(isStorable)) return position;
  } catch {
    // fall through to the error below
  }
  throw invalidCursor();
}

/** The 400 answered for a cursor this list did not give out. */
export function invalidCursor(): AppError {
  return new AppError("validation_failed", "The cursor is not valid", [
    { path: "cursor", message: "is not a cursor this list gave out" },
  ]);
}

/** Splits off the extra row fetched to know whether a next page exists. */
export function takePage<T>(rows: T[], limit: number, cursorAfter: (row: T) => string) {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? cursorAfter(items[items.length - 1]) : null;
  return { items, nextCursor };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a cursor value is a record id (a UUID), so that a forged one is a 400, never a database error. */
export function isCursorId(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** Whether a cursor value is a time a timestamp column holds (years 1 to 9999). */
export function isCursorTime(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const at = Date.parse(value);
  return at >= -62_135_596_800_000 && at <= 253_402_300_799_999;
}
