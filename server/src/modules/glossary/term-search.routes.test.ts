import { expect, it } from "vitest";
import type { Term } from "#contracts/glossary";
import type { SearchHit } from "#contracts/search";
import { describeWithApp, json } from "../../../test/app";
import { buildPersona, buildWorkspace, type Persona } from "../../../test/factories";

const TERMS = "/api/v1/glossary/terms";

// Issue 14 item 5: glossary terms in the app-wide search (the command palette), by names, acronyms, synonyms and
// definitions, ranked by full-text search; a hit opens the term's page.
describeWithApp("glossary terms in GET /api/v1/search", (get) => {
  async function setup() {
    const t = get();
    const ws = await buildWorkspace(t);
    const member = await buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws });
    const viewer = await buildPersona(t, { role: "viewer", teamKind: "it", workspace: ws });
    const add = async (payload: object) =>
      json<Term>(await member.request({ method: "POST", url: TERMS, payload: { status: "proposed", ...payload } }));
    const search = async (persona: Persona, q: string) => {
      const response = await persona.request({ url: `/api/v1/search?q=${encodeURIComponent(q)}` });
      expect(response.statusCode, response.body).toBe(200);
      return json<{ items: SearchHit[] }>(response).items;
    };
    return { t, ws, member, viewer, add, search };
  }

  it("finds a term by acronym, name words, synonym and definition, and points at the term's page", async () => {
    const { viewer, add, search } = await setup();
    const cac = await add({
      name: "Customer acquisition cost",
      acronym: "CAC",
      synonyms: ["cost per acquisition"],
      canonicalDefinition: "What winning one new paying customer costs, all marketing and sales spend included",
    });
    const byAcronym = (await search(viewer, "cac")).filter((hit) => hit.kind === "term");
    expect(byAcronym[0]).toMatchObject({
      kind: "term",
      id: cac.id,
      title: "Customer acquisition cost (CAC)",
      url: `/glossary/terms/${cac.id}`,
    });
    expect(byAcronym[0].detail).toMatch(/^Glossary term · proposed · What winning one new paying customer/);
    for (const q of ["customer acqu", "cost per acquisition", "paying customer"]) {
      expect(
        (await search(viewer, q)).some((hit) => hit.kind === "term" && hit.id === cac.id),
        q,
      ).toBe(true);
    }
  });

  it("ranks the term named exactly as typed above one that only mentions the word", async () => {
    const { viewer, add, search } = await setup();
    const mention = await add({ name: "Lead scoring", canonicalDefinition: "Points a lead earns; an MQL has enough" });
    const mql = await add({ name: "Marketing qualified lead", acronym: "MQL" });
    const terms = (await search(viewer, "MQL")).filter((hit) => hit.kind === "term").map((hit) => hit.id);
    expect(terms).toEqual([mql.id, mention.id]);
  });

  it("leaves out retired terms and another workspace's terms", async () => {
    const { t, member, viewer, add, search } = await setup();
    const kept = await add({ name: "Content management system", acronym: "CMS", context: "content" });
    const retired = await add({ name: "Configuration management system", acronym: "CMS", context: "ITSM" });
    const stranger = await buildPersona(t, { role: "member", teamKind: "marketing" });
    await stranger.request({
      method: "POST",
      url: TERMS,
      payload: { name: "Claims management system", acronym: "CMS" },
    });
    const before = (await search(viewer, "cms")).filter((hit) => hit.kind === "term").map((hit) => hit.id);
    expect(before.sort()).toEqual([kept.id, retired.id].sort());
    const resolved = await member.request({
      method: "POST",
      url: "/api/v1/glossary/clashes/resolve",
      payload: { key: "cms", termIds: [kept.id, retired.id], resolution: "one_meaning", keepTermId: kept.id },
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const after = (await search(viewer, "cms")).filter((hit) => hit.kind === "term").map((hit) => hit.id);
    expect(after).toEqual([kept.id]);
  });

  it("reads words as words: tsquery syntax and odd characters find nothing rather than fail", async () => {
    const { viewer, add, search } = await setup();
    await add({ name: "Service level agreement", acronym: "SLA" });
    for (const q of ["sla:* | !x", "'sla'", "\\sla&", "s\u0301la", "🙂 sla"]) {
      const hits = await search(viewer, q);
      expect(Array.isArray(hits), q).toBe(true);
    }
    expect((await search(viewer, "'sla'")).some((hit) => hit.kind === "term")).toBe(true);
  });
});
