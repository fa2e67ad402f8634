import { describe, expect, it } from "vitest";
import {
  defaultRaciTemplate,
  instantiateRaci,
  raciProblems,
  rankBetween,
  rankFromScore,
  scoreRequest,
  TRANSITIONS,
  totalBenefit,
  transitionRefusal,
} from "./pipeline.rules";

const inputs = { reach: 1000, value: 6, urgency: 4, risk: 2, effort: 3, confidence: 80 };

describe("scoring", () => {
  it("computes RICE, WSJF and the weighted formula, and says what is missing", () => {
    expect(
      scoreRequest({ preset: "rice", weights: { value: 1, urgency: 1, risk: 1, confidence: 1, effort: 1 } }, inputs),
    ).toEqual({
      score: 1600,
      explanation: "RICE = 1000 × 6 × 80% ÷ 3 = 1600",
    });
    expect(
      scoreRequest({ preset: "wsjf", weights: { value: 1, urgency: 1, risk: 1, confidence: 1, effort: 1 } }, inputs)
        .score,
    ).toBe(4);
    const weighted = scoreRequest(
      { preset: "weighted", weights: { value: 3, urgency: 2, risk: 1, confidence: 1, effort: 2 } },
      inputs,
    );
    // (18 + 8 + 2 + 8) ÷ (1 + 0.6) = 22.5
    expect(weighted.score).toBe(22.5);
    expect(
      scoreRequest(
        { preset: "wsjf", weights: { value: 1, urgency: 1, risk: 1, confidence: 1, effort: 1 } },
        { ...inputs, urgency: null, effort: null },
      ),
    ).toEqual({
      score: null,
      explanation: "Not scored yet: needs urgency, effort",
    });
  });

  it("ranks higher scores first and places between neighbours (keys compared byte by byte)", () => {
    expect(rankFromScore(10) < rankFromScore(2)).toBe(true);
    expect(rankFromScore(null) > rankFromScore(1)).toBe(true);
    const [high, low] = [rankFromScore(2), rankFromScore(1)];
    const between = rankBetween(high, low);
    expect(high < between && between < low).toBe(true);
    expect(rankBetween(null, high) < high).toBe(true);
    expect(rankBetween(low, null) > low).toBe(true);
  });

  it("counts soft benefit as hours × rate", () => {
    expect(totalBenefit("1000.00", 10, "80.00")).toBe("1800.00");
    expect(totalBenefit(null, null, "80")).toBeNull();
    expect(totalBenefit(null, 5, "80")).toBe("400.00");
  });
});

describe("stages", () => {
  const nobody = { isRequester: false, isSponsor: false, isItPartner: false, isItSide: false, isAdmin: false };
  it("lets only the requester submit or withdraw, and IT triage", () => {
    expect(transitionRefusal("draft", "submitted", { ...nobody, isRequester: true })).toBeNull();
    expect(transitionRefusal("draft", "submitted", { ...nobody, isItSide: true })).not.toBeNull();
    expect(transitionRefusal("submitted", "triage", { ...nobody, isRequester: true })).not.toBeNull();
    expect(transitionRefusal("submitted", "triage", { ...nobody, isItSide: true })).toBeNull();
    expect(transitionRefusal("planning", "decision", { ...nobody, isSponsor: true })).toBeNull();
    expect(transitionRefusal("planning", "decision", nobody)).not.toBeNull();
  });
  it("ends in closed, declined or withdrawn, from which no plain transition leads", () => {
    for (const stage of ["closed", "declined", "withdrawn"] as const) expect(TRANSITIONS[stage]).toEqual([]);
  });
});

describe("rules of engagement", () => {
  it("a purchase: marketing responsible, IT accountable for the technical side, finance consulted above 10,000", () => {
    const facts = {
      requesterId: "req",
      sponsorId: "spo",
      itPartnerId: "itp",
      costEstimate: 25_000,
      teamByKind: { marketing: "M", it: "I", security: "S", legal: "L", finance: "F" },
    };
    const rows = instantiateRaci(defaultRaciTemplate("purchase"), facts);
    expect(rows).toContainEqual({ activity: "Technical fit and integration", role: "A", teamId: "I", userId: null });
    expect(rows).toContainEqual({ activity: "Requirements", role: "R", teamId: null, userId: "req" });
    expect(rows).toContainEqual({ activity: "Budget", role: "C", teamId: "F", userId: null });
    expect(rows).toContainEqual({ activity: "Compliance and risk", role: "C", teamId: "L", userId: null });
    expect(raciProblems(rows)).toEqual([]);
    const cheap = instantiateRaci(defaultRaciTemplate("purchase"), { ...facts, costEstimate: 5000 });
    expect(cheap.some((row) => row.activity === "Budget" && row.role === "C")).toBe(false);
  });
  it("names what is missing: no Accountable, two Accountable, unassigned roles", () => {
    expect(
      raciProblems([
        { activity: "Build", role: "R", teamId: "I", userId: null },
        { activity: "Run", role: "A", teamId: "I", userId: null },
        { activity: "Run", role: "A", teamId: null, userId: "u" },
        { activity: "Run", role: "C", teamId: null, userId: null },
      ]),
    ).toEqual([
      "“Build” has no one Accountable",
      "“Run” has 2 Accountable; exactly one is allowed",
      "“Run” has an unassigned Consulted",
    ]);
  });
});
