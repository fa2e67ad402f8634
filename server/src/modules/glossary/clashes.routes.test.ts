import { expect, it } from "vitest";
import type { AnnotateResult, Clash, Term } from "#contracts/glossary";
import { GlossaryLimits } from "#contracts/glossary";
import { describeWithApp, json } from "../../../test/app";
import { buildPersona, buildWorkspace } from "../../../test/factories";
import { glossaryMatcherBuilds } from "./glossary.commands";

const TERMS = "/api/v1/glossary/terms";
const CLASHES = "/api/v1/glossary/clashes";
const ANNOTATE = "/api/v1/glossary/annotate";

describeWithApp("glossary clashes and annotation", (get) => {
  async function setup() {
    const t = get();
    const workspace = await buildWorkspace(t);
    const member = await buildPersona(t, { role: "member", teamKind: "marketing", workspace });
    const add = async (payload: object) => json<Term>(await member.request({ method: "POST", url: TERMS, payload }));
    return { t, member, add };
  }

  it("lists the same acronym in two terms as an open clash; keep-both needs a context each; a third term reopens it", async () => {
    const { member, add } = await setup();
    const content = await add({ name: "Content management system", acronym: "CMS" });
    const config = await add({ name: "Configuration management system", acronym: "CMS", context: "ITSM" });
    const open = json<{ items: Clash[] }>(await member.request({ url: CLASHES })).items;
    expect(open.map((clash) => [clash.key, clash.form, clash.terms.map((term) => term.id)])).toEqual([
      ["cms", "CMS", [content.id, config.id]],
    ]);
    expect(json<Term>(await member.request({ url: `${TERMS}/${content.id}` })).clashing).toBe(true);
    const resolve = (payload: object) =>
      member.request({ method: "POST", url: `${CLASHES}/resolve`, payload: { key: "cms", ...payload } });
    const noContext = await resolve({ termIds: [content.id, config.id], resolution: "keep_both" });
    expect(noContext.statusCode).toBe(400);
    expect(json(noContext).errors[0].path).toBe("resolution");
    await member.request({
      method: "PATCH",
      url: `${TERMS}/${content.id}`,
      payload: { name: "Content management system", acronym: "CMS", context: "content", version: content.version },
    });
    const stale = await resolve({ termIds: [content.id], resolution: "keep_both" });
    expect(stale.statusCode).toBe(400);
    const resolved = await resolve({ termIds: [config.id, content.id], resolution: "keep_both", note: "Both stay" });
    expect(resolved.statusCode).toBe(200);
    expect(json<Clash>(resolved)).toMatchObject({ status: "resolved", resolution: "keep_both", note: "Both stay" });
    expect(json<{ items: Clash[] }>(await member.request({ url: CLASHES })).items).toEqual([]);
    expect((await resolve({ termIds: [config.id, content.id], resolution: "keep_both" })).json()).toMatchObject({
      status: 409,
      code: "invalid_state",
    });
    const third = await add({ name: "Claims management system", acronym: "CMS", context: "insurance" });
    const reopened = json<{ items: Clash[] }>(await member.request({ url: CLASHES })).items;
    expect(reopened.map((clash) => clash.terms.length)).toEqual([3]);
    // Keeping one meaning retires the others.
    const one = await resolve({
      termIds: [content.id, config.id, third.id],
      resolution: "one_meaning",
      keepTermId: content.id,
    });
    expect(one.statusCode).toBe(200);
    const retired = json<Term>(await member.request({ url: `${TERMS}/${third.id}` }));
    expect(retired.status).toBe("retired");
    expect(json<{ items: Clash[] }>(await member.request({ url: CLASHES })).items).toEqual([]);
    const all = json<{ items: Clash[] }>(await member.request({ url: `${CLASHES}?status=resolved` })).items;
    // The keep-both resolution was for two of the three terms: only the one-meaning resolution is current.
    expect(all.map((clash) => [clash.resolution, clash.keptTermId, clash.terms.length])).toEqual([
      ["one_meaning", content.id, 3],
    ]);
  });

  it("annotates text with the engine's rules: spans, cards, the other meanings of a clashing form, no markup", async () => {
    const { member, add } = await setup();
    const sales = await add({
      name: "Sales-qualified lead",
      acronym: "SQL",
      context: "sales",
      definitions: { marketing: "Accepted by sales" },
    });
    const query = await add({ name: "Structured Query Language", acronym: "SQL", context: "data" });
    const cdp = await add({ name: "Customer data platform", acronym: "CDP" });
    const text = "<b>SQLs</b> from the customer\ndata platform; sql is not SQL.";
    const result = json<AnnotateResult>(await member.request({ method: "POST", url: ANNOTATE, payload: { text } }));
    expect(result.spans.map((span) => text.slice(span.start, span.end))).toEqual([
      "SQLs",
      "customer\ndata platform",
      "SQL",
    ]);
    const [first, second] = result.spans;
    expect([sales.id, query.id]).toContain(first.termId);
    expect(first.clashing).toBe(true);
    expect(first.alternativeTermIds).toEqual([first.termId === sales.id ? query.id : sales.id]);
    expect(second).toMatchObject({ termId: cdp.id, form: "Customer data platform", clashing: false });
    const cards = new Map(result.terms.map((card) => [card.id, card]));
    expect(cards.get(sales.id)).toMatchObject({ context: "sales", definitions: { marketing: "Accepted by sales" } });
    expect(cards.get(query.id)?.clashing).toBe(true);
    expect(JSON.stringify(result)).not.toContain("<b>");
  });

  it("builds the matcher once per glossary version and rebuilds after any change, also one made elsewhere", async () => {
    const { t, member, add } = await setup();
    await add({ name: "Attribution" });
    const annotate = async (text: string) =>
      json<AnnotateResult>(await member.request({ method: "POST", url: ANNOTATE, payload: { text } }));
    await annotate("Attribution matters.");
    const builds = glossaryMatcherBuilds();
    const again = await annotate("Attribution again.");
    expect(glossaryMatcherBuilds()).toBe(builds);
    expect(again.spans).toHaveLength(1);
    await add({ name: "Touchpoint" });
    const after = await annotate("Attribution per touchpoint.");
    expect(glossaryMatcherBuilds()).toBe(builds + 1);
    expect(after.spans.map((span) => span.form)).toEqual(["Attribution", "Touchpoint"]);
    // Another process retires a term: it writes the rows and bumps the version in the database.
    await t.database.query(
      "UPDATE glossary_term SET status = 'retired' WHERE workspace_id = $1 AND name = 'Touchpoint'",
      [member.user.workspaceId],
    );
    await t.database.query("UPDATE glossary_state SET version = version + 1 WHERE workspace_id = $1", [
      member.user.workspaceId,
    ]);
    const retired = await annotate("Attribution per touchpoint.");
    expect(retired.spans.map((span) => span.form)).toEqual(["Attribution"]);
  });

  it("refuses a text longer than the limit, naming the field", async () => {
    const { member } = await setup();
    const response = await member.request({
      method: "POST",
      url: ANNOTATE,
      payload: { text: "a".repeat(GlossaryLimits.annotateTextMax + 1) },
    });
    expect(response.statusCode).toBe(400);
    expect(json(response).errors[0].path).toBe("text");
  });
});
