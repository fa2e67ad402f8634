import { expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildPersona, buildWorkspace } from "../../../test/factories";
import { executeRun } from "./attribution.runner";
import { insertRun } from "./value.queries";

describeWithApp("attribution runs: bounded, queued and cancellable", (get) => {
  async function setup() {
    const t = get();
    const ws = await buildWorkspace(t);
    const marketer = await buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws });
    const colleague = await buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws });
    const admin = await buildPersona(t, { role: "admin", teamKind: "it", workspace: ws });
    const viewer = await buildPersona(t, { role: "viewer", teamKind: "marketing", workspace: ws });
    const startRun = (body: Record<string, unknown>, persona = marketer) =>
      persona.request({ method: "POST", url: "/api/v1/attribution/runs", payload: { models: ["last"], ...body } });
    const runOf = async (id: string) => (await marketer.request({ url: `/api/v1/attribution/runs/${id}` })).json();
    // A run stored as another process would leave it, without this process starting it.
    const storeRun = async (status: "queued" | "running", period = { start: "2026-01-01", end: "2026-01-31" }) => {
      const now = new Date();
      return insertRun(t.database.db, {
        workspaceId: ws.workspace.id,
        name: `stored ${status}`,
        status,
        progress: 0,
        source: "touchpoints",
        models: ["last"],
        markovOrder: 1,
        lookbackDays: 30,
        halfLifeDays: 7,
        periodStart: period.start,
        periodEnd: period.end,
        currency: "EUR",
        createdBy: marketer.user.id,
        createdAt: now,
        updatedAt: now,
      });
    };
    return { t, ws, marketer, colleague, admin, viewer, startRun, runOf, storeRun };
  }

  it("refuses periods before 1970, beyond a year ahead or longer than 5 years, naming the field", async () => {
    const { startRun } = await setup();
    const issue = await startRun({ periodStart: "0141-02-01", periodEnd: "3283-10-14" });
    expect(issue.statusCode).toBe(400);
    const paths = issue.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["periodStart", "periodEnd"]));
    const ahead = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
    const late = await startRun({ periodStart: "2026-01-01", periodEnd: ahead });
    expect(late.json().errors).toEqual([expect.objectContaining({ path: "periodEnd" })]);
    const long = await startRun({ periodStart: "2019-01-01", periodEnd: "2024-12-31" });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors).toEqual([{ path: "periodEnd", message: "must be at most 5 years after periodStart" }]);
  });

  it("runs over five years with no data at once: it reads the rows that exist, not each day", async () => {
    const { startRun } = await setup();
    const started = performance.now();
    const response = await startRun({ periodStart: "2021-01-02", periodEnd: "2025-12-31", lookbackDays: 365 });
    const millis = performance.now() - started;
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().detail).toMatch(/No attributable conversions/);
    // Measured 0.4–0.8 s here (18 s before, a query per day); the ceiling leaves room for a busy machine.
    expect(millis).toBeLessThan(5000);
  });

  it("stops reading when cancelled through the API, and stays cancelled", async () => {
    const { t, marketer, colleague, viewer, admin, runOf, storeRun } = await setup();
    const items = Array.from({ length: 5000 }, (_, i) => ({
      journeyId: `j${i % 500}`,
      occurredAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      channel: ["Search", "Social", "Email"][i % 3],
    }));
    expect((await marketer.request({ method: "POST", url: "/api/v1/journeys", payload: { items } })).statusCode).toBe(
      201,
    );
    const conversions = [{ journeyId: "j1", occurredAt: "2026-01-05T00:00:00Z", value: 10 }];
    await marketer.request({ method: "POST", url: "/api/v1/outcomes", payload: { items: conversions } });
    const { id } = await storeRun("queued");
    const reads: number[] = [];
    const ran = await executeRun(t.database, id, {
      chunkRows: 100,
      onRead: async (read) => {
        reads.push(read);
        if (reads.length > 1) return;
        // Neither a colleague nor a viewer may stop another's run; its author may.
        for (const persona of [colleague, viewer]) {
          const refused = await persona.request({ method: "POST", url: `/api/v1/attribution/runs/${id}/cancel` });
          expect(refused.statusCode).toBe(403);
        }
        const cancelled = await marketer.request({ method: "POST", url: `/api/v1/attribution/runs/${id}/cancel` });
        expect(cancelled.statusCode, cancelled.body).toBe(200);
        expect(cancelled.json()).toMatchObject({ id, status: "cancelled" });
      },
    });
    expect(ran).toBe(true);
    // 50 chunks were there to read: it stopped after the one during which it was cancelled.
    expect(reads).toEqual([100]);
    expect(await runOf(id)).toMatchObject({ status: "cancelled", results: [] });
    const again = await admin.request({ method: "POST", url: `/api/v1/attribution/runs/${id}/cancel` });
    expect(again.statusCode).toBe(409);
    const events = await t.database.query<{ action: string }>(
      "SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY created_at",
      [id],
    );
    expect(events.map((e) => e.action)).toEqual(["attribution.cancelled"]);
  });

  it("runs one run per workspace and queues the others; a newer run of the same period cancels the older", async () => {
    const { marketer, admin, startRun, runOf, storeRun } = await setup();
    const busy = await storeRun("running", { start: "2025-06-01", end: "2025-06-30" });
    // Another run is running: asked to run now, it is queued behind it.
    const first = await startRun({ periodStart: "2026-01-01", periodEnd: "2026-01-31" });
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({ status: "queued" });
    const other = await startRun({ periodStart: "2026-02-01", periodEnd: "2026-02-28", background: true });
    expect(other.json()).toMatchObject({ status: "queued" });
    // The same period again: the older queued run gives way to it.
    const newer = await startRun({ periodStart: "2026-01-01", periodEnd: "2026-01-31", models: ["first"] });
    expect(newer.statusCode).toBe(202);
    expect(await runOf(first.json().id)).toMatchObject({ status: "cancelled" });
    expect(await runOf(other.json().id)).toMatchObject({ status: "queued" });
    // An admin stops the running run; the queue then runs the others, one after another.
    const stopped = await admin.request({ method: "POST", url: `/api/v1/attribution/runs/${busy.id}/cancel` });
    expect(stopped.json()).toMatchObject({ status: "cancelled" });
    const settled = async (id: string) => {
      let run = await runOf(id);
      for (let i = 0; i < 100 && (run.status === "queued" || run.status === "running"); i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        run = await runOf(id);
      }
      return run;
    };
    // No data in these periods: each fails with the reason, which shows that each was run.
    expect(await settled(newer.json().id)).toMatchObject({ status: "failed", error: /No attributable conversions/ });
    expect(await settled(other.json().id)).toMatchObject({ status: "failed" });
    const list = (await marketer.request({ url: "/api/v1/attribution/runs" })).json().items;
    expect(list.filter((run: { status: string }) => run.status === "running")).toEqual([]);
  });

  it("refuses touchpoints and conversions dated before 1970 or more than a day ahead, in files and pushes", async () => {
    const { marketer } = await setup();
    const ahead = new Date(Date.now() + 2 * 86_400_000).toISOString();
    for (const occurredAt of ["0026-03-29T02:16:42Z", ahead]) {
      const touch = await marketer.request({
        method: "POST",
        url: "/api/v1/journeys",
        payload: { items: [{ journeyId: "a", occurredAt, channel: "Search" }] },
      });
      expect(touch.statusCode, occurredAt).toBe(400);
      expect(touch.json().errors[0].path).toBe("items.0.occurredAt");
      const outcome = await marketer.request({
        method: "POST",
        url: "/api/v1/outcomes",
        payload: { items: [{ journeyId: "a", occurredAt, value: 1 }] },
      });
      expect(outcome.statusCode, occurredAt).toBe(400);
    }
    const file = await marketer.request({
      method: "POST",
      url: "/api/v1/journeys/import",
      payload: {
        kind: "touchpoints",
        csv: "journey_id,timestamp,channel\na,0026-03-29T02:16:42Z,Search\nb,2026-01-01T00:00:00Z,Email\n",
      },
    });
    expect(file.json().errors).toEqual([{ line: 2, field: "timestamp", message: "timestamp: is before 1970" }]);
    expect(file.json().validLines).toBe(1);
    const summary = await marketer.request({ url: "/api/v1/journeys/summary" });
    expect(summary.statusCode).toBe(200);
    expect(summary.json().touchpoints).toBe(0);
  });
});
