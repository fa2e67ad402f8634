import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import {
  backupDatabase,
  backupFileName,
  readPgliteBackup,
  restorePgliteBackup,
  restorePostgresBackup,
} from "../db/backup";
import { acquireDataDirLock, DataDirLockedError } from "../db/lock";
import { getEnv } from "../env";
import { parse, UsageError, withDatabase } from "./common";

/** `tandem backup [FILE]` of a stopped installation, or `tandem backup --url URL [FILE]` from a running one. */
export async function backupCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { url: { type: "string" }, token: { type: "string" } }, true);
  if (values.url !== undefined) return onlineBackup(values.url, values.token, positionals[0]);
  if (values.token !== undefined) throw new UsageError("--token goes with --url (a backup from a running server).");
  try {
    return await withDatabase(
      async (env, database) => {
        const file = positionals[0] ?? path.join(env.dataDir, "backups", backupFileName("tandem", database.kind));
        const bytes = await backupDatabase(database, file, env.DATABASE_URL);
        console.log(`Backup written to ${file} (${megabytes(bytes)}).`);
        return 0;
      },
      { mustExist: true },
    );
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    throw new Error(
      `${error.message}\nTandem is running on this data folder: take the backup from it while it serves, with an ` +
        "admin's read-write API token:\n  TANDEM_API_TOKEN=… tandem backup --url http://localhost:3000 [FILE]\n" +
        "or stop Tandem and run `tandem backup` again.",
    );
  }
}

async function onlineBackup(url: string, flagToken: string | undefined, target: string | undefined) {
  const token = flagToken ?? process.env.TANDEM_API_TOKEN;
  if (!token) {
    throw new UsageError(
      "A backup from a running server needs an admin's read-write API token: TANDEM_API_TOKEN or --token.",
    );
  }
  let endpoint: URL;
  try {
    endpoint = new URL("/api/v1/admin/backup", url);
  } catch {
    throw new UsageError(`--url must be the server's address, such as http://localhost:3000 (got "${url}").`);
  }
  const response = await fetch(endpoint, { method: "POST", headers: { authorization: `Bearer ${token}` } });
  if (!response.ok || !response.body) {
    const problem = (await response.json().catch(() => null)) as { detail?: string; title?: string } | null;
    throw new Error(
      `The server refused the backup (${response.status}): ${problem?.detail ?? problem?.title ?? response.statusText}`,
    );
  }
  const file = target ?? backupFileName("tandem", "pglite");
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  try {
    await pipeline(Readable.fromWeb(response.body as WebReadableStream), fs.createWriteStream(partial));
    // What arrived must open as a backup: a connection cut short leaves no file that looks like one.
    readPgliteBackup(partial);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  fs.renameSync(partial, file);
  console.log(`Backup written to ${file} (${megabytes(fs.statSync(file).size)}).`);
  return 0;
}

/** `tandem restore FILE`: a file that is not a backup is refused in words, and nothing is left behind. */
export async function restoreCommand(args: string[]): Promise<number> {
  const { positionals } = parse(args, {}, true);
  const file = positionals[0];
  if (!file) throw new UsageError("Name the backup file: tandem restore FILE");
  if (!fs.existsSync(file)) throw new Error(`No such file: ${file}`);
  const env = getEnv();
  if (env.DATABASE_URL) {
    await restorePostgresBackup(file, env.DATABASE_URL);
  } else {
    const archive = readPgliteBackup(file);
    const existed = fs.existsSync(env.dataDir);
    const release = acquireDataDirLock(env.dataDir);
    let restored = false;
    try {
      await restorePgliteBackup(archive, path.join(env.dataDir, "pglite"));
      restored = true;
    } finally {
      release();
      if (!restored && !existed) fs.rmSync(env.dataDir, { recursive: true, force: true });
    }
  }
  console.log(`Restored ${file}. Start Tandem to use it.`);
  return 0;
}

function megabytes(bytes: number) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
