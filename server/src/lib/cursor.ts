import { AppError } from "../errors";

/** Encodes a keyset position (the sort value and the id) as an opaque cursor. */
export function encodeCursor(position: unknown[]): string {
  return Buffer.from(JSON.stringify(position)).toString("base64url");
}

/** Decodes a cursor made by encodeCursor; a tampered one is a 400 naming the field. */
export function decodeCursor(cursor: string | undefined, length: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const position = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(position) && position.length === length) return position;
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
