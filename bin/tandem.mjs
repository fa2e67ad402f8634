#!/usr/bin/env node
// The `tandem` command: runs the TypeScript CLI through tsx, so no build step is needed.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../server/src/cli/index.ts");
process.exitCode = await runCli(process.argv.slice(2));
