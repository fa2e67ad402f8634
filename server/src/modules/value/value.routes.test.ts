import { describe, expect, it } from "vitest";
import { buildPathTable, computeAttribution, createJourneyAggregator, type PathModelName } from "#engines/attribution";
import { describeWithApp } from "../../../test/app";
import { buildPersona, buildWorkspace } from "../../../test/factories";
import { requests } from "../../db/schema";
import { centsOfNumber, formatCents } from "../../lib/money";
import { resumeStalledRuns } from "./attribution.service";

// An engine result as the API shows it: credited value rounded to cents, as decimal strings.
function presented(result: { totals: { value: number }; channels: { value: number }[] }) {
  const money = (value: number) => formatCents(centsOfNumber(value));
  return JSON.parse(
    JSON.stringify({
      ...result,
      totals: { ...result.totals, value: money(result.totals.value) },
      channels: result.channels.map((c) => ({ ...c, value: money(c.value) })),
    }),
  );
}

const SPEND_CSV = [
  "date,channel,campaign,amount,currency,kind,initiative",
  "2026-01-03,Search,Brand,1000.00,EUR,actual,",
  "2026-01-04,Social,Launch,3000,EUR,actual,Spring launch",
  "2026-01-05,Email,Newsletter,500.5,EUR,,",
  "2026-02-01,Search,Brand,1500,EUR,planned,",
].join("\n");

