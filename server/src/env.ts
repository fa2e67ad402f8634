import net from "node:net";
import path from "node:path";
import { z } from "zod";

const bool = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((value) => value === "1" || value === "true" || value === "yes");

const PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

/**
 * Reads TRUST_PROXY: false (trust no proxy), a hop count, or a list of proxy addresses and CIDRs; null when
 * malformed. `true`/`yes` mean one hop: trusting every hop would let a client choose its own address.
 */
export function parseTrustProxy(value: string | undefined): false | number | string[] | null {
  const text = value?.trim().toLowerCase() ?? "";
  if (text === "" || text === "0" || text === "false" || text === "no") return false;
  if (text === "true" || text === "yes") return 1;
  if (/^\d+$/.test(text)) return Number(text) <= 32 ? Number(text) : null;
  const entries = text.split(",").map((entry) => entry.trim());
  const valid = entries.every((entry) => {
    if (PROXY_NAMES.has(entry)) return true;
    const [address, prefix, ...rest] = entry.split("/");
    const family = net.isIP(address);
    if (family === 0 || rest.length > 0) return false;
    if (prefix === undefined) return true;
    return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
  });
  return valid ? entries : null;
}

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
  /**
   * Which reverse proxies' X-Forwarded-* headers to trust (for the client IP and TLS detection). Unset or 0: none.
   * A number N: the N proxy hops in front of Tandem (1: one reverse proxy; the client is the address it adds,
   * the rightmost of X-Forwarded-For). Or a comma-separated list of proxy addresses and CIDR ranges
   * (`10.0.0.0/8,192.168.1.5`; also `loopback`, `linklocal`, `uniquelocal`).
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const parsed = parseTrustProxy(value);
      if (parsed === null) {
        ctx.addIssue({ code: "custom", message: "must be a hop count (0, 1, 2…) or a list of addresses/CIDRs" });
        return z.NEVER;
      }
      return parsed;
    }),
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
  /** The bearer token that /metrics asks for (Prometheus: `authorization: {credentials: …}`); unset: no /metrics. */
  TANDEM_METRICS_TOKEN: z.string().min(16, { error: "must be at least 16 characters" }).optional(),
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
