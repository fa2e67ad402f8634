#!/usr/bin/env node
// The `tandem` command: runs the CLI compiled to JavaScript in .build/ (see scripts/server-build.mjs), building it
// first when it is missing or older than the sources. TANDEM_FROM_SOURCE=1 (or a failed build) runs the
// TypeScript sources through tsx instead.
import { ensureServerBuild } from "../scripts/server-build.mjs";

async function loadCli() {
  if (process.env.TANDEM_FROM_SOURCE !== "1") {
    try {
      const log = process.argv[2] === "start" ? console.log : undefined;
      return await import(await ensureServerBuild(log));
    } catch (error) {
      console.error(`tandem: the compiled server could not be built (${error.message}); running the sources.`);
    }
  }
  const { register } = await import("tsx/esm/api");
  register();
  return import("../server/src/cli/index.ts");
}

const { runCli } = await loadCli();
process.exitCode = await runCli(process.argv.slice(2));
