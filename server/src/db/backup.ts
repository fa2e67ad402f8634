import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { Database } from "./client";

/** Writes a backup of the database to `file`: a PGlite data-folder archive, or a pg_dump custom archive. */
export async function backupDatabase(database: Database, file: string, databaseUrl?: string): Promise<number> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (database.pglite) {
    await database.checkpoint();
    const archive = await database.pglite.dumpDataDir("gzip");
    const bytes = Buffer.from(await archive.arrayBuffer());
    const partial = `${file}.partial`;
    fs.writeFileSync(partial, bytes);
    fs.renameSync(partial, file);
    return bytes.length;
  }
  if (!databaseUrl) throw new Error("A PostgreSQL backup needs the DATABASE_URL.");
  await runTool("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, databaseUrl]);
  return fs.statSync(file).size;
}

/** Restores a PGlite archive into an empty or absent data folder (never over existing data). */
export async function restorePgliteBackup(file: string, dataDir: string): Promise<void> {
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).some((name) => name !== "backups")) {
    throw new Error(
      `The data folder ${dataDir} is not empty. Move it away first (nothing is overwritten), then restore again.`,
    );
  }
  const archive = new Blob([fs.readFileSync(file)]);
  fs.mkdirSync(dataDir, { recursive: true });
  const pglite = new PGlite(dataDir, { loadDataDir: archive });
  await pglite.waitReady;
  await pglite.exec("CHECKPOINT");
  await pglite.close();
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
