import { expect, it } from "vitest";
import { describeWithApp, type TestApp } from "../../../test/app";
import { DEMO_ADMIN, seedDemo } from "../../cli/seed-demo";
import { cadenceDates, guardrailWindowOf, quarterStartOf, trailingStartOf } from "./measures.rules";

const NOW = new Date("2026-11-23T10:00:00Z");
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

type Kpi = { id: string; name: string; measure: string | null; source: string; status: string; reason: string };
type Measurement = { date: string; value: number; source: string; computedFrom: Record<string, unknown> | null };

async function signIn(t: TestApp) {
  const login = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: DEMO_ADMIN });
  const cookie = (login.headers["set-cookie"] as string).split(";")[0];
  return async (url: string) => {
    const response = await t.app.inject({ url, headers: { cookie } });
    expect(response.statusCode, url).toBe(200);
    return response.json();
  };
}

describeWithApp("computed KPIs equal their source reports (demo company)", (get) => {
  let read: (url: string) => Promise<any>;
  let kpis: Kpi[] = [];
  const byMeasure = (measure: string) => {
    const found = kpis.find((kpi) => kpi.measure === measure);
    if (!found) throw new Error(`no KPI computes ${measure}`);
    return found;
  };
  const seriesOf = async (kpi: Kpi): Promise<Measurement[]> =>
    (await read(`/api/v1/kpis/${kpi.id}/measurements?limit=200`)).items;

  it("seeds the scorecard: ~8 joint objectives, ~25 KPIs, one objective not shared, VoC for three segments", async () => {
    const t = get();
    await seedDemo(t.database, NOW);
    t.setNow(NOW);
    read = await signIn(t);
    kpis = (await read("/api/v1/kpis?limit=200")).items;
    const objectives = (await read("/api/v1/objectives?limit=200")).items;
    expect(objectives.length).toBeGreaterThanOrEqual(8);
    expect(kpis.length).toBeGreaterThanOrEqual(25);
    expect(objectives.filter((o: { shared: boolean }) => !o.shared).map((o: { title: string }) => o.title)).toEqual([
      "Brand awareness in the Nordics",
    ]);
    const segments = (await read("/api/v1/segments")).items;
    expect(segments.map((s: { name: string }) => s.name)).toEqual([
      "Weekend hikers",
      "Alpine climbers",
      "Family campers",
    ]);
    for (const segment of segments) {
      const voc = (await read(`/api/v1/kpis?segmentId=${segment.id}`)).items.map((k: Kpi) => k.name.split(" — ")[0]);
      expect(voc, segment.name).toContain("NPS");
    }
  }, 240_000);

  it("IT's responsiveness is computed from the Pipeline's service levels, equals the report and improves", async () => {
    const kpi = byMeasure("marketing_requests_within_sla");
    const points = (await seriesOf(kpi)).reverse();
    expect(points.map((p) => p.date)).toEqual(cadenceDates("2026-01-01", "2026-11-23", "monthly"));
    for (const point of points) {
      expect(point.source).toBe("computed");
      const report = await read(`/api/v1/sla/report?from=${trailingStartOf(point.date, 90)}&to=${point.date}`);
      expect(point.value, point.date).toBe(round4(report.overall.decision.share * 100));
      expect(point.computedFrom).toMatchObject({ decided: report.overall.decision.total, to: point.date });
    }
    expect(points[points.length - 1].value).toBeGreaterThan(points[0].value + 20);
    const hours = (await seriesOf(byMeasure("marketing_request_decision_hours"))).reverse();
    for (const point of hours) {
      const report = await read(`/api/v1/sla/report?from=${trailingStartOf(point.date, 90)}&to=${point.date}`);
      expect(point.value, point.date).toBe(report.timeToDecision.median);
    }
    expect(hours[hours.length - 1].value).toBeLessThan(hours[0].value);
  });

  it("the stack's measures equal the catalog, compliance and discovery reports", async () => {
    const eur = (tools: Array<{ annualCost: { amount: string; currency: string } | null }>) =>
      sum(tools.filter((tool) => tool.annualCost?.currency === "EUR").map((tool) => Number(tool.annualCost?.amount)));
    const toolsIn = async (phases: string[]) =>
      (await Promise.all(phases.map((phase) => read(`/api/v1/tools?limit=200&lifecycle=${phase}`)))).flatMap(
        (page) => page.items,
      );
    const [cost] = await seriesOf(byMeasure("active_stack_annual_cost"));
    expect(cost.date).toBe("2026-11-23");
    expect(cost.value).toBe(Math.round(eur(await toolsIn(["phase_in", "active"])) * 100) / 100);
    const compliance = await read("/api/v1/stack/compliance");
    const owned = compliance.tools.filter((tool: { ownershipGaps: string[] }) => tool.ownershipGaps.length === 0);
    const [both] = await seriesOf(byMeasure("tools_with_both_owners"));
    expect(both.value).toBe(round4((owned.length / compliance.tools.length) * 100));
    const candidates = (await read("/api/v1/stack/discovery/candidates")).items;
    const shadow = sum(
      candidates.flatMap((c: { spend: Array<{ currency: string; yearly: string }> }) =>
        c.spend.filter((s) => s.currency === "EUR").map((s) => Number(s.yearly)),
      ),
    );
    const known = eur(await toolsIn(["phase_in", "active", "phase_out"]));
    const [share] = await seriesOf(byMeasure("shadow_it_spend_share"));
    expect(shadow).toBeGreaterThan(0);
    expect(share.value).toBe(round4((shadow / (shadow + known)) * 100));
  });

  it("experiments decided per quarter equal the learning library; return on spend equals the latest run", async () => {
    const learnings = (await read("/api/v1/experiments/learnings?limit=200")).items as Array<{
      decision: { decidedAt: string };
    }>;
    for (const point of await seriesOf(byMeasure("experiments_decided_per_quarter"))) {
      const from = quarterStartOf(point.date);
      const decided = learnings.filter(
        (e) => e.decision.decidedAt.slice(0, 10) >= from && e.decision.decidedAt.slice(0, 10) <= point.date,
      );
      expect(point.value, point.date).toBe(decided.length);
    }
    const runs = (await read("/api/v1/attribution/runs")).items as Array<{ id: string; status: string }>;
    const latest = runs.find((run) => run.status === "done");
    if (!latest) throw new Error("the demo has a finished attribution run");
    const view = await read(`/api/v1/attribution/runs/${latest.id}/which-half`);
    const [ros] = await seriesOf(byMeasure("attributed_return_on_spend"));
    expect(ros.value).toBe(round4(Number(view.totalValue) / Number(view.totalSpend)));
    expect(ros.computedFrom).toMatchObject({ run: latest.id, totalSpend: view.totalSpend });
  });

  it("the purchase measures equal the Guardrails' report: decided at once, median hours, spend through Tandem", async () => {
    const window = guardrailWindowOf("2026-11-23");
    expect(window).toEqual({ from: "2025-11-24", to: "2026-11-24" });
    // The window is the report's own default on that day.
    const report = await read(`/api/v1/guardrails/measures?from=${window.from}&to=${window.to}`);
    expect(await read("/api/v1/guardrails/measures")).toEqual(report);
    // The policy judged the demo's five purchases with details: Tally and Loom approved at once, TrackEverything
    // blocked, Brevo and Gong in review. The year's other purchase requests were decided by people.
    expect(report).toMatchObject({ judged: 5, decidedAtOncePercent: 60 });
    expect(report.purchases).toBeGreaterThan(report.judged);
    const [atOnce] = await seriesOf(byMeasure("purchases_decided_at_once"));
    expect(atOnce).toMatchObject({ date: "2026-11-23", value: 60, source: "computed" });
    expect(atOnce.computedFrom).toMatchObject({
      report: "guardrails measures",
      ...window,
      purchases: report.purchases,
      judged: 5,
    });
    const [hours] = await seriesOf(byMeasure("purchase_decision_hours"));
    expect(report.medianHoursToDecision).toBeGreaterThan(0);
    expect(hours.value).toBe(Math.round((report.medianHoursToDecision ?? 0) * 100) / 100);
    const eur = (list: Array<{ currency: string; yearly: string }>) =>
      sum(list.filter((s) => s.currency === "EUR").map((s) => Number(s.yearly)));
    const through = eur(report.spendThroughTandem);
    const found = eur(report.spendFoundInExpenses);
    // Tally Forms (1,200 EUR); Loom bills in USD and is left out of the EUR share.
    expect(through).toBe(1200);
    expect(found).toBeGreaterThan(0);
    const [share] = await seriesOf(byMeasure("software_spend_through_tandem"));
    expect(share.value).toBe(round4((through / (through + found)) * 100));
    expect(share.computedFrom).toMatchObject({ currency: "EUR", throughTandem: 1200, foundInExpenses: found });
    const kpi = await read(`/api/v1/kpis/${byMeasure("purchases_decided_at_once").id}`);
    expect(kpi.status).not.toBe("no_data");
  });

  it("tells the story: a KPI that slipped and recovered, one off track, the review lists both sides' owners", async () => {
    const checkout = kpis.find((kpi) => kpi.name === "Checkout conversion rate") as Kpi;
    const midYear = await read(`/api/v1/kpis/${checkout.id}?asOf=2026-06-15`);
    expect(["at_risk", "off_track"]).toContain(midYear.status);
    expect((await read(`/api/v1/kpis/${checkout.id}`)).status).toBe("on_track");
    const cpa = await read(`/api/v1/kpis/${(kpis.find((kpi) => kpi.name === "Cost per acquisition") as Kpi).id}`);
    expect(cpa.status).toBe("off_track");
    const review = await read("/api/v1/scorecard/review");
    expect(review.topRisks.map((risk: { name: string }) => risk.name)).toContain("Cost per acquisition");
    const measured = await read("/api/v1/scorecard/measured");
    expect(measured.marketing.length).toBeGreaterThan(0);
    expect(measured.it.length).toBeGreaterThan(0);
    expect(measured.gaps.map((gap: { code: string }) => gap.code)).toContain("kpis_on_unshared_objectives");
    expect((await read("/api/v1/audit/verify")).intact).toBe(true);
    get().setNow(null);
  });
});
