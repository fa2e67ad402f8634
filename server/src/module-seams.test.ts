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

/** Where each relative import of `file` (a path under `base`) lands, as a path under `base`. */
function importsOf(base: string, file: string): string[] {
  const source = fs.readFileSync(path.join(base, file), "utf8");
  return [...source.matchAll(SPECIFIER)]
    .map((match) => match[1] ?? match[2])
    .filter((specifier) => specifier.startsWith("."))
    .map((specifier) => path.relative(base, path.resolve(base, path.dirname(file), specifier)));
}

/** "module/file.ts" when `target` (a path under the modules folder) is another module's file other than its door. */
function crossingInto(target: string, fromModule: string | null): string | null {
  if (target.startsWith("..") || path.isAbsolute(target)) return null;
  const [toModule, ...rest] = target.split(path.sep);
  if (toModule === fromModule) return null;
  const toFile = rest.join("/").replace(/\.tsx?$/, "");
  return toFile === `${toModule}.commands` ? null : `${toModule}/${toFile}.ts`;
}

const sourceFiles = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file))
    .sort();

/** Each import of another module's file other than its commands file, as "from -> to" (paths under modules/). */
function findCrossings(dir: string): string[] {
  const crossings: string[] = [];
  for (const file of sourceFiles(dir)) {
    for (const target of importsOf(dir, file)) {
      const crossing = crossingInto(target, file.split(path.sep)[0]);
      if (crossing) crossings.push(`${file.split(path.sep).join("/")} -> ${crossing}`);
    }
  }
  return [...new Set(crossings)];
}

/**
 * The same rule for the code outside the modules that drives them (`server/src/<folder>`: the jobs and the CLI):
 * each import of a module's file other than its commands file, as "folder/file.ts -> module/file.ts". Tests may
 * reach in (they set up rows directly), and so may the demo seeds, which write a made-up company's backdated
 * history (requests decided last spring, KPI measurements of past quarters) straight into the tables, as no
 * command would.
 */
function findDriverCrossings(srcDir: string, folders: string[]): string[] {
  const crossings: string[] = [];
  for (const folder of folders) {
    for (const file of sourceFiles(path.join(srcDir, folder))) {
      if (file.endsWith(".test.ts") || file.startsWith("seed-demo")) continue;
      for (const target of importsOf(srcDir, path.join(folder, file))) {
        // Outside modules/ the relative path starts with "..", which is no crossing.
        const crossing = crossingInto(path.relative("modules", target), null);
        if (crossing) crossings.push(`${folder}/${file} -> ${crossing}`);
      }
    }
  }
  return crossings;
}

describe("module seams", () => {
  const crossings = findCrossings(modulesDir);

  it("imports another module only through its <module>.commands.ts", () => {
    const unexpected = crossings.filter((crossing) => !(crossing in ALLOWED));
    expect(unexpected, "import these through the other module's <module>.commands.ts (export them there)").toEqual([]);
  });

  it("lets the jobs and the CLI drive a module only through its <module>.commands.ts", () => {
    expect(findDriverCrossings(path.dirname(modulesDir), ["jobs", "cli"])).toEqual([]);
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

  it("sees a job or a CLI command reach past a module's door, and lets tests and the demo seeds through", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-drivers-"));
    try {
      for (const folder of ["modules/b", "jobs", "cli"]) fs.mkdirSync(path.join(dir, folder), { recursive: true });
      const write = (file: string, lines: string[]) => fs.writeFileSync(path.join(dir, file), lines.join("\n"));
      write("jobs/sweep.ts", [
        'import { x } from "../modules/b/b.commands";',
        'import { y } from "../modules/b/b.queries";',
      ]);
      write("cli/report.ts", ['const lazy = () => import("../modules/b/b.service");', 'import { z } from "./common";']);
      write("cli/seed-demo-b.ts", ['import { y } from "../modules/b/b.queries";']);
      write("cli/report.test.ts", ['import { y } from "../modules/b/b.rules";']);
      expect(findDriverCrossings(dir, ["jobs", "cli"])).toEqual([
        "jobs/sweep.ts -> b/b.queries.ts",
        "cli/report.ts -> b/b.service.ts",
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
