import { describe, expect, it } from "vitest";
import { annotate, buildTermMatcher, isCaseSensitiveForm, type TermDefinition } from ".";

function spansOf(terms: TermDefinition[], text: string) {
  return annotate(buildTermMatcher(terms), text).map((span) => ({
    text: text.slice(span.start, span.end),
    ...span,
  }));
}
const found = (terms: TermDefinition[], text: string) => spansOf(terms, text).map((span) => span.text);

describe("case: forms written in capitals and digits match as written", () => {
  it("tells which forms are all capitals and digits", () => {
    for (const form of ["CMS", "IT", "SLA", "B2B", "5G", "ÉTÉ", "İSTANBUL", " CMS "]) {
      expect(isCaseSensitiveForm(form)).toBe(true);
    }
    // Punctuation, a space, a lower-case letter or no letter at all make a form case-insensitive.
    for (const form of ["A/B", "CI/CD", "24/7", "365", "IT OPS", "Cms", "iPhone", "R&D"]) {
      expect(isCaseSensitiveForm(form)).toBe(false);
    }
  });

  it('does not read "it" or "It" in a sentence as IT', () => {
    const terms = [{ id: "it", name: "IT", synonyms: ["information technology"] }];
    expect(found(terms, "It says it is for IT, and Information Technology agrees; it.")).toEqual([
      "IT",
      "Information Technology",
    ]);
  });

  it("matches every other form whatever the case, with Unicode lower-casing", () => {
    const terms = [
      { id: "cj", name: "Customer Journey" },
      { id: "ab", name: "A/B" },
      { id: "cafe", name: "Café" },
    ];
    expect(found(terms, "CUSTOMER JOURNEY, customer journey, a/b and A/B, CAFÉ")).toEqual([
      "CUSTOMER JOURNEY",
      "customer journey",
      "a/b",
      "A/B",
      "CAFÉ",
    ]);
  });

  it("folds final sigma like sigma, so an upper-case Greek word finds its lower-case form", () => {
    expect(found([{ id: "logos", name: "λόγος" }], "ΛΌΓΟΣ and Λόγος and λόγοσ")).toEqual(["ΛΌΓΟΣ", "Λόγος", "λόγοσ"]);
  });
});

describe("plural endings", () => {
  it("matches a form followed by s or es", () => {
    const terms = [
      { id: "cms", name: "CMS" },
      { id: "sla", name: "SLA" },
      { id: "cj", name: "customer journey" },
      { id: "bus", name: "service bus" },
    ];
    expect(found(terms, "CMSs, CMSes, SLAs, customer journeys, Customer JourneyS, service buses.")).toEqual([
      "CMSs",
      "CMSes",
      "SLAs",
      "customer journeys",
      "Customer JourneyS",
      "service buses",
    ]);
  });

  it("takes the ending of an all-capitals form only in lower case, and no other ending", () => {
    expect(found([{ id: "cms", name: "CMS" }], "CMSS CMSES CMSx CMSess CMSs")).toEqual(["CMSs"]);
    expect(found([{ id: "k", name: "kpi" }], "kpis kpies kpix")).toEqual(["kpis", "kpies"]);
  });

  it("reports the form as written, without the ending", () => {
    expect(spansOf([{ id: "cms", name: "CMS" }], "Two CMSs.")).toEqual([
      { text: "CMSs", start: 4, end: 8, termId: "cms", form: "CMS" },
    ]);
  });
});

describe("whitespace", () => {
  it("lets one space in a form match any run of whitespace, line breaks included", () => {
    const terms = [{ id: "cdp", name: "customer data platform" }];
    expect(found(terms, "customer   data\n\tplatform, customer\r\ndata\u00a0platform")).toEqual([
      "customer   data\n\tplatform",
      "customer\r\ndata\u00a0platform",
    ]);
  });

  it("reads a run of whitespace in a form as one space, and does not match across missing space", () => {
    const terms = [{ id: "cdp", name: " customer \n data " }];
    expect(spansOf(terms, "customer data, customerdata")).toEqual([
      { text: "customer data", start: 0, end: 13, termId: "cdp", form: " customer \n data " },
    ]);
  });
});

describe("whole words", () => {
  const terms = [{ id: "cms", name: "CMS" }];

  it("needs a character that is not a letter or digit (or the edge) on both sides", () => {
    expect(found(terms, "CMS")).toEqual(["CMS"]);
    for (const text of ["XCMS", "CMSX", "CMS1", "2CMS", "éCMS", "CMSé", "中CMS", "CMS文", "𝐀CMS", "CMS𝐀"]) {
      expect(found(terms, text)).toEqual([]);
    }
    for (const text of ["(CMS)", "_CMS_", "😀CMS😀", "CMS-based", "«CMS»", "CMS.", "/CMS"]) {
      expect(found(terms, text)).toEqual(["CMS"]);
    }
  });

  it("treats accented and CJK letters as letters inside forms and texts", () => {
    const glossary = [
      { id: "e", name: "équipe" },
      { id: "z", name: "数据" },
    ];
    expect(found(glossary, "Équipe, équipes, xéquipe, 「数据」, 大数据, 数据。")).toEqual([
      "Équipe",
      "équipes",
      "数据",
      "数据",
    ]);
  });

  it("does not match a form inside a longer word even when a shorter term could start there", () => {
    expect(found([{ id: "data", name: "data" }], "metadata dataset data")).toEqual(["data"]);
  });
});

