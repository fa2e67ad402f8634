import type { FastifyBaseLogger } from "fastify";
import { fromPglite, PgBoss } from "pg-boss";
import type { Database } from "../db/client";
import { PURGE_EXPIRED_QUEUE, purgeExpired } from "./purge-expired";

/**
 * Starts the durable job queue (pg-boss, in the same database) and its workers. With several
 * processes on one PostgreSQL, each job runs once: pg-boss locks in the database.
 */
export async function startJobs(
  database: Database,
  log: FastifyBaseLogger,
  options: { work: boolean; databaseUrl?: string },
) {
  const boss = database.pglite
    ? new PgBoss({ db: fromPglite(database.pglite), backend: "pglite" })
    : new PgBoss({ connectionString: options.databaseUrl, max: 3, application_name: "tandem-jobs" });
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  await boss.start();
  await boss.createQueue(PURGE_EXPIRED_QUEUE);
  await boss.schedule(PURGE_EXPIRED_QUEUE, "17 * * * *");
  if (options.work) {
    await boss.work(PURGE_EXPIRED_QUEUE, async () => {
      const purged = await purgeExpired(database, new Date());
      log.info({ purged }, "purged expired sessions, invitations and sign-in failures");
      return purged;
    });
  }
  return boss;
}
