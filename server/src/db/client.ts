import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import * as schema from "./schema";

/** The Drizzle handle every query module takes. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A transaction or the database itself: queries accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

/** An open database: Drizzle for queries, raw SQL for migrations and maintenance. */
export interface Database {
  kind: "pglite" | "postgres";
  db: Db;
  /** Runs one or more SQL statements without parameters. */
  exec(sql: string): Promise<void>;
  /** Runs one statement with parameters and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Flushes the embedded database to disk; no-op on PostgreSQL. */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
  /** The embedded instance, when kind is pglite. */
  pglite?: PGlite;
  /** The pool, when kind is postgres. */
  pool?: pg.Pool;
}

/** Where to find the database. */
export type DatabaseTarget = { url: string } | { dataDir: string } | { memory: true };

/** Opens PGlite (a folder or in memory) or a PostgreSQL pool. Never deletes or repairs a data folder. */
export async function openDatabase(
  target: DatabaseTarget,
  options: { poolSize?: number; onQuery?: (sql: string) => void } = {},
): Promise<Database> {
  const logger = options.onQuery ? { logQuery: options.onQuery } : undefined;
  if ("url" in target) return openPostgres(target.url, options.poolSize ?? 10, logger);
  const pglite = "dataDir" in target ? await openPgliteFolder(target.dataDir) : new PGlite();
  await pglite.waitReady;
  return {
    kind: "pglite",
    db: drizzlePglite(pglite, { schema, logger }) as unknown as Db,
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => {
      logger?.logQuery(sql);
      return (await pglite.query<T>(sql, params)).rows;
    },
    checkpoint: async () => {
      await pglite.exec("CHECKPOINT");
    },
    close: () => pglite.close(),
    pglite,
  };
}

async function openPgliteFolder(dataDir: string): Promise<PGlite> {
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    const pglite = new PGlite(dataDir);
    await pglite.waitReady;
    return pglite;
  } catch (error) {
    throw new Error(
      `The embedded database in ${dataDir} could not be opened (${(error as Error).message}). ` +
        "Nothing was changed or deleted. Restore a backup with `tandem restore FILE`, or move the folder away to start fresh.",
    );
  }
}

async function openPostgres(
  url: string,
  poolSize: number,
  logger: { logQuery: (sql: string) => void } | undefined,
): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 10_000 });
  // A broken idle client must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  const client = await pool.connect().catch((error: Error) => {
    throw new Error(`Cannot connect to PostgreSQL at ${redactUrl(url)}: ${error.message}`);
  });
  try {
    const [{ server_version_num }] = (await client.query("SHOW server_version_num")).rows;
    if (Number(server_version_num) < 150000) throw new Error("Tandem needs PostgreSQL 15 or newer.");
  } finally {
    client.release();
  }
  return {
    kind: "postgres",
    db: drizzlePostgres(pool, { schema, logger }) as unknown as Db,
    exec: async (sql) => {
      await pool.query(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => {
      logger?.logQuery(sql);
      return (await pool.query(sql, params)).rows as T[];
    },
    checkpoint: async () => {},
    close: () => pool.end(),
    pool,
  };
}

/** A database URL with its password hidden, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}
