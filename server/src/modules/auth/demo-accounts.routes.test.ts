import { expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildApp } from "../../app";
import { DEMO_ACCOUNTS } from "../../cli/demo-accounts";
import { seedDemo } from "../../cli/seed-demo";

describeWithApp("GET /api/v1/auth/demo-accounts", (get) => {
  it("is never offered outside demo mode", async () => {
    const t = get();
    const response = await t.app.inject({ url: "/api/v1/auth/demo-accounts" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ items: [] });
    expect(response.body).not.toContain("tandem-demo");
  });

  it("offers the six demo accounts in demo mode, and each signs in with its password", async () => {
    const t = get();
    await seedDemo(t.database, new Date("2026-11-23T10:00:00Z"));
    const demo = await buildApp({ database: t.database, demo: true, webDir: null });
    try {
      const response = await demo.inject({ url: "/api/v1/auth/demo-accounts" });
      expect(response.statusCode).toBe(200);
      const items = response.json().items as Array<{ role: string; email: string; password: string; name: string }>;
      expect(items.map((item) => item.role)).toEqual([
        "CMO",
        "CIO",
        "Marketing ops",
        "IT partner",
        "Finance",
        "Security",
      ]);
      for (const account of items) {
        const login = await demo.inject({
          method: "POST",
          url: "/api/v1/auth/login",
          payload: { email: account.email, password: account.password },
        });
        expect(login.statusCode, account.email).toBe(200);
        expect(login.json().user.name).toBe(account.name);
      }
      expect(items).toEqual(DEMO_ACCOUNTS);
    } finally {
      await demo.close();
    }
  }, 240_000);
});
