import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the web app when it was never built or its sources (web/, contracts/) changed since. */
export async function ensureWebBuild(log: (message: string) => void) {
  const index = path.join(root, "web/dist/index.html");
  const sources = Math.max(newestMtime(path.join(root, "web/src")), newestMtime(path.join(root, "contracts")));
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  log("Building the web app (once after install or update)…");
  const { build } = await import("vite");
  await build({ configFile: path.join(root, "web/vite.config.ts"), logLevel: "warn" });
}
