// Search benchmark on PostgreSQL: 105,000 records of one workspace (40,000 requests, 30,000 spend lines, 10,000
// tools, 10,000 experiments, 5,000 people, 1,000 objectives, 4,000 KPIs, 5,000 glossary terms with a definition)
// plus a second workspace of the same size.
// Measures GET /api/v1/search (through app.inject: routing, validation, policy, the queries, ranking) for typical
// queries against two references measured in the same run: one indexed single-row lookup (the floor of a round
// trip) and the requests whose title holds a word counted by ILIKE '%word%' (a scan: no index serves it; what search would cost
// without the full-text indexes). Writes bench/results/search.json.
import os from "node:os";
import { performance } from "node:perf_hooks";
import { SearchLimits } from "#contracts/search";
import { buildApp } from "../server/src/app";
import { openDatabase } from "../server/src/db/client";
import { searchWords } from "../server/src/db/full-text";
import { migrate } from "../server/src/db/migrate";
import { searchActiveTerms } from "../server/src/modules/glossary/glossary.queries";
import { startSession } from "../server/src/modules/sessions/sessions.service";
import { insertUser } from "../server/src/modules/users/users.queries";
import { createWorkspace } from "../server/src/modules/workspaces/workspaces.commands";
import { scratchDatabase } from "./database";
import { describeMachine, writeResult } from "./machine";

const ROUNDS = Number(process.env.BENCH_SEARCH_ROUNDS ?? 40);
const QUERIES = ["webinar", "crm migration", "REQ-31337", "sha", "loyalty email journey", "zzzz"];
const WORDS = [
  "webinar",
  "crm",
  "email",
  "loyalty",
  "journey",
  "consent",
  "migration",
  "dashboard",
  "analytics",
  "social",
  "search",
  "display",
  "retargeting",
  "personalisation",
  "catalog",
  "checkout",
  "mobile",
  "app",
  "push",
  "sms",
  "segment",
  "audience",
  "attribution",
  "budget",
  "campaign",
  "content",
  "video",
  "brand",
  "pricing",
  "survey",
  "nps",
  "support",
  "chat",
  "identity",
  "data",
  "warehouse",
  "feed",
  "partner",
  "affiliate",
  "shadow",
];

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summarise(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 100) / 100;
  return { median: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted.at(-1) ?? 0) };
}

async function seed(
  database: Awaited<ReturnType<typeof openDatabase>>,
  workspaceId: string,
  userId: string,
  teamId: string,
) {
  const words = `ARRAY[${WORDS.map((word) => `'${word}'`).join(",")}]`;
  const word = (expr: string) => `(${words})[1 + ((${expr}) % ${WORDS.length})]`;
  const title = (i: string) =>
    `initcap(${word(`${i} * 7`)}) || ' ' || ${word(`${i} * 13 + 3`)} || ' ' || ${word(`${i} / 40`)} || ' ' || ${i}`;
  const ws = `'${workspaceId}'::uuid`;
  await database.exec(`
    INSERT INTO app_user (workspace_id, team_id, email, name, password_hash, role)
      SELECT ${ws}, '${teamId}'::uuid, 'p' || i || '-${workspaceId}@bench.test',
        initcap(${word("i * 3")}) || ' ' || initcap(${word("i * 11 + 5")}) || 'son ' || i, 'x', 'member'
      FROM generate_series(1, 5000) i;
    INSERT INTO request (workspace_id, number, type, title, requester_id, stage, stage_changed_at)
      SELECT ${ws}, i, 'change', ${title("i")}, '${userId}'::uuid, 'intake', now() FROM generate_series(1, 40000) i;
    INSERT INTO tool (workspace_id, name, vendor, category, subcategory, status, lifecycle)
      SELECT ${ws}, initcap(${word("i * 5")}) || ' ' || initcap(${word("i * 17 + 1")}) || ' ' || i,
        initcap(${word("i * 19 + 2")}) || ' Inc ' || (i % 500), 'content', 'Email marketing', 'sanctioned', 'active'
      FROM generate_series(1, 10000) i;
    INSERT INTO spend_line (workspace_id, spent_on, channel, campaign, initiative, kind, amount, currency)
      SELECT ${ws}, date '2026-01-01' + (i % 300), ${word("i")}, ${title("i")}, ${word("i * 23")}, 'actual', (i % 5000) + 10, 'EUR'
      FROM generate_series(1, 30000) i;
    INSERT INTO experiment (workspace_id, name, hypothesis_change, hypothesis_outcome, hypothesis_measure, kpi, status, variants, primary_metric)
      SELECT ${ws}, ${title("i")}, 'a change', 'an outcome', 'a measure', 'CTR', 'draft',
        '[{"name":"Control","weight":50},{"name":"B","weight":50}]'::jsonb, '{"name":"ctr","type":"proportion"}'::jsonb
      FROM generate_series(1, 10000) i;
    INSERT INTO objective (workspace_id, title, period_start, period_end)
      SELECT ${ws}, ${title("i")}, '2026-01-01', '2026-12-31' FROM generate_series(1, 1000) i;
    INSERT INTO kpi (workspace_id, objective_id, name, unit, direction, baseline, target, cadence, category, owner_id, source)
      SELECT ${ws}, o.id, initcap(${word("k.i * 29")}) || ' rate ' || k.i, 'percent', 'up', 10, 20, 'weekly', 'retention', '${userId}'::uuid, 'manual'
      FROM generate_series(1, 4000) k(i) JOIN LATERAL (SELECT id FROM objective WHERE workspace_id = ${ws} OFFSET (k.i % 1000) LIMIT 1) o ON true;
    INSERT INTO glossary_term (workspace_id, status, name, acronym, search_text)
      SELECT ${ws}, 'approved', initcap(${word("i * 31")}) || ' ' || ${word("i * 37 + 4")} || ' ' || i,
        upper(left(${word("i * 31")}, 2) || left(${word("i * 37 + 4")}, 1)) || i, ''
      FROM generate_series(1, 5000) i;
    INSERT INTO glossary_term_revision (workspace_id, term_id, number, status, name, acronym, canonical_definition)
      SELECT workspace_id, id, 1, 'approved', name, acronym,
        'How the ' || ${word("length(name) * 3")} || ' team counts ' || ${word("length(name) * 7 + 1")} || ' across every ' || ${word("length(name)")}
      FROM glossary_term WHERE workspace_id = ${ws};
    UPDATE glossary_term t SET approved_revision_id = r.id,
        search_text = r.name || ' ' || r.acronym || ' ' || r.canonical_definition
      FROM glossary_term_revision r WHERE r.term_id = t.id AND t.workspace_id = ${ws};
  `);
}

