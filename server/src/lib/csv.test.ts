import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CsvLimitError,
  CsvSyntaxError,
  checkCsvShape,
  csvField,
  detectSeparator,
  parseCsv,
  parseCsvYielding,
  splitCsvRecords,
  toCsv,
} from "./csv";

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

describe("the caps and the line numbers", () => {
  it("numbers records by their first line whatever the line ends, inside quotes too", () => {
    const text = 'a,b\r\n"x\r\ny",z\r\n\r\nq,w\rlast,"one\rtwo"\n';
    expect(parseCsv(text).map((record) => record.line)).toEqual([1, 2, 5, 6]);
    expect(() => parseCsv('a,b\r\n"x\r\ny",z\r\nq,w"\n')).toThrowError(
      new CsvSyntaxError(4, "a quote inside an unquoted field"),
    );
  });

  it("refuses the 201st column and the record past 64 KB on the line the record starts", () => {
    expect(() => parseCsv(`a\nb\n"c\nd"${",x".repeat(1_000_000)}\n`)).toThrowError(
      new CsvLimitError(3, "has more than 200 columns"),
    );
    expect(() => parseCsv(`a\n"b\n${"é".repeat(70_000)}"\n`)).toThrowError(
      new CsvLimitError(2, "is longer than 64 KB"),
    );
    expect(() => parseCsv(`a\n${"x".repeat(1_000_000)}\n`)).toThrowError(new CsvLimitError(2, "is longer than 64 KB"));
    expect(parseCsv(`a${",".repeat(199)}\n${"x".repeat(60_000)}`)[1].fields[0]).toHaveLength(60_000);
  });

  it("checks only the caps in a shape check", () => {
    expect(() => checkCsvShape('a,b\n1,"x"y\nz"w\n"open')).not.toThrow();
    expect(() => checkCsvShape(`a,b\n1,"x"y\n${";".repeat(300)}\n${",".repeat(300)}`)).toThrowError(
      new CsvLimitError(4, "has more than 200 columns"),
    );
  });

  it("reads the same in turns as in one go, across slices and surrogate pairs", async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i},"said ""😀""\r\n${"é".repeat(i % 7)}",${i % 3}`);
    const text = ["n,text,k", ...rows].join("\r\n");
    const records = await parseCsvYielding(text);
    expect(records).toEqual(parseCsv(text));
    expect(records[20_000]).toEqual({ line: 40_000, fields: ["19999", 'said "😀"\r\n', "1"] });
    await expect(parseCsvYielding(`${text}\r\n1,"open`)).rejects.toThrowError(
      new CsvSyntaxError(40_002, "a quoted field is never closed"),
    );
  });
});

describe("splitCsvRecords", () => {
  it("cuts pieces on record boundaries only, each with the line it starts on, whatever the line ends", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => (i % 7 === 3 ? `${i},"two\r\nlines"` : `${i},plain`));
    const text = `\uFEFFn,text\r\n${rows.join("\r\n")}\n`;
    const { header, pieces } = await splitCsvRecords(text, 200);
    expect(header).toBe("\uFEFFn,text\r\n");
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces[0].from).toBe(header.length);
    expect(pieces.at(-1)?.to).toBe(text.length);
    for (const [k, piece] of pieces.entries()) {
      if (k > 0) expect(piece.from).toBe(pieces[k - 1].to);
      const records = parseCsv(header + text.slice(piece.from, piece.to));
      // Each piece starts with a whole record, on the line the whole file has it on.
      const first = records[1].fields[0];
      expect(parseCsv(text).find((record) => record.fields[0] === first)?.line).toBe(piece.line);
    }
  });

  it("cuts a tab-separated file where its records end and leaves a quote never closed in the last piece", async () => {
    const text = `a\tb\n1\t"x\ny"\n2\t"open\n3\tz\n`;
    const { header, pieces } = await splitCsvRecords(text, 1);
    expect(header).toBe("a\tb\n");
    expect(pieces.map((piece) => [text.slice(piece.from, piece.to), piece.line])).toEqual([
      ['1\t"x\ny"\n', 2],
      ['2\t"open\n3\tz\n', 4],
    ]);
  });

  it("refuses a record past the caps", async () => {
    await expect(splitCsvRecords(`a\n${"x,".repeat(300)}\n`, 10)).rejects.toThrowError(
      new CsvLimitError(2, "has more than 200 columns"),
    );
  });
});
