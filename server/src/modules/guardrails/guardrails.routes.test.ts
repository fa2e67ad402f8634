import { expect, it } from "vitest";
import { EXAMPLE_POLICY } from "#engines/policy/test-policies";
import { describeWithApp } from "../../../test/app";
import { buildPersona, type Persona } from "../../../test/factories";
import { buildPurchaseTeam, purchaseDetails } from "../../../test/factories-guardrails";

const purchase = purchaseDetails;
const team = buildPurchaseTeam;

async function createPolicy(admin: Persona, rules: unknown[] = EXAMPLE_POLICY.rules) {
  const response = await admin.request({
    method: "POST",
    url: "/api/v1/policies",
    payload: { name: "Purchases", rules },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function submit(person: Persona, details: Record<string, unknown>) {
  const response = await person.request({
    method: "POST",
    url: "/api/v1/requests",
    payload: { type: "purchase", title: `Buy ${details.product}`, purchase: details },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describeWithApp("guardrails: policies, instant answers and reviews", (get) => {
  it("keeps versions, refuses a save that breaks a test case, and checks who may write", async () => {
    const { admin, requester } = await team(get());
    expect((await get().app.inject({ url: "/api/v1/policies" })).statusCode).toBe(401);
    const denied = await requester.request({
      method: "POST",
      url: "/api/v1/policies",
      payload: { name: "x", rules: EXAMPLE_POLICY.rules },
    });
    expect(denied.statusCode).toBe(403);
    const bad = await admin.request({
      method: "POST",
      url: "/api/v1/policies",
      payload: { name: "x", rules: [{ id: "broken", when: "request.annualCost <", outcome: "approve" }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("rules[0].when");
    const policy = await createPolicy(admin);
    expect(policy.active).toBe(true);
    expect(policy.currentVersion.number).toBe(1);
    const test = await admin.request({
      method: "POST",
      url: `/api/v1/policies/${policy.id}/tests`,
      payload: {
        name: "cheap form tool",
        input: {
          request: { vendor: "Tiny", annualCost: 100, dataClasses: ["none"], sso: true },
          stack: { overlapping: [] },
        },
        expected: { outcome: "approve", matched: ["fast-lane"] },
      },
    });
    expect(test.statusCode, test.body).toBe(201);
    expect(test.json().passes).toBe(true);
    const breaking = await admin.request({
      method: "PUT",
      url: `/api/v1/policies/${policy.id}`,
      payload: { version: policy.version, rules: EXAMPLE_POLICY.rules.filter((rule) => rule.id !== "fast-lane") },
    });
    expect(breaking.statusCode).toBe(409);
    expect(breaking.json().errors).toEqual([
      { path: `tests.${test.json().id}`, message: "cheap form tool: expected approve, got review (it)" },
    ]);
    const saved = await admin.request({
      method: "PUT",
      url: `/api/v1/policies/${policy.id}`,
      payload: {
        version: policy.version,
        rules: [...EXAMPLE_POLICY.rules, { id: "never", when: "false", outcome: "block" }],
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().currentVersion.number).toBe(2);
    expect(saved.json().versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    const stale = await admin.request({
      method: "PUT",
      url: `/api/v1/policies/${policy.id}`,
      payload: { version: policy.version, rules: EXAMPLE_POLICY.rules },
    });
    expect(stale.statusCode).toBe(409);
    const outsider = await buildPersona(get(), { role: "admin" });
    expect((await outsider.request({ url: `/api/v1/policies/${policy.id}` })).statusCode).toBe(404);
    // The list gives each policy its own current version: the edited one its second, a new policy its first.
    const second = await createPolicy(admin);
    const list = (await admin.request({ url: "/api/v1/policies" })).json();
    expect(list.items.map((item: { currentVersion: unknown }) => item.currentVersion)).toEqual([
      saved.json().currentVersion,
      second.currentVersion,
    ]);
  });

  it("approves a low-risk purchase at once and puts the tool in the Stack in phase-in", async () => {
    const { admin, requester } = await team(get());
    const policy = await createPolicy(admin);
    const details = purchase();
    const answer = await submit(requester, details);
    expect(answer.policyJudgement.result).toMatchObject({ outcome: "approve", matched: ["fast-lane"] });
    expect(answer.policyJudgement.policyVersion).toMatchObject({ policyId: policy.id, number: 1 });
    expect(answer.stage).toBe("delivery");
    expect(answer.decision.outcome).toBe("approved");
    expect(answer.decision.reason).toContain("Low cost, no personal data, SSO");
    const tools = (await requester.request({ url: "/api/v1/tools?limit=200" })).json().items;
    const tool = tools.find((t: { name: string }) => t.name === details.product);
    expect(tool).toMatchObject({ lifecycle: "phase_in", status: "sanctioned", seatsBought: 5 });
    expect(tool.businessOwner.id).toBe(requester.user.id);
    expect(tool.annualCost).toEqual({ amount: "1200.00", currency: "EUR" });
    const judgements = (await requester.request({ url: `/api/v1/requests/${answer.id}/judgements` })).json();
    expect(judgements.items).toHaveLength(1);
  });

  it("blocks a denied vendor with the rule's explanation", async () => {
    const { admin, requester } = await team(get());
    await createPolicy(admin);
    const answer = await submit(requester, purchase({ vendor: "Acme Spyware" }));
    expect(answer.policyJudgement.result.outcome).toBe("block");
    expect(answer.stage).toBe("declined");
    expect(answer.decision.reason).toContain("Vendor not allowed");
  });

  it("opens security and legal reviews with checklists; both approvals approve the request", async () => {
    const { admin, requester, security, legal } = await team(get());
    await createPolicy(admin);
    const answer = await submit(requester, purchase({ dataClasses: ["personal"], annualCost: "30000" }));
    expect(answer.policyJudgement.result).toMatchObject({ outcome: "review", reviews: ["legal", "security"] });
    expect(answer.stage).toBe("submitted");
    const mine = (await security.request({ url: "/api/v1/reviews?waitingOn=me" })).json().items;
    expect(mine).toHaveLength(1);
    const myWork = (await security.request({ url: "/api/v1/requests?waitingOn=me" })).json().items;
    expect(myWork.map((r: { id: string }) => r.id)).toEqual([answer.id]);
    expect(mine[0]).toMatchObject({ kind: "security", status: "open", canDecide: true });
    expect(mine[0].checklist[0]).toEqual({ item: "Security questionnaire answered", done: false });
    expect(mine[0].dueAt).not.toBeNull();
    const reviews = (await requester.request({ url: `/api/v1/reviews?requestId=${answer.id}` })).json().items;
    const legalReview = reviews.find((r: { kind: string }) => r.kind === "legal");
    const wrongTeam = await security.request({
      method: "POST",
      url: `/api/v1/reviews/${legalReview.id}/decide`,
      payload: { outcome: "approve", comment: "fine", version: legalReview.version },
    });
    expect(wrongTeam.statusCode).toBe(403);
    const first = await security.request({
      method: "POST",
      url: `/api/v1/reviews/${mine[0].id}/decide`,
      payload: { outcome: "approve", comment: "SOC 2 seen", version: mine[0].version },
    });
    expect(first.statusCode, first.body).toBe(200);
    expect((await requester.request({ url: `/api/v1/requests/${answer.id}` })).json().stage).toBe("submitted");
    const second = await legal.request({
      method: "POST",
      url: `/api/v1/reviews/${legalReview.id}/decide`,
      payload: { outcome: "approve", comment: "DPA signed", version: legalReview.version },
    });
    expect(second.statusCode, second.body).toBe(200);
    const after = (await requester.request({ url: `/api/v1/requests/${answer.id}` })).json();
    expect(after.stage).toBe("delivery");
    expect(after.decision.reason).toContain("review");
  });

  it("declines with the reason of one rejection and cancels the other reviews", async () => {
    const { admin, requester, security, legal } = await team(get());
    await createPolicy(admin);
    const answer = await submit(requester, purchase({ dataClasses: ["personal"] }));
    const [review] = (await legal.request({ url: "/api/v1/reviews?waitingOn=me" })).json().items;
    const rejected = await legal.request({
      method: "POST",
      url: `/api/v1/reviews/${review.id}/decide`,
      payload: { outcome: "reject", comment: "No DPA offered", version: review.version },
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const after = (await requester.request({ url: `/api/v1/requests/${answer.id}` })).json();
    expect(after.stage).toBe("declined");
    expect(after.decision.reason).toContain("No DPA offered");
    const open = (await security.request({ url: "/api/v1/reviews?waitingOn=me" })).json().items;
    expect(open).toEqual([]);
  });

  it("two reviewers acting at once approve the request exactly once", async () => {
    const { admin, requester, security, legal } = await team(get());
    await createPolicy(admin);
    const answer = await submit(requester, purchase({ dataClasses: ["personal"] }));
    const [s] = (await security.request({ url: "/api/v1/reviews?waitingOn=me" })).json().items;
    const [l] = (await legal.request({ url: "/api/v1/reviews?waitingOn=me" })).json().items;
    const results = await Promise.all([
      security.request({
        method: "POST",
        url: `/api/v1/reviews/${s.id}/decide`,
        payload: { outcome: "approve", comment: "ok", version: s.version },
      }),
      legal.request({
        method: "POST",
        url: `/api/v1/reviews/${l.id}/decide`,
        payload: { outcome: "approve", comment: "ok", version: l.version },
      }),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    const after = (await requester.request({ url: `/api/v1/requests/${answer.id}` })).json();
    expect(after.stage).toBe("delivery");
    const timeline = (await requester.request({ url: `/api/v1/requests/${answer.id}/events` })).json().items;
    expect(timeline.filter((e: { kind: string }) => e.kind === "decision")).toHaveLength(1);
    const tools = (await requester.request({ url: "/api/v1/tools?limit=200" })).json().items;
    expect(tools.filter((t: { name: string }) => t.name === answer.purchase.product)).toHaveLength(1);
  });

  it("converts the cost to the workspace currency, and with no rate reviews by IT", async () => {
    const { admin, requester } = await team(get());
    await createPolicy(admin);
    const noRate = await submit(requester, purchase({ currency: "USD", annualCost: "1000" }));
    expect(noRate.policyJudgement.result.outcome).toBe("review");
    expect(noRate.policyJudgement.result.errors.map((e: { rule: string }) => e.rule)).toContain("fast-lane");
    const set = await admin.request({
      method: "PUT",
      url: "/api/v1/guardrails/settings",
      payload: { currency: "EUR", rates: { USD: 0.9 }, version: 0 },
    });
    expect(set.statusCode, set.body).toBe(200);
    const withRate = await submit(requester, purchase({ currency: "USD", annualCost: "1000" }));
    expect(withRate.policyJudgement.result.outcome).toBe("approve");
    const judged = (await requester.request({ url: `/api/v1/requests/${withRate.id}/judgements` })).json();
    expect(judged.items[0].result.outcome).toBe("approve");
  });

  it("refuses purchase details on another type of request, naming the field", async () => {
    const { requester } = await team(get());
    const response = await requester.request({
      method: "POST",
      url: "/api/v1/requests",
      payload: { type: "change", title: "Not a purchase", purchase: purchase() },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe("purchase");
  });

  it("simulates draft rules on the last purchase requests and lists what would change", async () => {
    const { admin, requester } = await team(get());
    const policy = await createPolicy(admin);
    await submit(requester, purchase());
    await submit(requester, purchase({ vendor: "Acme Spyware" }));
    const draft = [{ id: "all-review", when: "true", outcome: "review", require: ["finance"] }];
    const response = await admin.request({
      method: "POST",
      url: `/api/v1/policies/${policy.id}/simulate`,
      payload: { rules: draft, last: 10 },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.replayed).toBe(2);
    expect(body.changed).toBe(2);
    expect(body.items.map((i: { before: { outcome: string } }) => i.before.outcome).sort()).toEqual([
      "approve",
      "block",
    ]);
  });

  it("shows the overlapping tools and the owned ones with idle seats as alternatives", async () => {
    const { admin, requester } = await team(get());
    await createPolicy(admin);
    const owned = await admin.request({
      method: "POST",
      url: "/api/v1/tools",
      payload: {
        name: `Typeform ${Math.random().toString(36).slice(2, 8)}`,
        category: "content",
        subcategory: "Interactive content",
        capabilities: ["Forms"],
        seatsBought: 50,
        seatsUsed: 12,
        annualCost: { amount: "6000.00", currency: "EUR" },
        dataClasses: ["personal"],
      },
    });
    expect(owned.statusCode, owned.body).toBe(201);
    const answer = await submit(requester, purchase({ integratesWith: [owned.json().id] }));
    const judgement = answer.policyJudgement;
    expect(judgement.result).toMatchObject({ outcome: "review", matched: ["fast-lane", "overlap"], reviews: ["it"] });
    expect(judgement.stack.overlapping).toEqual([
      expect.objectContaining({ id: owned.json().id, seatsBought: 50, seatsUsed: 12, annualCost: 6000 }),
    ]);
    expect(judgement.stack.integrations).toEqual([
      expect.objectContaining({ id: owned.json().id, dataClasses: ["personal"] }),
    ]);
    expect(judgement.alternatives).toEqual([expect.objectContaining({ toolId: owned.json().id, idleSeats: 38 })]);
  });

  it("judges a draft purchase when it is submitted, not before", async () => {
    const { admin, requester } = await team(get());
    await createPolicy(admin);
    const draft = await requester.request({
      method: "POST",
      url: "/api/v1/requests",
      payload: { type: "purchase", title: "Draft buy", purchase: purchase(), draft: true },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json().policyJudgement).toBeUndefined();
    const submitted = await requester.request({
      method: "POST",
      url: `/api/v1/requests/${draft.json().id}/transitions`,
      payload: { to: "submitted", version: draft.json().version },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().policyJudgement.result.outcome).toBe("approve");
    expect(submitted.json().stage).toBe("delivery");
  });
});
