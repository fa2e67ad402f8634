import fc from "fast-check";
import { distance } from "fastest-levenshtein";
import { describe, expect, it } from "vitest";
import { buildMatcher, type CatalogTool, type ExpenseLine, matchLines, normaliseMerchant } from ".";
import { fuzzyCandidates } from "./matcher";
import { levenshteinSimilarity } from "./similarity";
import { minCommonTrigrams, trigramsOf } from "./trigrams";

// Names built from brand-like syllables, so that catalogs have near-duplicates, shared words and typos to tell
// apart, plus the words banks add around them.
const syllable = fc.constantFrom("zen", "tro", "va", "qui", "li", "fy", "nex", "or", "lum", "ka", "bri", "dex", "mo");
const brand = fc.array(syllable, { minLength: 2, maxLength: 4 }).map((parts) => parts.join(""));
const word = fc.oneof(brand, fc.constantFrom("Analytics", "Mail", "Social", "Cloud", "Monday", "Box", "Zoom"));
const name = fc
  .array(word, { minLength: 1, maxLength: 3 })
  .map((words) => words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" "));
const toolsArbitrary = fc
  .uniqueArray(
    fc.record({
      name,
      vendor: fc.oneof(name, fc.constant("")),
      aliases: fc.array(
        fc.oneof(
          name,
          brand.map((b) => `${b}.io`),
        ),
        { maxLength: 2 },
      ),
    }),
    { minLength: 1, maxLength: 25, selector: (tool) => tool.name },
  )
  .map((tools): CatalogTool[] => tools.map((tool, i) => ({ id: `t${i}`, ...tool })));

const noise = fc.constantFrom("", "PAYPAL *", "SQ *", "FS *");
const tail = fc.constantFrom("", " 4029357733", " LTD", " DUBLIN IE", " *MONTHLY", " 888-799-9666", " CAFE");
const description = fc.oneof(
  fc.tuple(noise, name, tail).map(([prefix, text, suffix]) => `${prefix}${text.toUpperCase()}${suffix}`),
  fc.tuple(noise, brand, tail).map(([prefix, text, suffix]) => `${prefix}${text}${suffix}`),
  fc.string({ maxLength: 20 }),
);
const linesArbitrary = fc
  .array(
    fc.record({
      date: fc.date({ min: new Date("2025-01-01"), max: new Date("2026-12-31"), noInvalidDate: true }),
      description,
      cents: fc.integer({ min: -50_000, max: 500_000 }),
      currency: fc.constantFrom("EUR", "USD"),
      employee: fc.option(fc.constantFrom("ana", "ben", "chloé"), { nil: undefined }),
    }),
    { maxLength: 60 },
  )
  .map((rows): ExpenseLine[] =>
    rows.map((row, i) => ({
      line: i + 2,
      date: row.date.toISOString().slice(0, 10),
      description: row.description,
      amount: row.cents / 100,
      currency: row.currency,
      ...(row.employee ? { employee: row.employee } : {}),
    })),
  );

const byLine = <T extends { line: number }>(items: T[]) => [...items].sort((a, b) => a.line - b.line);

