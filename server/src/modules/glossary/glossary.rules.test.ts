import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TermFields } from "#contracts/glossary";
import { TeamKind } from "#contracts/people";
import {
  awaitingSides,
  type Decision,
  formProblems,
  groupClashes,
  type MeaningTerm,
  meaningProblems,
  type TermForms,
} from "./glossary.rules";
import { starterFields } from "./starter.service";
import { STARTER_TERMS } from "./starter-terms";

const term = (fields: Partial<TermForms> & { name: string }): TermForms => ({
  id: fields.name,
  acronym: null,
  context: "",
  synonyms: [],
  ...fields,
});

describe("awaitingSides", () => {
  it("needs one approval from marketing and one from IT, from two people", () => {
    expect(awaitingSides([])).toEqual(["marketing", "it"]);
    expect(awaitingSides([{ userId: "a", teamKind: "marketing", decision: "approve" }])).toEqual(["it"]);
    expect(
      awaitingSides([
        { userId: "a", teamKind: "marketing", decision: "approve" },
        { userId: "b", teamKind: "security", decision: "approve" },
        { userId: "c", teamKind: "it", decision: "reject" },
      ]),
    ).toEqual(["it"]);
    expect(
      awaitingSides([
        { userId: "a", teamKind: "marketing", decision: "approve" },
        { userId: "c", teamKind: "it", decision: "approve" },
      ]),
    ).toEqual([]);
  });

  it("is complete exactly when some marketing and some IT decision approves (property)", () => {
    const decision = fc.record({
      userId: fc.constantFrom("a", "b", "c"),
      teamKind: fc.constantFrom(...TeamKind.options),
      decision: fc.constantFrom("approve" as const, "reject" as const),
    });
    fc.assert(
      fc.property(fc.array(decision, { maxLength: 8 }), (decisions: Decision[]) => {
        const has = (kind: string) => decisions.some((d) => d.teamKind === kind && d.decision === "approve");
        expect(awaitingSides(decisions).length === 0).toBe(has("marketing") && has("it"));
      }),
    );
  });
});

describe("formProblems", () => {
  const cdp = term({ name: "Customer data platform", acronym: "CDP", context: "data", synonyms: ["profile store"] });

  it("refuses a synonym that is another term's form in the same context, naming the synonym", () => {
    expect(formProblems(term({ name: "Hub", context: "Data", synonyms: ["x", "cdp"] }), [cdp])).toEqual([
      { path: "synonyms.1", message: 'is already a form of the term "Customer data platform" in the context "data"' },
    ]);
    expect(formProblems(term({ name: "Hub", context: "sales", synonyms: ["cdp"] }), [cdp])).toEqual([]);
  });

  it("refuses a name that is another term's synonym, allows the same name (a clash)", () => {
    expect(formProblems(term({ name: "Profile  store", context: "data" }), [cdp])[0].path).toBe("name");
    expect(formProblems(term({ name: "Customer data platform", context: "data" }), [cdp])).toEqual([]);
  });

  it("refuses a form repeated within the term, and ignores the term itself", () => {
    expect(formProblems(term({ name: "CRM", synonyms: ["crm"] }), [])[0]).toEqual({
      path: "synonyms.0",
      message: "repeats the term's name",
    });
    expect(formProblems({ ...cdp }, [cdp])).toEqual([]);
  });
});

describe("groupClashes", () => {
  it("groups terms sharing a name or acronym by the engine's normalisation", () => {
    const groups = groupClashes([
      { id: "1", name: "Content management system", acronym: "CMS" },
      { id: "2", name: "Configuration  management system", acronym: "CMS" },
      { id: "3", name: "CMS", acronym: null },
      { id: "4", name: "Lead", acronym: null },
    ]);
    expect(groups.map((g) => [g.key, g.form, g.terms.map((t) => t.id)])).toEqual([["cms", "CMS", ["1", "2", "3"]]]);
  });
});

describe("the starter glossary", () => {
  it("has ~120 valid terms whose forms never collide within a context, SQL and CMS in two contexts each", () => {
    expect(STARTER_TERMS.length).toBeGreaterThanOrEqual(115);
    const seen: TermForms[] = [];
    for (const starter of STARTER_TERMS) {
      const fields = TermFields.parse(starterFields(starter));
      expect(formProblems({ ...fields, id: fields.name + fields.context }, seen), starter.name).toEqual([]);
      seen.push({ ...fields, id: fields.name + fields.context });
    }
    const contextsOf = (acronym: string) => STARTER_TERMS.filter((t) => t.acronym === acronym).map((t) => t.context);
    expect(contextsOf("SQL")).toEqual(["sales", "data"]);
    expect(contextsOf("CMS")).toEqual(["content", "IT service management"]);
    for (const acronym of ["CAC", "LTV", "MQL", "CDP", "DAM", "ESB", "API", "SSO", "SLA", "RPO", "RTO"]) {
      expect(contextsOf(acronym).length, acronym).toBeGreaterThan(0);
    }
    expect(STARTER_TERMS.some((t) => t.name === "Attribution")).toBe(true);
  });
});

describe("meaningProblems (the meaning intended for a clashing term in a request)", () => {
  const terms = new Map<string, MeaningTerm>([
    ["cms-content", { status: "approved", name: "Content management system", acronym: "CMS", synonyms: [] }],
    [
      "cms-config",
      { status: "proposed", name: "Configuration  management system", acronym: "CMS", synonyms: ["CMDB"] },
    ],
    ["old", { status: "retired", name: "Claims management system", acronym: "CMS", synonyms: [] }],
  ]);

  it("accepts a name, an acronym or a synonym of the term, compared as the recogniser compares forms", () => {
    expect(
      meaningProblems(
        [
          { form: " cms ", termId: "cms-content" },
          { form: "configuration management\nsystem", termId: "cms-config" },
          { form: "cmdb", termId: "cms-config" },
        ],
        terms,
        "termMeanings",
      ),
    ).toEqual([]);
  });

  it("names each bad entry by its index: unknown or retired term, a form the term lacks, a form given twice", () => {
    expect(
      meaningProblems(
        [
          { form: "CMS", termId: "nope" },
          { form: "CMS", termId: "old" },
          { form: "SQL", termId: "cms-content" },
          { form: "cms", termId: "cms-config" },
        ],
        terms,
        "termMeanings",
      ).map((problem) => problem.path),
    ).toEqual([
      "termMeanings.0.termId",
      "termMeanings.1.form",
      "termMeanings.1.termId",
      "termMeanings.2.form",
      "termMeanings.3.form",
    ]);
  });

  it("never accepts a form that is none of the term's forms (property)", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), (form) => {
        const problems = meaningProblems([{ form, termId: "cms-content" }], terms, "m");
        const own = ["content management system", "cms"].includes(form.trim().replace(/\s+/g, " ").toLowerCase());
        expect(problems.length === 0).toBe(own);
      }),
    );
  });
});
