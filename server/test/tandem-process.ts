import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { waitForReady } from "./ready";

/** The project's root folder and its `tandem` entry. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const bin = path.join(root, "bin/tandem.mjs");

/** A fresh, empty temporary folder. */
export function tempDataDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), "tandem-cli-"));
}

/** The environment of a `tandem` process on an embedded data folder (never an outside DATABASE_URL). */
export function cliEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, TANDEM_API_TOKEN: _token, ...rest } = process.env;
  return { ...rest, TANDEM_DATA_DIR: dataDir, TANDEM_SKIP_WEB_BUILD: "1", LOG_LEVEL: "warn", ...extra };
}

/** Runs `tandem ARGS` to its end (a busy machine takes seconds per start); its exit code and what it printed. */
export function run(args: string[], env: NodeJS.ProcessEnv, input?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { env, input, encoding: "utf8", timeout: 240_000 });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

/** A TCP port nobody listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The exit code of a process, once it has ended. */
export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null
      ? resolve(child.exitCode)
      : child.on("exit", (code) => resolve(code)),
  );
}

/** Starts `tandem start` on a data folder and waits until it serves. */
export async function startTandem(dataDir: string, signal: AbortSignal, extra: Record<string, string> = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [bin, "start"], { env: cliEnv(dataDir, { PORT: String(port), ...extra }) });
  child.stdout.resume();
  child.stderr.resume();
  await waitForReady(`http://127.0.0.1:${port}/readyz`, child, signal);
  return { child, port, url: `http://127.0.0.1:${port}` };
}
