import { describe, expect, it } from "vitest";
import { createConversionsCsvReader, createPathsCsvReader, createTouchpointsCsvReader } from "./csv-inputs";
import { AttributionInputError } from "./errors";
import { createJourneyAggregator } from "./journeys";
import { createPathAggregator } from "./paths";
import { parseTimestamp } from "./timestamps";
import type { PathTable } from "./types";

function readPaths(text: string, chunkSize = text.length || 1): PathTable {
  const aggregator = createPathAggregator();
  const reader = createPathsCsvReader(aggregator);
  for (let at = 0; at < text.length; at += chunkSize) reader.push(text.slice(at, at + chunkSize));
  reader.end();
  return aggregator.finish();
}

function rowsOf(table: PathTable): string[] {
  const rows: string[] = [];
  for (let p = 0; p < table.pathCount; p++) {
    const names = Array.from(table.steps.subarray(table.offsets[p], table.offsets[p + 1]), (id) => table.channels[id]);
    rows.push(`${names.join(">")}|${table.conversions[p]}|${table.values[p]}|${table.nulls[p]}`);
  }
  return rows;
}

function errorOf(run: () => unknown): AttributionInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof AttributionInputError) return error;
    throw error;
  }
  throw new Error("expected an AttributionInputError");
}

describe("createPathsCsvReader", () => {
  it("reads comma-separated paths, trimming channels around >", () => {
    const table = readPaths(
      "path,total_conversions,total_conversion_value,total_null\n C1 > C2>C3 ,1,10.5,2\nC1,0,0,1\n",
    );
    expect(rowsOf(table)).toEqual(["C1>C2>C3|1|10.5|2", "C1|0|0|1"]);
    expect(table.channels).toEqual(["C1", "C2", "C3"]);
  });

  it("reads semicolon-separated paths with decimal commas, CRLF, a BOM and blank lines", () => {
    const text = "\uFEFFpath;total_conversions;total_conversion_value;total_null\r\nA>B;2;12,5;0\r\n\r\nB;1;3;4\r\n";
    expect(rowsOf(readPaths(text))).toEqual(["A>B|2|12.5|0", "B|1|3|4"]);
  });

  it("gives the same table whatever the chunk boundaries", () => {
    const text = "path,total_conversions,total_null\r\nA>B,1,1\r\nB>C,2,0\r\nA>B,1,0";
    const whole = rowsOf(readPaths(text));
    for (const size of [1, 2, 3, 7]) expect(rowsOf(readPaths(text, size))).toEqual(whole);
    expect(whole).toEqual(["A>B|2|0|1", "B>C|2|0|0"]);
  });

  it("keeps UTF-8 channel names whole when a chunk boundary splits a character", () => {
    const bytes = new TextEncoder().encode("path,total_conversions\nCafé > Überweisung > 広告,3\n");
    const aggregator = createPathAggregator();
    const reader = createPathsCsvReader(aggregator);
    for (let at = 0; at < bytes.length; at++) reader.push(bytes.subarray(at, at + 1));
    reader.end();
    expect(rowsOf(aggregator.finish())).toEqual(["Café>Überweisung>広告|3|0|0"]);
  });

  it("accepts columns in any order and case, quoted fields, and missing optional columns", () => {
    const text = 'Total_Null,PATH,total_conversions\n3,"Search, paid > Email",1\n1,"Say ""hi""",0\n';
    expect(rowsOf(readPaths(text))).toEqual(["Search, paid>Email|1|0|3", 'Say "hi"|0|0|1']);
  });

  it.each([
    ["a wrong number of fields", "path,total_conversions\nA,1\nB,1,2\n", 3, undefined, /expected 2 fields, got 3/],
    ["a bad number", "path,total_conversions\nA,abc\n", 2, "total_conversions", /got "abc"/],
    ["a negative number", "path,total_conversions,total_null\nA,1,-2\n", 2, "total_null", /≥ 0/],
    ["an empty count", "path,total_conversions\nA,\n", 2, "total_conversions", /empty/],
    ["an empty channel name", "path,total_conversions\nA>>B,1\n", 2, "path", /empty channel name at position 2/],
    ["a trailing >", "path,total_conversions\nA> ,1\n", 2, "path", /empty channel name/],
    ["an empty path", "path,total_conversions\n ,1\n", 2, "path", /is empty/],
    [
      "value without conversions",
      "path,total_conversions,total_conversion_value\nA,0,5\n",
      2,
      undefined,
      /value must have conversions/,
    ],
    ["an unterminated quote", 'path,total_conversions\n"A>B,1\n', 2, undefined, /unterminated/],
    ["a missing column", "path,conversions\nA,1\n", 1, undefined, /lacks column "total_conversions"/],
    ["a repeated column", "path,path,total_conversions\n", 1, undefined, /appears twice/],
    ["an empty file", "\n\n", 1, undefined, /empty; expected a header/],
  ])("rejects %s naming the line and field", (_name, text, line, field, message) => {
    const error = errorOf(() => readPaths(text));
    expect(error.line).toBe(line);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(new RegExp(`^line ${line}`));
  });
});

