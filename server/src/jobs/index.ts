import type { FastifyBaseLogger } from "fastify";
import { fromPglite, PgBoss } from "pg-boss";
import type { Database } from "../db/client";
import { ATTRIBUTION_RUNS_QUEUE, runStalledAttributionRuns } from "./attribution-runs";
import { HEALTH_PULSES_QUEUE, runHealthPulses } from "./health-pulses";
import { runMeetingAnnouncements } from "./meeting-announcements";
import { createMailer, NOTIFICATION_EMAILS_QUEUE } from "./notification-emails";
import { PIPELINE_CLOCKS_QUEUE, runPipelineClocks } from "./pipeline-clocks";
import { PURGE_EXPIRED_QUEUE, purgeExpired } from "./purge-expired";
import { RENEWAL_REMINDERS_QUEUE, runRenewalReminders } from "./renewal-reminders";
import { RITUALS_QUEUE, runRituals } from "./rituals";
import { runScorecardMeasures, SCORECARD_MEASURES_QUEUE } from "./scorecard-measures";

/**
 * Starts the durable job queue (pg-boss, in the same database) and its workers. With several
 * processes on one PostgreSQL, each job runs once: pg-boss locks in the database.
 */
export async function startJobs(
  database: Database,
  log: FastifyBaseLogger,
  options: { work: boolean; databaseUrl?: string; mail?: { smtpUrl: string; from: string; publicUrl: string } },
) {
  const boss = database.pglite
    ? new PgBoss({ db: fromPglite(database.pglite), backend: "pglite" })
    : new PgBoss({ connectionString: options.databaseUrl, max: 3, application_name: "tandem-jobs" });
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  await boss.start();
  await boss.createQueue(PURGE_EXPIRED_QUEUE);
  await boss.schedule(PURGE_EXPIRED_QUEUE, "17 * * * *");
  await boss.createQueue(PIPELINE_CLOCKS_QUEUE);
  await boss.schedule(PIPELINE_CLOCKS_QUEUE, "*/5 * * * *");
  await boss.createQueue(ATTRIBUTION_RUNS_QUEUE);
  await boss.schedule(ATTRIBUTION_RUNS_QUEUE, "* * * * *");
  await boss.createQueue(RENEWAL_REMINDERS_QUEUE);
  // Every morning (UTC) and once more at noon, so a process that was down at 07:00 still sends the day's reminders.
  await boss.schedule(RENEWAL_REMINDERS_QUEUE, "0 7,12 * * *");
  await boss.createQueue(RITUALS_QUEUE);
  // Hourly: next occurrences, agendas refreshed until their meetings start, reminders of commitments due.
  await boss.schedule(RITUALS_QUEUE, "7 * * * *");
  await boss.createQueue(HEALTH_PULSES_QUEUE);
  // Hourly: pulses whose last answering day has passed are closed (results released, the day's signals kept), and
  // each workspace's pulse due by its cadence is launched (once: a unique key per workspace and launch day).
  await boss.schedule(HEALTH_PULSES_QUEUE, "23 * * * *");
  await boss.createQueue(SCORECARD_MEASURES_QUEUE);
  // Computed KPIs daily, after the night's imports and the morning's service-level scans.
  await boss.schedule(SCORECARD_MEASURES_QUEUE, "30 5 * * *");
  const mail = options.mail;
  const mailer = mail ? createMailer(mail.smtpUrl, mail) : null;
  if (mailer) {
    await boss.createQueue(NOTIFICATION_EMAILS_QUEUE);
    await boss.schedule(NOTIFICATION_EMAILS_QUEUE, "* * * * *");
  } else {
    await boss.unschedule(NOTIFICATION_EMAILS_QUEUE).catch(() => {});
  }
  if (options.work) {
    await boss.work(PURGE_EXPIRED_QUEUE, async () => {
      const purged = await purgeExpired(database, new Date());
      log.info({ purged }, "purged expired sessions, invitations and sign-in failures");
      return purged;
    });
    await boss.work(PIPELINE_CLOCKS_QUEUE, async () => {
      const found = await runPipelineClocks(database, new Date());
      if (found.breached + found.atRisk + found.reviewsOpened > 0) log.info(found, "service levels checked");
      return found;
    });
    if (mail && mailer) {
      await boss.work(NOTIFICATION_EMAILS_QUEUE, async () => {
        const announced = await runMeetingAnnouncements(database, new Date(), mail.publicUrl);
        if (announced.invites + announced.cancellations + announced.minutes > 0) log.info(announced, "rituals emails");
        const result = await mailer.send(database, new Date());
        if (result.sent + result.failed > 0) log.info(result, "notification emails");
        return result;
      });
      boss.on("stopped", () => mailer.close());
    }
    await boss.work(ATTRIBUTION_RUNS_QUEUE, async () => {
      const result = await runStalledAttributionRuns(database, new Date());
      if (result.resumed > 0) log.info(result, "attribution runs resumed");
      return result;
    });
    await boss.work(RENEWAL_REMINDERS_QUEUE, async () => {
      const result = await runRenewalReminders(database, new Date());
      if (result.sent > 0) log.info(result, "renewal reminders sent");
      return result;
    });
    await boss.work(RITUALS_QUEUE, async () => {
      const result = await runRituals(database, new Date());
      if (result.created + result.prepared + result.reminded + result.failed > 0) log.info(result, "rituals round");
      return result;
    });
    await boss.work(HEALTH_PULSES_QUEUE, async () => {
      const result = await runHealthPulses(database, new Date());
      if (result.launchFailed > 0) log.error(result, "pulses of some workspaces' cadence could not be launched");
      else if (result.closed + result.launched > 0) log.info(result, "pulses closed and launched");
      return result;
    });
    await boss.work(SCORECARD_MEASURES_QUEUE, async () => {
      const result = await runScorecardMeasures(database, new Date());
      log.info(result, "computed KPIs recomputed");
      return result;
    });
  }
  return boss;
}
