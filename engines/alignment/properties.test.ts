import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  aggregate,
  CRITERIA,
  type Criterion,
  computeAlignment,
  type Respondent,
  type SignalInput,
  trend,
  visibility,
} from ".";

// Items: two per criterion plus the outcome item.
const ITEMS = CRITERIA.flatMap((criterion) => [`${criterion}:0`, `${criterion}:1`]).concat(["outcome"]);
const criterionOf = (itemId: string) =>
  itemId === "outcome" ? ("outcome" as const) : (itemId.split(":")[0] as Criterion | undefined);

const respondent = fc
  .record(
    Object.fromEntries(ITEMS.map((item) => [item, fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined })])),
  )
  .map(
    (answers): Respondent => ({
      answers: Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== undefined)) as Record<
        string,
        number
      >,
    }),
  );
const side = fc.array(respondent, { maxLength: 14 });
const signals = fc.array(
  fc.record({
    criterion: fc.constantFrom(...CRITERIA),
    key: fc.constantFrom("a", "b", "c"),
    value: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
  }),
  { maxLength: 10 },
);
const k = fc.integer({ min: 3, max: 10 });

function run(marketing: Respondent[], it: Respondent[], kk: number, sig: SignalInput[]) {
  return computeAlignment({
    marketing: aggregate(marketing, criterionOf),
    it: aggregate(it, criterionOf),
    k: kk,
    signals: sig,
  });
}

describe("alignment properties", () => {
  it("is bounded: index and every score in 0–100, levels in 1–5", () => {
    fc.assert(
      fc.property(side, side, k, signals, (marketing, it, kk, sig) => {
        const result = run(marketing, it, kk, sig);
        for (const value of [result.index, ...result.criteria.map((criterion) => criterion.score)]) {
          if (value !== null) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(100);
          }
        }
        for (const level of [result.level.average, result.level.weakestLink, ...result.criteria.map((c) => c.level)]) {
          if (level !== null) {
            expect(level).toBeGreaterThanOrEqual(1);
            expect(level).toBeLessThanOrEqual(5);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("is monotone in every answer: raising one answer never lowers a score, the index or a level", () => {
    fc.assert(
      fc.property(
        side,
        side,
        k,
        signals,
        fc.boolean(),
        fc.nat(),
        fc.constantFrom(...ITEMS),
        (marketing, it, kk, sig, onMarketing, pick, item) => {
          const group = onMarketing ? marketing : it;
          fc.pre(group.length > 0);
          const index = pick % group.length;
          const before = group[index] as Respondent;
          const value = before.answers[item];
          fc.pre(value !== undefined && value < 5);
          const raised = group.map((entry, at) =>
            at === index ? { answers: { ...entry.answers, [item]: (value as number) + 1 } } : entry,
          );
          const a = run(marketing, it, kk, sig);
          const b = onMarketing ? run(raised, it, kk, sig) : run(marketing, raised, kk, sig);
          expectNotLower(a, b);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("is monotone in every signal: raising one signal never lowers a score or the index", () => {
    fc.assert(
      fc.property(
        side,
        side,
        k,
        signals,
        fc.nat(),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (m, i, kk, sig, pick, by) => {
          fc.pre(sig.length > 0);
          const at = pick % sig.length;
          const current = sig[at] as SignalInput;
          fc.pre(current.value !== null);
          const raised = sig.map((signal, index) =>
            index === at ? { ...signal, value: Math.min(100, (signal.value as number) + by) } : signal,
          );
          expectNotLower(run(m, i, kk, sig), run(m, i, kk, raised));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("does not depend on the order of respondents", () => {
    fc.assert(
      fc.property(side, side, k, signals, fc.nat(), (marketing, it, kk, sig, seed) => {
        const shuffled = (list: Respondent[]) =>
          list
            .map((entry, index) => ({ entry, key: (index * 7919 + seed) % 104729 }))
            .sort((a, b) => a.key - b.key)
            .map((pair) => pair.entry);
        const a = run(marketing, it, kk, sig);
        const b = run(shuffled(marketing), shuffled([...it].reverse()), kk, sig);
        expect(b).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });

  it("never lets a side below k change anything shown", () => {
    fc.assert(
      fc.property(side, side, side, k, signals, (small, other, it, kk, sig) => {
        fc.pre(small.length < kk && other.length < kk);
        // Whatever the small group answered, the result is the same: nothing of it is revealed.
        const a = run(small, it, kk, sig);
        const b = run(other, it, kk, sig);
        expect(b).toEqual(a);
        expect(a.criteria.every((criterion) => criterion.survey === null)).toBe(true);
        // Its trend point is hidden.
        const points = trend(
          [
            {
              id: "p",
              title: "p",
              on: "2026-01-01",
              status: "closed",
              marketing: aggregate(small, criterionOf),
              it: aggregate(it, criterionOf),
              signals: sig,
            },
          ],
          kk,
        );
        expect(points[0]?.hidden).toBe(true);
        expect(points[0]?.index).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it("suppression: no shown team below k, and no difference of shown figures isolates 1..k−1 people", () => {
    const teams = fc.array(
      fc.record({
        teamId: fc.option(fc.constantFrom("t1", "t2", "t3", "t4", "t5", "t6"), { nil: null }),
        respondents: fc.integer({ min: 0, max: 15 }),
      }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(teams, k, (raw, kk) => {
        // One entry per team id; people without a team pooled.
        const merged = new Map<string | null, number>();
        for (const team of raw) merged.set(team.teamId, (merged.get(team.teamId) ?? 0) + team.respondents);
        const list = [...merged].map(([teamId, respondents]) => ({ teamId, respondents }));
        const total = list.reduce((sum, team) => sum + team.respondents, 0);
        const result = visibility(kk, {
          marketing: { respondents: total, teams: list },
          it: { respondents: 0, teams: [] },
        });
        const shown = list.filter((team) => team.teamId !== null && result.teams.get(team.teamId) === null);
        if (result.sides.marketing !== null) expect(shown).toEqual([]);
        for (const team of shown) expect(team.respondents).toBeGreaterThanOrEqual(kk);
        // Every figure derivable by subtraction: the side minus any subset of shown teams, and the difference
        // of two shown teams' union with the side (same thing): 0 or at least k people.
        if (result.sides.marketing === null) {
          for (let mask = 0; mask < 1 << shown.length; mask++) {
            const taken = shown
              .filter((_, index) => mask & (1 << index))
              .reduce((sum, team) => sum + team.respondents, 0);
            const rest = total - taken;
            expect(rest === 0 || rest >= kk).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

function expectNotLower(a: ReturnType<typeof run>, b: ReturnType<typeof run>) {
  const eps = 1e-9;
  if (a.index !== null) expect(b.index ?? Number.NEGATIVE_INFINITY).toBeGreaterThanOrEqual(a.index - eps);
  a.criteria.forEach((criterion, index) => {
    const after = b.criteria[index];
    if (criterion.score !== null)
      expect(after?.score ?? Number.NEGATIVE_INFINITY).toBeGreaterThanOrEqual(criterion.score - eps);
  });
  if (a.level.average !== null) expect(b.level.average ?? 0).toBeGreaterThanOrEqual(a.level.average - eps);
  if (a.level.weakestLink !== null) expect(b.level.weakestLink ?? 0).toBeGreaterThanOrEqual(a.level.weakestLink);
}
