import { expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildPersona } from "../../../test/factories";
import { auditActionsOf, buildKpi, buildScorecardWorld } from "../../../test/factories-scorecard";

describeWithApp("scorecard objectives and segments", (get) => {
  it("POST /api/v1/objectives: 401 signed out, 403 for a viewer, 400 naming the field, 201 stored and audited", async () => {
    const t = get();
    const { marketing, it: itMember, viewer, objective } = await buildScorecardWorld(t);
    const payload = { title: "Faster launches", periodStart: "2026-01-01", periodEnd: "2026-12-31" };
    expect((await t.app.inject({ method: "POST", url: "/api/v1/objectives", payload })).statusCode).toBe(401);
    expect((await viewer.request({ method: "POST", url: "/api/v1/objectives", payload })).statusCode).toBe(403);
    const backwards = await marketing.request({
      method: "POST",
      url: "/api/v1/objectives",
      payload: { ...payload, periodEnd: "2025-12-31" },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toEqual([{ path: "periodEnd", message: "must be on or after periodStart" }]);
    const outsider = await buildPersona(t, { teamKind: "it" });
    const foreign = await marketing.request({
      method: "POST",
      url: "/api/v1/objectives",
      payload: { ...payload, itOwnerId: outsider.user.id },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toBe("itOwnerId");
    expect(objective).toMatchObject({
      title: "Grow repeat orders",
      shared: true,
      notSharedReason: null,
      marketingOwner: { id: marketing.user.id, team: { kind: "marketing" } },
      itOwner: { id: itMember.user.id, team: { kind: "it" } },
      kpiCount: 0,
      version: 1,
    });
    expect(await auditActionsOf(t, objective.id)).toEqual(["objective.created"]);
    const count = await t.database.query<{ n: number }>("SELECT count(*)::int AS n FROM objective WHERE title = $1", [
      "Faster launches",
    ]);
    expect(count[0].n).toBe(0);
  });

  it("marks a one-sided objective not shared and nests joint objectives one level deep", async () => {
    const t = get();
    const { marketing, objective } = await buildScorecardWorld(t);
    const company = (
      await marketing.request({
        method: "POST",
        url: "/api/v1/objectives",
        payload: {
          title: "Win on loyalty",
          periodStart: "2026-01-01",
          periodEnd: "2026-12-31",
          marketingOwnerId: marketing.user.id,
        },
      })
    ).json();
    expect(company).toMatchObject({ shared: false, notSharedReason: "No IT owner" });
    const nested = await marketing.request({
      method: "PATCH",
      url: `/api/v1/objectives/${objective.id}`,
      payload: { version: 1, parentId: company.id },
    });
    expect(nested.json()).toMatchObject({ parentId: company.id, version: 2 });
    const tooDeep = await marketing.request({
      method: "POST",
      url: "/api/v1/objectives",
      payload: { title: "Deeper", periodStart: "2026-01-01", periodEnd: "2026-03-31", parentId: objective.id },
    });
    expect(tooDeep.statusCode).toBe(400);
    expect(tooDeep.json().errors[0]).toEqual({
      path: "parentId",
      message: "must be a company objective: objectives nest one level deep",
    });
    const shared = (await marketing.request({ url: "/api/v1/objectives?shared=false" })).json();
    expect(shared.items.map((item: { id: string }) => item.id)).toEqual([company.id]);
  });

  it("PATCH /api/v1/objectives/:id: 404 for another workspace, 409 on a stale version, period must keep measurements", async () => {
    const t = get();
    const { marketing, objective } = await buildScorecardWorld(t);
    const stranger = await buildPersona(t, { role: "admin" });
    const hidden = await stranger.request({
      method: "PATCH",
      url: `/api/v1/objectives/${objective.id}`,
      payload: { version: 1, title: "Mine" },
    });
    expect(hidden.statusCode).toBe(404);
    const kpi = await buildKpi(marketing, objective.id);
    await marketing.request({
      method: "POST",
      url: `/api/v1/kpis/${kpi.id}/measurements`,
      payload: { date: "2026-03-15", value: 24 },
    });
    const shrink = await marketing.request({
      method: "PATCH",
      url: `/api/v1/objectives/${objective.id}`,
      payload: { version: 1, periodEnd: "2026-02-28" },
    });
    expect(shrink.statusCode).toBe(400);
    expect(shrink.json().errors[0].path).toBe("periodEnd");
    const edited = await marketing.request({
      method: "PATCH",
      url: `/api/v1/objectives/${objective.id}`,
      payload: { version: 1, title: "Grow repeat orders online" },
    });
    expect(edited.json()).toMatchObject({ title: "Grow repeat orders online", version: 2, kpiCount: 1 });
    const stale = await marketing.request({
      method: "PATCH",
      url: `/api/v1/objectives/${objective.id}`,
      payload: { version: 1, title: "Again" },
    });
    expect(stale.statusCode).toBe(409);
    expect(await auditActionsOf(t, objective.id)).toEqual(["objective.created", "objective.updated"]);
  });

  it("segments: add with a priority, refuse a duplicate name, edit with the version, list most important first", async () => {
    const t = get();
    const { marketing, viewer } = await buildScorecardWorld(t);
    expect(
      (await viewer.request({ method: "POST", url: "/api/v1/segments", payload: { name: "Hikers" } })).statusCode,
    ).toBe(403);
    const hikers = await marketing.request({
      method: "POST",
      url: "/api/v1/segments",
      payload: { name: "Hikers", priority: 2 },
    });
    expect(hikers.statusCode).toBe(201);
    await marketing.request({ method: "POST", url: "/api/v1/segments", payload: { name: "Families", priority: 1 } });
    const duplicate = await marketing.request({ method: "POST", url: "/api/v1/segments", payload: { name: "hikers" } });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors[0].path).toBe("name");
    const badPriority = await marketing.request({
      method: "POST",
      url: "/api/v1/segments",
      payload: { name: "X", priority: 9 },
    });
    expect(badPriority.json().errors[0].path).toBe("priority");
    const edited = await marketing.request({
      method: "PATCH",
      url: `/api/v1/segments/${hikers.json().id}`,
      payload: { version: 1, priority: 3 },
    });
    expect(edited.json()).toMatchObject({ priority: 3, version: 2 });
    const stale = await marketing.request({
      method: "PATCH",
      url: `/api/v1/segments/${hikers.json().id}`,
      payload: { version: 1, priority: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const list = (await viewer.request({ url: "/api/v1/segments" })).json();
    expect(list.items.map((segment: { name: string }) => segment.name)).toEqual(["Families", "Hikers"]);
    expect(await auditActionsOf(t, hikers.json().id)).toEqual(["segment.created", "segment.updated"]);
  });

  it("how each of us is measured: KPIs by the owner's side, shared or not, gaps in words", async () => {
    const t = get();
    const { marketing, it: itMember, objective } = await buildScorecardWorld(t);
    await buildKpi(marketing, objective.id, {
      name: "Online revenue",
      unit: "money",
      currency: "EUR",
      baseline: 1000,
      target: 2000,
      category: "revenue",
    });
    await buildKpi(itMember, objective.id, {
      name: "Checkout uptime",
      baseline: 99,
      target: 99.9,
      category: "operations",
    });
    const solo = (
      await marketing.request({
        method: "POST",
        url: "/api/v1/objectives",
        payload: {
          title: "Brand reach",
          periodStart: "2026-01-01",
          periodEnd: "2026-06-30",
          marketingOwnerId: marketing.user.id,
        },
      })
    ).json();
    await buildKpi(marketing, solo.id, { name: "Share of voice", category: "acquisition" });
    const measured = (await marketing.request({ url: "/api/v1/scorecard/measured?asOf=2026-02-01" })).json();
    expect(measured.marketing.map((kpi: { name: string }) => kpi.name)).toEqual(["Online revenue", "Share of voice"]);
    expect(measured.it.map((kpi: { name: string }) => kpi.name)).toEqual(["Checkout uptime"]);
    expect(measured.counts).toEqual({ marketing: 2, it: 1, shared: 2, marketingOnly: 1, itOnly: 0 });
    expect(measured.gaps.map((gap: { message: string }) => gap.message)).toEqual([
      "IT owns no customer-facing KPI",
      "No one owns a customer-experience KPI",
      "No KPI measures how quickly IT responds to marketing",
      "1 KPI serves an objective that marketing and IT do not share",
    ]);
  });

  it("the business review and its CSV: every objective, both owners, status, trend, top risks", async () => {
    const t = get();
    const { marketing, objective } = await buildScorecardWorld(t);
    const kpi = await buildKpi(marketing, objective.id);
    for (const [date, value] of [
      ["2026-01-10", 20],
      ["2026-02-10", 21],
      ["2026-03-01", 21.5],
    ] as const) {
      await marketing.request({ method: "POST", url: `/api/v1/kpis/${kpi.id}/measurements`, payload: { date, value } });
    }
    const review = (await marketing.request({ url: "/api/v1/scorecard/review?asOf=2026-03-10" })).json();
    expect(review.objectives).toHaveLength(1);
    const [row] = review.objectives[0].kpis;
    expect(row).toMatchObject({ name: "Repeat-order rate", status: "off_track", trend: [20, 21, 21.5] });
    expect(row.reason).toBe("15% of the way to target with 76% of the quarter gone");
    expect(review.topRisks.map((risk: { id: string }) => risk.id)).toEqual([kpi.id]);
    expect(review.statusCounts).toEqual({ achieved: 0, on_track: 0, at_risk: 0, off_track: 1, no_data: 0 });
    const past = (await marketing.request({ url: "/api/v1/scorecard/review?asOf=2026-01-05" })).json();
    expect(past.objectives[0].kpis[0]).toMatchObject({ status: "no_data", trend: [] });
    const csv = await marketing.request({ url: "/api/v1/scorecard/review.csv?asOf=2026-03-10" });
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.body.trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      "objective,period_start,period_end,marketing_owner,it_owner,shared,kpi,kpi_owner,latest_value,latest_date,target,status,progress_percent,reason,trend",
    );
    expect(lines[1]).toContain("Grow repeat orders,2026-01-01,2026-03-31,");
    expect(lines[1]).toContain(",yes,Repeat-order rate,");
    expect(lines[1]).toContain(",21.5%,2026-03-01,30%,Off track,15,");
  });

  it("refuses a cursor it did not give out, naming the field, on every Scorecard list", async () => {
    const t = get();
    const { marketing, objective } = await buildScorecardWorld(t);
    const kpi = await buildKpi(marketing, objective.id);
    const tampered = Buffer.from(JSON.stringify(["a", "b"])).toString("base64url");
    for (const url of ["/api/v1/objectives", "/api/v1/kpis", `/api/v1/kpis/${kpi.id}/measurements`]) {
      const response = await marketing.request({ url: `${url}?cursor=${tampered}` });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().errors[0].path, url).toBe("cursor");
    }
  });
});
