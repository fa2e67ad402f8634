import { expect, it } from "vitest";
import { describeWithApp } from "../../test/app";
import { DEMO_ADMIN, seedDemo } from "./seed-demo";

describeWithApp("demo company's pipeline and card statement", (get) => {
  it("has a year of requests whose service levels improve, with open work in every stage and reviewed value", async () => {
    const t = get();
    const now = new Date("2026-11-23T10:00:00Z");
    await seedDemo(t.database, now);
    t.setNow(now);
    const login = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: DEMO_ADMIN });
    const cookie = (login.headers["set-cookie"] as string).split(";")[0];
    const get200 = async (url: string) => {
      const response = await t.app.inject({ url, headers: { cookie } });
      expect(response.statusCode, url).toBe(200);
      return response.json();
    };
    const [{ count }] = await t.database.query<{ count: string }>("SELECT count(*) FROM request");
    expect(Number(count)).toBeGreaterThanOrEqual(280);
    const board = (await get200("/api/v1/requests/board")).items as { stage: string }[];
    for (const stage of ["submitted", "triage", "planning", "decision", "delivery"]) {
      expect(
        board.some((request) => request.stage === stage),
        stage,
      ).toBe(true);
    }
    const report = await get200("/api/v1/sla/report?from=2025-11-23&to=2026-11-23");
    expect(report.trend.length).toBeGreaterThanOrEqual(12);
    const decided = report.trend.filter((month: { decisionShare: number | null }) => month.decisionShare !== null);
    const early = decided.slice(0, 3).map((month: { decisionShare: number }) => month.decisionShare);
    const late = decided.slice(-3).map((month: { decisionShare: number }) => month.decisionShare);
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    // The story: IT answered late in the first months and within target by the end of the year.
    expect(mean(late)).toBeGreaterThan(mean(early) + 0.25);
    expect(report.timeToDecision.count).toBeGreaterThan(100);
    expect(report.overall.firstResponse.total).toBeGreaterThan(200);
    const closed = (await get200("/api/v1/requests?stage=closed&limit=200")).items;
    expect(closed.length).toBeGreaterThan(30);
    const one = await get200(`/api/v1/requests/${closed[0].id}`);
    expect(one.review.realisedBenefit).not.toBeNull();
    expect(one.raci.length).toBeGreaterThan(0);
    const timeline = await get200(`/api/v1/requests/${closed[0].id}/events`);
    expect(timeline.items[0].toStage).toBe("submitted");
    // The card statement hides a handful of recurring subscriptions nobody catalogued.
    const candidates = (await get200("/api/v1/stack/discovery/candidates")).items;
    expect(candidates.map((c: { merchantKey: string }) => c.merchantKey).sort()).toEqual([
      "calendly",
      "hotjar",
      "loom",
      "typeform",
    ]);
    expect(candidates.every((c: { isRecurring: boolean }) => c.isRecurring)).toBe(true);
    expect((await get200("/api/v1/audit/verify")).intact).toBe(true);
    t.setNow(null);
  }, 120_000);
});
