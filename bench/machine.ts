import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** The machine a benchmark ran on, written beside its figures. */
export function describeMachine() {
  return {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    date: new Date().toISOString(),
  };
}

/** Writes a benchmark's figures to bench/results/NAME.json. */
export function writeResult(name: string, figures: unknown) {
  const dir = path.join(import.meta.dirname, "results");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
}
