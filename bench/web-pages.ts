// Browser benchmark in headless Debian Chromium against the real server on PostgreSQL: the Stack's integration
// graph with 1,000 tools (budget: rendered and interactive < 2 s) and the Pipeline board with 2,000 open requests
// (budget < 1.5 s), and the Scorecard with 200 KPIs × 5 years of weekly measurements (budget: rendered and a KPI
// opened from it < 1 s), each against the catalog page (50 rows) loaded in the same browser in the same run.
// Run: node --import tsx bench/web-pages.ts   (needs /usr/bin/chromium and a built web/dist)
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { launchBrowser } from "../e2e/lib/browser";
import { openDatabase } from "../server/src/db/client";
import { migrate } from "../server/src/db/migrate";
import { hashPassword } from "../server/src/modules/auth/passwords";
import { insertUser } from "../server/src/modules/users/users.queries";
import { createWorkspace } from "../server/src/modules/workspaces/workspaces.commands";
import { scratchDatabase } from "./database";
import { describeMachine, writeResult } from "./machine";
import { seedScorecardData } from "./scorecard-data";

const root = path.resolve(import.meta.dirname, "..");
const TOOLS = 1000;
const INTEGRATIONS = 3000;
const OPEN_REQUESTS = 2000;
const KPIS = 200;
const RUNS = 5;
const PASSWORD = "bench passphrase for the browser";
const port = 3950 + (process.pid % 40);
const base = `http://127.0.0.1:${port}`;

if (!fs.existsSync(path.join(root, "web/dist/index.html"))) {
  throw new Error("web/dist is missing: run `npm run build` first");
}

const scratch = await scratchDatabase("web");

let child: ChildProcess | undefined;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function seed() {
  const database = await openDatabase({ url: scratch.url }, { poolSize: 2 });
  await migrate(database);
  const now = new Date();
  const { workspace, teams } = await createWorkspace(database.db, "Bench Co", now);
  const person = await insertUser(database.db, {
    workspaceId: workspace.id,
    teamId: teams.find((team) => team.kind === "it")?.id ?? teams[0].id,
    email: "admin@bench.test",
    name: "Admin",
    passwordHash: await hashPassword(PASSWORD),
    role: "admin",
  });
  await database.query(
    `INSERT INTO tool (workspace_id, name, vendor, category, subcategory, capabilities, status, lifecycle, data_classes)
     SELECT $1, 'Tool ' || lpad(g::text, 4, '0'), 'Vendor ' || (g % 300),
            (ARRAY['advertising','content','social','commerce','data','management'])[1 + g % 6], 'Sub ' || (g % 40),
            ARRAY['cap' || (g % 90)], (ARRAY['sanctioned','under_review','shadow'])[1 + g % 3], 'active',
            CASE WHEN g % 4 = 0 THEN ARRAY['personal'] ELSE ARRAY[]::text[] END
     FROM generate_series(1, $2::int) AS g`,
    [workspace.id, TOOLS],
  );
  await database.query(
    `INSERT INTO integration (workspace_id, from_tool_id, to_tool_id, method, direction, data_objects)
     SELECT $1, a.id, b.id, 'api', 'one_way', ARRAY['contacts']
     FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM tool WHERE workspace_id = $1) a
     CROSS JOIN generate_series(1, $3::int / $2::int) AS k(k)
     JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM tool WHERE workspace_id = $1) b
       ON b.n = 1 + ((a.n * 7 + k.k * 131) % $2::int)
     WHERE a.id <> b.id`,
    [workspace.id, TOOLS, INTEGRATIONS],
  );
  await database.query(
    `INSERT INTO request (workspace_id, number, type, title, requester_id, priority, stage, stage_changed_at,
                          submitted_at, rank, score)
     SELECT $1, g, (ARRAY['change','capability','data','purchase','project'])[1 + g % 5], 'Request number ' || g, $2,
            (ARRAY['crucial','secondary','nice_to_have'])[1 + g % 3],
            (ARRAY['submitted','triage','planning','decision','delivery','delivered','value_review'])[1 + g % 7],
            now() - (g % 90) * interval '1 day', now() - (g % 90) * interval '1 day',
            'k' || lpad(g::text, 11, '0'), (g % 50) / 5.0 -- the rank: a backlog key in the order of g
     FROM generate_series(1, $3::int) AS g`,
    [workspace.id, person.id, OPEN_REQUESTS],
  );
  const marketing = await insertUser(database.db, {
    workspaceId: workspace.id,
    teamId: teams.find((team) => team.kind === "marketing")?.id ?? teams[0].id,
    email: "cmo@bench.test",
    name: "CMO",
    passwordHash: "not-a-hash",
    role: "member",
  });
  await seedScorecardData(database, {
    workspaceId: workspace.id,
    marketingId: marketing.id,
    itId: person.id,
    periodStart: "2021-12-06",
    periodEnd: "2026-11-30",
    objectives: 10,
    kpis: KPIS,
    years: 5,
  });
  await database.exec("ANALYZE");
  await database.close();
}

