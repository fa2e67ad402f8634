import { expect, it } from "vitest";
import { describeWithApp } from "../../test/app";
import { DEMO_ADMIN, seedDemo } from "./seed-demo";

describeWithApp("demo company", (get) => {
  // A correctness test, not a speed one: seeding every module's year of demo data takes about 40 s on a loaded
  // machine (over the default 30 s), so it gets 3 minutes; how fast the demo seeds is not asserted here.
  it("seeds people on both sides, a realistic stack and one believable story with something to act on", async () => {
    const t = get();
    await seedDemo(t.database, new Date());
    const login = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: DEMO_ADMIN });
    expect(login.statusCode).toBe(200);
    const cookie = (login.headers["set-cookie"] as string).split(";")[0];
    const get200 = async (url: string) => {
      const response = await t.app.inject({ url, headers: { cookie } });
      expect(response.statusCode, url).toBe(200);
      return response.json();
    };
    // Twelve people, and the five Health adds (a three-person Brand studio, two more in IT).
    expect((await get200("/api/v1/users?limit=200")).items.length).toBe(17);
    const tools = (await get200("/api/v1/tools?limit=200")).items;
    expect(tools.length).toBeGreaterThanOrEqual(55);
    expect(new Set(tools.map((tool: { category: string }) => tool.category)).size).toBe(6);
    expect(tools.filter((tool: { status: string }) => tool.status === "shadow").length).toBeGreaterThan(0);
    const integrations = await get200("/api/v1/integrations?limit=200");
    expect(integrations.items.length).toBeGreaterThanOrEqual(85);
    expect((await get200("/api/v1/stack/overlaps")).items.length).toBeGreaterThan(3);
    expect((await get200("/api/v1/stack/renewals?withinDays=90")).items.length).toBeGreaterThan(0);
    // Most tools are compliant and a few gaps stand out.
    const compliance = await get200("/api/v1/stack/compliance");
    expect(compliance.counts.nonCompliant).toBeGreaterThan(0);
    expect(compliance.counts.compliant).toBeGreaterThan(tools.length / 2);
    expect(compliance.counts.nonCompliant).toBeLessThanOrEqual(tools.length / 5);
    // A portfolio review fills all four TIME quadrants, Invest the largest.
    const classes = new Map<string, number>();
    for (const tool of tools as { timeClass: string | null }[]) {
      if (tool.timeClass) classes.set(tool.timeClass, (classes.get(tool.timeClass) ?? 0) + 1);
    }
    expect([...classes.keys()].sort()).toEqual(["eliminate", "invest", "migrate", "tolerate"]);
    expect(Math.max(...classes.values())).toBe(classes.get("invest"));
    // Every request has its own title.
    const titles: string[] = [];
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const page = await get200(`/api/v1/requests?limit=200${cursor ? `&cursor=${cursor}` : ""}`);
      titles.push(...page.items.map((request: { title: string }) => request.title));
      cursor = page.nextCursor;
    }
    expect(titles.length).toBeGreaterThanOrEqual(280);
    expect(new Set(titles).size).toBe(titles.length);
    // The benefit IT's work realised is in proportion to what the company spends on its stack and its media.
    const year = `from=${new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10)}`;
    const value = await get200(`/api/v1/requests/value-report?${year}`);
    const stackCost = tools.reduce(
      (sum: number, tool: { annualCost: { amount: string } | null }) => sum + Number(tool.annualCost?.amount ?? 0),
      0,
    );
    const spend = await get200("/api/v1/spend/summary");
    const mediaSpend = spend.months.reduce((sum: number, month: { actual: string }) => sum + Number(month.actual), 0);
    const home = await get200("/api/v1/home");
    expect(value.overall.reviewed).toBeGreaterThan(50);
    expect(value.overall.realised).toBeLessThan(stackCost + mediaSpend);
    expect(value.overall.realised).toBeGreaterThan(mediaSpend / 4);
    // The CIO and the CMO each find work waiting on them.
    const waiting = (mine: Record<string, { count: number }>) =>
      Object.values(mine).reduce((sum, list) => sum + list.count, 0);
    expect(waiting(home.mine)).toBeGreaterThan(0);
    const cmo = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { ...DEMO_ADMIN, email: "cmo@northwind.example" },
    });
    const cmoCookie = (cmo.headers["set-cookie"] as string).split(";")[0];
    const cmoHome = (await t.app.inject({ url: "/api/v1/home", headers: { cookie: cmoCookie } })).json();
    expect(waiting(cmoHome.mine)).toBeGreaterThan(0);
    expect((await get200("/api/v1/audit/verify")).intact).toBe(true);
  }, 180_000);
});