describe("touchpoint and conversion readers", () => {
  function readJourneys(touchpoints: string, conversions: string) {
    const journeys = createJourneyAggregator({ lookbackDays: 30 });
    const touchReader = createTouchpointsCsvReader(journeys);
    touchReader.push(touchpoints);
    touchReader.end();
    const conversionReader = createConversionsCsvReader(journeys);
    conversionReader.push(conversions);
    conversionReader.end();
    return journeys.finish();
  }

  it("reads both files into paths", () => {
    const result = readJourneys(
      "journey_id,timestamp,channel\nj1,2024-03-01T10:00:00Z,Search\nj1,1709301600,Email\nj2,2024-03-02,Display\n",
      "journey_id;timestamp;value\nj1;2024-03-02T00:00:00+01:00;12,5\nj3;2024-03-02;4\n",
    );
    expect(rowsOf(result.paths)).toEqual(["Search>Email|1|12.5|0", "Display|0|0|1"]);
    expect(result.unmatched).toEqual({ conversions: 1, value: 4 });
  });

  it("defaults a blank or absent value to 0", () => {
    const result = readJourneys(
      "journey_id,timestamp,channel\nj,2024-01-01,A\nk,2024-01-01,B\n",
      "journey_id,timestamp\nj,2024-01-02\n",
    );
    expect(result.timeDecay.totals).toEqual({ conversions: 1, value: 0 });
  });

  it.each([
    [
      "journey_id,timestamp,channel\nj,yesterday,A\n",
      2,
      "timestamp",
      /expected an ISO 8601 date-time or Unix seconds, got "yesterday"/,
    ],
    ["journey_id,timestamp,channel\n,2024-01-01,A\n", 2, "journey_id", /is empty/],
    ["journey_id,timestamp,channel\nj,2024-01-01,A\nj,2024-02-30,A\n", 3, "timestamp", /2024-02-30/],
    ["journey_id,timestamp,channel\nj,2024-01-01, \n", 2, "channel", /is empty/],
    ["journey,timestamp,channel\n", 1, undefined, /lacks column "journey_id"/],
  ])("rejects touchpoints %#", (text, line, field, message) => {
    const error = errorOf(() => readJourneys(text, "journey_id,timestamp\n"));
    expect(error).toMatchObject({ line, field });
    expect(error.message).toMatch(message);
  });

  it("rejects a bad conversion value naming the line", () => {
    const error = errorOf(() =>
      readJourneys("journey_id,timestamp,channel\n", "journey_id,timestamp,value\nj,2024-01-01,1\nj,2024-01-01,x\n"),
    );
    expect(error).toMatchObject({ line: 3, field: "value" });
  });
});

describe("parseTimestamp", () => {
  it.each([
    ["2024-03-01", Date.UTC(2024, 2, 1)],
    ["2024-03-01T12:30", Date.UTC(2024, 2, 1, 12, 30)],
    ["2024-03-01T12:30:15Z", Date.UTC(2024, 2, 1, 12, 30, 15)],
    ["2024-03-01 12:30:15.25", Date.UTC(2024, 2, 1, 12, 30, 15, 250)],
    ["2024-03-01T12:30:15+02:00", Date.UTC(2024, 2, 1, 10, 30, 15)],
    ["2024-03-01T12:30:15-0130", Date.UTC(2024, 2, 1, 14, 0, 15)],
    ["2024-02-29T00:00:00Z", Date.UTC(2024, 1, 29)],
    ["1900-03-01", Date.UTC(1900, 2, 1)],
    ["1709296200", 1709296200000],
    ["1709296200.5", 1709296200500],
    [" 2024-03-01 ", Date.UTC(2024, 2, 1)],
  ])("parses %s", (text, expected) => {
    expect(parseTimestamp(text)).toBe(expected);
  });

  it.each([
    "",
    "2023-02-29",
    "2024-13-01",
    "2024-03-01T24:00",
    "2024-03-01T12",
    "2024-03-01X",
    "-5",
    "1e9",
    "03/01/2024",
  ])("rejects %j", (text) => {
    expect(parseTimestamp(text)).toBeNaN();
  });
});
