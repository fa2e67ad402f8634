import { expect, it } from "vitest";
import { describeWithApp } from "../../test/app";
import { DEMO_ADMIN, seedDemo } from "./seed-demo";

describeWithApp("demo company's value data", (get) => {
  it("has a year of spend, journeys and a finished run whose which-half view tells a story", async () => {
    const t = get();
    await seedDemo(t.database, new Date());
    const login = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: DEMO_ADMIN });
    const cookie = (login.headers["set-cookie"] as string).split(";")[0];
    const get200 = async (url: string) => {
      const response = await t.app.inject({ url, headers: { cookie } });
      expect(response.statusCode, url).toBe(200);
      return response.json();
    };
    const summary = await get200("/api/v1/spend/summary");
    expect(summary.months.length).toBeGreaterThanOrEqual(12);
    expect(summary.totals.actual).toMatch(/^\d+\.\d{2}$/);
    expect(Number(summary.totals.actual)).toBeGreaterThan(300_000);
    expect(Number(summary.totals.planned)).toBeGreaterThan(0);
    const data = await get200("/api/v1/journeys/summary");
    expect(data.journeys).toBe(9000);
    expect(data.conversions).toBeGreaterThan(500);
    const runs = (await get200("/api/v1/attribution/runs")).items;
    expect(runs).toHaveLength(1);
    expect(runs[0].models).toHaveLength(7);
    const view = await get200(`/api/v1/attribution/runs/${runs[0].id}/which-half`);
    expect(view.model).toBe("markov");
    const display = view.channels.find((c: { channel: string }) => c.channel === "Display");
    expect(display.agreement).toBe("all");
    expect(view.channels.some((c: { agreement: string }) => c.agreement === "some")).toBe(true);
    expect(view.leastHalf.roas).toBeLessThan(view.bestHalf.roas);
    expect(view.untrackedSpend.map((c: { channel: string }) => c.channel)).toContain("IT projects");
    expect(view.initiatives.map((i: { initiative: string }) => i.initiative)).toContain("Spring collection launch");
    expect((await get200("/api/v1/audit/verify")).intact).toBe(true);
  }, 60_000);
});