async function main() {
  const scratch = await scratchDatabase("search");
  const database = await openDatabase({ url: scratch.url }, { poolSize: 10 });
  try {
    await migrate(database);
    const now = new Date("2026-11-30T12:00:00Z");
    const workspaces = [];
    for (const name of ["Bench Co", "Other Co"]) {
      const { workspace, teams } = await createWorkspace(database.db, name, now);
      const user = await insertUser(database.db, {
        workspaceId: workspace.id,
        teamId: teams[0].id,
        email: `admin@${name.replace(" ", "").toLowerCase()}.test`,
        name: "Bench Admin",
        passwordHash: "not-a-hash",
        role: "admin",
      });
      const started = performance.now();
      await seed(database, workspace.id, user.id, teams[0].id);
      console.log(`seeded ${name}: 105,000 records in ${Math.round(performance.now() - started)} ms`);
      workspaces.push({ workspace, user });
    }
    await database.exec("ANALYZE");
    const [{ workspace, user }] = workspaces;
    const { token } = await startSession(database.db, user, { ip: "127.0.0.1", userAgent: "bench", now });
    const app = await buildApp({ database, webDir: null, now: () => now, cacheMegabytes: 0 });
    await app.ready();
    const cookie = `__Host-tandem_session=${token}`;
    const search = async (q: string) => {
      const response = await app.inject({ url: `/api/v1/search?q=${encodeURIComponent(q)}`, headers: { cookie } });
      if (response.statusCode !== 200) throw new Error(`search ${q}: ${response.statusCode} ${response.body}`);
      return response.json().items as Array<{ kind: string; title: string }>;
    };
    for (const q of QUERIES) await search(q); // warm up
    const perQuery: Record<string, ReturnType<typeof summarise> & { hits: number; first: string | null }> = {};
    const all: number[] = [];
    for (const q of QUERIES) {
      const samples: number[] = [];
      let items: Array<{ kind: string; title: string }> = [];
      for (let round = 0; round < ROUNDS; round++) {
        const started = performance.now();
        items = await search(q);
        samples.push(performance.now() - started);
      }
      all.push(...samples);
      perQuery[q] = {
        ...summarise(samples),
        hits: items.length,
        first: items[0] ? `${items[0].kind}: ${items[0].title}` : null,
      };
    }
    // The glossary's part alone (one of the sources the search runs side by side), on the same queries.
    const glossarySource: number[] = [];
    for (const q of QUERIES) {
      const words = searchWords(q, SearchLimits.wordsMax);
      for (let round = 0; round < ROUNDS; round++) {
        const started = performance.now();
        await searchActiveTerms(database.db, workspace.id, { words, phrase: q.toLowerCase(), limit: 20 });
        glossarySource.push(performance.now() - started);
      }
    }
    const lookup: number[] = [];
    const scan: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      let started = performance.now();
      await database.query("SELECT id, title FROM request WHERE workspace_id = $1 AND number = $2", [
        workspace.id,
        1 + round,
      ]);
      lookup.push(performance.now() - started);
      started = performance.now();
      await database.query("SELECT count(*) FROM request WHERE workspace_id = $1 AND title ILIKE $2", [
        workspace.id,
        "%webinar%",
      ]);
      scan.push(performance.now() - started);
    }
    const overall = summarise(all);
    const figures = {
      machine: describeMachine(),
      records: { perWorkspace: 105_000, glossaryTermsPerWorkspace: 5_000, workspaces: 2 },
      rounds: ROUNDS,
      search: { overall, perQuery, glossaryTermsSourceAlone: summarise(glossarySource) },
      reference: { indexedLookup: summarise(lookup), requestTitleIlikeCount: summarise(scan) },
      ratios: {
        searchP95OverLookupMedian: Math.round((overall.p95 / summarise(lookup).median) * 10) / 10,
        ilikeMedianOverSearchMedian: Math.round((summarise(scan).median / overall.median) * 100) / 100,
      },
      budget: { p95Ms: 100, met: overall.p95 < 100 },
      // The machine is shared: the load average says how much else ran beside the measurement.
      loadAverage: os.loadavg().map((value) => Math.round(value * 10) / 10),
    };
    console.log(JSON.stringify(figures, null, 2));
    writeResult("search", figures);
    await app.close();
  } finally {
    await database.close();
    await scratch.drop();
  }
}

await main();
