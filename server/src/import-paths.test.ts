import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

// Contracts and engines are imported by their package-style names (#contracts/…, #engines/…), never by climbing
// folders: a path like ../../../../contracts breaks the day a file moves and says nothing about what it imports.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const FOLDERS = ["server", "web/src", "e2e", "bench", "scripts", "contracts", "engines"];
const CLIMBING = /from\s+["'](?:\.\.\/)+(?:contracts|engines)\//;

function sourcesOf(folder: string): string[] {
  const dir = path.join(root, folder);
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(ts|tsx|mts)$/.test(file) && !file.includes("node_modules"))
    .map((file) => path.join(folder, file));
}

it("imports contracts and engines as #contracts/… and #engines/…, never by ../ paths", () => {
  const offenders = FOLDERS.flatMap(sourcesOf).filter((file) =>
    CLIMBING.test(fs.readFileSync(path.join(root, file), "utf8")),
  );
  expect(offenders).toEqual([]);
});
