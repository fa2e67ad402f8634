import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuildMetafile, bundleServer, currentBuild, sourceSignature } from "../../../scripts/server-build.mjs";

// The compiled CLI: what each command loads before it runs, and when the build counts as current.

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-build-"));
let meta: BuildMetafile;

beforeAll(async () => {
  meta = await bundleServer(outdir);
}, 120_000);
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

/** Every source file and package an output loads before its code runs (its static imports, transitively). */
function loadedBy(output: string) {
  const sources = new Set<string>();
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const entry = meta.outputs[file];
    for (const input of Object.keys(entry.inputs)) sources.add(input);
    for (const imported of entry.imports) {
      if (imported.kind !== "import-statement") continue;
      if (imported.external) packages.add(imported.path);
      else visit(imported.path);
    }
  };
  visit(output);
  return { sources: [...sources], packages: [...packages] };
}

function outputOf(source: string) {
  const found = Object.entries(meta.outputs).find(([, output]) => output.entryPoint === source);
  if (!found) throw new Error(`no output for ${source}`);
  return found[0];
}

// Packages loaded from node_modules; drizzle-orm, compiled into the bundle, shows among the sources.
const heavy = /^(fastify|@fastify\/|drizzle-orm|pg$|pg-boss|@electric-sql\/|vite$|esbuild$|tsx)/;

describe("the compiled CLI", () => {
  it("loads nothing of the database, Fastify or the demo seed for --help", () => {
    const { sources, packages } = loadedBy(outputOf("server/src/cli/index.ts"));
    expect(sources).toContain("server/src/cli/index.ts");
    expect(packages.filter((name) => heavy.test(name))).toEqual([]);
    expect(
      sources.filter((file) => /server\/src\/(db|modules)\/|seed-demo|app\.ts|env\.ts|drizzle-orm/.test(file)),
    ).toEqual([]);
  });

  it.each(["attribution", "experiment", "policy", "glossary"])("loads only the engine for `tandem %s`", (name) => {
    // What `tandem NAME` loads: the CLI's entry, then the command's own module.
    const entry = loadedBy(outputOf("server/src/cli/index.ts"));
    const command = loadedBy(outputOf(`server/src/cli/${name}.ts`));
    const sources = [...entry.sources, ...command.sources];
    const packages = [...entry.packages, ...command.packages];
    expect(sources).toContain(`server/src/cli/${name}.ts`);
    expect(sources.some((file) => file.startsWith("engines/"))).toBe(true);
    expect(packages.filter((pkg) => heavy.test(pkg))).toEqual([]);
    expect(
      sources.filter((file) => /server\/src\/(db|modules)\/|seed-demo|app\.ts|env\.ts|drizzle-orm/.test(file)),
    ).toEqual([]);
  });

  it("reads migrations, the common-passwords list and the web build from the sources", () => {
    const code = fs
      .readdirSync(outdir)
      .filter((file) => file.endsWith(".js"))
      .map((file) => fs.readFileSync(path.join(outdir, file), "utf8"))
      .join("\n");
    for (const source of ["server/src/db/migrate.ts", "server/src/modules/auth/passwords.ts", "server/src/app.ts"]) {
      const located = code.match(
        new RegExp(`new URL\\("([^"]*${source.replaceAll(".", "\\.")})", import\\.meta\\.url\\)`),
      );
      expect(located, source).not.toBeNull();
      expect(path.resolve(outdir, located?.[1] ?? "")).toBe(path.resolve(source));
    }
  });

  it("counts a build as current only for the sources it was built from", () => {
    const signature = sourceSignature();
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(currentBuild(`${signature.slice(1)}0`)).toBeUndefined();
  });
});
