import { describe, expect, it } from "vitest";
import {
  aggregate,
  CRITERIA,
  type Criterion,
  computeAlignment,
  drivers,
  type GroupAggregate,
  levelOf,
  outcomeAssociations,
  pickPulseItems,
  type Respondent,
  surveyPart,
  toPoints,
  trend,
  visibility,
} from ".";

// Scoring vectors worked out by hand (the arithmetic is in each comment).

const itemOf = (criterion: Criterion) => `item-${criterion}`;
const criterionOf = (itemId: string) =>
  itemId === "outcome" ? ("outcome" as const) : CRITERIA.find((criterion) => itemOf(criterion) === itemId);

/** `count` respondents answering `value` to one item per criterion. */
function uniform(count: number, value: number): Respondent[] {
  return Array.from({ length: count }, () => ({
    answers: Object.fromEntries(CRITERIA.map((criterion) => [itemOf(criterion), value])),
  }));
}

function group(respondents: Respondent[]): GroupAggregate {
  return aggregate(respondents, criterionOf);
}

describe("scoring by hand", () => {
  it("maps the 1–5 scale to 0–100", () => {
    expect([1, 2, 3, 4, 5].map(toPoints)).toEqual([0, 25, 50, 75, 100]);
    expect(toPoints(3.4)).toBeCloseTo(60, 10);
  });

  it("penalises the gap by a quarter of it, capped at 10 points", () => {
    // 75 vs 25: mean 50, gap 50, penalty min(10, 12.5) = 10, survey 40.
    expect(surveyPart(75, 25)).toMatchObject({ mean: 50, gap: 50, penalty: 10, score: 40 });
    // 60 vs 55: mean 57.5, gap 5, penalty 1.25, survey 56.25.
    expect(surveyPart(60, 55)).toMatchObject({ mean: 57.5, gap: 5, penalty: 1.25, score: 56.25 });
    // No gap, no penalty.
    expect(surveyPart(80, 80).score).toBe(80);
  });

  it("levels start at 0, 20, 40, 60, 80", () => {
    expect([0, 19.99, 20, 39.9, 40, 59.9, 60, 79.9, 80, 100].map(levelOf)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it("combines 0.7 survey + 0.3 behaviour, and computes the index and both levels", () => {
    // Marketing answers 4 everywhere (75), IT 3 (50): mean 62.5, gap 25, penalty 6.25, survey 56.25.
    // Value measurement has one signal of 90: 0.7 × 56.25 + 0.3 × 90 = 39.375 + 27 = 66.375 (level 4).
    // The other five have no signal: 56.25 (level 3). Index = (5 × 56.25 + 66.375) / 6 = 57.9375.
    // Average level = (5 × 3 + 4) / 6 = 3.1667; weakest link 3.
    const result = computeAlignment({
      marketing: group(uniform(5, 4)),
      it: group(uniform(6, 3)),
      k: 5,
      signals: [
        { criterion: "value_measurement", key: "sla", value: 90 },
        { criterion: "governance", key: "missing", value: null },
      ],
    });
    const value = result.criteria.find((criterion) => criterion.key === "value_measurement");
    expect(value?.survey).toMatchObject({ marketing: 75, it: 50, gap: 25, score: 56.25 });
    expect(value?.behaviour).toBe(90);
    expect(value?.score).toBeCloseTo(66.375, 10);
    expect(value?.level).toBe(4);
    const governance = result.criteria.find((criterion) => criterion.key === "governance");
    expect(governance?.behaviour).toBeNull();
    expect(governance?.score).toBeCloseTo(56.25, 10);
    expect(result.index).toBeCloseTo(57.9375, 10);
    expect(result.level.average).toBeCloseTo(19 / 6, 10);
    expect(result.level.weakestLink).toBe(3);
  });

  it("averages items within a criterion, each item weighing the same", () => {
    // Marketing: item A answers 5,5,5,5,5 (100) and item B 3,3,3,3,1 → mean 2.6 → 40; criterion (100 + 40) / 2 = 70.
    const marketing: Respondent[] = [5, 5, 5, 5, 5].map((value, index) => ({
      answers: { a: value, b: index === 4 ? 1 : 3 },
    }));
    const it: Respondent[] = uniform(5, 3).map(() => ({ answers: { a: 3, b: 3 } }));
    const of = (id: string) => (id === "a" || id === "b" ? ("skills" as const) : undefined);
    const result = computeAlignment({ marketing: aggregate(marketing, of), it: aggregate(it, of), k: 5, signals: [] });
    const skills = result.criteria.find((criterion) => criterion.key === "skills");
    // 70 vs 50: mean 60, gap 20, penalty 5 → 55.
    expect(skills?.survey).toMatchObject({ marketing: 70, it: 50, gap: 20, penalty: 5, score: 55 });
    // Only skills scored: the index is 55 and no weakest link (not all six known).
    expect(result.index).toBe(55);
    expect(result.level.weakestLink).toBeNull();
  });

  it("a side below k leaves the survey null and the behaviour alone", () => {
    const result = computeAlignment({
      marketing: group(uniform(4, 5)),
      it: group(uniform(9, 5)),
      k: 5,
      signals: [{ criterion: "governance", key: "it_before_decision", value: 30 }],
    });
    expect(result.criteria.every((criterion) => criterion.survey === null)).toBe(true);
    expect(result.criteria.find((criterion) => criterion.key === "governance")?.score).toBe(30);
    expect(result.index).toBe(30);
  });
});

describe("suppression by hand", () => {
  it("shows a team from k when the rest of its side is 0 or at least k", () => {
    // 14 marketing people: A 8, B 4, no team 2. A shown (the rest 6 ≥ 5); B below k.
    const one = visibility(5, {
      marketing: {
        respondents: 14,
        teams: [
          { teamId: "A", respondents: 8 },
          { teamId: "B", respondents: 4 },
          { teamId: null, respondents: 2 },
        ],
      },
      it: { respondents: 3, teams: [{ teamId: "X", respondents: 3 }] },
    });
    expect(one.sides).toEqual({ marketing: null, it: "below_k" });
    expect(one.teams.get("A")).toBeNull();
    expect(one.teams.get("B")).toBe("below_k");
    expect(one.teams.get("X")).toBe("below_k");
    // 10: A 6, B 4 → showing A would give B by subtraction: A suppressed as a complement.
    const two = visibility(5, {
      marketing: {
        respondents: 10,
        teams: [
          { teamId: "A", respondents: 6 },
          { teamId: "B", respondents: 4 },
        ],
      },
      it: { respondents: 0, teams: [] },
    });
    expect(two.teams.get("A")).toBe("complement_below_k");
    // 14: A 6, B 6, C 2 → the rest is 2: the smallest shown (A, then by id) goes too; B stays (rest 8).
    const three = visibility(5, {
      marketing: {
        respondents: 14,
        teams: [
          { teamId: "B", respondents: 6 },
          { teamId: "A", respondents: 6 },
          { teamId: "C", respondents: 2 },
        ],
      },
      it: { respondents: 0, teams: [] },
    });
    expect([three.teams.get("A"), three.teams.get("B"), three.teams.get("C")]).toEqual([
      "complement_below_k",
      null,
      "below_k",
    ]);
  });
});

describe("drivers and trend by hand", () => {
  it("names the lowest criteria, the largest gaps and the items that go with the outcome", () => {
    // 40 respondents: the governance item equals the outcome answer (r = 1); skills is constant (no r).
    const respondents: Respondent[] = Array.from({ length: 40 }, (_, index) => {
      const value = (index % 5) + 1;
      return { answers: { [itemOf("governance")]: value, [itemOf("skills")]: 3, outcome: value } };
    });
    const associations = outcomeAssociations(respondents, "outcome", criterionOf);
    expect(associations).toEqual([{ itemId: itemOf("governance"), criterion: "governance", r: 1, n: 40 }]);
    const result = computeAlignment({ marketing: group(uniform(5, 4)), it: group(uniform(5, 2)), k: 5, signals: [] });
    const list = drivers(result.criteria, associations);
    // Every criterion 75 vs 25: score 40, gap 50. The first three: lowest (communications, by order), largest
    // gap (communications), the governance item.
    expect(list.slice(0, 3).map((driver) => driver.kind)).toEqual(["low_criterion", "large_gap", "outcome_item"]);
    expect(list[0]).toMatchObject({ criterion: "communications", value: 40 });
    expect(list[1]).toMatchObject({ criterion: "communications", value: 50 });
    expect(list[2]).toMatchObject({ criterion: "governance", value: 1 });
  });

  it("needs 30 paired answers before an item is associated with the outcome", () => {
    const respondents: Respondent[] = Array.from({ length: 29 }, (_, index) => ({
      answers: { [itemOf("governance")]: (index % 5) + 1, outcome: (index % 5) + 1 },
    }));
    expect(outcomeAssociations(respondents, "outcome", criterionOf)).toEqual([]);
  });

  it("hides trend points below k and explains the change against the last visible one", () => {
    const points = trend(
      [
        {
          id: "p1",
          title: "Q1",
          on: "2026-03-31",
          status: "closed",
          marketing: group(uniform(5, 3)),
          it: group(uniform(5, 3)),
          signals: [{ criterion: "value_measurement", key: "sla_attainment", value: 60 }],
        },
        {
          id: "p2",
          title: "Q2",
          on: "2026-06-30",
          status: "closed",
          marketing: group(uniform(4, 5)),
          it: group(uniform(5, 5)),
          signals: [],
        },
        {
          id: "p3",
          title: "Q3",
          on: "2026-09-30",
          status: "closed",
          marketing: group(uniform(5, 4)),
          it: group(uniform(5, 3)),
          signals: [{ criterion: "value_measurement", key: "sla_attainment", value: 80 }],
        },
      ],
      5,
    );
    expect(points.map((point) => point.hidden)).toEqual([false, true, false]);
    expect(points[1]?.index).toBeNull();
    // Q1: all 50; value measurement 0.7 × 50 + 0.3 × 60 = 53. Q3: survey 56.25; value 0.7 × 56.25 + 0.3 × 80 = 63.375.
    const change = points[2]?.changes.find((item) => item.key === "value_measurement");
    expect(change?.delta).toBeCloseTo(10.375, 10);
    expect(change?.because).toContain("marketing's answers +25");
    expect(change?.because).toContain("sla attainment 60 → 80");
  });
});

describe("rotation", () => {
  const bank = CRITERIA.flatMap((criterion) =>
    [0, 1, 2, 3, 4].map((position) => ({ id: `${criterion}-${position}`, criterion, position, active: true })),
  ).concat([{ id: "outcome", criterion: "outcome" as never, position: 0, active: true }]);

  it("asks each criterion every pulse and the whole bank in five pulses of six", () => {
    const history: string[][] = [];
    for (let pulse = 0; pulse < 5; pulse++) history.push(pickPulseItems(bank, history, 6));
    for (const ids of history) {
      expect(ids).toHaveLength(7);
      expect(ids).toContain("outcome");
      for (const criterion of CRITERIA) expect(ids.some((id) => id.startsWith(criterion))).toBe(true);
    }
    expect(new Set(history.flat()).size).toBe(bank.length);
  });

  it("covers the bank in four pulses of eight, and skips retired items", () => {
    const history: string[][] = [];
    for (let pulse = 0; pulse < 4; pulse++) history.push(pickPulseItems(bank, history, 8));
    expect(new Set(history.flat()).size).toBe(bank.length);
    const retired = bank.map((item) => (item.id === "skills-0" ? { ...item, active: false } : item));
    expect(pickPulseItems(retired, [], 6)).not.toContain("skills-0");
  });
});
