import { migrateWithBackup } from "../db/open";
import { getEnv } from "../env";
import { countWorkspaces } from "../modules/workspaces/workspaces.commands";
import { withDatabase } from "./common";
import { parse, UsageError } from "./usage";
import { ensureWebBuild } from "./web-build";

// The commands that run the server or change its database: loaded only by them (never by --help or an engine).

/** `tandem start [--demo]`: serves Tandem until a signal stops it. */
export async function startCommand(args: string[]) {
  const { values } = parse(args, { demo: { type: "boolean" } });
  const env = getEnv();
  if (!env.TANDEM_SKIP_WEB_BUILD) await ensureWebBuild(console.log);
  const { startServer } = await import("../main");
  await startServer(env, { demo: Boolean(values.demo) || env.TANDEM_DEMO });
  // Keep running: the server owns the process until a signal stops it.
  return new Promise<number>(() => {});
}

/** `tandem migrate`: applies pending migrations (backing up the embedded database first). */
export async function migrateCommand() {
  return withDatabase(async (env, database) => {
    const applied = await migrateWithBackup(env, database, console.log);
    if (applied.length === 0) console.log("The database is up to date.");
    return 0;
  });
}

/** `tandem seed --demo`: the demo company, into an empty installation only. */
export async function seedCommand(args: string[]) {
  const { values } = parse(args, { demo: { type: "boolean" } });
  if (!values.demo) throw new UsageError("Only `tandem seed --demo` exists.");
  return withDatabase(async (env, database) => {
    await migrateWithBackup(env, database, console.log);
    if ((await countWorkspaces(database.db)) > 0) {
      throw new Error("This installation already has a workspace; the demo goes into an empty one only.");
    }
    const { seedDemo } = await import("./seed-demo");
    const demo = await seedDemo(database, new Date());
    console.log(`Demo company seeded. Sign in as ${demo.email} with password ${demo.password}`);
    return 0;
  });
}
