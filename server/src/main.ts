import { buildApp } from "./app";
import { migrateWithBackup, openConfiguredDatabase } from "./db/open";
import type { Env } from "./env";
import { startJobs } from "./jobs";
import { serializeSafeError } from "./lib/safe-error";
import { countWorkspaces } from "./modules/workspaces/workspaces.commands";

/** The server's log settings: credentials redacted, and errors without a failed query's SQL or parameters. */
export function serverLoggerOptions(level: string) {
  return {
    level,
    redact: [
      "req.headers.authorization",
      "req.headers.cookie",
      'req.headers["x-csrf-token"]',
      'res.headers["set-cookie"]',
    ],
    serializers: { err: serializeSafeError },
  };
}

/** Opens the database, migrates, optionally seeds the demo, serves, and shuts down cleanly on a signal. */
export async function startServer(env: Env, options: { demo: boolean }) {
  const opened = await openConfiguredDatabase(env);
  const { database } = opened;
  const app = await buildApp({
    database,
    publicUrl: env.PUBLIC_URL,
    demo: options.demo,
    trustProxy: env.TRUST_PROXY,
    cacheMegabytes: env.TANDEM_CACHE_MB,
    metricsToken: env.TANDEM_METRICS_TOKEN,
    logger: serverLoggerOptions(env.LOG_LEVEL),
  });
  const log = app.log;
  let stopping = false;
  let boss: Awaited<ReturnType<typeof startJobs>> | undefined;
  let checkpointTimer: NodeJS.Timeout | undefined;

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping: finishing requests in flight");
    const force = setTimeout(() => {
      log.error("shutdown took longer than 25 s; exiting");
      process.exit(1);
    }, 25_000);
    force.unref();
    clearInterval(checkpointTimer);
    try {
      await app.close();
      await boss?.stop({ graceful: true, timeout: 10_000, close: true });
      await opened.close();
      log.info("stopped cleanly");
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, "error while stopping");
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  try {
    await migrateWithBackup(env, database, (message) => log.info(message));
    if (options.demo && (await countWorkspaces(database.db)) === 0) {
      // The demo seed is large: loaded only when a demo is seeded.
      const { seedDemo } = await import("./cli/seed-demo");
      const demo = await seedDemo(database, new Date());
      log.info(`Demo company seeded. Sign in as ${demo.email} with password ${demo.password}`);
      console.log(`\n  Demo sign-in: ${demo.email} / ${demo.password}\n`);
    }
    if (database.kind === "pglite") {
      checkpointTimer = setInterval(() => {
        database.checkpoint().catch((error) => log.error({ err: error }, "CHECKPOINT failed"));
      }, env.TANDEM_CHECKPOINT_SECONDS * 1000);
      checkpointTimer.unref();
    }
    // Listening first: the job queue's start (its schema checked, the schedules written) is not needed to answer
    // requests, and /readyz answers as soon as the database is migrated.
    await app.listen({ port: env.PORT, host: env.HOST });
    boss = await startJobs(database, log, {
      work: env.TANDEM_JOBS,
      databaseUrl: env.DATABASE_URL,
      mail: env.SMTP_URL
        ? {
            smtpUrl: env.SMTP_URL,
            from: env.SMTP_FROM,
            publicUrl: env.PUBLIC_URL ?? `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}`,
          }
        : undefined,
    });
    console.log(`\n  Tandem is running at http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}\n`);
    return app;
  } catch (error) {
    await app.close().catch(() => {});
    await boss?.stop({ graceful: false, close: true }).catch(() => {});
    await opened.close().catch(() => {});
    throw error;
  }
}
