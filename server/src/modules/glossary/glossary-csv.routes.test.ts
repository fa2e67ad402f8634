import { expect, it } from "vitest";
import type { ImportTermsResult, LoadStarterResult, Term, TermList } from "#contracts/glossary";
import { describeWithApp, json } from "../../../test/app";
import { buildPersona, buildWorkspace } from "../../../test/factories";
import { STARTER_TERMS } from "./starter-terms";

const TERMS = "/api/v1/glossary/terms";
const IMPORT = "/api/v1/glossary/import";

describeWithApp("glossary CSV and starter", (get) => {
  async function member(role: "member" | "admin" = "member") {
    const t = get();
    const workspace = await buildWorkspace(t);
    return buildPersona(t, { role, teamKind: "marketing", workspace });
  }

  it("exports every field and imports it into another workspace as proposed terms (round trip)", async () => {
    const source = await member();
    const add = async (payload: object) => json<Term>(await source.request({ method: "POST", url: TERMS, payload }));
    const sales = await add({
      name: "Sales-qualified lead",
      acronym: "SQL",
      context: "sales",
      canonicalDefinition: "A lead sales accepted",
      definitions: { marketing: "After MQL", it: 'A CRM stage, set by a rule; see "stage"' },
      examples: ["40 SQLs in March", "-5% vs plan"],
      synonyms: ["sales lead", "accepted lead"],
      ownerId: source.user.id,
    });
    await add({
      name: "Structured Query Language",
      acronym: "SQL",
      context: "data",
      canonicalDefinition: "The query language, line one\nline two",
      relatedTermIds: [sales.id],
    });
    const exported = await source.request({ url: `${TERMS}.csv` });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers["content-type"]).toContain("text/csv");
    const target = await member();
    const csv = exported.body.replaceAll(source.user.email, target.user.email);
    const dry = json<ImportTermsResult>(
      await target.request({ method: "POST", url: IMPORT, payload: { csv, dryRun: true } }),
    );
    expect(dry).toMatchObject({ dryRun: true, imported: false, lines: 2, created: 2, errors: [] });
    expect(json<TermList>(await target.request({ url: TERMS })).items).toEqual([]);
    const done = json<ImportTermsResult>(
      await target.request({ method: "POST", url: IMPORT, payload: { csv, dryRun: false } }),
    );
    expect(done).toMatchObject({ imported: true, created: 2 });
    const list = json<TermList>(await target.request({ url: TERMS })).items;
    expect(list.map((item) => [item.name, item.context, item.status])).toEqual([
      ["Sales-qualified lead", "sales", "proposed"],
      ["Structured Query Language", "data", "proposed"],
    ]);
    const imported = json<Term>(await target.request({ url: `${TERMS}/${list[0].id}` }));
    expect(imported.shown).toMatchObject({
      acronym: "SQL",
      canonicalDefinition: "A lead sales accepted",
      definitions: { marketing: "After MQL", it: 'A CRM stage, set by a rule; see "stage"' },
      examples: ["40 SQLs in March", "-5% vs plan"],
      synonyms: ["sales lead", "accepted lead"],
      owner: { id: target.user.id },
    });
    const query = json<Term>(await target.request({ url: `${TERMS}/${list[1].id}` }));
    expect(query.shown.canonicalDefinition).toBe("The query language, line one\nline two");
    expect(query.shown.relatedTerms).toEqual([{ id: list[0].id, name: "Sales-qualified lead", context: "sales" }]);
    // The same file again changes nothing.
    const again = json<ImportTermsResult>(
      await target.request({ method: "POST", url: IMPORT, payload: { csv, dryRun: false } }),
    );
    expect(again).toMatchObject({ created: 0, revised: 0, unchanged: 2 });
  });

  it("dry run names each bad line and column; nothing is written", async () => {
    const person = await member();
    const badColumn = json<ImportTermsResult>(
      await person.request({
        method: "POST",
        url: IMPORT,
        payload: { csv: "name,definition_sales\nLead,Someone\n", dryRun: true },
      }),
    );
    expect(badColumn.errors).toEqual([
      expect.objectContaining({ line: 1, field: "definition_sales", message: expect.stringContaining("team kind") }),
    ]);
    const csv = [
      "name,context,synonyms,related,owner",
      "Lead,,prospect,,",
      " ,,,,",
      "Prospect,,,,",
      "Lead,,,,",
      "Campaign,,,Nothing here,nobody@example.com",
    ].join("\n");
    const result = json<ImportTermsResult>(
      await person.request({ method: "POST", url: IMPORT, payload: { csv, dryRun: false } }),
    );
    expect(result.imported).toBe(false);
    expect(result.errors.map((error) => [error.line, error.field])).toEqual(
      expect.arrayContaining([
        [5, "name"],
        [6, "related"],
        [6, "owner"],
        [2, "synonyms"],
      ]),
    );
    expect(json<TermList>(await person.request({ url: TERMS })).items).toEqual([]);
  });

  it("imports the same name in different contexts as two proposed terms, shown as a clash", async () => {
    const person = await member();
    const csv = [
      "name,context,canonical_definition,status",
      "Conversion,marketing,A visitor who does what the campaign asked,approved",
      "Conversion,data,Turning one data format into another,approved",
    ].join("\n");
    const result = json<ImportTermsResult>(
      await person.request({ method: "POST", url: IMPORT, payload: { csv, dryRun: false } }),
    );
    expect(result).toMatchObject({ imported: true, created: 2, errors: [] });
    const list = json<TermList>(await person.request({ url: TERMS })).items;
    // Same name: listed by id after the name, so compare in context order.
    const byContext = [...list].sort((a, b) => a.context.localeCompare(b.context));
    expect(byContext.map((item) => [item.name, item.context, item.status, item.clashing])).toEqual([
      ["Conversion", "data", "proposed", true],
      ["Conversion", "marketing", "proposed", true],
    ]);
  });

  it("loads the starter glossary as proposed terms, once (admins only)", async () => {
    const admin = await member("admin");
    const refused = await (await member()).request({ method: "POST", url: "/api/v1/glossary/starter" });
    expect(refused.statusCode).toBe(403);
    const first = json<LoadStarterResult>(await admin.request({ method: "POST", url: "/api/v1/glossary/starter" }));
    expect(first).toEqual({ added: STARTER_TERMS.length, skipped: 0, total: STARTER_TERMS.length });
    const second = json<LoadStarterResult>(await admin.request({ method: "POST", url: "/api/v1/glossary/starter" }));
    expect(second).toMatchObject({ added: 0, skipped: STARTER_TERMS.length });
    const sql = json<TermList>(await admin.request({ url: `${TERMS}?q=sql&limit=10` })).items;
    expect(sql.map((item) => [item.name, item.context, item.status, item.clashing]).sort()).toEqual([
      ["Sales-qualified lead", "sales", "proposed", true],
      ["Structured Query Language", "data", "proposed", true],
    ]);
    const approved = json<TermList>(await admin.request({ url: `${TERMS}?status=approved` })).items;
    expect(approved).toEqual([]);
  });
});