describe("matching properties", () => {
  it("is deterministic and independent of the order of lines and tools", () => {
    fc.assert(
      fc.property(toolsArbitrary, linesArbitrary, fc.infiniteStream(fc.integer()), (tools, lines, seeds) => {
        const shuffle = <T>(items: T[]) => {
          const copy = [...items];
          for (let i = copy.length - 1; i > 0; i -= 1) {
            const j = Math.abs(seeds.next().value) % (i + 1);
            [copy[i], copy[j]] = [copy[j], copy[i]];
          }
          return copy;
        };
        const first = matchLines(buildMatcher(tools), lines);
        expect(matchLines(buildMatcher(tools), lines)).toEqual(first);
        expect(matchLines(buildMatcher(shuffle(tools)), shuffle(lines))).toEqual(first);
      }),
      { numRuns: 150 },
    );
  });

  it("matches a line whose description is exactly a tool's name to that tool", () => {
    fc.assert(
      fc.property(toolsArbitrary, fc.nat(), (tools, pick) => {
        const tool = tools[pick % tools.length];
        fc.pre(normaliseMerchant(tool.name).key !== "");
        const line = { line: 2, date: "2026-01-01", description: tool.name, amount: 1, currency: "EUR" };
        const [match] = matchLines(buildMatcher(tools), [line]).matches;
        expect(match).toBeDefined();
        expect(match.score).toBe(1);
        expect([match.toolId, ...match.alternatives]).toContain(tool.id);
      }),
      { numRuns: 300 },
    );
  });

  it("puts every line exactly once in matches or an unknown group", () => {
    fc.assert(
      fc.property(toolsArbitrary, linesArbitrary, (tools, lines) => {
        const result = matchLines(buildMatcher(tools), lines);
        const placed = [
          ...result.matches.map((match) => match.line),
          ...result.unknown.flatMap((group) => group.lines),
        ];
        expect(placed.sort((a, b) => a - b)).toEqual(lines.map((line) => line.line));
        expect(result.stats.matchedLines + result.stats.unknownLines).toBe(lines.length);
        expect(byLine(result.matches)).toEqual(result.matches);
      }),
      { numRuns: 150 },
    );
  });

  it("totals each unknown group per currency as the exact sum of its lines", () => {
    fc.assert(
      fc.property(toolsArbitrary, linesArbitrary, (tools, lines) => {
        const result = matchLines(buildMatcher(tools), lines);
        const amounts = new Map(lines.map((line) => [line.line, line]));
        for (const group of result.unknown) {
          const cents = new Map<string, number>();
          for (const n of group.lines) {
            const line = amounts.get(n)!;
            cents.set(line.currency, (cents.get(line.currency) ?? 0) + Math.round(line.amount * 100));
          }
          expect(group.totals.map((total) => [total.currency, Math.round(total.total * 100)])).toEqual(
            [...cents].sort(([a], [b]) => (a < b ? -1 : 1)),
          );
          expect(group.totals.reduce((sum, total) => sum + total.lines, 0)).toBe(group.lines.length);
          const dates = group.lines.map((n) => amounts.get(n)!.date).sort();
          expect([group.firstDate, group.lastDate]).toEqual([dates[0], dates[dates.length - 1]]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("finds with the trigram index exactly what the exhaustive scan finds", () => {
    fc.assert(
      fc.property(toolsArbitrary, linesArbitrary, fc.double({ min: 0.3, max: 1, noNaN: true }), (tools, lines, t) => {
        const indexed = matchLines(buildMatcher(tools, { fuzzyThreshold: t }), lines);
        const scanned = matchLines(buildMatcher(tools, { fuzzyThreshold: t, search: "scan" }), lines);
        expect(indexed).toEqual(scanned);
      }),
      { numRuns: 200 },
    );
  });

  it("finds through the prefix index every catalog text the scan finds similar", () => {
    const query = fc.oneof(
      brand,
      brand.chain((b) => fc.nat(b.length).map((at) => b.slice(0, at) + b.slice(at + 1))),
      brand.chain((b) => fc.nat(b.length).map((at) => `${b.slice(0, at)}x${b.slice(at)}`)),
      brand.chain((b) => fc.nat(b.length - 1).map((at) => `${b.slice(0, at)}x${b.slice(at + 1)}`)),
    );
    fc.assert(
      fc.property(toolsArbitrary, query, fc.double({ min: 0.3, max: 1, noNaN: true }), (tools, text, t) => {
        const sorted = (found: [number, number][]) => [...found].sort((a, b) => a[0] - b[0]);
        const indexed = fuzzyCandidates(buildMatcher(tools, { fuzzyThreshold: t }), text);
        const scanned = fuzzyCandidates(buildMatcher(tools, { fuzzyThreshold: t, search: "scan" }), text);
        expect(sorted(indexed)).toEqual(sorted(scanned));
      }),
      { numRuns: 500 },
    );
  });

  it("finds exactly the catalog texts within the length rule whose Levenshtein similarity reaches the threshold", () => {
    const query = brand.chain((b) => fc.nat(b.length - 1).map((at) => `${b.slice(0, at)}${b.slice(at + 1, at + 3)}`));
    fc.assert(
      fc.property(
        toolsArbitrary,
        fc.oneof(brand, query),
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        (tools, text, t) => {
          const matcher = buildMatcher(tools, { fuzzyThreshold: t });
          const expected = matcher.index.fuzzyPhrases
            .map((id): [number, number] => [
              id,
              1 -
                distance(text, matcher.index.phrases[id].compact) /
                  Math.max(text.length, matcher.index.phrases[id].compact.length),
            ])
            .filter(([id, similarity]) => {
              const other = matcher.index.phrases[id].compact.length;
              return similarity >= t && Math.abs(other - text.length) <= 1 + Math.floor(other / 10);
            });
          expect(fuzzyCandidates(matcher, text)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("shares at least longer + 1 − 3 × distance trigrams between two strings (the q-gram lemma the index rests on)", () => {
    // A small alphabet, so that trigrams recur within a string and the occurrence numbering is exercised.
    const text = fc.string({ unit: fc.constantFrom("a", "b", "n"), minLength: 1, maxLength: 14 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const gramsOfB = new Set(trigramsOf(b));
        const common = trigramsOf(a).filter((gram) => gramsOfB.has(gram)).length;
        expect(new Set(trigramsOf(a)).size).toBe(a.length + 1);
        expect(common).toBeGreaterThanOrEqual(minCommonTrigrams(Math.max(a.length, b.length), distance(a, b)));
        expect(levenshteinSimilarity(a, b)).toBe(1 - distance(a, b) / Math.max(a.length, b.length));
      }),
      { numRuns: 2000 },
    );
  });

  it("narrows the search at the default threshold: no catalog text and no query length falls back to a scan", () => {
    fc.assert(
      fc.property(toolsArbitrary, (tools) => {
        const { index } = buildMatcher(tools);
        expect(index.unfiltered).toEqual([]);
        for (const bound of index.queryBound.values()) expect(bound).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });

  it("scores every match in (0, 1], exact ones 1", () => {
    fc.assert(
      fc.property(toolsArbitrary, linesArbitrary, (tools, lines) => {
        for (const match of matchLines(buildMatcher(tools), lines).matches) {
          expect(match.score).toBeGreaterThan(0);
          expect(match.score).toBeLessThanOrEqual(1);
          expect(match.score === 1).toBe(match.method === "exact");
        }
      }),
      { numRuns: 100 },
    );
  });
});
