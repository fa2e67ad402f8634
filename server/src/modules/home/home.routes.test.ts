import { expect, it } from "vitest";
import { describeWithApp, type TestApp } from "../../../test/app";
import { buildPersona } from "../../../test/factories";
import { DEMO_ADMIN, seedDemo } from "../../cli/seed-demo";

const NOW = new Date("2026-11-23T10:00:00Z");

async function signIn(t: TestApp, email: string) {
  const login = await t.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { email, password: DEMO_ADMIN.password },
  });
  const cookie = (login.headers["set-cookie"] as string).split(";")[0];
  return async (url: string) => {
    const response = await t.app.inject({ url, headers: { cookie } });
    expect(response.statusCode, url).toBe(200);
    return response.json();
  };
}

const cents = (items: Array<{ amount: string }>) =>
  items.reduce((total, item) => total + Math.round(Number(item.amount) * 100), 0);

describeWithApp("GET /api/v1/home", (get) => {
  it("answers 401 without a session", async () => {
    const t = get();
    expect((await t.app.inject({ url: "/api/v1/home" })).statusCode).toBe(401);
  });

  it("shows an empty picture for a new workspace, never another workspace's figures", async () => {
    const t = get();
    const viewer = await buildPersona(t, { role: "viewer" });
    const response = await viewer.request({ url: "/api/v1/home" });
    expect(response.statusCode).toBe(200);
    const home = response.json();
    expect(home.mine.requests).toEqual({ items: [], count: 0, more: false });
    expect(home.awaitingDecision.count).toBe(0);
    expect(home.renewals).toEqual({ list: { items: [], count: 0, more: false }, atStake: [] });
    expect(home.whichHalf).toBeNull();
    expect(home.scorecard.objectives).toEqual([]);
    expect(home.serviceLevels.decision.total).toBe(0);
  });

  it("equals what each module's own page shows (demo company)", async () => {
    const t = get();
    await seedDemo(t.database, NOW);
    t.setNow(NOW);
    const read = await signIn(t, DEMO_ADMIN.email);
    const home = await read("/api/v1/home");
    const countOf = async (url: string) => (await read(url)).items.length;

    expect(home.asOf).toBe("2026-11-23");
    expect(home.awaitingDecision.count).toBe(await countOf("/api/v1/requests?stage=decision&limit=200"));
    expect(home.breaching.count).toBe(await countOf("/api/v1/requests?stage=in_flight&breached=true&limit=200"));
    // Breaching means a clock still running past its target: a request delivered late is history, not on the list.
    expect(home.breaching.items.some((item: { detail: string }) => /^(delivered|value review)/.test(item.detail))).toBe(
      false,
    );
    expect(home.breaching.count).toBeLessThan(await countOf("/api/v1/requests?stage=open&breached=true&limit=200"));
    expect(home.mine.requests.count).toBe(await countOf("/api/v1/requests?waitingOn=me&limit=200"));
    expect(home.awaitingDecision.items.length).toBe(Math.min(5, home.awaitingDecision.count));

    const sla = await read("/api/v1/sla/report?from=2025-11-23&to=2026-11-23");
    expect(home.serviceLevels.decision).toEqual(sla.overall.decision);
    expect(home.serviceLevels.trend.map((m: { month: string }) => m.month)).toEqual(
      sla.trend.map((m: { month: string }) => m.month),
    );

    const renewals = (await read("/api/v1/stack/renewals?withinDays=90")).items;
    expect(home.renewals.list.count).toBe(renewals.length);
    expect(cents(home.renewals.atStake)).toBe(
      cents(renewals.flatMap((r: { annualCost: { amount: string } | null }) => (r.annualCost ? [r.annualCost] : []))),
    );

    const compliance = await read("/api/v1/stack/compliance");
    expect(home.compliance.tools).toBe(compliance.tools.length);
    expect(home.compliance.withGaps).toBe(
      compliance.tools.filter((entry: { status: string }) => entry.status !== "compliant").length,
    );

    const candidates = (await read("/api/v1/stack/discovery/candidates")).items;
    expect(home.shadowIt.candidates).toBe(candidates.length);
    expect(home.shadowIt.candidates).toBeGreaterThan(0);

    expect(home.scorecard.offTrack.count).toBe(await countOf("/api/v1/kpis?status=off_track&limit=200"));
    expect(home.scorecard.offTrack.count).toBeGreaterThan(0);
    expect(home.scorecard.objectives.length).toBe(await countOf("/api/v1/objectives?activeOn=2026-11-23&limit=50"));
    expect(home.experimentsToDecide.count).toBe(await countOf("/api/v1/experiments?status=stopped&limit=200"));

    const runs = (await read("/api/v1/attribution/runs?limit=50&sort=-createdAt")).items;
    const done = runs.find((run: { status: string }) => run.status === "done");
    if (done) {
      const view = await read(`/api/v1/attribution/runs/${done.id}/which-half`);
      expect(home.whichHalf).toMatchObject({ runId: done.id, headline: view.headline, totalSpend: view.totalSpend });
    } else {
      expect(home.whichHalf).toBeNull();
    }
  }, 240_000);
});
