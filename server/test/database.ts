import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../src/db/client";
import { migrate } from "../src/db/migrate";
import { parseEnv } from "../src/env";

/** The databases every database test runs on: PGlite always, PostgreSQL when TANDEM_TEST_DATABASE_URL is set. */
export function testDatabaseKinds(): ("pglite" | "postgres")[] {
  return parseEnv().TANDEM_TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/** A fresh, migrated database of its own: in-memory PGlite, or a new database on the PostgreSQL server. */
export async function createTestDatabase(
  kind: "pglite" | "postgres",
  options: { onQuery?: (sql: string) => void } = {},
): Promise<Database & { drop(): Promise<void>; url?: string }> {
  if (kind === "pglite") {
    const database = await openDatabase({ memory: true }, options);
    await migrate(database);
    return { ...database, drop: () => database.close() };
  }
  const serverUrl = parseEnv().TANDEM_TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TANDEM_TEST_DATABASE_URL is not set");
  const name = `tandem_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() }, { poolSize: 5, ...options });
  await migrate(database);
  return {
    ...database,
    // Another pool on the same database stands for another Tandem process.
    url: url.toString(),
    drop: async () => {
      await database.close();
      const cleaner = new pg.Client({ connectionString: serverUrl });
      await cleaner.connect();
      await cleaner.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleaner.end();
    },
  };
}
