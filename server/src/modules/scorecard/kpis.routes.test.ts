import { expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildPersona } from "../../../test/factories";
import { buildExperiment } from "../../../test/factories-experiments";
import { auditActionsOf, buildKpi, buildScorecardWorld } from "../../../test/factories-scorecard";

describeWithApp("scorecard KPIs and measurements", (get) => {
  it("POST /api/v1/kpis: refuses with the field named and writes nothing; 201 stored and audited", async () => {
    const t = get();
    const { marketing, viewer, objective } = await buildScorecardWorld(t);
    const base = {
      objectiveId: objective.id,
      name: "Checkout conversion",
      unit: "percent",
      direction: "up",
      baseline: 2,
      target: 3,
      ownerId: marketing.user.id,
    };
    const post = (payload: object, persona = marketing) =>
      persona.request({ method: "POST", url: "/api/v1/kpis", payload });
    expect((await t.app.inject({ method: "POST", url: "/api/v1/kpis", payload: base })).statusCode).toBe(401);
    expect((await post(base, viewer)).statusCode).toBe(403);
    const outsider = await buildPersona(t);
    const cases: Array<[object, string]> = [
      [{ ...base, target: 2 }, "target"],
      [{ ...base, baseline: 120 }, "baseline"],
      [{ ...base, ownerId: outsider.user.id }, "ownerId"],
      [{ ...base, unit: "money" }, "currency"],
      [{ ...base, thresholds: { green: 2.1, amber: 2.8 } }, "thresholds.green"],
      [{ ...base, source: "computed" }, "measure"],
      [{ ...base, direction: "sideways" }, "direction"],
      [{ ...base, baseline: "2" }, "baseline"],
    ];
    for (const [payload, field] of cases) {
      const response = await post(payload);
      expect(response.statusCode, field).toBe(400);
      expect(response.json().errors.map((error: { path: string }) => error.path)).toContain(field);
    }
    const stored = await t.database.query<{ n: number }>("SELECT count(*)::int AS n FROM kpi WHERE objective_id = $1", [
      objective.id,
    ]);
    expect(stored[0].n).toBe(0);
    const created = await post({ ...base, thresholds: { green: 2.6, amber: 2.3 }, category: "revenue" });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: "Checkout conversion",
      objectiveTitle: "Grow repeat orders",
      customerFacing: true,
      owner: { id: marketing.user.id, team: { kind: "marketing" } },
      status: "no_data",
      progress: null,
      version: 1,
    });
    expect(await auditActionsOf(t, created.json().id)).toEqual(["kpi.created"]);
  });

  it("PATCH /api/v1/kpis/:id: 404 for another workspace, 409 on a stale version, 400 on target = baseline", async () => {
    const t = get();
    const { marketing, objective } = await buildScorecardWorld(t);
    const kpi = await buildKpi(marketing, objective.id);
    const stranger = await buildPersona(t, { role: "admin" });
    const patch = (payload: object, persona = marketing) =>
      persona.request({ method: "PATCH", url: `/api/v1/kpis/${kpi.id}`, payload });
    expect((await patch({ version: 1, target: 40 }, stranger)).statusCode).toBe(404);
    const same = await patch({ version: 1, target: 20 });
    expect(same.statusCode).toBe(400);
    expect(same.json().errors[0]).toEqual({ path: "target", message: "must differ from the baseline" });
    expect((await patch({ version: 1, target: 35 })).json()).toMatchObject({ target: 35, version: 2 });
    expect((await patch({ version: 1, target: 36 })).statusCode).toBe(409);
    expect(await auditActionsOf(t, kpi.id)).toEqual(["kpi.created", "kpi.updated"]);
  });

  it("check-ins: status, progress and reason as of a date; refusals name the field and write nothing", async () => {
    const t = get();
    const { marketing, viewer, objective } = await buildScorecardWorld(t);
    const kpi = await buildKpi(marketing, objective.id);
    const checkIn = (payload: object, persona = marketing) =>
      persona.request({ method: "POST", url: `/api/v1/kpis/${kpi.id}/measurements`, payload });
    expect((await checkIn({ date: "2026-02-01", value: 22 }, viewer)).statusCode).toBe(403);
    const refusals: Array<[object, string]> = [
      [{ date: "2025-12-31", value: 22 }, "date"],
      [{ date: "2026-04-01", value: 22 }, "date"],
      [{ date: "2026-02-01", value: 101 }, "value"],
      [{ date: "2026-02-01", value: 1e16 }, "value"],
      [{ date: "2026-02-01", value: "NaN" }, "value"],
      [{ date: "2026-02-01", value: 22, confidence: 6 }, "confidence"],
    ];
    for (const [payload, field] of refusals) {
      const response = await checkIn(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().errors[0].path).toBe(field);
    }
    const infinite = await marketing.request({
      method: "POST",
      url: `/api/v1/kpis/${kpi.id}/measurements`,
      headers: { "content-type": "application/json" },
      payload: '{"date":"2026-02-01","value":1e999}',
    });
    expect(infinite.statusCode).toBe(400);
    expect(infinite.json().errors[0].path).toBe("value");
    const none = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM kpi_measurement WHERE kpi_id = $1",
      [kpi.id],
    );
    expect(none[0].n).toBe(0);
    const first = await checkIn({ date: "2026-01-20", value: 22, comment: "Loyalty mail live", confidence: 4 });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ source: "check_in", confidence: 4, recordedBy: { id: marketing.user.id } });
    await checkIn({ date: "2026-03-04", value: 26.2 });
    const asOf = (await marketing.request({ url: `/api/v1/kpis/${kpi.id}?asOf=2026-03-04` })).json();
    expect(asOf).toMatchObject({ status: "on_track", asOf: "2026-03-04", latest: { date: "2026-03-04", value: 26.2 } });
    expect(asOf.progress).toBeCloseTo(0.62, 10);
    expect(asOf.reason).toBe("62% of the way to target with 70% of the quarter gone");
    const earlier = (await marketing.request({ url: `/api/v1/kpis/${kpi.id}?asOf=2026-02-01` })).json();
    expect(earlier).toMatchObject({ status: "at_risk", latest: { date: "2026-01-20", value: 22 } });
    const before = (await marketing.request({ url: `/api/v1/kpis/${kpi.id}?asOf=2026-01-19` })).json();
    expect(before).toMatchObject({ status: "no_data", latest: null });
    const timeline = (await marketing.request({ url: `/api/v1/kpis/${kpi.id}/measurements?limit=1` })).json();
    expect(timeline.items.map((m: { date: string }) => m.date)).toEqual(["2026-03-04"]);
    const next = (
      await marketing.request({ url: `/api/v1/kpis/${kpi.id}/measurements?limit=1&cursor=${timeline.nextCursor}` })
    ).json();
    expect(next.items.map((m: { comment: string }) => m.comment)).toEqual(["Loyalty mail live"]);
    const list = (await viewer.request({ url: "/api/v1/kpis?asOf=2026-03-04&status=on_track" })).json();
    expect(list.items.map((k: { id: string }) => k.id)).toEqual([kpi.id]);
    const offTrack = (await viewer.request({ url: "/api/v1/kpis?asOf=2026-03-04&status=off_track" })).json();
    expect(offTrack.items).toEqual([]);
    expect(await auditActionsOf(t, kpi.id)).toEqual(["kpi.created", "kpi.measured", "kpi.measured"]);
  });

  it("push by API token: read-write stores with source api; a read-only token is refused and writes nothing", async () => {
    const t = get();
    const { marketing, objective } = await buildScorecardWorld(t);
    const kpi = await buildKpi(marketing, objective.id);
    const tokenOf = async (scope: "read" | "read-write") =>
      (
        await marketing.request({
          method: "POST",
          url: "/api/v1/tokens",
          payload: { name: `warehouse ${scope}`, scope },
        })
      ).json().token as string;
    const push = (token: string) =>
      t.app.inject({
        method: "POST",
        url: `/api/v1/kpis/${kpi.id}/measurements`,
        headers: { authorization: `Bearer ${token}` },
        payload: { date: "2026-02-02", value: 23.5 },
      });
    const readOnly = await push(await tokenOf("read"));
    expect(readOnly.statusCode).toBe(403);
    const none = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM kpi_measurement WHERE kpi_id = $1",
      [kpi.id],
    );
    expect(none[0].n).toBe(0);
    const pushed = await push(await tokenOf("read-write"));
    expect(pushed.statusCode).toBe(201);
    expect(pushed.json()).toMatchObject({ source: "api", value: 23.5, date: "2026-02-02" });
  });

  it("POST /api/v1/kpis/import: a dry run names bad lines; an import is all or nothing and idempotent by KPI + date", async () => {
    const t = get();
    const { marketing, viewer, objective } = await buildScorecardWorld(t);
    const kpi = await buildKpi(marketing, objective.id);
    const csv = [
      "kpi,date,value,comment",
      `Repeat-order rate,2026-01-15,21,first`,
      `${kpi.id},2026-02-15,23.5,`,
      `Repeat-order rate,2026-03-15,25,`,
    ].join("\n");
    const bad = `${csv}\nRepeat-order rate,2026-05-01,22,\nNo such KPI,2026-01-01,1,\nRepeat-order rate,2026-01-16,abc,\n`;
    const importCsv = (body: object, persona = marketing) =>
      persona.request({ method: "POST", url: "/api/v1/kpis/import", payload: body });
    expect((await importCsv({ csv, dryRun: true }, viewer)).statusCode).toBe(403);
    const dry = (await importCsv({ csv: bad, dryRun: true })).json();
    expect(dry.errors).toEqual([
      { line: 5, field: "date", message: "must be within the KPI's period, 2026-01-01 to 2026-03-31" },
      { line: 6, field: "kpi", message: '"No such KPI" is not a KPI of this workspace' },
      { line: 7, field: "value", message: "must be a finite number" },
    ]);
    const refused = (await importCsv({ csv: bad, dryRun: false })).json();
    expect(refused).toMatchObject({ imported: false, created: 3 });
    const none = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM kpi_measurement WHERE kpi_id = $1",
      [kpi.id],
    );
    expect(none[0].n).toBe(0);
    const imported = (await importCsv({ csv, dryRun: false })).json();
    expect(imported).toMatchObject({ imported: true, lines: 3, created: 3, updated: 0, unchanged: 0, errors: [] });
    const again = (await importCsv({ csv, dryRun: false })).json();
    expect(again).toMatchObject({ imported: true, created: 0, updated: 0, unchanged: 3 });
    const versions = await t.database.query<{ version: number; source: string }>(
      "SELECT version, source FROM kpi_measurement WHERE kpi_id = $1 ORDER BY date",
      [kpi.id],
    );
    expect(versions).toEqual([1, 1, 1].map((version) => ({ version, source: "csv" })));
    const changed = (await importCsv({ csv: csv.replace("25,", "26,"), dryRun: false })).json();
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
  });

  it("POST /api/v1/kpis/import: a file over the CSV caps is a line error, never a 500", async () => {
    const { marketing } = await buildScorecardWorld(get());
    const wide = `kpi,date,value
${Array.from({ length: 250 }, (_, i) => `c${i}`).join(",")}
`;
    const response = await marketing.request({
      method: "POST",
      url: "/api/v1/kpis/import",
      payload: { csv: wide, dryRun: true },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().errors).toEqual([{ line: 2, field: "", message: "line 2: has more than 200 columns" }]);
  });

  it("links, the series for the chart, and computed KPIs refuse check-ins", async () => {
    const t = get();
    const { marketing, objective } = await buildScorecardWorld(t);
    const kpi = await buildKpi(marketing, objective.id);
    const tool = (
      await marketing.request({
        method: "POST",
        url: "/api/v1/tools",
        payload: { name: "Loyalty app", category: "social", subcategory: "Advocacy, loyalty & referrals" },
      })
    ).json();
    const foreign = await buildPersona(t);
    const foreignTool = (
      await foreign.request({
        method: "POST",
        url: "/api/v1/tools",
        payload: { name: "Theirs", category: "social", subcategory: "CRM" },
      })
    ).json();
    const link = (payload: object) =>
      marketing.request({ method: "PUT", url: `/api/v1/kpis/${kpi.id}/links`, payload });
    const refused = await link({ version: 1, requestIds: [], experimentIds: [], toolIds: [foreignTool.id] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].path).toBe("toolIds.0");
    const linked = await link({ version: 1, requestIds: [], experimentIds: [], toolIds: [tool.id] });
    expect(linked.json()).toMatchObject({ version: 2, links: { tools: [{ id: tool.id, name: "Loyalty app" }] } });
    expect((await link({ version: 1, requestIds: [], experimentIds: [], toolIds: [] })).statusCode).toBe(409);
    const byTool = (await marketing.request({ url: `/api/v1/kpis?toolId=${tool.id}` })).json();
    expect(byTool.items.map((item: { id: string }) => item.id)).toEqual([kpi.id]);
    const byOtherTool = (await marketing.request({ url: `/api/v1/kpis?toolId=${foreignTool.id}` })).json();
    expect(byOtherTool.items).toEqual([]);
    const experiment = await buildExperiment(t, marketing.user.workspaceId, marketing.user.id);
    const withExperiment = await link({
      version: 2,
      requestIds: [],
      experimentIds: [experiment.id],
      toolIds: [tool.id],
    });
    expect(withExperiment.json().links.experiments.map((e: { id: string }) => e.id)).toEqual([experiment.id]);
    const byExperiment = (await marketing.request({ url: `/api/v1/kpis?experimentId=${experiment.id}` })).json();
    expect(byExperiment.items.map((item: { id: string }) => item.id)).toEqual([kpi.id]);
    const stored = await t.database.query<{ kpi_id: string; kpi: string }>(
      "SELECT kpi_id, kpi FROM experiment WHERE id = $1",
      [experiment.id],
    );
    expect(stored[0].kpi_id).toBe(kpi.id);
    expect(stored[0].kpi.length).toBeGreaterThan(0);
    for (const [date, value] of [
      ["2026-01-07", 20.5],
      ["2026-01-14", 21],
      ["2026-02-20", 24],
    ] as const) {
      await marketing.request({ method: "POST", url: `/api/v1/kpis/${kpi.id}/measurements`, payload: { date, value } });
    }
    const series = (await marketing.request({ url: `/api/v1/kpis/${kpi.id}/series?from=2026-01-10` })).json();
    expect(series).toMatchObject({
      unit: "percent",
      points: [
        { date: "2026-01-14", value: 21 },
        { date: "2026-02-20", value: 24 },
      ],
      plan: [
        { date: "2026-01-01", value: 20 },
        { date: "2026-03-31", value: 30 },
      ],
    });
    // The series is kept per person and read again without the database, until a measurement, the KPI or its
    // objective changes: a check-in, an edit and a value written outside the API all show at once.
    const seriesUrl = `/api/v1/kpis/${kpi.id}/series`;
    expect((await marketing.request({ url: seriesUrl })).headers["x-tandem-cache"]).toBe("miss");
    expect((await marketing.request({ url: seriesUrl })).headers["x-tandem-cache"]).toBe("hit");
    await marketing.request({
      method: "POST",
      url: `/api/v1/kpis/${kpi.id}/measurements`,
      payload: { date: "2026-03-06", value: 25 },
    });
    const afterCheckIn = await marketing.request({ url: seriesUrl });
    expect(afterCheckIn.headers["x-tandem-cache"]).toBe("miss");
    expect(afterCheckIn.json().points.at(-1)).toEqual({ date: "2026-03-06", value: 25 });
    await t.database.query("UPDATE kpi_measurement SET value = 26 WHERE kpi_id = $1 AND date = '2026-03-06'", [kpi.id]);
    expect((await marketing.request({ url: seriesUrl })).json().points.at(-1)).toEqual({
      date: "2026-03-06",
      value: 26,
    });
    await t.database.query("UPDATE kpi SET target = 31 WHERE id = $1", [kpi.id]);
    expect((await marketing.request({ url: seriesUrl })).json().target).toBe(31);
    await t.database.query("UPDATE objective SET period_end = '2026-04-30' WHERE id = $1", [objective.id]);
    expect((await marketing.request({ url: seriesUrl })).json().periodEnd).toBe("2026-04-30");
    const computed = await buildKpi(marketing, objective.id, {
      name: "Tools with both owners",
      source: "computed",
      measure: "tools_with_both_owners",
    });
    const checkIn = await marketing.request({
      method: "POST",
      url: `/api/v1/kpis/${computed.id}/measurements`,
      payload: { date: "2026-02-01", value: 50 },
    });
    expect(checkIn.statusCode).toBe(409);
    expect(checkIn.json().errors[0].path).toBe("value");
  });

  it("a request's KPIs this should move: set by id, refused from another workspace, read with their status", async () => {
    const t = get();
    const { marketing, viewer, objective } = await buildScorecardWorld(t);
    const kpi = await buildKpi(marketing, objective.id);
    const created = await marketing.request({
      method: "POST",
      url: "/api/v1/requests",
      payload: { type: "change", title: "Reminder email for repeat buyers", problem: "Customers forget to reorder." },
    });
    const requestId = created.json().id as string;
    const put = (payload: object, persona = marketing) =>
      persona.request({ method: "PUT", url: `/api/v1/requests/${requestId}/kpis`, payload });
    expect((await put({ kpiIds: [kpi.id] }, viewer)).statusCode).toBe(403);
    const stranger = await buildPersona(t, { role: "admin" });
    expect((await put({ kpiIds: [] }, stranger)).statusCode).toBe(404);
    const strangerObjective = (
      await stranger.request({
        method: "POST",
        url: "/api/v1/objectives",
        payload: { title: "Theirs", periodStart: "2026-01-01", periodEnd: "2026-03-31" },
      })
    ).json();
    const theirs = await buildKpi(stranger, strangerObjective.id);
    const foreign = await put({ kpiIds: [kpi.id, theirs.id] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors).toEqual([{ path: "kpiIds.1", message: "is not a KPI of this workspace" }]);
    const set = await put({ kpiIds: [kpi.id] });
    expect(set.statusCode).toBe(200);
    expect(set.json().items.map((item: { id: string }) => item.id)).toEqual([kpi.id]);
    const read = (await viewer.request({ url: `/api/v1/requests/${requestId}/kpis` })).json();
    expect(read.items[0]).toMatchObject({ id: kpi.id, name: "Repeat-order rate" });
    const detail = (await viewer.request({ url: `/api/v1/kpis/${kpi.id}` })).json();
    expect(detail.links.requests).toEqual([
      { id: requestId, title: "Reminder email for repeat buyers", stage: expect.any(String) },
    ]);
    expect(await auditActionsOf(t, requestId)).toContain("request.kpis_set");
    // The same set sent five times at once (a double-click, a retry): each answers, one link stays.
    const again = await Promise.all(Array.from({ length: 5 }, () => put({ kpiIds: [kpi.id] })));
    expect(again.map((response) => response.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const links = await t.database.query("SELECT kpi_id FROM request_kpi WHERE request_id = $1", [requestId]);
    expect(links).toEqual([{ kpi_id: kpi.id }]);
  });
});
