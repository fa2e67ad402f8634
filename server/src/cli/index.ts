import { safeErrorMessage } from "../lib/safe-error";
import { UsageError } from "./usage";

// Only the command asked for is loaded (each one a dynamic import): --help and the engine commands never load
// the database, Fastify or the demo seed.

const HELP = `tandem — the shared workspace of marketing and IT

Usage: tandem <command> [options]

Commands:
  start [--demo]              Serve Tandem (PORT, default 3000). --demo seeds a demo company on first start.
  migrate                     Apply pending database migrations (backs up the embedded database first).
  seed --demo                 Seed the demo company into an empty installation.
  backup [FILE]               Write a backup of a stopped installation (embedded: .tar.gz of the data folder;
                              PostgreSQL: pg_dump archive, also while Tandem runs).
  backup --url URL [FILE]     Take the backup from a running server (embedded database), with an admin's
                              read-write API token in TANDEM_API_TOKEN (or --token).
  restore FILE                Restore a backup (embedded: into an empty TANDEM_DATA_DIR; PostgreSQL: pg_restore).
  audit verify [--anchor F]   Re-compute every workspace's audit hash chain and print its head; exit 1 if one is
                              broken, or if the chain no longer holds a head anchored in F.
  audit anchor [--file F]     Append every workspace's head (with the time) to F, or print it: keep it elsewhere.
  create-admin --email E --name N [--workspace W | --new-workspace W] [--team KIND]
                              Create an admin in workspace W (any case), in the only workspace when there is one,
                              or in a new workspace W. The password is read from TANDEM_ADMIN_PASSWORD, typed
                              (not shown), or the first line of standard input.
  attribution …               Multi-touch attribution on CSV files (tandem attribution --help).
  experiment analyze FILE     Analyse an experiment's results (tandem experiment --help).
  policy evaluate --policy POLICY.json --input INPUT.json
                              Decide purchase requests by a CEL purchase policy (tandem policy --help).
  glossary annotate --terms TERMS.json --text FILE
                              Find a glossary's terms in a text: spans as JSON (tandem glossary --help).

Environment: DATABASE_URL (PostgreSQL; default: embedded in TANDEM_DATA_DIR=./data), PORT, HOST, PUBLIC_URL,
TRUST_PROXY, LOG_LEVEL, TANDEM_DEMO, TANDEM_JOBS, TANDEM_CHECKPOINT_SECONDS. See README.md.`;

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
        return await (await import("./server-commands")).startCommand(rest);
      case "migrate":
        return await (await import("./server-commands")).migrateCommand();
      case "seed":
        return await (await import("./server-commands")).seedCommand(rest);
      case "backup":
        return await (await import("./backup-command")).backupCommand(rest);
      case "restore":
        return await (await import("./backup-command")).restoreCommand(rest);
      case "audit":
        return await (await import("./audit-command")).auditCommand(rest);
      case "create-admin":
        return await (await import("./create-admin")).createAdmin(rest);
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
    // Never a failed query's SQL or parameters: they can hold a password hash or an email.
    console.error(`tandem ${command}: ${safeErrorMessage(error)}`);
    return 1;
  }
}