async function startServer() {
  child = spawn(process.execPath, [path.join(root, "bin/tandem.mjs"), "start"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: scratch.url,
      PORT: String(port),
      HOST: "127.0.0.1",
      TANDEM_SKIP_WEB_BUILD: "1",
      TANDEM_JOBS: "0",
      LOG_LEVEL: "warn",
    },
    stdio: "ignore",
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the server was not ready after 60 s");
}

/** Milliseconds from navigation to the page's ready condition, then to the answer of one interaction. */
async function measure(page: Page, target: string, ready: () => Promise<unknown>, interact?: () => Promise<unknown>) {
  await page.goto(`${base}/`);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  const started = performance.now();
  await page.goto(`${base}${target}`);
  try {
    await ready();
  } catch (error) {
    await page.screenshot({ path: path.join(root, ".tmp", "bench-web-failure.png") });
    throw error;
  }
  const renderedMs = performance.now() - started;
  let interactionMs: number | null = null;
  if (interact) {
    const before = performance.now();
    await interact();
    interactionMs = performance.now() - before;
  }
  return { renderedMs, interactionMs, totalMs: renderedMs + (interactionMs ?? 0) };
}

try {
  await seed();
  await startServer();
  const browser = await launchBrowser();
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const login = await page.request.post(`${base}/api/v1/auth/login`, {
    data: { email: "admin@bench.test", password: PASSWORD },
    headers: { origin: base },
  });
  if (!login.ok()) throw new Error(`sign-in failed: ${login.status()} ${await login.text()}`);

  const catalog: number[] = [];
  const graph: { renderedMs: number; interactionMs: number | null; totalMs: number }[] = [];
  const board: { renderedMs: number; interactionMs: number | null; totalMs: number }[] = [];
  const scorecard: { renderedMs: number; interactionMs: number | null; totalMs: number }[] = [];
  page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
  for (let run = 0; run < RUNS; run++) {
    const reference = await measure(page, "/stack", () =>
      page.getByRole("row").filter({ hasText: "Tool 0001" }).waitFor(),
    );
    catalog.push(reference.renderedMs);
    graph.push(
      await measure(
        page,
        "/stack/graph",
        async () => {
          await page
            .getByText(new RegExp(`^${TOOLS} tools`))
            .first()
            .waitFor();
          await page.locator(".react-flow__node").first().waitFor();
        },
        async () => {
          // Interactive: filtering by a category redraws the graph with a sixth of the tools.
          await page.getByRole("combobox", { name: "Category" }).click();
          await page.getByRole("option", { name: "Data", exact: true }).click();
          await page
            .getByText(/^1[0-9]{2} tools/)
            .first()
            .waitFor();
        },
      ),
    );
    board.push(
      await measure(page, "/pipeline/board", async () => {
        await page.getByText("Request number 1", { exact: true }).first().waitFor();
      }),
    );
    scorecard.push(
      await measure(
        page,
        "/scorecard?scope=all",
        () => page.getByRole("link", { name: `KPI ${KPIS}`, exact: true }).waitFor(),
        async () => {
          // Interactive: a KPI opened from the scorecard shows its five-year chart.
          await page.getByRole("link", { name: "KPI 001", exact: true }).click();
          await page.getByRole("img", { name: "KPI 001 against its plan and target" }).waitFor();
        },
      ),
    );
  }
  await browser.close();

  const summary = (list: { renderedMs: number; interactionMs: number | null; totalMs: number }[], budget: number) =>
    list.length === 0
      ? null
      : {
          renderedMedianMs: Math.round(median(list.map((m) => m.renderedMs))),
          interactionMedianMs:
            list[0].interactionMs === null ? null : Math.round(median(list.map((m) => m.interactionMs ?? 0))),
          totalMedianMs: Math.round(median(list.map((m) => m.totalMs))),
          totalMaxMs: Math.round(Math.max(...list.map((m) => m.totalMs))),
          budgetMs: budget,
          withinBudget: median(list.map((m) => m.totalMs)) < budget,
          ratioToCatalog: Math.round((median(list.map((m) => m.totalMs)) / median(catalog)) * 100) / 100,
        };
  const figures = {
    machine: describeMachine(),
    runs: RUNS,
    catalogReferenceMs: Math.round(median(catalog)),
    graph: { tools: TOOLS, integrations: INTEGRATIONS, ...summary(graph, 2000) },
    board: { openRequests: OPEN_REQUESTS, ...summary(board, 1500) },
    scorecard: { kpis: KPIS, weeklyMeasurementsYears: 5, ...summary(scorecard, 1000) },
  };
  console.log(`catalog page (reference, 50 rows): median ${figures.catalogReferenceMs} ms to its first row`);
  console.log(
    `graph page, ${TOOLS} tools and ${INTEGRATIONS} integrations: rendered in ${figures.graph.renderedMedianMs} ms, ` +
      `a filter answered in ${figures.graph.interactionMedianMs} ms; total median ${figures.graph.totalMedianMs} ms ` +
      `(budget < 2000 ms: ${figures.graph.withinBudget ? "met" : "MISSED"}; ${figures.graph.ratioToCatalog}× the catalog)`,
  );
  if (figures.board) {
    console.log(
      `board, ${OPEN_REQUESTS} open requests: rendered in ${figures.board.renderedMedianMs} ms median ` +
        `(budget < 1500 ms: ${figures.board.withinBudget ? "met" : "MISSED"}; ${figures.board.ratioToCatalog}× the catalog)`,
    );
  }
  console.log(
    `scorecard, ${KPIS} KPIs × 5 years weekly: rendered in ${figures.scorecard.renderedMedianMs} ms, a KPI opened with its ` +
      `chart in ${figures.scorecard.interactionMedianMs} ms; total median ${figures.scorecard.totalMedianMs} ms ` +
      `(budget < 1000 ms: ${figures.scorecard.withinBudget ? "met" : "MISSED"}; ${figures.scorecard.ratioToCatalog}× the catalog)`,
  );
  writeResult("web-pages", figures);
  if (!figures.graph.withinBudget || !figures.board?.withinBudget || !figures.scorecard.withinBudget)
    process.exitCode = 1;
} finally {
  child?.kill("SIGTERM");
  if (child) await new Promise((resolve) => child?.once("exit", resolve));
  await scratch.drop();
}
