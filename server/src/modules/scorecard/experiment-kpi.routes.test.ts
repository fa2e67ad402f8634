import { expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildPersona } from "../../../test/factories";
import { buildExperiment } from "../../../test/factories-experiments";
import { auditActionsOf, buildKpi, buildScorecardWorld } from "../../../test/factories-scorecard";

describeWithApp("an experiment's Scorecard KPI, from the experiment's page", (get) => {
  it("GET/PUT /api/v1/experiments/:id/kpi: links, changes and unlinks; the KPI page sees the same link", async () => {
    const t = get();
    const { marketing, viewer, objective } = await buildScorecardWorld(t);
    const first = await buildKpi(marketing, objective.id);
    const second = await buildKpi(marketing, objective.id, { name: "Average order value", unit: "count" });
    const experiment = await buildExperiment(t, marketing.user.workspaceId, marketing.user.id, {
      kpi: "repeat orders",
    });
    const url = `/api/v1/experiments/${experiment.id}/kpi`;
    expect((await t.app.inject({ url })).statusCode).toBe(401);
    const unlinked = await viewer.request({ url });
    expect(unlinked.statusCode).toBe(200);
    expect(unlinked.json()).toMatchObject({ experimentId: experiment.id, kpiText: "repeat orders", kpi: null });
    const put = (payload: object, persona = marketing) => persona.request({ method: "PUT", url, payload });
    const version = unlinked.json().version;
    expect((await put({ kpiId: first.id, version }, viewer)).statusCode).toBe(403);
    const linked = await put({ kpiId: first.id, version });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({ kpiText: "repeat orders", kpi: { id: first.id, name: "Repeat-order rate" } });
    expect(linked.json().version).toBe(version + 1);
    const onKpiPage = (await marketing.request({ url: `/api/v1/kpis/${first.id}` })).json();
    expect(onKpiPage.links.experiments.map((e: { id: string }) => e.id)).toEqual([experiment.id]);
    // A stale version is refused and changes nothing.
    const stale = await put({ kpiId: second.id, version });
    expect(stale.statusCode).toBe(409);
    expect((await marketing.request({ url })).json().kpi.id).toBe(first.id);
    const changed = await put({ kpiId: second.id, version: version + 1 });
    expect(changed.json().kpi.id).toBe(second.id);
    expect((await marketing.request({ url: `/api/v1/kpis/${first.id}` })).json().links.experiments).toEqual([]);
    const cleared = await put({ kpiId: null, version: version + 2 });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({ kpi: null, kpiText: "repeat orders" });
    expect(await auditActionsOf(t, experiment.id)).toEqual([
      "experiment.kpi_linked",
      "experiment.kpi_linked",
      "experiment.kpi_linked",
    ]);
  });

  it("refuses another workspace's KPI by field and hides another workspace's experiment", async () => {
    const t = get();
    const { marketing, objective } = await buildScorecardWorld(t);
    const experiment = await buildExperiment(t, marketing.user.workspaceId, marketing.user.id);
    const other = await buildScorecardWorld(t);
    const foreignKpi = await buildKpi(other.marketing, other.objective.id);
    const url = `/api/v1/experiments/${experiment.id}/kpi`;
    const { version } = (await marketing.request({ url })).json();
    const refused = await marketing.request({ method: "PUT", url, payload: { kpiId: foreignKpi.id, version } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ path: "kpiId", message: "is not a KPI of this workspace" }]);
    const bad = await marketing.request({ method: "PUT", url, payload: { kpiId: "nope", version } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("kpiId");
    const outsider = await buildPersona(t, { role: "admin" });
    const own = await buildKpi(marketing, objective.id);
    expect((await outsider.request({ url })).statusCode).toBe(404);
    const hidden = await outsider.request({ method: "PUT", url, payload: { kpiId: own.id, version } });
    expect(hidden.statusCode).toBe(404);
    expect((await marketing.request({ url })).json().kpi).toBeNull();
  });
});
