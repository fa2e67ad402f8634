// Health benchmark on PostgreSQL: a workspace with 2,000 people (1,000 marketing, 1,000 IT, in 16 teams) and three
// years of fortnightly pulses (78 closed pulses, 60% answering each: ~94,000 responses, ~655,000 answers). Measures
// `GET /api/v1/alignment` (the alignment page's answer: index, criteria with live signals, drivers including the
// item–outcome association over the latest pulse's 1,200 respondents, 78-point trend, published figures) through
// the whole app (session, hooks, answer check) with in-process requests one after another, against a reference
// measured in the same run: one prepared aggregate query over the latest pulse's answers. Budget: median < 300 ms.
// Writes bench/results/health.json.
import { buildApp } from "../server/src/app";
import { openDatabase } from "../server/src/db/client";
import { migrate } from "../server/src/db/migrate";
import { ensureBank } from "../server/src/modules/health/items.queries";
import { writeRelease } from "../server/src/modules/health/responses.queries";
import { startSession } from "../server/src/modules/sessions/sessions.service";
import { createWorkspace } from "../server/src/modules/workspaces/workspaces.commands";
import { scratchDatabase } from "./database";
import { describeMachine, writeResult } from "./machine";

const PEOPLE = 2_000;
const TEAMS_PER_SIDE = 8;
const PULSES = 78;
const ANSWERING = 0.6;
const RUNS = Number(process.env.BENCH_HEALTH_RUNS ?? 15);
const BUDGET_MS = 300;
const NOW = new Date("2026-11-30T12:00:00Z");
const DAY = 86_400_000;

