import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { CHANGE_TRIGGERS_SQL } from "./change-feed";
import type { Database } from "./client";

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

interface JournalEntry {
  idx: number;
  tag: string;
}

/** The migrations shipped with this build, in order. */
export function listMigrations(): { tag: string; statements: string[] }[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsDir, "meta", "_journal.json"), "utf8")) as {
    entries: JournalEntry[];
  };
  return journal.entries
    .sort((a, b) => a.idx - b.idx)
    .map(({ tag }) => ({
      tag,
      statements: fs
        .readFileSync(path.join(migrationsDir, `${tag}.sql`), "utf8")
        .split("--> statement-breakpoint")
        .map((statement) => statement.trim())
        .filter(Boolean),
    }));
}

// Any fixed number: every process that migrates takes the same lock.
const MIGRATION_LOCK = 7_346_221;

/** The tags not yet applied to this database. */
export async function findPendingMigrations(database: Database): Promise<string[]> {
  await database.exec(
    "CREATE TABLE IF NOT EXISTS tandem_migration (tag text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
  );
  const applied = new Set(
    (await database.query<{ tag: string }>("SELECT tag FROM tandem_migration")).map((row) => row.tag),
  );
  return listMigrations()
    .map((migration) => migration.tag)
    .filter((tag) => !applied.has(tag));
}

/** Applies pending migrations, each in its own transaction, under a lock shared by all processes. */
export async function migrate(database: Database): Promise<string[]> {
  const pending = new Set(await findPendingMigrations(database));
  const applied: string[] = [];
  for (const migration of listMigrations()) {
    if (!pending.has(migration.tag)) continue;
    const done = await database.db.transaction(async (tx) => {
      await tx.execute(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      // Another process may have applied it while we waited for the lock.
      const { rows } = (await tx.execute(
        sql`SELECT 1 FROM tandem_migration WHERE tag = ${migration.tag}`,
      )) as unknown as {
        rows: unknown[];
      };
      if (rows.length > 0) return false;
      for (const statement of migration.statements) await tx.execute(statement);
      await tx.execute(sql`INSERT INTO tandem_migration (tag) VALUES (${migration.tag})`);
      return true;
    });
    if (done) applied.push(migration.tag);
  }
  // Every table, those of this build's migrations included, announces its changes to the caches.
  await database.db.transaction(async (tx) => {
    await tx.execute(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    for (const statement of CHANGE_TRIGGERS_SQL) await tx.execute(statement);
  });
  return applied;
}
