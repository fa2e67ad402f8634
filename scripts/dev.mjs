#!/usr/bin/env node
// `npm run dev`: the API on :3000 (restarted by tsx on server changes) and the Vite dev server on :5173.
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const children = [
  spawn(process.execPath, ["--import", "tsx/esm", "--watch", "bin/tandem.mjs", "start"], {
    cwd: root,
    stdio: "inherit",
    // From the sources through tsx (not the compiled .build/), so --watch sees the files being edited.
    env: { ...process.env, TANDEM_SKIP_WEB_BUILD: "1", TANDEM_FROM_SOURCE: "1" },
  }),
  spawn("npx", ["vite", "--config", "web/vite.config.ts"], { cwd: root, stdio: "inherit" }),
];
const stop = () => {
  for (const child of children) child.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const child of children) child.on("exit", (code) => code && stop());