describeWithApp("value", (get) => {
  async function setup() {
    const t = get();
    const ws = await buildWorkspace(t);
    const marketer = await buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws });
    const engineer = await buildPersona(t, { role: "member", teamKind: "it", workspace: ws });
    const viewer = await buildPersona(t, { role: "viewer", teamKind: "marketing", workspace: ws });
    const outsider = await buildPersona(t, { role: "admin", teamKind: "marketing" });
    const importSpend = (csv: string, mode = "dry_run", persona = marketer) =>
      persona.request({ method: "POST", url: "/api/v1/spend/import", payload: { csv, mode, fileName: "spend.csv" } });
    const countSpend = async () =>
      Number(
        (
          await t.database.query<{ n: string }>("SELECT count(*) AS n FROM spend_line WHERE workspace_id = $1", [
            ws.workspace.id,
          ])
        )[0].n,
      );
    return { t, ws, marketer, engineer, viewer, outsider, importSpend, countSpend };
  }

  describe("POST /api/v1/spend/import", () => {
    it("dry-runs a file without writing, then imports it in one go, audited", async () => {
      const { t, importSpend, countSpend, marketer } = await setup();
      const dry = await importSpend(SPEND_CSV);
      expect(dry.statusCode).toBe(200);
      expect(dry.json()).toMatchObject({
        mode: "dry_run",
        lines: 4,
        validLines: 4,
        errorCount: 0,
        imported: 0,
        importId: null,
        summary: { channels: 3, firstDate: "2026-01-03", lastDate: "2026-02-01", total: "6000.50 EUR" },
      });
      expect(await countSpend()).toBe(0);
      const real = await importSpend(SPEND_CSV, "import");
      expect(real.json()).toMatchObject({ mode: "import", imported: 4, importId: expect.any(String) });
      expect(await countSpend()).toBe(4);
      const events = await t.database.query(
        "SELECT action FROM audit_event WHERE entity_id = $1 AND action = 'spend.imported'",
        [real.json().importId],
      );
      expect(events).toHaveLength(1);
      const list = (await marketer.request({ url: "/api/v1/spend?sort=date" })).json();
      expect(list.items.map((i: { channel: string }) => i.channel)).toEqual(["Search", "Social", "Email", "Search"]);
      expect(list.items[2]).toMatchObject({ kind: "actual", amount: { amount: "500.50", currency: "EUR" } });
      expect(list.items[1].initiative).toBe("Spring launch");
    });

    it("lists every bad line by line and field, and imports nothing when one line is bad", async () => {
      const { importSpend, countSpend } = await setup();
      const csv = [
        "date,channel,amount,currency",
        "2026-01-03,Search,1000,EUR",
        "2026-13-01,Search,10,EUR",
        "2026-01-04,Social,-50,EUR",
        "2026-01-05,Email,10,XYZ",
        "2026-01-06,,10,EUR",
        "2099-01-01,Search,10,EUR",
        "2026-01-07,Search,10",
      ].join("\n");
      const dry = (await importSpend(csv)).json();
      expect(dry.lines).toBe(7);
      expect(dry.validLines).toBe(1);
      expect(dry.errors.map((e: { line: number; field: string | null }) => [e.line, e.field])).toEqual([
        [3, "date"],
        [4, "amount"],
        [5, "currency"],
        [6, "channel"],
        [7, "date"],
        [8, null],
      ]);
      expect(dry.errors[1].message).toBe("cannot be negative");
      expect(dry.errors[4].message).toContain("in the future");
      const refused = await importSpend(csv, "import");
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors.map((e: { path: string }) => e.path)).toContain("line 4.amount");
      expect(await countSpend()).toBe(0);
      const valid = (await importSpend(csv, "import_valid")).json();
      expect(valid).toMatchObject({ imported: 1, errorCount: 6 });
      expect(await countSpend()).toBe(1);
    });

    it("reads semicolon files with decimal commas, and refuses a file without the columns", async () => {
      const { importSpend } = await setup();
      const semi = (await importSpend("Date;Channel;Amount;Currency\n2026-01-03;Search;1234,50;eur\n")).json();
      expect(semi).toMatchObject({ validLines: 1, summary: { total: "1234.50 EUR" } });
      const header = (await importSpend("day,channel,amount\n2026-01-03,Search,1\n")).json();
      expect(header.errors[0]).toMatchObject({ line: 1, field: null });
      expect(header.errors[0].message).toContain('lacks column "date"');
    });

    it("streams progress lines and the report when asked for ndjson", async () => {
      const { marketer } = await setup();
      const rows = Array.from({ length: 12_000 }, (_, i) => `2026-01-0${(i % 9) + 1},Search,${i},EUR`);
      const response = await marketer.request({
        method: "POST",
        url: "/api/v1/spend/import",
        headers: { accept: "application/x-ndjson" },
        payload: { csv: ["date,channel,amount,currency", ...rows].join("\n"), mode: "import" },
      });
      expect(response.headers["content-type"]).toContain("application/x-ndjson");
      const lines = response.body
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line));
      expect(lines.some((line) => line.type === "progress" && line.phase === "writing")).toBe(true);
      expect(lines.at(-1)).toMatchObject({ type: "report", report: { imported: 12_000 } });
    }, 60_000);

    it("refuses IT members and viewers (the ledger is marketing's and finance's), naming nothing written", async () => {
      const { importSpend, engineer, viewer, countSpend } = await setup();
      expect((await importSpend(SPEND_CSV, "import", engineer)).statusCode).toBe(403);
      expect((await importSpend(SPEND_CSV, "import", viewer)).statusCode).toBe(403);
      expect(await countSpend()).toBe(0);
    });
  });

  describe("spend lines", () => {
    it("adds, edits with the version, refuses stale versions and future actuals, deletes, audited", async () => {
      const { t, marketer, outsider } = await setup();
      const created = await marketer.request({
        method: "POST",
        url: "/api/v1/spend",
        payload: { date: "2026-03-01", channel: "Events", amount: "2500", currency: "USD" },
      });
      expect(created.statusCode).toBe(201);
      const line = created.json();
      expect(line).toMatchObject({ kind: "actual", amount: { amount: "2500.00", currency: "USD" }, version: 1 });
      const edited = await marketer.request({
        method: "PATCH",
        url: `/api/v1/spend/${line.id}`,
        payload: { version: 1, amount: "2600.10", campaign: "Trade fair" },
      });
      expect(edited.json()).toMatchObject({ version: 2, campaign: "Trade fair", amount: { amount: "2600.10" } });
      const stale = await marketer.request({
        method: "PATCH",
        url: `/api/v1/spend/${line.id}`,
        payload: { version: 1, amount: "1" },
      });
      expect(stale.statusCode).toBe(409);
      const future = await marketer.request({
        method: "PATCH",
        url: `/api/v1/spend/${line.id}`,
        payload: { version: 2, date: "2099-01-01" },
      });
      expect(future.statusCode).toBe(400);
      expect(future.json().errors[0].path).toBe("date");
      const hidden = await outsider.request({ method: "DELETE", url: `/api/v1/spend/${line.id}` });
      expect(hidden.statusCode).toBe(404);
      expect((await outsider.request({ url: "/api/v1/spend" })).json().items).toEqual([]);
      expect((await marketer.request({ method: "DELETE", url: `/api/v1/spend/${line.id}` })).statusCode).toBe(200);
      const actions = await t.database.query<{ action: string }>(
        "SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY seq",
        [line.id],
      );
      expect(actions.map((a) => a.action)).toEqual(["spend.created", "spend.updated", "spend.deleted"]);
    });

    it("refuses bad lines, naming each field", async () => {
      const { marketer } = await setup();
      const cases: [Record<string, unknown>, string][] = [
        [{ amount: "-5" }, "amount"],
        [{ amount: "1.234" }, "amount"],
        [{ currency: "XYZ" }, "currency"],
        [{ date: "2026-02-30" }, "date"],
        [{ channel: " " }, "channel"],
        [{ kind: "forecast" }, "kind"],
        [{ date: "2099-01-01" }, "date"],
      ];
      for (const [body, path] of cases) {
        const response = await marketer.request({
          method: "POST",
          url: "/api/v1/spend",
          payload: { date: "2026-03-01", channel: "Events", amount: "10", currency: "EUR", ...body },
        });
        expect(response.statusCode, JSON.stringify(body)).toBe(400);
        expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
      }
      const planned = await marketer.request({
        method: "POST",
        url: "/api/v1/spend",
        payload: { date: "2099-01-01", channel: "Events", amount: "10", currency: "EUR", kind: "planned" },
      });
      expect(planned.statusCode).toBe(201);
    });

    it("summarises plan against actual by month, channel and initiative", async () => {
      const { marketer, importSpend } = await setup();
      await importSpend(SPEND_CSV, "import");
      const summary = (await marketer.request({ url: "/api/v1/spend/summary" })).json();
      expect(summary).toMatchObject({
        currency: "EUR",
        months: [
          { month: "2026-01", planned: "0.00", actual: "4500.50" },
          { month: "2026-02", planned: "1500.00", actual: "0.00" },
        ],
        channels: [
          { channel: "Social", planned: "0.00", actual: "3000.00" },
          { channel: "Search", planned: "1500.00", actual: "1000.00" },
          { channel: "Email", planned: "0.00", actual: "500.50" },
        ],
        initiatives: [{ initiative: "Spring launch", planned: "0.00", actual: "3000.00" }],
        totals: {
          planned: "1500.00",
          plannedToDate: "1500.00",
          actual: "4500.50",
          actualShareOfPlan: 4500.5 / 1500,
          lines: 4,
        },
      });
    });

    it("sums many small amounts to the exact cent, in the database", async () => {
      const { marketer, importSpend } = await setup();
      const lines = Array.from(
        { length: 1000 },
        (_, i) => `2026-01-0${1 + (i % 9)},Search,${i % 2 ? "0.20" : "0.10"},EUR`,
      );
      const report = (await importSpend(["date,channel,amount,currency", ...lines].join("\n"), "import")).json();
      // 500 × 0.10 + 500 × 0.20 added as floats is 150.00000000000088.
      expect(report).toMatchObject({ imported: 1000, summary: { total: "150.00 EUR" } });
      const summary = (await marketer.request({ url: "/api/v1/spend/summary" })).json();
      expect(summary.totals).toMatchObject({ actual: "150.00", lines: 1000 });
      expect(summary.channels).toEqual([{ channel: "Search", planned: "0.00", actual: "150.00" }]);
      expect(summary.months).toEqual([{ month: "2026-01", planned: "0.00", actual: "150.00" }]);
    });

    it("keeps every cent of large amounts", async () => {
      const { marketer, importSpend } = await setup();
      const lines = Array.from({ length: 7 }, (_, i) => `2026-01-0${i + 1},TV,9999999999.99,EUR,actual,Rebrand`);
      lines.push("2026-02-01,TV,9999999999999.99,EUR,planned,Rebrand");
      const report = (
        await importSpend(["date,channel,amount,currency,kind,initiative", ...lines].join("\n"), "import")
      ).json();
      expect(report.summary.total).toBe("10069999999999.92 EUR");
      const summary = (await marketer.request({ url: "/api/v1/spend/summary" })).json();
      expect(summary.totals).toMatchObject({
        actual: "69999999999.93",
        planned: "9999999999999.99",
        plannedToDate: "9999999999999.99",
      });
      expect(summary.initiatives).toEqual([
        { initiative: "Rebrand", planned: "9999999999999.99", actual: "69999999999.93" },
      ]);
      const list = (await marketer.request({ url: "/api/v1/spend?sort=-amount&limit=1" })).json();
      expect(list.items[0].amount).toEqual({ amount: "9999999999999.99", currency: "EUR" });
    });
  });

  describe("outcomes, journeys and attribution runs", () => {
    const touchpoints = [
      "journey_id,timestamp,channel",
      "a,2026-01-02T10:00:00Z,Search",
      "a,2026-01-03T10:00:00Z,Social",
      "a,2026-01-04T10:00:00Z,Email",
      "b,2026-01-05T10:00:00Z,Search",
      "c,2026-01-06T00:00:00Z,Social", // on a day boundary: read once, by the day it opens
      "c,2026-01-07T10:00:00Z,Email",
      "d,2026-01-08T10:00:00Z,Social",
    ].join("\n");
    const conversions = ["journey_id,timestamp,value", "a,2026-01-04T12:00:00Z,100", "d,2026-01-09T12:00:00Z,40"].join(
      "\n",
    );

    async function loaded() {
      const s = await setup();
      const { marketer, importSpend } = s;
      const tp = await marketer.request({
        method: "POST",
        url: "/api/v1/journeys/import",
        payload: { kind: "touchpoints", csv: touchpoints, mode: "import" },
      });
      expect(tp.json()).toMatchObject({ imported: 7, summary: { journeys: 4, channels: 3 } });
      const conv = await marketer.request({
        method: "POST",
        url: "/api/v1/outcomes/import",
        payload: { csv: conversions, mode: "import" },
      });
      expect(conv.json()).toMatchObject({ imported: 2, summary: { value: "140.00" } });
      expect((await marketer.request({ url: "/api/v1/journeys/summary" })).json().conversionValue).toBe("140.00");
      await importSpend(SPEND_CSV, "import");
      return s;
    }

    it("reports bad journey lines with the engine's messages, and future timestamps", async () => {
      const { marketer } = await setup();
      const report = (
        await marketer.request({
          method: "POST",
          url: "/api/v1/journeys/import",
          payload: {
            kind: "touchpoints",
            csv: "journey_id,timestamp,channel\na,yesterday,Search\n,2026-01-01,Search\nb,2099-01-01T00:00:00Z,Email\nc,2026-01-01,Email\n",
          },
        })
      ).json();
      expect(report.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
        [2, "timestamp"],
        [3, "journey_id"],
        [4, "timestamp"],
      ]);
      expect(report.errors[2].message).toContain("in the future");
      const paths = (
        await marketer.request({
          method: "POST",
          url: "/api/v1/journeys/import",
          payload: {
            kind: "paths",
            csv: "path,total_conversions\nA > > B,1\nA,x\n",
            periodStart: "2026-01-01",
            periodEnd: "2026-01-31",
          },
        })
      ).json();
      expect(paths.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
        [2, "path"],
        [3, "total_conversions"],
      ]);
      const noPeriod = await marketer.request({
        method: "POST",
        url: "/api/v1/journeys/import",
        payload: { kind: "paths", csv: "path,total_conversions\nA,1\n" },
      });
      expect(noPeriod.json().errors.map((e: { path: string }) => e.path)).toEqual(["periodStart", "periodEnd"]);
    });

    it("accepts API pushes in batches, all or nothing", async () => {
      const { marketer } = await setup();
      const bad = await marketer.request({
        method: "POST",
        url: "/api/v1/outcomes",
        payload: {
          items: [
            { journeyId: "x", occurredAt: "2026-01-01T00:00:00Z", value: 5 },
            { journeyId: "y", occurredAt: "2099-01-01T00:00:00Z", value: 5 },
          ],
        },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].path).toBe("items.1.occurredAt");
      const negative = await marketer.request({
        method: "POST",
        url: "/api/v1/outcomes",
        payload: { items: [{ journeyId: "x", occurredAt: "2026-01-01T00:00:00Z", value: -1 }] },
      });
      expect(negative.json().errors[0].path).toBe("items.0.value");
      expect((await marketer.request({ url: "/api/v1/journeys/summary" })).json().conversions).toBe(0);
      const ok = await marketer.request({
        method: "POST",
        url: "/api/v1/journeys",
        payload: { items: [{ journeyId: "x", occurredAt: "2026-01-01T00:00:00Z", channel: "Search" }] },
      });
      expect(ok.statusCode).toBe(201);
      expect((await marketer.request({ url: "/api/v1/journeys/summary" })).json()).toMatchObject({
        touchpoints: 1,
        journeys: 1,
        channels: ["Search"],
      });
    });

    it("runs in the background when asked: answered at once as queued, then done with the same results", async () => {
      const { t, marketer } = await loaded();
      const body = { models: ["linear", "markov"], periodStart: "2026-01-01", periodEnd: "2026-01-31" };
      const direct = (
        await marketer.request({ method: "POST", url: "/api/v1/attribution/runs", payload: body })
      ).json();
      const queued = await marketer.request({
        method: "POST",
        url: "/api/v1/attribution/runs",
        payload: { ...body, background: true },
      });
      expect(queued.statusCode).toBe(202);
      expect(queued.json()).toMatchObject({ status: "queued", progress: 0, results: [] });
      let run = queued.json();
      for (let i = 0; i < 100 && run.status !== "done" && run.status !== "failed"; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        run = (await marketer.request({ url: `/api/v1/attribution/runs/${run.id}` })).json();
      }
      expect(run).toMatchObject({ status: "done", progress: 1, progressNote: "" });
      expect(run.results).toEqual(direct.results);
      // A run with nothing to attribute fails with the reason, in the background too.
      const empty = (
        await marketer.request({
          method: "POST",
          url: "/api/v1/attribution/runs",
          payload: { ...body, periodStart: "2020-01-01", periodEnd: "2020-01-31", background: true },
        })
      ).json();
      let failed = empty;
      for (let i = 0; i < 100 && failed.status !== "failed"; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        failed = (await marketer.request({ url: `/api/v1/attribution/runs/${empty.id}` })).json();
      }
      expect(failed.status).toBe("failed");
      expect(failed.error).toMatch(/No attributable conversions/);
      // A run whose process stopped mid-way (running, silent for 10 minutes) is taken over by the job.
      await t.database.query(
        "UPDATE attribution_run SET status = 'running', results = '[]', updated_at = now() - interval '11 minutes' WHERE id = $1",
        [run.id],
      );
      expect(await resumeStalledRuns(t.database, new Date())).toBe(1);
      const resumed = (await marketer.request({ url: `/api/v1/attribution/runs/${run.id}` })).json();
      expect(resumed).toMatchObject({ status: "done" });
      expect(resumed.results).toEqual(direct.results);
    });

    it("runs every model on the stored journeys, with the engine's exact results", async () => {
      const { marketer, viewer, outsider } = await loaded();
      const models = ["first", "last", "linear", "position", "time-decay", "markov", "shapley"];
      const response = await marketer.request({
        method: "POST",
        url: "/api/v1/attribution/runs",
        payload: { models, periodStart: "2026-01-01", periodEnd: "2026-01-31", lookbackDays: 30 },
      });
      expect(response.statusCode).toBe(201);
      const run = response.json();
      expect(run.inputs).toMatchObject({
        journeys: 4,
        touchpoints: 7,
        conversions: 2,
        channels: ["Email", "Search", "Social"],
      });
      // The same input, straight into the engine.
      const journeys = createJourneyAggregator({ lookbackDays: 30 });
      for (const line of conversions.split("\n").slice(1)) {
        const [id, time, value] = line.split(",");
        journeys.addConversion(id, Date.parse(time), Number(value));
      }
      for (const line of touchpoints.split("\n").slice(1)) {
        const [id, time, channel] = line.split(",");
        journeys.addTouchpoint(id, Date.parse(time), channel);
      }
      const aggregation = journeys.finish();
      for (const result of run.results) {
        const expected =
          result.model === "time-decay"
            ? aggregation.timeDecay
            : computeAttribution(aggregation.paths, result.model as PathModelName, { order: 1 });
        expect(result).toEqual(presented(expected));
      }
      const seen = await viewer.request({ url: `/api/v1/attribution/runs/${run.id}` });
      expect(seen.json().results).toHaveLength(7);
      expect((await viewer.request({ url: "/api/v1/attribution/runs" })).json().items[0]).toMatchObject({
        id: run.id,
        status: "done",
      });
      expect(
        (
          await viewer.request({
            method: "POST",
            url: "/api/v1/attribution/runs",
            payload: { models: ["last"], periodStart: "2026-01-01", periodEnd: "2026-01-31" },
          })
        ).statusCode,
      ).toBe(403);
      expect((await outsider.request({ url: `/api/v1/attribution/runs/${run.id}` })).statusCode).toBe(404);
      expect((await outsider.request({ url: `/api/v1/attribution/runs/${run.id}/which-half` })).statusCode).toBe(404);
      expect((await outsider.request({ url: "/api/v1/attribution/runs" })).json().items).toEqual([]);
      expect((await outsider.request({ url: "/api/v1/journeys/summary" })).json()).toMatchObject({
        touchpoints: 0,
        conversions: 0,
        channels: [],
      });
      expect((await outsider.request({ url: "/api/v1/spend/summary" })).json().totals.lines).toBe(0);
      expect((await outsider.request({ url: "/api/v1/value/imports" })).json().items).toEqual([]);
    });

    it("runs on imported paths and matches the engine, including the 3-path toy's removal effects", async () => {
      const { marketer } = await setup();
      const csv =
        "path,total_conversions,total_conversion_value,total_null\nC1 > C2 > C3,1,10,0\nC1,0,0,1\nC2 > C3,0,0,1\n";
      const imported = await marketer.request({
        method: "POST",
        url: "/api/v1/journeys/import",
        payload: { kind: "paths", csv, mode: "import", periodStart: "2026-02-01", periodEnd: "2026-02-28" },
      });
      expect(imported.json().imported).toBe(3);
      const run = (
        await marketer.request({
          method: "POST",
          url: "/api/v1/attribution/runs",
          payload: {
            source: "paths",
            models: ["markov", "shapley"],
            periodStart: "2026-02-01",
            periodEnd: "2026-02-28",
          },
        })
      ).json();
      const markov = run.results.find((r: { model: string }) => r.model === "markov");
      expect(markov.channels.map((c: { removalEffect: number }) => c.removalEffect)).toEqual([0.5, 1, 1]);
      const table = buildPathTable([
        { path: ["C1", "C2", "C3"], conversions: 1, value: 10 },
        { path: ["C1"], conversions: 0, nulls: 1 },
        { path: ["C2", "C3"], conversions: 0, nulls: 1 },
      ]);
      expect(markov).toEqual(presented(computeAttribution(table, "markov")));
      const timeDecay = await marketer.request({
        method: "POST",
        url: "/api/v1/attribution/runs",
        payload: { source: "paths", models: ["time-decay"], periodStart: "2026-02-01", periodEnd: "2026-02-28" },
      });
      expect(timeDecay.json().errors[0].path).toBe("models");
      const empty = await marketer.request({
        method: "POST",
        url: "/api/v1/attribution/runs",
        payload: { models: ["last"], periodStart: "2025-01-01", periodEnd: "2025-01-31" },
      });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().errors[0].path).toBe("periodStart");
      const backwards = await marketer.request({
        method: "POST",
        url: "/api/v1/attribution/runs",
        payload: { models: ["last"], periodStart: "2026-02-01", periodEnd: "2026-01-01" },
      });
      expect(backwards.json().errors[0].path).toBe("periodEnd");
    });

    it("shows an initiative that names a Pipeline request against the request's estimate and review", async () => {
      const { t, ws, marketer } = await loaded();
      await t.database.db.insert(requests).values({
        workspaceId: ws.workspace.id,
        number: 42,
        type: "project",
        title: "Spring launch",
        requesterId: marketer.user.id,
        stage: "value_review",
        stageChangedAt: new Date(),
        expectedBenefit: "12000.00",
        costEstimate: "3500.00",
        realisedBenefit: "9000.00",
      });
      const run = (
        await marketer.request({
          method: "POST",
          url: "/api/v1/attribution/runs",
          payload: { models: ["linear"], periodStart: "2026-01-01", periodEnd: "2026-01-31" },
        })
      ).json();
      const view = (await marketer.request({ url: `/api/v1/attribution/runs/${run.id}/which-half` })).json();
      expect(view.initiatives[0]).toMatchObject({
        initiative: "Spring launch",
        actual: "3000.00",
        request: { number: 42, expectedBenefit: "12000.00", costEstimate: "3500.00", realisedBenefit: "9000.00" },
      });
    });

    it("shows which half of the spend works, with model agreement and initiative value", async () => {
      const { marketer } = await loaded();
      const run = (
        await marketer.request({
          method: "POST",
          url: "/api/v1/attribution/runs",
          payload: { models: ["last", "linear", "markov"], periodStart: "2026-01-01", periodEnd: "2026-01-31" },
        })
      ).json();
      const view = (await marketer.request({ url: `/api/v1/attribution/runs/${run.id}/which-half` })).json();
      expect(view.model).toBe("markov");
      expect(view.totalSpend).toBe("4500.50");
      // Social took 3000 of 4500.50: it alone is more than half the spend.
      const social = view.channels.find((c: { channel: string }) => c.channel === "Social");
      expect(social.spend).toBe("3000.00");
      const byModel = Object.fromEntries(
        view.channels.map((c: { channel: string; models: { model: string; value: number; roas: number | null }[] }) => [
          c.channel,
          c.models,
        ]),
      );
      // Last touch: Email gets the 100 of journey a, Social the 40 of d.
      expect(byModel.Email.find((m: { model: string }) => m.model === "last")).toMatchObject({
        value: "100.00",
        roas: 10000 / 50050,
      });
      expect(Number(view.leastHalf.spend) + Number(view.bestHalf.spend)).toBe(4500.5);
      expect(view.leastHalf.channels.length).toBeGreaterThan(0);
      expect(view.headline).toContain("of spend");
      expect(view.initiatives[0]).toMatchObject({ initiative: "Spring launch", actual: "3000.00", request: null });
      expect(view.untrackedSpend).toEqual([]);
      const lastView = (
        await marketer.request({ url: `/api/v1/attribution/runs/${run.id}/which-half?model=last` })
      ).json();
      expect(lastView.model).toBe("last");
      const missing = await marketer.request({ url: `/api/v1/attribution/runs/${run.id}/which-half?model=shapley` });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().errors[0].path).toBe("model");
    });
  });
});
