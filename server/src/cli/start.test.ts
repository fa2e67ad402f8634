import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { waitForReady } from "../../test/ready";
import { cliEnv, exitOf, freePort, root, tempDataDir } from "../../test/tandem-process";

const lockFiles: string[] = [];

// Should the server outlive the test (the bug this guards against), do not leave it running.
afterAll(() => {
  for (const file of lockFiles) {
    try {
      process.kill(JSON.parse(fs.readFileSync(file, "utf8")).pid, "SIGKILL");
    } catch {
      // gone already
    }
  }
});

async function stopsWithin(ms: number, check: () => Promise<boolean>) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

describe("npm start under a process manager", () => {
  it("stops the server and frees the folder when the npm process gets SIGTERM", async ({ signal }) => {
    const dataDir = tempDataDir();
    const lock = path.join(dataDir, "tandem.lock");
    lockFiles.push(lock);
    const port = await freePort();
    // What a process manager (or `docker stop`) does: signal the process it started, npm, and only it.
    const npm = spawn("npm", ["start", "--silent"], { cwd: root, env: cliEnv(dataDir, { PORT: String(port) }) });
    npm.stdout.resume();
    npm.stderr.resume();
    await waitForReady(`http://127.0.0.1:${port}/readyz`, npm, signal);
    expect(fs.existsSync(lock)).toBe(true);
    npm.kill("SIGTERM");
    await exitOf(npm);
    const stopped = await stopsWithin(30_000, async () => {
      const listening = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        () => true,
        () => false,
      );
      return !listening && !fs.existsSync(lock);
    });
    expect(stopped, "the server still serves or holds the lock after npm got SIGTERM").toBe(true);
  }, 300_000);
});
