import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { newestMtime } from "../../../scripts/server-build.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Builds the web app when it was never built or its sources (web/, contracts/) changed since. */
export async function ensureWebBuild(log: (message: string) => void) {
  const index = path.join(root, "web/dist/index.html");
  const sources = newestMtime(path.join(root, "web/src"), path.join(root, "contracts"));
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  log("Building the web app (once after install or update)…");
  const { build } = await import("vite");
  await build({ configFile: path.join(root, "web/vite.config.ts"), logLevel: "warn" });
}
