import { expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildPersona, buildWorkspace } from "../../../test/factories";

const csv = [
  "date,description,amount,currency,employee,department",
  "2026-07-10,HOTJAR LTD,89.00,EUR,Sofia,Web",
  "2026-08-10,HOTJAR LTD,89.00,EUR,Sofia,Web",
  "2026-09-10,HOTJAR LTD,89.00,EUR,Sofia,Web",
].join("\n");

describeWithApp("adopting a shadow-IT candidate (issue 15 item 9, issue 11 item 2)", (get) => {
  it("opens a retroactive purchase the policy judges, with the workspace's RACI template and the adopter watching", async () => {
    const ws = await buildWorkspace(get());
    const [admin, marketer] = await Promise.all([
      buildPersona(get(), { role: "admin", teamKind: "it", workspace: ws }),
      buildPersona(get(), { role: "member", teamKind: "marketing", workspace: ws }),
    ]);
    const template = await admin.request({
      method: "PUT",
      url: "/api/v1/raci-templates/purchase",
      payload: {
        version: 0,
        activities: [
          { name: "Own the shadow tool", assignments: [{ role: "A", assignee: { kind: "requester" } }] },
          {
            name: "Check security",
            assignments: [
              { role: "A", assignee: { kind: "it_partner" } },
              { role: "R", assignee: { kind: "team", teamKind: "security" } },
            ],
          },
        ],
      },
    });
    expect(template.statusCode, template.body).toBe(200);
    const policy = await admin.request({
      method: "POST",
      url: "/api/v1/policies",
      payload: {
        name: "Purchases",
        rules: [{ id: "cheap", when: "request.annualCost < 5000.0", outcome: "review", require: ["finance"] }],
      },
    });
    expect(policy.statusCode).toBe(201);
    const imported = await marketer.request({
      method: "POST",
      url: "/api/v1/stack/discovery/imports",
      payload: { fileName: "card.csv", csv, mode: "import" },
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const adopted = await marketer.request({
      method: "POST",
      url: "/api/v1/stack/discovery/candidates/adopt",
      payload: {
        merchantKey: "hotjar",
        name: "Hotjar",
        vendor: "Hotjar Ltd",
        category: "data",
        subcategory: "Web & mobile analytics",
      },
    });
    expect(adopted.statusCode, adopted.body).toBe(201);
    const { requestId } = adopted.json();
    const request = (await marketer.request({ url: `/api/v1/requests/${requestId}` })).json();
    expect([...new Set(request.raci.map((row: { activity: string }) => row.activity))]).toEqual([
      "Own the shadow tool",
      "Check security",
    ]);
    expect(request.watching).toBe(true);
    expect(request.purchase).toMatchObject({ vendor: "Hotjar Ltd", product: "Hotjar", currency: "EUR" });
    const judgements = (await marketer.request({ url: `/api/v1/requests/${requestId}/judgements` })).json().items;
    expect(judgements).toHaveLength(1);
    expect(judgements[0].result).toMatchObject({ outcome: "review", reviews: ["finance"], matched: ["cheap"] });
    const reviews = (await marketer.request({ url: `/api/v1/reviews?requestId=${requestId}` })).json().items;
    expect(reviews.map((r: { kind: string }) => r.kind)).toEqual(["finance"]);
  });
});