describe("leftmost-longest, non-overlapping", () => {
  const terms = [
    { id: "cd", name: "customer data" },
    { id: "cdp", name: "customer data platform", acronym: "CDP" },
    { id: "dp", name: "data platform" },
  ];

  it("prefers the longest form at a position", () => {
    expect(spansOf(terms, "Our customer data platform.")).toEqual([
      { text: "customer data platform", start: 4, end: 26, termId: "cdp", form: "customer data platform" },
    ]);
  });

  it("prefers the leftmost match over a longer one starting inside it, and continues after it", () => {
    const glossary = [
      { id: "cd", name: "customer data" },
      { id: "dpt", name: "data platform team" },
      { id: "team", name: "team" },
    ];
    expect(found(glossary, "customer data platform team")).toEqual(["customer data", "team"]);
  });

  it("falls back to a shorter form when the longer one does not finish", () => {
    expect(found(terms, "customer data platforms? customer data plat")).toEqual([
      "customer data platforms",
      "customer data",
    ]);
  });
});

describe("offsets are UTF-16 indices into the original text", () => {
  it("counts an emoji or an astral letter as two code units", () => {
    expect(spansOf([{ id: "cms", name: "CMS" }], "😀 CMS 𝐀 CMS")).toEqual([
      { text: "CMS", start: 3, end: 6, termId: "cms", form: "CMS" },
      { text: "CMS", start: 10, end: 13, termId: "cms", form: "CMS" },
    ]);
  });

  it('stays on the original text when lower-casing lengthens it ("İ" becomes two code units)', () => {
    const terms = [
      { id: "data", name: "data" },
      { id: "ist", name: "İstanbul" },
    ];
    expect(spansOf(terms, "İİİ İZMİR data İSTANBUL İstanbul")).toEqual([
      { text: "data", start: 10, end: 14, termId: "data", form: "data" },
      { text: "İSTANBUL", start: 15, end: 23, termId: "ist", form: "İstanbul" },
      { text: "İstanbul", start: 24, end: 32, termId: "ist", form: "İstanbul" },
    ]);
  });

  it('never matches half of a lengthened letter ("i" is not the start of "İ")', () => {
    expect(found([{ id: "i", name: "i" }], "İ i")).toEqual(["i"]);
    expect(found([{ id: "x", name: "xi" }], "xİ xi")).toEqual(["xi"]);
  });

  it("matches astral letters that have a case pair (Deseret)", () => {
    expect(spansOf([{ id: "d", name: "𐐨𐐨" }], "a 𐐀𐐨 b")).toEqual([
      { text: "𐐀𐐨", start: 2, end: 6, termId: "d", form: "𐐨𐐨" },
    ]);
  });
});

describe("clashes: the same form in several terms", () => {
  it("reports one span per term over the same range, in the terms' order", () => {
    const terms = [
      { id: "sql-sales", name: "sales-qualified lead", acronym: "SQL" },
      { id: "sql-db", name: "Structured Query Language", acronym: "SQL" },
    ];
    expect(spansOf(terms, "Is this SQL a query?")).toEqual([
      { text: "SQL", start: 8, end: 11, termId: "sql-sales", form: "SQL" },
      { text: "SQL", start: 8, end: 11, termId: "sql-db", form: "SQL" },
    ]);
  });

  it("reports one span for a term whose forms match the same text, with the form written closest", () => {
    const terms = [{ id: "lead", name: "lead", synonyms: ["Leads", "LEAD"] }];
    expect(spansOf(terms, "LEADS and LEAD")).toEqual([
      { text: "LEADS", start: 0, end: 5, termId: "lead", form: "Leads" },
      { text: "LEAD", start: 10, end: 14, termId: "lead", form: "lead" },
    ]);
  });

  it("gives the range to the longest match only, even when another term matches a shorter one", () => {
    const terms = [
      { id: "conversion", name: "conversion" },
      { id: "conversion-rate", name: "conversion rate" },
    ];
    expect(spansOf(terms, "conversion rate").map((span) => span.termId)).toEqual(["conversion-rate"]);
  });
});

it("finds nothing in an empty text or with no terms", () => {
  expect(found([{ id: "a", name: "a" }], "")).toEqual([]);
  expect(annotate(buildTermMatcher([]), "any text")).toEqual([]);
});

it("keeps numeric ids as numbers", () => {
  expect(annotate(buildTermMatcher([{ id: 7, name: "KPI" }]), "a KPI")).toEqual([
    { start: 2, end: 5, termId: 7, form: "KPI" },
  ]);
});

it("finds every form when a prefix continues in many ways (a state with many children)", () => {
  const letters = [..."abcdefghijklmnopqrstuvwxyzéü中"];
  const terms = letters.map((letter) => ({ id: letter, name: `k${letter}` }));
  const text = letters.map((letter) => `k${letter}`).join(" ");
  expect(annotate(buildTermMatcher(terms), text).map((span) => span.termId)).toEqual(letters);
});
