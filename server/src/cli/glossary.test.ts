import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createTempFolder } from "../../test/cli-io";

// Through the real `bin/tandem.mjs` process, as analysts and pipelines run it.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const bin = path.join(root, "bin/tandem.mjs");
const temp = createTempFolder("tandem-glossary-");
afterAll(() => temp.remove());

function tandem(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [bin, "glossary", ...args], { input, encoding: "utf8", timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const terms = [
  { id: "cdp", name: "customer data platform", acronym: "CDP", synonyms: ["customer data hub"] },
  { id: "cd", name: "customer data" },
  { id: "it", name: "IT", synonyms: ["information technology"] },
  { id: "sql-sales", name: "sales-qualified lead", acronym: "SQL" },
  { id: "sql-db", name: "structured query language", acronym: "SQL" },
  { id: 42, name: "CMS", definition: "ignored" },
];
const termsFile = temp.write("terms.json", JSON.stringify(terms));
const text = "😀 Our Customer\n  Data Platform (CDPs) feeds it to IT; İSTANBUL's CMSs speak SQL.";
const textFile = temp.write("text.txt", text);

describe("tandem glossary annotate", () => {
  it("prints the spans with UTF-16 offsets, the forms as written, and the timings", () => {
    const { code, stdout, stderr } = tandem(["annotate", "--terms", termsFile, "--text", textFile]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout.endsWith("\n")).toBe(true);
    const output = JSON.parse(stdout);
    expect(Object.keys(output)).toEqual(["spans", "buildMs", "annotateMs"]);
    expect(output.buildMs).toBeGreaterThanOrEqual(0);
    expect(output.annotateMs).toBeGreaterThanOrEqual(0);
    const at = (word: string, from = 0) => text.indexOf(word, from);
    expect(output.spans).toEqual([
      { start: 7, end: 31, termId: "cdp", form: "customer data platform" },
      { start: at("CDPs"), end: at("CDPs") + 4, termId: "cdp", form: "CDP" },
      { start: at("IT;"), end: at("IT;") + 2, termId: "it", form: "IT" },
      { start: at("CMSs"), end: at("CMSs") + 4, termId: 42, form: "CMS" },
      { start: at("SQL"), end: at("SQL") + 3, termId: "sql-sales", form: "SQL" },
      { start: at("SQL"), end: at("SQL") + 3, termId: "sql-db", form: "SQL" },
    ]);
    for (const span of output.spans) expect(text.slice(span.start, span.end).length).toBe(span.end - span.start);
    expect(text.slice(7, 31)).toBe("Customer\n  Data Platform");
  });

  it('reads the text from standard input when FILE is "-"', () => {
    const { code, stdout } = tandem(["annotate", "--terms", termsFile, "--text", "-"], "our IT and it");
    expect(code).toBe(0);
    expect(JSON.parse(stdout).spans).toEqual([{ start: 4, end: 6, termId: "it", form: "IT" }]);
  });

  it("explains the rules and the clash semantics", () => {
    const { code, stdout } = tandem(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("tandem glossary annotate --terms TERMS.json --text FILE");
    expect(stdout).toMatch(/Clashes: when several terms match the same longest text/);
  });

  it.each([
    ["invalid JSON", '[{"id": "a", "name": "x"},]', /terms-invalid-json\.json is not valid JSON \(Unexpected token/],
    ["not an array", '{"id": "a", "name": "CMS"}', /terms must be an array of terms/],
    ["a missing id", '[{"name": "CMS"}]', /terms\[0\]\.id is missing/],
    ["an empty form", '[{"id": "a", "name": "CMS", "synonyms": [" "]}]', /terms\[0\]\.synonyms\[0\] is an empty form/],
    [
      "duplicate ids",
      '[{"id": "a", "name": "CMS"}, {"id": "a", "name": "DAM"}]',
      /terms\[1\]\.id duplicates the id of terms\[0\] \("a"\)/,
    ],
  ])("exits 2 on %s with the reason on stderr and nothing on stdout", (label, json, reason) => {
    const file = temp.write(`terms-${label.replace(/ /g, "-").toLowerCase()}.json`, json);
    const { code, stdout, stderr } = tandem(["annotate", "--terms", file, "--text", textFile]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(reason);
  });

  it.each([
    ["no --terms", ["annotate", "--text", textFile], /--terms TERMS\.json is required/],
    [
      "a missing file",
      ["annotate", "--terms", temp.pathOf("absent.json"), "--text", textFile],
      /absent\.json: cannot read/,
    ],
    ["an unknown option", ["annotate", "--terms", termsFile, "--text", textFile, "-x"], /Unknown option '-x'/],
    ["an unknown subcommand", ["summarise"], /unknown subcommand "summarise"/],
  ])("exits 2 on %s", (_label, args, reason) => {
    const { code, stdout, stderr } = tandem(args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(reason);
  });
});
