import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

// vitest.config.ts runs test files without isolation (each worker imports the server once): a module replaced by
// vi.mock in one file would stay replaced for the files after it. Failures are injected for real instead (a
// trigger that refuses a write, a closed connection).
const root = path.resolve(import.meta.dirname, "../..");
const MOCKS_MODULES = /\bvi\s*\.\s*(mock|doMock|unmock|resetModules)\s*\(/;

it("has no test that replaces a module (vi.mock), since test files share their workers' modules", () => {
  const offenders = ["server", "engines", "contracts", "web/src"].flatMap((folder) =>
    fs
      .readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".test.ts") && !file.includes("node_modules"))
      .map((file) => path.join(folder, file))
      .filter((file) => MOCKS_MODULES.test(fs.readFileSync(path.join(root, file), "utf8"))),
  );
  expect(offenders).toEqual([]);
});
