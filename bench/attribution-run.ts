// Benchmark of an attribution run read from the database (issue 5's Value module): touchpoints and
// conversions stored in PostgreSQL, read a day at a time into the attribution engine, four models.
// Reference in the same run: a count(*) of the same touchpoints. Peak memory is sampled during the run.
// Run: node --import tsx bench/attribution-run.ts   (BENCH_TOUCHPOINTS=2000000 by default)
import { CreateRunBody } from "#contracts/value";
import { openDatabase } from "../server/src/db/client";
import { migrate } from "../server/src/db/migrate";
import { computeRun } from "../server/src/modules/value/attribution.service";
import { createWorkspace } from "../server/src/modules/workspaces/workspaces.commands";
import { scratchDatabase } from "./database";
import { describeMachine, writeResult } from "./machine";

const TOUCHPOINTS = Number(process.env.BENCH_TOUCHPOINTS ?? 2_000_000);
const JOURNEYS = Math.round(TOUCHPOINTS / 5);
const scratch = await scratchDatabase("attribution_run");
const database = await openDatabase({ url: scratch.url });
try {
  await migrate(database);
  const { workspace } = await createWorkspace(database.db, "Bench Co", new Date());
  // Five touches per journey over 120 days, twelve channels, stored in time order as imports arrive;
  // one journey in twenty converts.
  await database.query(
    `INSERT INTO touchpoint (workspace_id, journey_id, occurred_at, channel)
     SELECT $1, 'j' || (g % $3), timestamptz '2026-01-01' + (g % 120) * interval '1 day' + (g % 86400) * interval '1 second',
            (ARRAY['Search','Social','Email','Display','Video','Affiliate','Direct','Referral','Podcast','Events','SMS','Partners'])[1 + (g * 7) % 12]
     FROM generate_series(1, $2::int) AS g
     ORDER BY 3`,
    [workspace.id, TOUCHPOINTS, JOURNEYS],
  );
  await database.query(
    `INSERT INTO outcome (workspace_id, journey_id, occurred_at, value)
     SELECT $1, 'j' || g, timestamptz '2026-04-30', 100 + g % 50 FROM generate_series(0, $2::int - 1, 20) AS g`,
    [workspace.id, JOURNEYS],
  );
  await database.exec("ANALYZE");

  const countStarted = performance.now();
  await database.query("SELECT count(*) FROM touchpoint WHERE workspace_id = $1", [workspace.id]);
  const countMs = performance.now() - countStarted;

  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  const computed = await computeRun(
    database.db,
    workspace.id,
    CreateRunBody.parse({
      models: ["first", "last", "linear", "markov"],
      periodStart: "2026-04-01",
      periodEnd: "2026-04-30",
      lookbackDays: 90,
    }),
  );
  const runMs = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);

  const result = {
    machine: describeMachine(),
    touchpoints: TOUCHPOINTS,
    read: computed.inputs.touchpoints,
    runMs: Math.round(runMs),
    countMs: Math.round(countMs),
    ratioToCount: Math.round((runMs / countMs) * 10) / 10,
    rssBeforeMb: Math.round(before / 1024 / 1024),
    peakRssMb: Math.round(peak / 1024 / 1024),
  };
  console.log(
    `attribution run from PostgreSQL: ${TOUCHPOINTS.toLocaleString("en")} touchpoints stored, four models: ${result.runMs} ms (${result.ratioToCount} × a count(*) of them, ${result.countMs} ms); RSS ${result.rssBeforeMb} MB before, ${result.peakRssMb} MB at peak`,
  );
  writeResult("attribution-run", result);
} finally {
  await database.close();
  await scratch.drop();
}
