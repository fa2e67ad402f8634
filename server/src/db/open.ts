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

/** The configured database holds no Tandem installation yet: nothing to read, and nothing was created. */
export class NoDatabaseError extends Error {}

/**
 * Opens the configured database: PostgreSQL when DATABASE_URL is set, else the locked embedded folder.
 * With `mustExist`, a database that Tandem never started on is refused before anything is created.
 */
export async function openConfiguredDatabase(env: Env, options: { mustExist?: boolean } = {}): Promise<OpenedDatabase> {
  if (env.DATABASE_URL) {
    const database = await openDatabase({ url: env.DATABASE_URL });
    if (options.mustExist) {
      const [row] = await database.query<{ found: string | null }>("SELECT to_regclass('public.workspace') AS found");
      if (!row?.found) {
        await database.close();
        throw new NoDatabaseError(
          "The database at DATABASE_URL holds no Tandem installation yet (no tables): start Tandem or run `tandem migrate` first.",
        );
      }
    }
    return { database, close: () => database.close() };
  }
  if (options.mustExist && !fs.existsSync(path.join(env.dataDir, "pglite", "PG_VERSION"))) {
    throw new NoDatabaseError(
      `There is no Tandem database in ${path.resolve(env.dataDir)}: Tandem was never started with this ` +
        "TANDEM_DATA_DIR. Point TANDEM_DATA_DIR (or DATABASE_URL) at the installation. Nothing was created.",
    );
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
