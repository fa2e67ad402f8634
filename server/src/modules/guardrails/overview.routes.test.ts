import { expect, it } from "vitest";
import { describeWithApp, type TestApp } from "../../../test/app";
import { buildPersona, buildWorkspace } from "../../../test/factories";

const CHECK = "/api/v1/policies/check";

async function people(t: TestApp) {
  const ws = await buildWorkspace(t);
  const [admin, viewer, security] = await Promise.all([
    buildPersona(t, { role: "admin", teamKind: "it", workspace: ws }),
    buildPersona(t, { role: "viewer", teamKind: "marketing", workspace: ws }),
    buildPersona(t, { role: "member", teamKind: "security", workspace: ws }),
  ]);
  return { admin, viewer, security };
}

describeWithApp("the Guardrails pages' reads: draft check, measures, recent purchases", (get) => {
  it("POST /policies/check names the rule, field, line and column of a syntax error; a valid draft has none", async () => {
    const { viewer } = await people(get());
    expect((await get().app.inject({ method: "POST", url: CHECK, payload: { rules: [] } })).statusCode).toBe(401);
    const broken = await viewer.request({
      method: "POST",
      url: CHECK,
      payload: {
        rules: [
          { id: "fine", when: "request.sso", outcome: "approve" },
          { id: "cheap", when: "request.annualCost <", outcome: "approve" },
          { id: "cheap", when: "1 + true", outcome: "review" },
        ],
      },
    });
    expect(broken.statusCode, broken.body).toBe(200);
    const body = broken.json();
    expect(body.valid).toBe(false);
    const syntax = body.problems.find((p: { index: number; field: string }) => p.index === 1 && p.field === "when");
    expect(syntax).toMatchObject({ rule: "cheap", line: 1 });
    expect(syntax.column).toBeGreaterThan(1);
    expect(syntax.message).toMatch(/syntax/);
    const fields = body.problems.map((p: { index: number; field: string }) => `${p.index}.${p.field}`);
    expect(fields).toEqual(expect.arrayContaining(["2.id", "2.require", "2.when"]));
    const typeError = body.problems.find((p: { index: number; field: string }) => p.index === 2 && p.field === "when");
    expect(typeError.message).toMatch(/type error/);

    const valid = await viewer.request({
      method: "POST",
      url: CHECK,
      payload: { rules: [{ id: "fast", when: "request.annualCost < 5000.0", outcome: "approve", explain: "cheap" }] },
    });
    expect(valid.json()).toEqual({ valid: true, problems: [], warnings: [] });
  });

  it("POST /policies/check refuses odd drafts as findings or a 400, never a 500", async () => {
    const { admin } = await people(get());
    const odd = await admin.request({
      method: "POST",
      url: CHECK,
      payload: { rules: [null, 7, { id: "x".repeat(101), when: "true", outcome: "approve" }] },
    });
    expect(odd.statusCode).toBe(200);
    expect(odd.json().problems.map((p: { index: number }) => p.index)).toContain(2);
    const deep = await admin.request({
      method: "POST",
      url: CHECK,
      payload: {
        rules: [
          {
            id: "deep",
            when: "request.a.all(x, request.b.all(y, request.c.all(z, true)))",
            outcome: "approve",
          },
        ],
      },
    });
    expect(deep.json().problems[0]).toMatchObject({ index: 0, field: "when", rule: "deep" });
    const many = await admin.request({
      method: "POST",
      url: CHECK,
      payload: { rules: Array.from({ length: 201 }, (_, i) => ({ id: `r${i}`, when: "true", outcome: "approve" })) },
    });
    expect(many.statusCode).toBe(400);
    expect((await admin.request({ method: "POST", url: CHECK, payload: { rules: "no" } })).statusCode).toBe(400);
  });

  it("GET /guardrails/measures and /guardrails/recent-purchases answer from the purchases judged", async () => {
    const { admin, viewer } = await people(get());
    const created = await admin.request({
      method: "POST",
      url: "/api/v1/policies",
      payload: {
        name: "Purchases",
        rules: [{ id: "fast", when: "request.annualCost < 5000.0", outcome: "approve", explain: "Cheap" }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const submitted = await admin.request({
      method: "POST",
      url: "/api/v1/requests",
      payload: {
        type: "purchase",
        title: "Buy a form tool",
        purchase: {
          vendor: "Tiny Forms",
          product: "Tiny Forms Pro",
          category: "content",
          subcategory: "Interactive content",
          annualCost: "1200",
          currency: "EUR",
          sso: true,
        },
      },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const measures = await viewer.request({ url: "/api/v1/guardrails/measures" });
    expect(measures.statusCode, measures.body).toBe(200);
    expect(measures.json()).toMatchObject({ purchases: 1, judged: 1, decidedAtOncePercent: 100 });
    expect(measures.json().spendThroughTandem).toEqual([{ currency: "EUR", yearly: "1200.00" }]);
    const wrong = await viewer.request({ url: "/api/v1/guardrails/measures?from=2026-05-01&to=2026-01-01" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe("from");
    expect((await viewer.request({ url: "/api/v1/guardrails/measures?from=1200-01-01" })).statusCode).toBe(400);

    const recent = await viewer.request({ url: "/api/v1/guardrails/recent-purchases?limit=5" });
    expect(recent.statusCode, recent.body).toBe(200);
    expect(recent.json().items).toEqual([
      expect.objectContaining({
        vendor: "Tiny Forms",
        annualCost: { amount: "1200", currency: "EUR" },
        outcome: "approve",
        matched: ["fast"],
        errors: 0,
      }),
    ]);
    expect((await viewer.request({ url: "/api/v1/guardrails/recent-purchases?limit=500" })).statusCode).toBe(400);
    // Another workspace sees none of it.
    const other = await people(get());
    expect((await other.viewer.request({ url: "/api/v1/guardrails/recent-purchases" })).json().items).toEqual([]);
  });

  it("home lists the open reviews of my team kind under what waits on me", async () => {
    const { admin, security } = await people(get());
    await admin.request({
      method: "POST",
      url: "/api/v1/policies",
      payload: {
        name: "Purchases",
        rules: [{ id: "all", when: "true", outcome: "review", require: ["security"], explain: "Always" }],
      },
    });
    const submitted = await admin.request({
      method: "POST",
      url: "/api/v1/requests",
      payload: {
        type: "purchase",
        title: "Buy a survey tool",
        purchase: {
          vendor: "Ask",
          product: "Ask Pro",
          category: "content",
          subcategory: "Interactive content",
          annualCost: "900",
          currency: "EUR",
        },
      },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const home = (await security.request({ url: "/api/v1/home" })).json();
    expect(home.mine.reviews.count).toBe(1);
    expect(home.mine.reviews.items[0].title).toMatch(/Buy a survey tool/);
    expect(home.mine.reviews.items[0].url).toMatch(/^\/guardrails\/reviews\?review=/);
    const adminHome = (await admin.request({ url: "/api/v1/home" })).json();
    expect(adminHome.mine.reviews.count).toBe(0);
  });
});
