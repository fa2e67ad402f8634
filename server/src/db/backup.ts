import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import type { Database } from "./client";
import { listTarEntries, relativizeTarEntries, TarFormatError } from "./tar";

/** A file offered as a backup that is not one (or not one this database can restore). */
export class NotABackupError extends Error {}

/**
 * The embedded database as a .tar.gz of its data folder, entries relative to that folder. Taken from the open
 * instance, so it also works while Tandem serves: the files are read in one synchronous pass after a CHECKPOINT,
 * which gives a consistent snapshot that PostgreSQL's recovery completes from the WAL on restore.
 */
export async function dumpPgliteArchive(database: Database): Promise<Buffer> {
  if (!database.pglite) throw new Error("Only the embedded database is archived this way.");
  await database.checkpoint();
  const tar = await database.pglite.dumpDataDir("none");
  return zlib.gzipSync(relativizeTarEntries(new Uint8Array(await tar.arrayBuffer())));
}

/** Writes a backup of the database to `file`: a PGlite data-folder archive, or a pg_dump custom archive. */
export async function backupDatabase(database: Database, file: string, databaseUrl?: string): Promise<number> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (database.pglite) {
    const bytes = await dumpPgliteArchive(database);
    const partial = `${file}.partial`;
    fs.writeFileSync(partial, bytes);
    fs.renameSync(partial, file);
    return bytes.length;
  }
  if (!databaseUrl) throw new Error("A PostgreSQL backup needs the DATABASE_URL.");
  await runTool("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, databaseUrl]);
  return fs.statSync(file).size;
}

/**
 * Reads a backup of the embedded database and checks that it is one (a gzip'd tar of a PostgreSQL data folder)
 * before anything is touched; throws NotABackupError saying what the file is instead.
 */
export function readPgliteBackup(file: string): Buffer {
  const bytes = fs.readFileSync(file);
  const refuse = (what: string) => new NotABackupError(`${file} is not a Tandem backup: ${what}. Nothing was changed.`);
  if (bytes.subarray(0, 5).toString("latin1") === "PGDMP") {
    throw refuse("it is a PostgreSQL pg_dump archive; restore it with DATABASE_URL set");
  }
  let tar: Buffer;
  try {
    tar = zlib.gunzipSync(bytes);
  } catch {
    throw refuse("it is not a .tar.gz archive (tandem backup writes those)");
  }
  let entries: string[];
  try {
    entries = listTarEntries(tar).map((name) => name.replace(/^\/+/, ""));
  } catch (error) {
    if (error instanceof TarFormatError) throw refuse("it is compressed but holds no tar archive");
    throw error;
  }
  if (!entries.includes("PG_VERSION") || !entries.includes("global/pg_control")) {
    throw refuse("the archive holds no database folder");
  }
  return bytes;
}

/**
 * Restores a PGlite archive (from readPgliteBackup) into an empty or absent data folder, never over existing
 * data; if the database does not open from it, what was written is removed again.
 */
export async function restorePgliteBackup(archive: Buffer, dataDir: string): Promise<void> {
  const existed = fs.existsSync(dataDir);
  if (existed && fs.readdirSync(dataDir).some((name) => name !== "backups")) {
    throw new Error(
      `The data folder ${dataDir} is not empty. Move it away first (nothing is overwritten), then restore again.`,
    );
  }
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    const pglite = new PGlite(dataDir, { loadDataDir: new Blob([new Uint8Array(archive)]) });
    await pglite.waitReady;
    await pglite.exec("CHECKPOINT");
    await pglite.close();
  } catch (error) {
    removeRestored(dataDir, existed);
    throw new NotABackupError(
      `The backup could not be opened as a database (${(error as Error).message}). Nothing was left behind.`,
    );
  }
}

function removeRestored(dataDir: string, existed: boolean) {
  if (!existed) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    return;
  }
  for (const name of fs.readdirSync(dataDir)) {
    if (name !== "backups") fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
  }
}

/** Restores a pg_dump archive into the PostgreSQL database at `databaseUrl`. */
export async function restorePostgresBackup(file: string, databaseUrl: string): Promise<void> {
  await runTool("pg_restore", ["--clean", "--if-exists", "--no-owner", `--dbname=${databaseUrl}`, file]);
}

function runTool(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", (error) =>
      reject(new Error(`${command} could not be run (${error.message}); install the PostgreSQL client tools.`)),
    );
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}

/** A timestamped file name for a backup. */
export function backupFileName(prefix: string, kind: "pglite" | "postgres"): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return `${prefix}-${stamp}.${kind === "pglite" ? "tar.gz" : "dump"}`;
}
