import { expect, it } from "vitest";
import { EXAMPLE_POLICY } from "#engines/policy/test-policies";
import { describeWithApp } from "../../../test/app";
import { buildPersona, buildWorkspace } from "../../../test/factories";
import type { Ctx } from "../../context";
import { guardrailMeasures } from "./guardrails.commands";
import { median } from "./measures.service";

describeWithApp("guardrail measures (issue 15 item 10)", (get) => {
  it("counts purchases decided at once, the median hours to a decision and the spend through Tandem", async () => {
    const t = get();
    const ws = await buildWorkspace(t);
    const admin = await buildPersona(t, { role: "admin", teamKind: "it", workspace: ws });
    const requester = await buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws });
    await admin.request({
      method: "POST",
      url: "/api/v1/policies",
      payload: { name: "P", rules: EXAMPLE_POLICY.rules },
    });
    const base = { category: "content", subcategory: "Interactive content", currency: "EUR", sso: true };
    for (const [product, annualCost, dataClasses] of [
      ["Cheap A", "1000", ["none"]],
      ["Cheap B", "2000.50", ["none"]],
      ["Risky", "9000", ["personal"]],
    ] as const) {
      const response = await requester.request({
        method: "POST",
        url: "/api/v1/requests",
        payload: {
          type: "purchase",
          title: product,
          purchase: { ...base, vendor: product, product, annualCost, dataClasses: [...dataClasses] },
        },
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    const ctx: Ctx = {
      database: t.database,
      ip: null,
      now: new Date(),
      actor: {
        userId: admin.user.id,
        workspaceId: ws.workspace.id,
        name: admin.user.name,
        email: admin.user.email,
        role: "admin",
        teamId: ws.teamOf("it").id,
        teamName: "IT",
        teamKind: "it",
        workspaceName: ws.workspace.name,
        via: "session",
        sessionId: null,
        tokenId: null,
        tokenScope: null,
      },
    };
    const measures = await guardrailMeasures(ctx, {
      from: new Date(Date.now() - 86_400_000),
      to: new Date(Date.now() + 86_400_000),
    });
    expect(measures).toMatchObject({ purchases: 3, judged: 3, spendFoundInExpenses: [] });
    expect(measures.decidedAtOncePercent).toBeCloseTo(200 / 3, 6);
    expect(measures.medianHoursToDecision).not.toBeNull();
    expect(measures.medianHoursToDecision).toBeGreaterThanOrEqual(0);
    expect(measures.spendThroughTandem).toEqual([{ currency: "EUR", yearly: "3000.50" }]);
  });

  it("takes the median of an odd and an even list, and none of an empty one", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
