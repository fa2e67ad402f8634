// The compiled server and CLI: server/src (with contracts/ and engines/) bundled to JavaScript by esbuild into
// .build/, once after install or update and again whenever a source file changes, so `tandem` starts without tsx.
// Shared with the web build check (server/src/cli/web-build.ts): plain JavaScript, because bin/tandem.mjs runs it
// before anything can read TypeScript. `node scripts/server-build.mjs` builds now.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const buildRoot = path.join(root, ".build");
const pointer = path.join(buildRoot, "current.json");
const sourceDirs = ["server/src", "contracts", "engines"];
const migrations = path.join(root, "server/src/db/migrations") + path.sep;
/** Old builds stay this long after being replaced: a process started on one still loads its chunks lazily. */
const keepOldBuildsMs = 60 * 60 * 1000;

function walk(dir, visit) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, visit);
    else visit(full, fs.statSync(full));
  }
}

/** The newest modification time (ms) of any file under the folders. */
export function newestMtime(...dirs) {
  let newest = 0;
  for (const dir of dirs) walk(dir, (_file, stat) => (newest = Math.max(newest, stat.mtimeMs)));
  return newest;
}

/**
 * A digest of every compiled source file's path, size and modification time: any edit, addition or removal
 * changes it. Tests are never compiled, and migrations are read from the sources at run time.
 */
export function sourceSignature() {
  const hash = createHash("sha256");
  const note = (file, stat) => hash.update(`${path.relative(root, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
  const compiled = (file, stat) => {
    if (!file.endsWith(".test.ts") && !file.startsWith(migrations)) note(file, stat);
  };
  for (const dir of sourceDirs) walk(path.join(root, dir), compiled);
  const self = fileURLToPath(import.meta.url);
  note(self, fs.statSync(self));
  return hash.digest("hex");
}

function readPointer() {
  try {
    return JSON.parse(fs.readFileSync(pointer, "utf8"));
  } catch {
    return undefined;
  }
}

/** The built CLI entry when the build in .build/ matches the sources now; otherwise undefined. */
export function currentBuild(signature = sourceSignature()) {
  const current = readPointer();
  if (current?.signature !== signature) return undefined;
  const entry = path.join(buildRoot, current.dir, "index.js");
  return fs.existsSync(entry) ? entry : undefined;
}

/**
 * Each source file that reads a file beside itself (`import.meta.url`: migrations, the common-passwords list, the
 * web build) keeps reading it from the source tree: its `import.meta.url` becomes the source file's address,
 * relative to the flat output folder so a moved clone still works.
 */
function sourceLocationPlugin(outdir) {
  return {
    name: "source-location",
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        const contents = await fs.promises.readFile(args.path, "utf8");
        if (!contents.includes("import.meta.url")) return { contents, loader: "ts" };
        const relative = path.relative(outdir, args.path).split(path.sep).join("/");
        const located = `new URL(${JSON.stringify(relative)}, import.meta.url).href`;
        return { contents: contents.replaceAll("import.meta.url", located), loader: "ts" };
      });
    },
  };
}

/**
 * Packages compiled into the bundle rather than loaded from node_modules: libraries of many small modules whose
 * resolution and loading, file by file, was half of `tandem start`'s time to /readyz (drizzle-orm's few hundred
 * files, the @stdlib statistics' thousand). Pure JavaScript, used by nothing that stays outside (a package shared
 * with an external one, as zod is with fastify-type-provider-zod, must stay outside with it).
 */
const BUNDLED_PACKAGES = /^(drizzle-orm|@stdlib\/[^/]+)(\/|$)/;

/** Every other package stays in node_modules: native and WebAssembly ones (PGlite, argon2) must. */
const externalPackagesPlugin = {
  name: "tandem-external-packages",
  setup(build) {
    build.onResolve({ filter: /^[^./#]/ }, (args) => {
      return BUNDLED_PACKAGES.test(args.path) ? undefined : { path: args.path, external: true };
    });
  },
};

/** Bundles the CLI into outdir (each command a lazily loaded chunk; most packages stay outside); its metafile. */
export async function bundleServer(outdir) {
  const { build } = await import("esbuild");
  fs.rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, "server/src/cli/index.ts")],
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node22",
    entryNames: "[name]",
    chunkNames: "[name]-[hash]",
    sourcemap: "linked",
    metafile: true,
    logLevel: "warning",
    // The bundled packages' CommonJS modules call require(): ESM output defines it.
    banner: {
      js: 'import { createRequire as __tandemRequire } from "node:module"; const require = __tandemRequire(import.meta.url);',
    },
    plugins: [externalPackagesPlugin, sourceLocationPlugin(outdir)],
  });
  return result.metafile;
}

/** Bundles the CLI into a new folder of .build/ and points .build/current.json at it. */
export async function buildServer(signature = sourceSignature()) {
  const dir = `server-${signature.slice(0, 12)}-${process.pid}`;
  const outdir = path.join(buildRoot, dir);
  await bundleServer(outdir);
  // Written then renamed: a process starting meanwhile sees the old build or the new one, never half of one.
  // The replaced build's folder is touched, so it counts as old only an hour after it stopped being current.
  const replaced = readPointer()?.dir;
  if (replaced && fs.existsSync(path.join(buildRoot, replaced))) {
    const now = new Date();
    fs.utimesSync(path.join(buildRoot, replaced), now, now);
  }
  const temporary = `${pointer}.${process.pid}`;
  fs.writeFileSync(temporary, JSON.stringify({ signature, dir }));
  fs.renameSync(temporary, pointer);
  for (const old of fs.readdirSync(buildRoot)) {
    const full = path.join(buildRoot, old);
    if (old === dir || !old.startsWith("server-")) continue;
    if (Date.now() - fs.statSync(full).mtimeMs > keepOldBuildsMs) fs.rmSync(full, { recursive: true, force: true });
  }
  return path.join(outdir, "index.js");
}

/** The built CLI entry, building it first when the sources changed since the last build. */
export async function ensureServerBuild(log = () => {}) {
  const signature = sourceSignature();
  const entry = currentBuild(signature);
  if (entry) return entry;
  log("Building the server (once after install or update)…");
  return buildServer(signature);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const entry = await buildServer();
  console.log(`Built ${path.relative(root, entry)}`);
}