async function main() {
  const scratch = await scratchDatabase("health");
  const database = await openDatabase({ url: scratch.url }, { poolSize: 10 });
  try {
    await migrate(database);
    const { workspace, teams } = await createWorkspace(database.db, "Bench Co", NOW);
    const seedStarted = performance.now();
    const teamIds: { id: string; side: "marketing" | "it" }[] = [];
    for (const side of ["marketing", "it"] as const) {
      for (let i = 0; i < TEAMS_PER_SIDE; i++) {
        const [row] = await database.query<{ id: string }>(
          "INSERT INTO team (workspace_id, name, kind) VALUES ($1, $2, $3) RETURNING id",
          [workspace.id, `${side} ${i + 1}`, side],
        );
        if (row) teamIds.push({ id: row.id, side });
      }
    }
    // People: even numbers marketing, odd IT, spread over their side's teams.
    await database.query(
      `INSERT INTO app_user (workspace_id, team_id, email, name, password_hash, role)
       SELECT $1, (($2::uuid[])[1 + (g % 2) * ${TEAMS_PER_SIDE} + (g / 2) % ${TEAMS_PER_SIDE}]),
              'p' || g || '@bench.test', 'Person ' || g, 'not-a-hash', CASE WHEN g = 0 THEN 'admin' ELSE 'member' END
       FROM generate_series(0, ${PEOPLE - 1}) g`,
      [workspace.id, teamIds.map((team) => team.id)],
    );
    await ensureBank(database.db, workspace.id, NOW);
    const bank = await database.query<{ id: string; criterion: string; position: number }>(
      "SELECT id, criterion, position FROM health_item WHERE workspace_id = $1 ORDER BY criterion, position",
      [workspace.id],
    );
    const outcome = bank.find((item) => item.criterion === "outcome");
    const criteria = [...new Set(bank.map((item) => item.criterion))].filter((c) => c !== "outcome");
    let answers = 0;
    let responses = 0;
    for (let pulse = 0; pulse < PULSES; pulse++) {
      const launched = new Date(NOW.getTime() - (PULSES - pulse) * 14 * DAY);
      const closed = new Date(launched.getTime() + 10 * DAY);
      const [survey] = await database.query<{ id: string }>(
        `INSERT INTO health_survey (workspace_id, title, status, k, items_per_pulse, closes_on, launched_on, closed_on,
           invited_marketing, invited_it, signals)
         VALUES ($1, $2, 'closed', 5, 6, $3, $4, $3, 1000, 1000, $5) RETURNING id`,
        [
          workspace.id,
          `Pulse ${pulse + 1}`,
          closed.toISOString().slice(0, 10),
          launched.toISOString().slice(0, 10),
          JSON.stringify([
            {
              criterion: "value_measurement",
              key: "service_level_attainment",
              value: 50 + pulse / 2,
              numerator: null,
              denominator: null,
            },
          ]),
        ],
      );
      if (!survey || !outcome) throw new Error("seed failed");
      // The rotation: each criterion's item (pulse mod its count), and the outcome item.
      const items = criteria.map((criterion) => {
        const of = bank.filter((item) => item.criterion === criterion);
        return of[pulse % of.length]?.id as string;
      });
      items.push(outcome.id);
      await database.query(
        "INSERT INTO health_survey_item (survey_id, item_id, position) SELECT $1, unnest($2::uuid[]), generate_series(0, $3)",
        [survey.id, items, items.length - 1],
      );
      const answering = Math.round(PEOPLE * ANSWERING);
      await database.query(
        `INSERT INTO health_participation (survey_id, user_id, side)
         SELECT $1, u.id, CASE WHEN t.kind = 'marketing' THEN 'marketing' ELSE 'it' END
         FROM app_user u JOIN team t ON t.id = u.team_id WHERE u.workspace_id = $2 ORDER BY random() LIMIT $3`,
        [survey.id, workspace.id, answering],
      );
      await database.query(
        `INSERT INTO health_response (survey_id, side, team_id)
         SELECT $1, p.side, u.team_id FROM health_participation p JOIN app_user u ON u.id = p.user_id
         WHERE p.survey_id = $1 ORDER BY random()`,
        [survey.id],
      );
      // Answers drift up over the three years; the outcome goes with the mean of the rest.
      await database.query(
        `INSERT INTO health_answer (response_id, item_id, value)
         SELECT r.id, i.item_id, least(5, greatest(1, round(2.4 + $3::float * 1.6 + (random() - 0.5) * 2.5)))::int
         FROM health_response r CROSS JOIN unnest($2::uuid[]) AS i(item_id) WHERE r.survey_id = $1`,
        [survey.id, items, pulse / PULSES],
      );
      await writeRelease(database.db, survey.id, { teams: true });
      responses += answering;
      answers += answering * items.length;
    }
    await database.exec("ANALYZE");
    const seedSeconds = Math.round((performance.now() - seedStarted) / 100) / 10;
    const [admin] = await database.query<{ id: string }>("SELECT id FROM app_user WHERE email = 'p0@bench.test'");
    if (!admin) throw new Error("no admin");
    const { token } = await startSession(database.db, { id: admin.id, workspaceId: workspace.id } as never, {
      ip: "127.0.0.1",
      userAgent: "bench",
      now: NOW,
    });
    const app = await buildApp({ database, webDir: null, now: () => NOW });
    await app.ready();
    const cookie = `__Host-tandem_session=${token}`;
    const latest = await database.query<{ id: string }>(
      "SELECT id FROM health_survey WHERE workspace_id = $1 ORDER BY launched_on DESC LIMIT 1",
      [workspace.id],
    );
    const time = async (run: () => Promise<unknown>) => {
      const timings: number[] = [];
      await run();
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        await run();
        timings.push(performance.now() - started);
      }
      timings.sort((a, b) => a - b);
      return {
        medianMs: Math.round(timings[Math.floor(RUNS / 2)] ?? 0),
        p90Ms: Math.round(timings[Math.floor(RUNS * 0.9)] ?? 0),
      };
    };
    let bytes = 0;
    const alignment = await time(async () => {
      const response = await app.inject({ url: "/api/v1/alignment", headers: { cookie } });
      if (response.statusCode !== 200)
        throw new Error(`alignment: ${response.statusCode} ${response.body.slice(0, 300)}`);
      bytes = response.body.length;
    });
    const glance = await time(async () => {
      const response = await app.inject({ url: "/api/v1/home", headers: { cookie } });
      if (response.statusCode !== 200) throw new Error(`home: ${response.statusCode}`);
    });
    const reference = await time(() =>
      database.query(
        `SELECT r.side, a.item_id, count(*), sum(a.value) FROM health_response r
         JOIN health_answer a ON a.response_id = r.id WHERE r.survey_id = $1 GROUP BY r.side, a.item_id`,
        [latest[0]?.id],
      ),
    );
    console.log(
      `data: ${PEOPLE} people, ${PULSES} pulses over 3 years, ${responses} responses, ${answers} answers (seeded in ${seedSeconds} s)`,
    );
    console.log(`reference (one aggregate query over the latest pulse's answers): median ${reference.medianMs} ms`);
    console.log(
      `GET /api/v1/alignment: median ${alignment.medianMs} ms, p90 ${alignment.p90Ms} ms (budget ${BUDGET_MS} ms), ${Math.round(bytes / 1024)} KB`,
    );
    console.log(`GET /api/v1/home (with the partnership at a glance): median ${glance.medianMs} ms`);
    writeResult("health", {
      benchmark: "health",
      machine: describeMachine(),
      data: {
        people: PEOPLE,
        teams: teams.length + teamIds.length,
        pulses: PULSES,
        responses,
        answers,
        database: "postgres",
      },
      runs: RUNS,
      reference: { name: "one aggregate query over the latest pulse's answers", ...reference },
      alignment: { ...alignment, budgetMedianMs: BUDGET_MS, kilobytes: Math.round(bytes / 1024) },
      home: glance,
    });
    await app.close();
    if (alignment.medianMs >= BUDGET_MS) {
      console.error(`alignment median ${alignment.medianMs} ms is over the ${BUDGET_MS} ms budget`);
      process.exitCode = 1;
    }
  } finally {
    await database.close();
    await scratch.drop();
  }
}

await main();
