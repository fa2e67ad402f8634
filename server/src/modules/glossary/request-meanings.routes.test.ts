import { describe, expect, it } from "vitest";
import type { Term } from "#contracts/glossary";
import type { PipelineRequest } from "#contracts/pipeline";
import { describeWithApp, json } from "../../../test/app";
import { buildPersona, buildWorkspace, type Persona } from "../../../test/factories";

const TERMS = "/api/v1/glossary/terms";
const REQUESTS = "/api/v1/requests";

type Problem = { errors: { path: string; message: string }[] };

// Issue 14 item 3 (a clashing term typed in a request records the meaning intended) and item 4 (the request
// template: the business view beside the technical view).
describeWithApp("glossary meanings and the requirements template on requests", (get) => {
  async function setup() {
    const t = get();
    const ws = await buildWorkspace(t);
    const marketer = await buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws });
    const engineer = await buildPersona(t, { role: "member", teamKind: "it", workspace: ws });
    const viewer = await buildPersona(t, { role: "viewer", teamKind: "marketing", workspace: ws });
    const add = async (payload: object) =>
      json<Term>(await marketer.request({ method: "POST", url: TERMS, payload: { status: "proposed", ...payload } }));
    const content = await add({
      name: "Content management system",
      acronym: "CMS",
      context: "content",
      definitions: { marketing: "Where the website's pages are written" },
    });
    const config = await add({
      name: "Configuration management system",
      acronym: "CMS",
      context: "ITSM",
      synonyms: ["CMDB"],
      definitions: { it: "The record of every server and its settings" },
    });
    const submit = (persona: Persona, body: Record<string, unknown>) =>
      persona.request({
        method: "POST",
        url: REQUESTS,
        payload: { type: "change", title: "Move the blog to the new CMS", ...body },
      });
    return { t, ws, marketer, engineer, viewer, content, config, submit };
  }

  describe("intended meanings", () => {
    it("records the meaning intended for a clashing form and shows readers the term meant, audited", async () => {
      const { t, marketer, engineer, content, submit } = await setup();
      const response = await submit(marketer, {
        problem: "The CMS cannot schedule posts",
        termMeanings: [{ form: "cms", termId: content.id }],
      });
      expect(response.statusCode, response.body).toBe(201);
      const created = json<PipelineRequest>(response);
      expect(created.termMeanings).toEqual([
        {
          form: "cms",
          termId: content.id,
          term: {
            id: content.id,
            name: "Content management system",
            acronym: "CMS",
            context: "content",
            status: "proposed",
          },
        },
      ]);
      const read = json<PipelineRequest>(await engineer.request({ url: `${REQUESTS}/${created.id}` }));
      expect(read.termMeanings.map((meaning) => meaning.term?.name)).toEqual(["Content management system"]);
      const audit = await t.database.query<{ after: { termMeanings: unknown } }>(
        "SELECT after FROM audit_event WHERE entity_id = $1 AND action = 'request.submitted'",
        [created.id],
      );
      expect(audit[0].after.termMeanings).toEqual([{ form: "cms", termId: content.id }]);
    });

    it("lets any writer change the meaning (a planning-level field) but not a viewer; a stale version is 409", async () => {
      const { marketer, engineer, viewer, content, config, submit } = await setup();
      const created = json<PipelineRequest>(
        await submit(marketer, { problem: "The CMS drifts", termMeanings: [{ form: "CMS", termId: content.id }] }),
      );
      const patch = (persona: Persona, version: number) =>
        persona.request({
          method: "PATCH",
          url: `${REQUESTS}/${created.id}`,
          payload: { version, termMeanings: [{ form: "CMS", termId: config.id }] },
        });
      expect((await patch(viewer, created.version)).statusCode).toBe(403);
      const changed = await patch(engineer, created.version);
      expect(changed.statusCode, changed.body).toBe(200);
      expect(json<PipelineRequest>(changed).termMeanings[0].term?.name).toBe("Configuration management system");
      const stale = await marketer.request({
        method: "PATCH",
        url: `${REQUESTS}/${created.id}`,
        payload: { version: created.version, termMeanings: [] },
      });
      expect(stale.statusCode).toBe(409);
    });

    it("refuses another workspace's term, a form the term does not have, a form given twice and a retired term", async () => {
      const { t, marketer, content, config, submit } = await setup();
      const stranger = await buildPersona(t, { role: "member", teamKind: "marketing" });
      const foreign = json<Term>(
        await stranger.request({ method: "POST", url: TERMS, payload: { name: "Customer master system" } }),
      );
      const refused = async (termMeanings: unknown, path: string) => {
        const response = await submit(marketer, { termMeanings });
        expect(response.statusCode, response.body).toBe(400);
        expect(json<Problem>(response).errors.map((error) => error.path)).toContain(path);
      };
      await refused([{ form: "Customer master system", termId: foreign.id }], "termMeanings.0.termId");
      await refused([{ form: "SQL", termId: content.id }], "termMeanings.0.form");
      await refused(
        [
          { form: "CMS", termId: content.id },
          { form: " cms ", termId: config.id },
        ],
        "termMeanings.1.form",
      );
      await refused([{ form: "", termId: content.id }], "termMeanings.0.form");
      await refused([{ form: "CMS", termId: "not-an-id" }], "termMeanings.0.termId");
      await refused(
        Array.from({ length: 51 }, () => ({ form: "CMS", termId: content.id })),
        "termMeanings",
      );
      // A synonym is one of the term's forms.
      expect((await submit(marketer, { termMeanings: [{ form: "cmdb", termId: config.id }] })).statusCode).toBe(201);
      // Keeping one meaning retires the other term: it can no longer be chosen.
      const resolved = await marketer.request({
        method: "POST",
        url: "/api/v1/glossary/clashes/resolve",
        payload: { key: "cms", termIds: [content.id, config.id], resolution: "one_meaning", keepTermId: content.id },
      });
      expect(resolved.statusCode, resolved.body).toBe(200);
      await refused([{ form: "CMS", termId: config.id }], "termMeanings.0.termId");
    });

    it("keeps showing a meaning whose term was retired later, with the retired status", async () => {
      const { marketer, content, config, submit } = await setup();
      const created = json<PipelineRequest>(
        await submit(marketer, { termMeanings: [{ form: "CMS", termId: config.id }] }),
      );
      await marketer.request({
        method: "POST",
        url: "/api/v1/glossary/clashes/resolve",
        payload: { key: "cms", termIds: [content.id, config.id], resolution: "one_meaning", keepTermId: content.id },
      });
      const read = json<PipelineRequest>(await marketer.request({ url: `${REQUESTS}/${created.id}` }));
      expect(read.termMeanings[0].term).toMatchObject({ id: config.id, status: "retired" });
    });
  });

  describe("the requirements template", () => {
    it("stores the business and technical views and names what each side still has to write", async () => {
      const { marketer, submit } = await setup();
      const empty = json<PipelineRequest>(await submit(marketer, {}));
      expect(empty.requirementGaps).toEqual({
        business: ["outcome", "users", "successMeasure"],
        technical: ["systems", "data", "security", "nonFunctionalNeeds"],
      });
      const full = await submit(marketer, {
        outcome: "Posts go out on time",
        beneficiaries: "The content team",
        successMeasure: "95% of posts published at the planned minute",
        systems: "The CMS and the CDN",
        dataClasses: ["none"],
        securityNotes: "Editors sign in with SSO",
        nonFunctionalNeeds: "Publishing within 1 minute, 99.9% availability",
      });
      expect(full.statusCode, full.body).toBe(201);
      const request = json<PipelineRequest>(full);
      expect(request).toMatchObject({
        successMeasure: "95% of posts published at the planned minute",
        systems: "The CMS and the CDN",
        dataNeeds: "",
        securityNotes: "Editors sign in with SSO",
        nonFunctionalNeeds: "Publishing within 1 minute, 99.9% availability",
        requirementGaps: { business: [], technical: [] },
      });
    });

    it("lets IT write the technical view of someone else's request, but the success measure only its owners", async () => {
      const { marketer, engineer, submit } = await setup();
      const created = json<PipelineRequest>(await submit(marketer, {}));
      const technical = await engineer.request({
        method: "PATCH",
        url: `${REQUESTS}/${created.id}`,
        payload: {
          version: created.version,
          systems: "CMS, CDN",
          dataNeeds: "Post metadata",
          nonFunctionalNeeds: "Fast",
        },
      });
      expect(technical.statusCode, technical.body).toBe(200);
      const after = json<PipelineRequest>(technical);
      expect(after.requirementGaps.technical).toEqual(["security"]);
      const business = await engineer.request({
        method: "PATCH",
        url: `${REQUESTS}/${created.id}`,
        payload: { version: after.version, successMeasure: "More posts" },
      });
      expect(business.statusCode).toBe(403);
      const own = await marketer.request({
        method: "PATCH",
        url: `${REQUESTS}/${created.id}`,
        payload: { version: after.version, successMeasure: "More posts" },
      });
      expect(own.statusCode, own.body).toBe(200);
      expect(json<PipelineRequest>(own).requirementGaps.business).toEqual(["outcome", "users"]);
    });

    it("refuses a part longer than its limit, naming the field", async () => {
      const { marketer, submit } = await setup();
      const response = await submit(marketer, { nonFunctionalNeeds: "x".repeat(4001) });
      expect(response.statusCode).toBe(400);
      expect(json<Problem>(response).errors.map((error) => error.path)).toContain("nonFunctionalNeeds");
    });
  });
});
