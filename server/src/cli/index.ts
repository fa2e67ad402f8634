import fs from "node:fs";
import path from "node:path";
import { type ParseArgsConfig, parseArgs } from "node:util";
import { SetupBody } from "../../../contracts/auth";
import { TeamKind } from "../../../contracts/people";
import { backupDatabase, backupFileName, restorePgliteBackup, restorePostgresBackup } from "../db/backup";
import { migrateWithBackup, openConfiguredDatabase } from "../db/open";
import { getEnv } from "../env";
import { recordAudit, verifyAuditChain } from "../modules/audit/audit.service";
import { countWorkspaces, findWorkspaceByName } from "../modules/auth/auth.queries";
import { createWorkspaceWithAdmin } from "../modules/auth/auth.service";
import { assertAcceptablePassword, hashPassword } from "../modules/auth/passwords";
import { findTeamByKind } from "../modules/teams/teams.queries";
import { insertUser } from "../modules/users/users.queries";
import { seedDemo } from "./seed-demo";
import { ensureWebBuild } from "./web-build";

const HELP = `tandem — the shared workspace of marketing and IT

Usage: tandem <command> [options]

Commands:
  start [--demo]              Serve Tandem (PORT, default 3000). --demo seeds a demo company on first start.
  migrate                     Apply pending database migrations (backs up the embedded database first).
  seed --demo                 Seed the demo company into an empty installation.
  backup [FILE]               Write a backup (embedded: .tar.gz of the data folder; PostgreSQL: pg_dump archive).
  restore FILE                Restore a backup (embedded: into an empty TANDEM_DATA_DIR; PostgreSQL: pg_restore).
  audit verify                Re-compute every workspace's audit hash chain; exit 1 if one is broken.
  create-admin --email E --name N [--workspace W] [--team KIND]
                              Create an admin (and the workspace W if it does not exist). The password is
                              read from TANDEM_ADMIN_PASSWORD or the first line of standard input.
  attribution …               Multi-touch attribution on CSV files (tandem attribution --help).
  experiment analyze FILE     Analyse an experiment's results (tandem experiment --help).
  policy evaluate --policy POLICY.json --input INPUT.json
                              Decide purchase requests by a CEL purchase policy (tandem policy --help).
  glossary annotate --terms TERMS.json --text FILE
                              Find a glossary's terms in a text: spans as JSON (tandem glossary --help).

Environment: DATABASE_URL (PostgreSQL; default: embedded in TANDEM_DATA_DIR=./data), PORT, HOST, PUBLIC_URL,
TRUST_PROXY, LOG_LEVEL, TANDEM_DEMO, TANDEM_JOBS, TANDEM_CHECKPOINT_SECONDS. See README.md.`;

class UsageError extends Error {}

