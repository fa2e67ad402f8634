import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvSyntaxError, csvField, detectSeparator, parseCsv, toCsv } from "./csv";

describe("parseCsv", () => {
  it("reads quoted fields with separators, doubled quotes and line breaks, and numbers records by their first line", () => {
    const text = '\uFEFFname,notes\r\n"Acme, Inc.","said ""hi""\nand left"\r\n\r\nPlain , spaced \n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ["name", "notes"] },
      { line: 2, fields: ["Acme, Inc.", 'said "hi"\nand left'] },
      { line: 5, fields: ["Plain", "spaced"] },
    ]);
  });

  it("takes a semicolon when the header uses it", () => {
    expect(detectSeparator("a;b;c\n1,5;2;3")).toBe(";");
    expect(parseCsv("a;b\n1,5;2")[1].fields).toEqual(["1,5", "2"]);
  });

  it("names the line of a malformed record", () => {
    expect(() => parseCsv('a,b\n1,"open\n')).toThrowError(new CsvSyntaxError(2, "a quoted field is never closed"));
    expect(() => parseCsv('a,b\n1,"x"y\n')).toThrowError(CsvSyntaxError);
  });
});

describe("toCsv", () => {
  it("neutralises formulas and quotes what needs it", () => {
    expect(csvField("=HYPERLINK()")).toBe("'=HYPERLINK()");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField(12.5)).toBe("12.5");
    expect(csvField(null)).toBe("");
  });

  it("round-trips any table of text through parseCsv", () => {
    const cell = fc
      .string({ unit: fc.constantFrom("a", "b", " x", ",", '"', "\n", ";", "é", "1") })
      .filter((text) => text.trim() === text && !/^[=+\-@\t\r]/.test(text));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const parsed = parseCsv(toCsv(["h1", "h2"], rows), ",");
        expect(parsed.slice(1).map((record) => record.fields)).toEqual(rows);
      }),
    );
  });
});
