import fs from "node:fs";
import os from "node:os";
import path from "node:path";

interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
}

/** The embedded database folder is in use by another live process. */
export class DataDirLockedError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the exclusive lock of an embedded data folder (PGlite takes none of its own).
 * A second process fails at once; a lock left by a dead process on this host is taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "tandem.lock");
  const mine: LockInfo = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: "wx" });
      return () => releaseLock(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = readLock(file);
    if (holder && holder.hostname !== os.hostname()) {
      throw new DataDirLockedError(
        `The data folder ${dataDir} is locked by process ${holder.pid} on host ${holder.hostname} (since ${holder.startedAt}). ` +
          `Stop that process first. If it is certainly gone, delete ${file}.`,
      );
    }
    if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
      throw new DataDirLockedError(
        `The data folder ${dataDir} is in use by another Tandem process (pid ${holder.pid}, since ${holder.startedAt}). ` +
          "Only one process may open the embedded database; use PostgreSQL (DATABASE_URL) to run several.",
      );
    }
    // Stale: its process is gone. Remove and try once more.
    fs.rmSync(file, { force: true });
  }
  throw new DataDirLockedError(`Could not lock the data folder ${dataDir}: another process keeps taking it.`);
}

function readLock(file: string): LockInfo | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as LockInfo;
    return typeof parsed.pid === "number" ? parsed : null;
  } catch {
    return null;
  }
}

function releaseLock(file: string): void {
  const holder = readLock(file);
  if (holder?.pid === process.pid) fs.rmSync(file, { force: true });
}
