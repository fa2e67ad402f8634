import fs from "node:fs";
import path from "node:path";
import type { Env } from "../env";
import { backupDatabase, backupFileName } from "./backup";
import { type Database, openDatabase } from "./client";
import { acquireDataDirLock } from "./lock";
import { findPendingMigrations, listMigrations, migrate } from "./migrate";

/** The database of this installation, its lock released on close. */
export interface OpenedDatabase {
  database: Database;
  /** Closes the database (after a CHECKPOINT when embedded) and releases the folder lock. */
  close(): Promise<void>;
}

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else the locked embedded folder. */
export async function openConfiguredDatabase(env: Env): Promise<OpenedDatabase> {
  if (env.DATABASE_URL) {
    const database = await openDatabase({ url: env.DATABASE_URL });
    return { database, close: () => database.close() };
  }
  const release = acquireDataDirLock(env.dataDir);
  try {
    const database = await openDatabase({ dataDir: path.join(env.dataDir, "pglite") });
    return {
      database,
      close: async () => {
        try {
          await database.checkpoint();
          await database.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * Applies pending migrations. On the embedded database that already holds data, a backup is
 * written to <data>/backups first, so an upgrade can always be undone.
 */
export async function migrateWithBackup(env: Env, database: Database, log: (message: string) => void) {
  const pending = await findPendingMigrations(database);
  if (pending.length === 0) return [];
  const hasData = pending.length < listMigrations().length;
  if (database.kind === "pglite" && hasData) {
    const dir = path.join(env.dataDir, "backups");
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, backupFileName("pre-migrate", "pglite"));
    await backupDatabase(database, file);
    log(`Backed up the database to ${file} before migrating.`);
  }
  const applied = await migrate(database);
  if (applied.length > 0) log(`Applied migrations: ${applied.join(", ")}`);
  return applied;
}
