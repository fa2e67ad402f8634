import { expect, it } from "vitest";
import { describeWithApp } from "../../test/app";
import { DEMO_ADMIN, seedDemo } from "./seed-demo";

describeWithApp("demo company", (get) => {
  // A correctness test, not a speed one: seeding every module's year of demo data takes about 40 s on a loaded
  // machine (over the default 30 s), so it gets 3 minutes; how fast the demo seeds is not asserted here.
  it("seeds people on both sides and a realistic stack with something to act on", async () => {
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
    const compliance = await get200("/api/v1/stack/compliance");
    expect(compliance.counts.nonCompliant).toBeGreaterThan(0);
    expect(compliance.counts.compliant).toBeGreaterThan(0);
    expect((await get200("/api/v1/audit/verify")).intact).toBe(true);
  }, 180_000);
});