/** Runs one CLI command; returns the process exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case "help":
      case "--help":
      case "-h":
        console.log(HELP);
        return command === undefined ? 1 : 0;
      case "start":
        return await start(rest);
      case "migrate":
        return await withDatabase(async (env, database) => {
          const applied = await migrateWithBackup(env, database, console.log);
          if (applied.length === 0) console.log("The database is up to date.");
          return 0;
        });
      case "seed":
        return await seed(rest);
      case "backup":
        return await backup(rest);
      case "restore":
        return await restore(rest);
      case "audit":
        return await audit(rest);
      case "create-admin":
        return await createAdmin(rest);
      case "attribution": {
        const { runAttributionCommand } = await import("./attribution");
        return await runAttributionCommand(rest, { stdout: process.stdout, stderr: process.stderr });
      }
      case "experiment": {
        const { runExperimentCommand } = await import("./experiment");
        return await runExperimentCommand(rest, {
          stdin: process.stdin,
          stdout: process.stdout,
          stderr: process.stderr,
        });
      }
      case "glossary": {
        const { runGlossaryCommand } = await import("./glossary");
        return await runGlossaryCommand(rest, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
      }
      case "policy":
        return await (await import("./policy")).runPolicyCommand(rest, process);
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\nRun \`tandem --help\` for the commands.`);
      return 2;
    }
    console.error(`tandem ${command}: ${(error as Error).message}`);
    return 1;
  }
}

function parse<const O extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  options: O,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true as const });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function withDatabase(
  work: (
    env: ReturnType<typeof getEnv>,
    database: Awaited<ReturnType<typeof openConfiguredDatabase>>["database"],
  ) => Promise<number>,
) {
  const env = getEnv();
  const opened = await openConfiguredDatabase(env);
  try {
    return await work(env, opened.database);
  } finally {
    await opened.close();
  }
}

async function start(args: string[]) {
  const { values } = parse(args, { demo: { type: "boolean" } });
  const env = getEnv();
  if (!env.TANDEM_SKIP_WEB_BUILD) await ensureWebBuild(console.log);
  const { startServer } = await import("../main");
  await startServer(env, { demo: Boolean(values.demo) || env.TANDEM_DEMO });
  // Keep running: the server owns the process until a signal stops it.
  return new Promise<number>(() => {});
}

async function seed(args: string[]) {
  const { values } = parse(args, { demo: { type: "boolean" } });
  if (!values.demo) throw new UsageError("Only `tandem seed --demo` exists.");
  return withDatabase(async (env, database) => {
    await migrateWithBackup(env, database, console.log);
    if ((await countWorkspaces(database.db)) > 0) {
      throw new Error("This installation already has a workspace; the demo goes into an empty one only.");
    }
    const demo = await seedDemo(database, new Date());
    console.log(`Demo company seeded. Sign in as ${demo.email} with password ${demo.password}`);
    return 0;
  });
}

async function backup(args: string[]) {
  const { positionals } = parse(args, {}, true);
  return withDatabase(async (env, database) => {
    const file = positionals[0] ?? path.join(env.dataDir, "backups", backupFileName("tandem", database.kind));
    const bytes = await backupDatabase(database, file, env.DATABASE_URL);
    console.log(`Backup written to ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB).`);
    return 0;
  });
}

async function restore(args: string[]) {
  const { positionals } = parse(args, {}, true);
  const file = positionals[0];
  if (!file) throw new UsageError("Name the backup file: tandem restore FILE");
  if (!fs.existsSync(file)) throw new Error(`No such file: ${file}`);
  const env = getEnv();
  if (env.DATABASE_URL) {
    await restorePostgresBackup(file, env.DATABASE_URL);
  } else {
    const { acquireDataDirLock } = await import("../db/lock");
    const release = acquireDataDirLock(env.dataDir);
    try {
      await restorePgliteBackup(file, path.join(env.dataDir, "pglite"));
    } finally {
      release();
    }
  }
  console.log(`Restored ${file}. Start Tandem to use it.`);
  return 0;
}

async function audit(args: string[]) {
  const [sub, ...rest] = args;
  if (sub !== "verify") throw new UsageError("Only `tandem audit verify` exists.");
  parse(rest, {});
  return withDatabase(async (_env, database) => {
    const workspaces = await database.query<{ id: string; name: string }>(
      "SELECT id, name FROM workspace ORDER BY name",
    );
    let broken = 0;
    for (const workspace of workspaces) {
      const result = await verifyAuditChain(database, workspace.id);
      if (result.intact) {
        console.log(`✓ ${workspace.name}: ${result.checked} events, chain intact`);
      } else {
        broken++;
        console.log(`✗ ${workspace.name}: broken at event ${result.firstBrokenSeq}: ${result.reason}`);
      }
    }
    if (workspaces.length === 0) console.log("No workspaces yet.");
    return broken > 0 ? 1 : 0;
  });
}

async function createAdmin(args: string[]) {
  const { values } = parse(args, {
    email: { type: "string" },
    name: { type: "string" },
    workspace: { type: "string" },
    team: { type: "string" },
  });
  const password = process.env.TANDEM_ADMIN_PASSWORD ?? (await readFirstLine());
  const input = SetupBody.safeParse({
    workspaceName: values.workspace ?? "My company",
    name: values.name,
    email: values.email,
    password,
  });
  if (!input.success) {
    throw new UsageError(input.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n"));
  }
  const teamKind = TeamKind.safeParse(values.team ?? "it");
  if (!teamKind.success) throw new UsageError(`--team must be one of ${TeamKind.options.join(", ")}`);
  assertAcceptablePassword(input.data.password, "password", input.data.email);
  const passwordHash = await hashPassword(input.data.password);
  return withDatabase(async (env, database) => {
    await migrateWithBackup(env, database, console.log);
    const now = new Date();
    await database.db.transaction(async (tx) => {
      const existing = await findWorkspaceByName(tx, input.data.workspaceName);
      let workspaceId: string;
      let userId: string;
      if (existing) {
        const team = await findTeamByKind(tx, existing.id, teamKind.data);
        if (!team) throw new Error(`Workspace "${existing.name}" has no ${teamKind.data} team.`);
        const user = await insertUser(tx, {
          workspaceId: existing.id,
          teamId: team.id,
          email: input.data.email,
          name: input.data.name,
          passwordHash,
          role: "admin",
          createdAt: now,
          updatedAt: now,
        });
        workspaceId = existing.id;
        userId = user.id;
      } else {
        const created = await createWorkspaceWithAdmin(
          tx,
          { ...input.data, passwordHash, teamKind: teamKind.data },
          now,
        );
        workspaceId = created.workspace.id;
        userId = created.user.id;
      }
      await recordAudit(
        tx,
        { workspaceId, actorId: null, actorLabel: "cli", ip: null, at: now },
        {
          action: "user.created",
          entityType: "user",
          entityId: userId,
          after: { email: input.data.email, role: "admin" },
        },
      );
    });
    console.log(`Admin ${input.data.email} created in workspace "${input.data.workspaceName}".`);
    return 0;
  });
}

async function readFirstLine(): Promise<string> {
  if (process.stdin.isTTY) process.stdout.write("Password: ");
  let data = "";
  for await (const chunk of process.stdin) {
    data += chunk;
    if (data.includes("\n")) break;
  }
  return data.split("\n")[0].replace(/\r$/, "");
}
