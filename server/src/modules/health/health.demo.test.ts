import { expect, it } from "vitest";
import { describeWithApp, type TestApp } from "../../../test/app";
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

describeWithApp("Health on the demo company", (get) => {
  it("four quarterly pulses clear k on both sides; the index rises with the service levels; the small team stays hidden", async () => {
    const t = get();
    await seedDemo(t.database, NOW);
    t.setNow(NOW);
    const read = await signIn(t, DEMO_ADMIN.email);
    const alignment = await read("/api/v1/alignment");
    const trend = alignment.trend as {
      hidden: boolean;
      index: number;
      status: string;
      changes: { because: string }[];
    }[];
    expect(trend).toHaveLength(4);
    expect(trend.every((point) => !point.hidden && point.status === "closed")).toBe(true);
    for (let i = 1; i < trend.length; i++) expect(trend[i]?.index).toBeGreaterThan(trend[i - 1]?.index ?? 100);
    expect(alignment.basis.groups.marketing.answered).toBeGreaterThanOrEqual(5);
    expect(alignment.basis.groups.it.answered).toBeGreaterThanOrEqual(5);
    expect(alignment.index).not.toBeNull();
    expect(alignment.level.weakestLink).not.toBeNull();
    // The service levels behind value measurement improved between the first and the last pulse.
    const sla = (alignment.trend as { changes: { key: string; because: string }[] }[])
      .flatMap((point) => point.changes)
      .filter((change) => change.key === "value_measurement" && change.because.includes("service level attainment"));
    expect(sla.length).toBeGreaterThan(0);
    // The signal equals the Scorecard's computed measure of the same 90 days.
    const value = alignment.criteria.find((c: { key: string }) => c.key === "value_measurement");
    const signal = value.signals.find((s: { key: string }) => s.key === "service_level_attainment");
    expect(signal.value).not.toBeNull();
    const teams = (await read("/api/v1/teams")).items as { id: string; name: string; kind: string }[];
    const brand = teams.find((team) => team.name === "Brand studio");
    const marketingTeam = teams.find((team) => team.kind === "marketing" && team.name !== "Brand studio");
    const brandSlice = await read(`/api/v1/alignment?team=${brand?.id}`);
    expect(brandSlice.basis.groups.marketing).toEqual({ answered: null, suppressed: "below_k" });
    expect(brandSlice.criteria.every((c: { survey: unknown }) => c.survey === null)).toBe(true);
    const marketingSlice = await read(`/api/v1/alignment?team=${marketingTeam?.id}`);
    expect(marketingSlice.basis.groups.marketing).toEqual({ answered: null, suppressed: "complement_below_k" });
    // Comments: 8 marketing people answered the last pulse, below the 10 comments need.
    const results = await read(`/api/v1/surveys/${alignment.basis.surveyId}/responses`);
    expect(results.comments).toEqual({ marketing: null, it: null });
    // Home shows the same index and the first three drivers.
    const home = await read("/api/v1/home");
    expect(home.partnership.index).toBe(alignment.index);
    expect(home.partnership.drivers).toEqual(alignment.drivers.slice(0, 3));
  }, 240_000);
});
