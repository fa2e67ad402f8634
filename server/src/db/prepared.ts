import { createHash } from "node:crypto";
import type { Db } from "./client";

const statements = new WeakMap<Db, Map<string, unknown>>();

/**
 * A query prepared once per database and shape, then executed with placeholder values: Drizzle
 * does not build it again and PostgreSQL does not plan it again (planning costs more than running
 * a keyset page). `shape` must name everything that changes the SQL text (filters present, sort).
 */
export function prepareOnce<T>(db: Db, name: string, shape: string, build: (statementName: string) => T): T {
  let byDb = statements.get(db);
  if (!byDb) {
    byDb = new Map();
    statements.set(db, byDb);
  }
  // PostgreSQL truncates names at 63 bytes: a hash keeps distinct shapes distinct.
  const key = `${name}_${createHash("sha1").update(shape).digest("hex").slice(0, 12)}`;
  let statement = byDb.get(key) as T | undefined;
  if (!statement) {
    statement = build(key);
    byDb.set(key, statement);
  }
  return statement;
}
