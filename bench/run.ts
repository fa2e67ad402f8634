// `npm run bench`: runs every benchmark script in bench/ as its own process, one after another
// (each prints ratios against a reference measured in the same run). `npm run bench -- http` runs one.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const dir = import.meta.dirname;
const helpers = new Set(["run.ts", "serve.ts", "machine.ts", "database.ts"]);
const only = process.argv.slice(2);
const scripts = fs
  .readdirSync(dir)
  .filter((file) => file.endsWith(".ts") && !helpers.has(file))
  .filter((file) => only.length === 0 || only.includes(file.replace(/\.ts$/, "")));
let failed = 0;
for (const script of scripts) {
  console.log(`\n== bench/${script}`);
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(dir, script)], { stdio: "inherit" });
  if (result.status !== 0) failed++;
}
console.log(`\n${scripts.length - failed} benchmarks ran, ${failed} failed. Figures: bench/results/`);
process.exit(failed > 0 ? 1 : 0);
