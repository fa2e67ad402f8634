import { expect, it } from "vitest";
import type { Term } from "#contracts/glossary";
import { describeWithApp, json, type TestApp } from "../../../test/app";
import { buildPersona, buildWorkspace } from "../../../test/factories";

const TERMS = "/api/v1/glossary/terms";

async function team(t: TestApp) {
  const workspace = await buildWorkspace(t);
  const [marketing, it, otherMarketing, security, viewer] = await Promise.all([
    buildPersona(t, { role: "member", teamKind: "marketing", workspace }),
    buildPersona(t, { role: "member", teamKind: "it", workspace }),
    buildPersona(t, { role: "member", teamKind: "marketing", workspace }),
    buildPersona(t, { role: "member", teamKind: "security", workspace }),
    buildPersona(t, { role: "viewer", teamKind: "marketing", workspace }),
  ]);
  return { workspace, marketing, it, otherMarketing, security, viewer };
}

async function auditActions(t: TestApp, entityId: string) {
  const rows = await t.database.query<{ action: string }>(
    "SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY seq",
    [entityId],
  );
  return rows.map((row) => row.action);
}

describeWithApp("glossary terms", (get) => {
  it("POST /glossary/terms: 401 without a session, 403 for a viewer", async () => {
    const t = get();
    const { viewer } = await team(t);
    expect((await t.app.inject({ method: "POST", url: TERMS, payload: { name: "CAC" } })).statusCode).toBe(401);
    const refused = await viewer.request({ method: "POST", url: TERMS, payload: { name: "CAC" } });
    expect(refused.statusCode).toBe(403);
  });

  it("POST /glossary/terms: refuses an empty name, a team kind that does not exist and a synonym of another term", async () => {
    const t = get();
    const { marketing } = await team(t);
    const empty = await marketing.request({ method: "POST", url: TERMS, payload: { name: "  " } });
    expect(empty.statusCode).toBe(400);
    expect(json(empty).errors).toContainEqual(expect.objectContaining({ path: "name" }));
    const kind = await marketing.request({
      method: "POST",
      url: TERMS,
      payload: { name: "Lead", definitions: { sales: "A person who might buy" } },
    });
    expect(kind.statusCode).toBe(400);
    expect(json(kind).errors.map((e: { path: string }) => e.path)).toContain("definitions");
    expect(JSON.stringify(json(kind).errors)).toContain("sales");
    const first = await marketing.request({
      method: "POST",
      url: TERMS,
      payload: { name: "Customer data platform", acronym: "CDP", context: "data" },
    });
    expect(first.statusCode).toBe(201);
    const clash = await marketing.request({
      method: "POST",
      url: TERMS,
      payload: { name: "Profile store", context: "Data", synonyms: ["customer  data platform"] },
    });
    expect(clash.statusCode).toBe(400);
    expect(json(clash).errors).toEqual([
      { path: "synonyms.0", message: 'is already a form of the term "Customer data platform" in the context "data"' },
    ]);
    // The same synonym in another context is another meaning: allowed.
    const elsewhere = await marketing.request({
      method: "POST",
      url: TERMS,
      payload: { name: "Profile store", context: "sales", synonyms: ["customer data platform"] },
    });
    expect(elsewhere.statusCode).toBe(201);
    const count = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM glossary_term WHERE workspace_id = $1",
      [marketing.user.workspaceId],
    );
    expect(count[0].n).toBe(2);
  });

  it("approves a term only once a marketing person and an IT person have approved it, each once", async () => {
    const t = get();
    const { marketing, it: itPerson, otherMarketing, security } = await team(t);
    const created = json<Term>(
      await marketing.request({
        method: "POST",
        url: TERMS,
        payload: {
          name: "Sales-qualified lead",
          acronym: "SQL",
          context: "sales",
          status: "proposed",
          ownerId: marketing.user.id,
          definitions: { marketing: "Accepted by sales", it: "A lifecycle stage in the CRM" },
        },
      }),
    );
    expect(created.status).toBe("proposed");
    expect(created.shown.awaiting).toEqual(["marketing", "it"]);
    const revisionId = created.shown.id;
    const approve = (persona: typeof marketing) =>
      persona.request({ method: "POST", url: `${TERMS}/${created.id}/approve`, payload: { revisionId } });
    // The owner may approve, for the marketing side.
    const first = await approve(marketing);
    expect(first.statusCode).toBe(200);
    expect(json<Term>(first).status).toBe("proposed");
    expect(json<Term>(first).pending?.awaiting).toEqual(["it"]);
    expect((await approve(marketing)).json()).toMatchObject({ status: 409, code: "invalid_state" });
    // A second marketing person does not make up for IT.
    expect(json<Term>(await approve(otherMarketing)).pending?.awaiting).toEqual(["it"]);
    // Security is neither side.
    expect((await approve(security)).statusCode).toBe(403);
    const done = json<Term>(await approve(itPerson));
    expect(done.status).toBe("approved");
    expect(done.pending).toBeNull();
    expect(done.shown.status).toBe("approved");
    expect(done.shown.approvals.map((a) => a.teamKind)).toEqual(["marketing", "marketing", "it"]);
    expect(await auditActions(t, created.id)).toEqual([
      "glossary.term_created",
      "glossary.term_approval_added",
      "glossary.term_approval_added",
      "glossary.term_approved",
    ]);
  });

  it("edits an approved term as a proposed revision; the approved one stays shown until it is approved", async () => {
    const t = get();
    const { marketing, it: itPerson } = await team(t);
    const created = json<Term>(
      await marketing.request({
        method: "POST",
        url: TERMS,
        payload: { name: "Churn rate", canonicalDefinition: "Customers lost", status: "proposed" },
      }),
    );
    for (const persona of [marketing, itPerson]) {
      await persona.request({
        method: "POST",
        url: `${TERMS}/${created.id}/approve`,
        payload: { revisionId: created.shown.id },
      });
    }
    const approved = json<Term>(await marketing.request({ url: `${TERMS}/${created.id}` }));
    const edit = {
      name: "Churn rate",
      canonicalDefinition: "Customers lost in a month over customers at its start",
      synonyms: ["attrition"],
    };
    const edited = await marketing.request({
      method: "PATCH",
      url: `${TERMS}/${created.id}`,
      payload: { ...edit, version: approved.version },
    });
    expect(edited.statusCode).toBe(200);
    const term = json<Term>(edited);
    expect(term.status).toBe("approved");
    expect(term.shown.canonicalDefinition).toBe("Customers lost");
    expect(term.pending?.status).toBe("proposed");
    expect(term.pending?.number).toBe(2);
    expect(term.pending?.canonicalDefinition).toBe(edit.canonicalDefinition);
    // A stale version is refused, nothing written.
    const stale = await itPerson.request({
      method: "PATCH",
      url: `${TERMS}/${created.id}`,
      payload: { ...edit, canonicalDefinition: "Other", version: approved.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(json<Term>(await itPerson.request({ url: `${TERMS}/${created.id}` })).pending?.canonicalDefinition).toBe(
      edit.canonicalDefinition,
    );
    // Approving the old revision id is refused: another revision is pending.
    const old = await itPerson.request({
      method: "POST",
      url: `${TERMS}/${created.id}/approve`,
      payload: { revisionId: created.shown.id },
    });
    expect(old.statusCode).toBe(409);
    for (const persona of [itPerson, marketing]) {
      await persona.request({
        method: "POST",
        url: `${TERMS}/${created.id}/approve`,
        payload: { revisionId: term.pending?.id },
      });
    }
    const after = json<Term>(await marketing.request({ url: `${TERMS}/${created.id}` }));
    expect(after.shown.number).toBe(2);
    expect(after.shown.synonyms).toEqual(["attrition"]);
    expect(after.pending).toBeNull();
    const statuses = await t.database.query<{ number: number; status: string }>(
      "SELECT number, status FROM glossary_term_revision WHERE term_id = $1 ORDER BY number",
      [created.id],
    );
    expect(statuses).toEqual([
      { number: 1, status: "superseded" },
      { number: 2, status: "approved" },
    ]);
  });

  it("rejects a revision: an approved term keeps its approved revision; a new term goes back to draft", async () => {
    const t = get();
    const { marketing, it: itPerson } = await team(t);
    const created = json<Term>(
      await marketing.request({ method: "POST", url: TERMS, payload: { name: "Release", status: "proposed" } }),
    );
    const rejected = await itPerson.request({
      method: "POST",
      url: `${TERMS}/${created.id}/reject`,
      payload: { revisionId: created.shown.id, reason: "Say whose release" },
    });
    expect(rejected.statusCode).toBe(200);
    const term = json<Term>(rejected);
    expect(term.status).toBe("draft");
    expect(term.shown.approvals).toEqual([
      expect.objectContaining({ decision: "reject", reason: "Say whose release" }),
    ]);
    const proposed = await marketing.request({
      method: "POST",
      url: `${TERMS}/${created.id}/propose`,
      payload: { version: term.version },
    });
    expect(json<Term>(proposed).status).toBe("proposed");
  });

  it("answers 404 for another workspace's term", async () => {
    const t = get();
    const { marketing } = await team(t);
    const outsider = await buildPersona(t, { role: "admin", teamKind: "it" });
    const created = json<Term>(await marketing.request({ method: "POST", url: TERMS, payload: { name: "DAM" } }));
    expect((await outsider.request({ url: `${TERMS}/${created.id}` })).statusCode).toBe(404);
    const edit = await outsider.request({
      method: "PATCH",
      url: `${TERMS}/${created.id}`,
      payload: { name: "Mine", version: 1 },
    });
    expect(edit.statusCode).toBe(404);
  });

  it("GET /glossary/terms searches names, acronyms, synonyms and definitions, and filters", async () => {
    const t = get();
    const { marketing } = await team(t);
    const add = (payload: object) => marketing.request({ method: "POST", url: TERMS, payload });
    await add({
      name: "Customer acquisition cost",
      acronym: "CAC",
      definitions: { marketing: "Spend per new customer" },
    });
    await add({ name: "Lifetime value", acronym: "LTV", synonyms: ["CLV"], canonicalDefinition: "Margin over time" });
    await add({ name: "Uptime", canonicalDefinition: "Share of time a service answers", status: "proposed" });
    const search = async (query: string) =>
      json(await marketing.request({ url: `${TERMS}?${query}` })).items.map((item: { name: string }) => item.name);
    expect(await search("q=clv")).toEqual(["Lifetime value"]);
    expect(await search("q=customers")).toEqual(["Customer acquisition cost"]);
    expect(await search("q=servic")).toEqual(["Uptime"]);
    expect(await search("q=cac")).toEqual(["Customer acquisition cost"]);
    expect(await search("status=proposed")).toEqual(["Uptime"]);
    expect(await search("teamKind=marketing")).toEqual(["Customer acquisition cost"]);
    expect(await search("limit=2")).toEqual(["Customer acquisition cost", "Lifetime value"]);
    const first = json(await marketing.request({ url: `${TERMS}?limit=2` }));
    const next = json(await marketing.request({ url: `${TERMS}?limit=2&cursor=${first.nextCursor}` }));
    expect(next.items.map((item: { name: string }) => item.name)).toEqual(["Uptime"]);
    // A cursor that is not one of ours, and searches that are all punctuation or odd digits: 400 or empty, never 500.
    const garbled = Buffer.from(JSON.stringify(["a", "b"])).toString("base64url");
    expect((await marketing.request({ url: `${TERMS}?cursor=${garbled}` })).statusCode).toBe(400);
    for (const q of ["²", "'&|!:*", "the"]) {
      const odd = await marketing.request({ url: `${TERMS}?q=${encodeURIComponent(q)}` });
      expect(odd.statusCode, q).toBe(200);
    }
    // A match in the name ranks above a match in a definition only.
    await add({ name: "Churn", canonicalDefinition: "Customers lost, customer by customer" });
    const ranked = json(await marketing.request({ url: `${TERMS}?q=customer` }));
    expect(ranked.items.map((item: { name: string }) => item.name)).toEqual(["Customer acquisition cost", "Churn"]);
    expect(ranked.items.every((item: { rank: number | null }) => typeof item.rank === "number")).toBe(true);
  });
});
