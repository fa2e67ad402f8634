import path from "node:path";
import { z } from "zod";

const bool = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((value) => value === "1" || value === "true" || value === "yes");

/** Every setting Tandem reads from the environment, with what it means. */
const EnvSchema = z.object({
  /** HTTP port. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Interface to listen on; 0.0.0.0 to accept connections from other machines (put TLS in front). */
  HOST: z.string().min(1).default("localhost"),
  /** External PostgreSQL 15+ (postgres://…). When unset, the embedded PGlite database in TANDEM_DATA_DIR is used. */
  DATABASE_URL: z.string().startsWith("postgres").optional(),
  /** Folder of the embedded database, its lock file and its backups. */
  TANDEM_DATA_DIR: z.string().min(1).default("./data"),
  /** Seed the demo company on first start instead of showing the setup page. */
  TANDEM_DEMO: bool,
  /** The address people reach Tandem at (https://tandem.example.com); used in invitation links. */
  PUBLIC_URL: z.url().optional(),
  /** Outgoing mail (smtp://user:password@host:587 or smtps://…:465): when set, notifications are also emailed. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { error: "must start with smtp:// or smtps://" })
    .optional(),
  /** The sender of Tandem's emails. */
  SMTP_FROM: z.string().min(3).default("Tandem <tandem@localhost>"),
  /** Trust X-Forwarded-* headers from a reverse proxy (needed for the client IP and for TLS detection). */
  TRUST_PROXY: bool,
  /** pino log level. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Seconds between CHECKPOINTs of the embedded database. */
  TANDEM_CHECKPOINT_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
  /** Run the background job workers in this process (turn off on web-only replicas). */
  TANDEM_JOBS: z
    .enum(["1", "0", "true", "false"])
    .default("1")
    .transform((value) => value === "1" || value === "true"),
  /** Memory for cached reads (signed-in sessions and the answers of the busiest GET routes), in MB; 0 turns caching off. */
  TANDEM_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  /** Serve web/dist as it is, without rebuilding it when web/src is newer (for prebuilt deployments and tests). */
  TANDEM_SKIP_WEB_BUILD: bool,
  /** Tests only: runs per route of the fuzz test (200 by default). */
  TANDEM_FUZZ_RUNS: z.coerce.number().int().min(1).default(200),
  /** Tests only: a PostgreSQL server on which to run the database tests as well. */
  TANDEM_TEST_DATABASE_URL: z.string().startsWith("postgres").optional(),
});

/** The parsed settings. */
export type Env = z.infer<typeof EnvSchema> & { dataDir: string };

/** Parses the environment once; throws a message naming each bad setting. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // An empty variable (`DATABASE_URL=` in a compose file) means "not set", not "set to nothing".
  const given = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = EnvSchema.safeParse(given);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return { ...result.data, dataDir: path.resolve(result.data.TANDEM_DATA_DIR) };
}

let cached: Env | undefined;

/** The settings of this process, parsed on first use. */
export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}
