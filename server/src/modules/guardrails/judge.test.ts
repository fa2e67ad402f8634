import { expect, it } from "vitest";
import { EXAMPLE_POLICY } from "#engines/policy/test-policies";
import { describeWithApp, type TestApp } from "../../../test/app";
import type { Persona } from "../../../test/factories";
import { buildPurchaseTeam, purchaseDetails } from "../../../test/factories-guardrails";
import { choosePurchaseOwners } from "../pipeline/pipeline.commands";

const purchase = purchaseDetails;

/** The people a purchase meets, and the example policy active. */
async function team(t: TestApp) {
  const { ws, admin, requester, security, legal, it: partner } = await buildPurchaseTeam(t);
  const policy = await admin.request({
    method: "POST",
    url: "/api/v1/policies",
    payload: { name: "Purchases", rules: EXAMPLE_POLICY.rules },
  });
  expect(policy.statusCode, policy.body).toBe(201);
  return { ws, admin, requester, security, legal, partner };
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

async function edit(person: Persona, id: string, changes: Record<string, unknown>) {
  const current = (await person.request({ url: `/api/v1/requests/${id}` })).json();
  const response = await person.request({
    method: "PATCH",
    url: `/api/v1/requests/${id}`,
    payload: { version: current.version, ...changes },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function approveAll(reviewers: Persona[], requestId: string) {
  for (const reviewer of reviewers) {
    const mine = (await reviewer.request({ url: `/api/v1/reviews?waitingOn=me&requestId=${requestId}` })).json();
    for (const review of mine.items) {
      const decided = await reviewer.request({
        method: "POST",
        url: `/api/v1/reviews/${review.id}/decide`,
        payload: { outcome: "approve", comment: "fine", version: review.version },
      });
      expect(decided.statusCode, decided.body).toBe(200);
    }
  }
}

async function toolNamed(person: Persona, name: string) {
  const tools = (await person.request({ url: "/api/v1/tools?limit=200" })).json().items;
  return tools.find((tool: { name: string }) => tool.name === name);
}

const reviewsOf = async (person: Persona, requestId: string) =>
  (await person.request({ url: `/api/v1/reviews?requestId=${requestId}` })).json().items as {
    id: string;
    kind: string;
    status: string;
    version: number;
  }[];

describeWithApp("guardrails: the instant answer's time", (get) => {
  it("decides a purchase at the instant it was submitted, however the clock moves while the request is handled", async () => {
    const t = get();
    const { requester } = await team(t);
    // A clock a second further on at every reading: a decision timed by a later or earlier reading shows.
    let reading = Date.parse("2026-06-01T09:00:00Z");
    t.setNow(() => {
      reading += 1_000;
      return new Date(reading);
    });
    try {
      const answer = await submit(requester, purchase());
      expect(answer.decision.outcome).toBe("approved");
      expect(answer.decision.decidedAt).toBe(answer.submittedAt);
    } finally {
      t.setNow(null);
    }
  });
});

describeWithApp("guardrails: into the Stack with both owners (issue 15 item 8)", (get) => {
  it("gives a purchase approved at once the workspace's IT lead as technical owner when no IT partner is named", async () => {
    const { admin, requester } = await team(get());
    const details = purchase();
    const answer = await submit(requester, details);
    expect(answer.decision.outcome).toBe("approved");
    const tool = await toolNamed(requester, details.product);
    expect(tool).toMatchObject({ lifecycle: "phase_in", status: "sanctioned" });
    expect(tool.businessOwner.id).toBe(requester.user.id);
    expect(tool.technicalOwner?.id).toBe(admin.user.id);
  });

  it("takes the IT partner named on the request, else the IT person accountable in its who-does-what", async () => {
    const { admin, requester, security, legal, partner } = await team(get());
    // Named IT partner.
    const named = await submit(requester, purchase({ dataClasses: ["personal"] }));
    await edit(admin, named.id, { itPartnerId: partner.user.id });
    await approveAll([security, legal], named.id);
    expect((await toolNamed(requester, named.purchase.product)).technicalOwner?.id).toBe(partner.user.id);
    // No IT partner, but the who-does-what names an IT person accountable for the technical fit.
    const viaRaci = await submit(requester, purchase({ dataClasses: ["personal"] }));
    const current = (await requester.request({ url: `/api/v1/requests/${viaRaci.id}` })).json();
    type Row = { activity: string; role: string; team: { id: string } | null; user: { id: string } | null };
    // The IT partner accountable for the technical fit in person instead of the IT team.
    const rows = current.raci.map((row: Row) =>
      row.activity === "Technical fit and integration" && row.role === "A"
        ? { activity: row.activity, role: row.role, teamId: null, userId: partner.user.id }
        : { activity: row.activity, role: row.role, teamId: row.team?.id ?? null, userId: row.user?.id ?? null },
    );
    const raci = await admin.request({
      method: "PUT",
      url: `/api/v1/requests/${viaRaci.id}/raci`,
      payload: { version: current.version, rows },
    });
    expect(raci.statusCode, raci.body).toBe(200);
    // It overlaps the first tool now in the Stack: IT reviews it too.
    await approveAll([security, legal, partner], viaRaci.id);
    const tool = await toolNamed(requester, viaRaci.purchase.product);
    expect(tool.technicalOwner?.id).toBe(partner.user.id);
    expect(tool.businessOwner?.id).toBe(requester.user.id);
  });

  it("chooses owners in order: IT partner, RACI accountable then responsible, IT lead; business owner from marketing", () => {
    const person = (id: string, teamKind: string, status = "active") => ({ id, teamKind, status });
    const raci = [
      { userId: "r-it", role: "R", status: "active", teamKind: "it" },
      { userId: "a-marketing", role: "A", status: "active", teamKind: "marketing" },
      { userId: "a-it-gone", role: "A", status: "deactivated", teamKind: "it" },
      { userId: "a-it", role: "A", status: "active", teamKind: "it" },
    ];
    const base = {
      requester: person("req", "marketing"),
      sponsor: person("spo", "marketing"),
      itPartner: null,
      raci,
      itPeople: [{ id: "lead" }],
    };
    expect(choosePurchaseOwners({ ...base, itPartner: person("itp", "it") })).toEqual({
      businessOwnerId: "req",
      technicalOwnerId: "itp",
      technicalOwnerFrom: "it_partner",
    });
    // A deactivated or non-IT partner is passed over.
    expect(choosePurchaseOwners({ ...base, itPartner: person("itp", "it", "deactivated") }).technicalOwnerId).toBe(
      "a-it",
    );
    expect(choosePurchaseOwners({ ...base, itPartner: person("itp", "finance") }).technicalOwnerFrom).toBe(
      "raci_accountable",
    );
    expect(choosePurchaseOwners({ ...base, raci: raci.slice(0, 3) })).toMatchObject({
      technicalOwnerId: "r-it",
      technicalOwnerFrom: "raci_responsible",
    });
    expect(choosePurchaseOwners({ ...base, raci: [] })).toMatchObject({
      technicalOwnerId: "lead",
      technicalOwnerFrom: "it_lead",
    });
    expect(choosePurchaseOwners({ ...base, raci: [], itPeople: [] })).toMatchObject({
      technicalOwnerId: null,
      technicalOwnerFrom: null,
    });
    // An IT person asking: the marketing sponsor is the business side.
    expect(choosePurchaseOwners({ ...base, requester: person("req", "it") }).businessOwnerId).toBe("spo");
    expect(choosePurchaseOwners({ ...base, requester: person("req", "it"), sponsor: null }).businessOwnerId).toBe(
      "req",
    );
  });
});

describeWithApp("guardrails: a purchase edited before its decision is judged again", (get) => {
  it("approves an edited purchase that no longer needs its open reviews, closes them and says so", async () => {
    const { requester, security } = await team(get());
    const answer = await submit(requester, purchase({ dataClasses: ["personal"] }));
    expect(answer.policyJudgement.result.outcome).toBe("review");
    const [open] = (await security.request({ url: "/api/v1/reviews?waitingOn=me" })).json().items;
    const edited = await edit(requester, answer.id, { purchase: { ...answer.purchase, dataClasses: ["none"] } });
    expect(edited.policyJudgement.result).toMatchObject({ outcome: "approve", matched: ["fast-lane"] });
    expect(edited.policyJudgement.policyVersion.number).toBe(1);
    expect(edited.stage).toBe("delivery");
    expect(edited.decision.reason).toContain("judged again after an edit");
    expect(edited.decision.reason).toContain("The open legal, security reviews were closed");
    const reviews = await reviewsOf(requester, answer.id);
    expect(reviews.map((r) => r.status)).toEqual(["cancelled", "cancelled"]);
    const late = await security.request({
      method: "POST",
      url: `/api/v1/reviews/${open.id}/decide`,
      payload: { outcome: "approve", comment: "late", version: open.version + 1 },
    });
    expect(late.statusCode).toBe(409);
    const judgements = (await requester.request({ url: `/api/v1/requests/${answer.id}/judgements` })).json().items;
    expect(judgements.map((j: { result: { outcome: string } }) => j.result.outcome)).toEqual(["approve", "review"]);
    expect(await toolNamed(requester, answer.purchase.product)).toBeDefined();
    const audit = await get().database.query<{ action: string }>(
      `SELECT action FROM audit_event WHERE entity_id = '${answer.id}' AND action LIKE 'request.%judged' ORDER BY seq`,
    );
    expect(audit.map((row) => row.action)).toEqual(["request.judged", "request.rejudged"]);
  });

  it("reopens the reviews the edited details need, approvals of the old details included", async () => {
    const { requester, security, legal } = await team(get());
    const answer = await submit(requester, purchase({ dataClasses: ["personal"] }));
    await approveAll([security], answer.id);
    const edited = await edit(requester, answer.id, { purchase: { ...answer.purchase, seats: 50 } });
    expect(edited.policyJudgement.result).toMatchObject({ outcome: "review", reviews: ["legal", "security"] });
    expect(edited.stage).toBe("submitted");
    const reviews = await reviewsOf(requester, answer.id);
    const byStatus = (status: string) =>
      reviews
        .filter((r) => r.status === status)
        .map((r) => r.kind)
        .sort();
    expect(byStatus("approved")).toEqual(["security"]);
    expect(byStatus("cancelled")).toEqual(["legal"]);
    expect(byStatus("open")).toEqual(["legal", "security"]);
    expect(edited.policyJudgement.reviewIds).toHaveLength(2);
    // Both new reviews must approve; the old approval does not count.
    await approveAll([legal], answer.id);
    expect((await requester.request({ url: `/api/v1/requests/${answer.id}` })).json().stage).toBe("submitted");
    await approveAll([security], answer.id);
    expect((await requester.request({ url: `/api/v1/requests/${answer.id}` })).json().stage).toBe("delivery");
  });

  it("declines an edit to a denied vendor and closes the open reviews", async () => {
    const { requester, legal } = await team(get());
    const answer = await submit(requester, purchase({ dataClasses: ["personal"] }));
    const edited = await edit(requester, answer.id, { purchase: { ...answer.purchase, vendor: "Acme Spyware" } });
    expect(edited.policyJudgement.result.outcome).toBe("block");
    expect(edited.stage).toBe("declined");
    expect(edited.decision.reason).toContain("Vendor not allowed");
    expect((await legal.request({ url: "/api/v1/reviews?waitingOn=me" })).json().items).toEqual([]);
  });

  it("does not judge again an edit the policy does not read, nor a purchase already decided", async () => {
    const { admin, requester } = await team(get());
    const inReview = await submit(requester, purchase({ dataClasses: ["personal"] }));
    const edited = await edit(requester, inReview.id, { problem: "Forms for the spring campaign" });
    expect(edited.policyJudgement).toBeUndefined();
    const triaged = await edit(admin, inReview.id, { priority: "secondary" });
    expect(triaged.policyJudgement).toBeUndefined();
    const judgements = (await requester.request({ url: `/api/v1/requests/${inReview.id}/judgements` })).json();
    expect(judgements.items).toHaveLength(1);
    expect((await reviewsOf(requester, inReview.id)).map((r) => r.status)).toEqual(["open", "open"]);
    const approved = await submit(requester, purchase());
    expect(approved.stage).toBe("delivery");
    const later = await requester.request({
      method: "PATCH",
      url: `/api/v1/requests/${approved.id}`,
      payload: { version: approved.version, problem: "Noted after the decision" },
    });
    expect(later.json().policyJudgement).toBeUndefined();
    const after = (await requester.request({ url: `/api/v1/requests/${approved.id}/judgements` })).json();
    expect(after.items).toHaveLength(1);
  });

  it("judges again a title change, since the policy reads the title", async () => {
    const { requester } = await team(get());
    const answer = await submit(requester, purchase({ dataClasses: ["personal"] }));
    const edited = await edit(requester, answer.id, { title: "Forms for the spring campaign, with consent" });
    expect(edited.policyJudgement.result.outcome).toBe("review");
    const judgements = (await requester.request({ url: `/api/v1/requests/${answer.id}/judgements` })).json();
    expect(judgements.items).toHaveLength(2);
    expect(judgements.items[0].reviewIds).toHaveLength(2);
    expect(judgements.items[1].reviewIds).toHaveLength(2);
  });
});
