import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError } from "./lock";

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), "tandem-lock-"));
}

describe("data folder lock", () => {
  it("refuses a second holder while the first is alive, and frees on release", () => {
    const dir = tempDir();
    const lockFile = path.join(dir, "tandem.lock");
    // A live process other than us holds it: the parent of this test process.
    fs.writeFileSync(lockFile, JSON.stringify({ pid: process.ppid, hostname: os.hostname(), startedAt: "earlier" }));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(/in use by another Tandem process \(pid \d+/);
    fs.rmSync(lockFile);
    const release = acquireDataDirLock(dir);
    expect(JSON.parse(fs.readFileSync(lockFile, "utf8")).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  it("takes over a stale lock left by a dead process", () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid;
    fs.writeFileSync(
      path.join(dir, "tandem.lock"),
      JSON.stringify({ pid: dead, hostname: os.hostname(), startedAt: "long ago" }),
    );
    const release = acquireDataDirLock(dir);
    release();
  });

  it("refuses a lock held from another host", () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, "tandem.lock"),
      JSON.stringify({ pid: 1, hostname: "other-host", startedAt: "now" }),
    );
    expect(() => acquireDataDirLock(dir)).toThrow(/on host other-host/);
  });
});
