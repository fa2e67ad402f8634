import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// A module's public door is its `<module>.commands.ts`: another module imports nothing else of it (not its
// queries, rules, services, routes, presenters or helpers). Within a module anything goes; shared code outside
// `modules/` (lib, db, errors, policy, plugins, contracts) is open to all.
const modulesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "modules");

// The crossings allowed, each with its reason. Entries only go away: a new crossing fails, and so does an entry
// that no longer happens (delete it then).
const ALLOWED: Record<string, string> = {
  "rituals/calendar.routes.test.ts -> pipeline/pipeline.queries.ts":
    "a test writes the request row directly (a decided request without walking the stages)",
  "rituals/calendar.routes.test.ts -> stack/stack.queries.ts": "a test writes the tool row directly",
};

// Every module specifier of a file: static imports and re-exports (one or many lines), side-effect imports and
// dynamic import() with a literal.
const SPECIFIER = /\bfrom\s*["']([^"']+)["']|\bimport\s*\(?\s*["']([^"']+)["']/g;

/** Each import of another module's file other than its commands file, as "from -> to" (paths under modules/). */
function findCrossings(dir: string): string[] {
  const crossings: string[] = [];
  const files = fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => /\.tsx?$/.test(file));
  for (const file of files.sort()) {
    const fromModule = file.split(path.sep)[0];
    const source = fs.readFileSync(path.join(dir, file), "utf8");
    for (const match of source.matchAll(SPECIFIER)) {
      const specifier = match[1] ?? match[2];
      if (!specifier.startsWith(".")) continue;
      const target = path.relative(dir, path.resolve(dir, path.dirname(file), specifier));
      if (target.startsWith("..") || path.isAbsolute(target)) continue;
      const [toModule, ...rest] = target.split(path.sep);
      if (toModule === fromModule) continue;
      const toFile = rest.join("/").replace(/\.tsx?$/, "");
      if (toFile === `${toModule}.commands`) continue;
      crossings.push(`${file.split(path.sep).join("/")} -> ${toModule}/${toFile}.ts`);
    }
  }
  return [...new Set(crossings)];
}

describe("module seams", () => {
  const crossings = findCrossings(modulesDir);

  it("imports another module only through its <module>.commands.ts", () => {
    const unexpected = crossings.filter((crossing) => !(crossing in ALLOWED));
    expect(unexpected, "import these through the other module's <module>.commands.ts (export them there)").toEqual([]);
  });

  it("keeps no allowance for a crossing that is gone (the list only shrinks)", () => {
    const stale = Object.keys(ALLOWED).filter((allowed) => !crossings.includes(allowed));
    expect(stale, "delete these entries from ALLOWED").toEqual([]);
  });

  it("sees a crossing in an import of any shape, and lets a commands file through", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-seams-"));
    try {
      fs.mkdirSync(path.join(dir, "a"));
      fs.mkdirSync(path.join(dir, "b"));
      fs.writeFileSync(
        path.join(dir, "a", "a.service.ts"),
        [
          'import { x } from "../b/b.commands";',
          'import { y } from "./a.queries";',
          "import {",
          "  z,",
          '} from "../b/b.queries";',
          'export { w } from "../b/b.rules";',
          'const lazy = () => import("../b/b.routes");',
          'import type { T } from "../b/b.service";',
          'import { helper } from "../../lib/helper";',
        ].join("\n"),
      );
      expect(findCrossings(dir)).toEqual([
        "a/a.service.ts -> b/b.queries.ts",
        "a/a.service.ts -> b/b.rules.ts",
        "a/a.service.ts -> b/b.routes.ts",
        "a/a.service.ts -> b/b.service.ts",
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
