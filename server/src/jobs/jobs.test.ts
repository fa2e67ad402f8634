import { expect, it } from "vitest";
import { describeWithApp } from "../../test/app";
import { startJobs } from ".";
import { ATTRIBUTION_RUNS_QUEUE } from "./attribution-runs";
import { HEALTH_PULSES_QUEUE } from "./health-pulses";
import { PIPELINE_CLOCKS_QUEUE } from "./pipeline-clocks";
import { PURGE_EXPIRED_QUEUE } from "./purge-expired";
import { RENEWAL_REMINDERS_QUEUE } from "./renewal-reminders";
import { RITUALS_QUEUE } from "./rituals";
import { SCORECARD_MEASURES_QUEUE } from "./scorecard-measures";

describeWithApp("job queue", (get) => {
  it("starts pg-boss in the same database, schedules the purge, and runs it", async () => {
    const t = get();
    const boss = await startJobs(t.database, t.app.log, {
      work: true,
      databaseUrl: t.database.kind === "postgres" ? t.database.pool?.options.connectionString : undefined,
    });
    try {
      const schedules = await boss.getSchedules();
      expect(schedules.map((s) => s.name).sort()).toEqual(
        [
          ATTRIBUTION_RUNS_QUEUE,
          HEALTH_PULSES_QUEUE,
          PIPELINE_CLOCKS_QUEUE,
          PURGE_EXPIRED_QUEUE,
          RENEWAL_REMINDERS_QUEUE,
          RITUALS_QUEUE,
          SCORECARD_MEASURES_QUEUE,
        ].sort(),
      );
      // The Rituals round runs hourly (next occurrences, agendas refreshed until their meetings start).
      expect(schedules.find((s) => s.name === RITUALS_QUEUE)?.cron).toBe("7 * * * *");
      const id = await boss.send(PURGE_EXPIRED_QUEUE, {});
      expect(id).toEqual(expect.any(String));
      let job = await boss.getJobById(PURGE_EXPIRED_QUEUE, id as string);
      for (let i = 0; i < 100 && job?.state !== "completed"; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        job = await boss.getJobById(PURGE_EXPIRED_QUEUE, id as string);
      }
      expect(job?.state).toBe("completed");
      expect(job?.output).toMatchObject({ sessions: expect.any(Number) });
    } finally {
      await boss.stop({ graceful: false, close: true });
    }
  }, 60_000);
});
