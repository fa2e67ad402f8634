import {
  type AlignmentResult,
  AlignmentRules,
  CRITERIA,
  type Criterion,
  type CriterionResult,
  type GroupAggregate,
  type ItemAggregate,
  type ItemCriterion,
  type Respondent,
  type SignalInput,
  type SurveyPart,
} from "./types";

const clamp = (value: number) => Math.min(100, Math.max(0, value));

/** A mean answer on the 1–5 scale as points on 0–100: (mean − 1) / 4 × 100. */
export function toPoints(mean: number): number {
  return clamp(((mean - 1) / 4) * 100);
}

/** Aggregates respondents (in any order) into per-item sums; values outside 1..5 are refused by the caller. */
export function aggregate(
  respondents: readonly Respondent[],
  criterionOf: (itemId: string) => ItemCriterion | undefined,
): GroupAggregate {
  const byItem = new Map<string, ItemAggregate>();
  for (const respondent of respondents) {
    for (const [itemId, value] of Object.entries(respondent.answers)) {
      const criterion = criterionOf(itemId);
      if (!criterion) continue;
      let row = byItem.get(itemId);
      if (!row) {
        row = { itemId, criterion, answers: 0, total: 0, agree: 0 };
        byItem.set(itemId, row);
      }
      row.answers += 1;
      row.total += value;
      if (value >= 4) row.agree += 1;
    }
  }
  const items = [...byItem.values()].sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
  return { respondents: respondents.length, items };
}

/**
 * A side's score on a criterion: the mean over the criterion's items (each item's mean answer as points);
 * null when the group is below k or answered none of them.
 */
export function sideCriterionScore(group: GroupAggregate | null, criterion: Criterion, k: number): number | null {
  if (!group || group.respondents < k) return null;
  const points = group.items
    .filter((item) => item.criterion === criterion && item.answers > 0)
    .map((item) => toPoints(item.total / item.answers));
  if (points.length === 0) return null;
  return points.reduce((sum, value) => sum + value, 0) / points.length;
}

/** The survey part: mean of both sides minus the capped gap penalty. */
export function surveyPart(marketing: number, it: number): SurveyPart {
  const gap = Math.abs(marketing - it);
  const mean = (marketing + it) / 2;
  const penalty = Math.min(AlignmentRules.gapCap, AlignmentRules.gapRate * gap);
  return { marketing, it, gap, mean, penalty, score: clamp(mean - penalty) };
}

/** Mean of the signals with a value (each clamped to 0–100); null when none has one. */
export function behaviourScore(signals: readonly SignalInput[]): number | null {
  const values = signals.flatMap((signal) =>
    signal.value === null || !Number.isFinite(signal.value) ? [] : [clamp(signal.value)],
  );
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** C = 0.7 · survey + 0.3 · behaviour; either alone when the other is missing; null when both are. */
export function combine(survey: number | null, behaviour: number | null): number | null {
  if (survey === null && behaviour === null) return null;
  if (survey === null) return behaviour;
  if (behaviour === null) return survey;
  return clamp(AlignmentRules.surveyWeight * survey + AlignmentRules.behaviourWeight * behaviour);
}

/** Luftman's level 1..5 of a score: the highest level whose lower bound the score reaches. */
export function levelOf(score: number): number {
  let level = 1;
  AlignmentRules.levelFrom.forEach((from, index) => {
    if (score >= from) level = index + 1;
  });
  return level;
}

/** Scores the six criteria from both sides' aggregates (null below k) and the behavioural signals. */
export function scoreCriteria(input: {
  marketing: GroupAggregate | null;
  it: GroupAggregate | null;
  k: number;
  signals: readonly SignalInput[];
}): CriterionResult[] {
  return CRITERIA.map((key) => {
    const marketing = sideCriterionScore(input.marketing, key, input.k);
    const it = sideCriterionScore(input.it, key, input.k);
    const survey = marketing === null || it === null ? null : surveyPart(marketing, it);
    const signals = input.signals.filter((signal) => signal.criterion === key);
    const behaviour = behaviourScore(signals);
    const score = combine(survey ? survey.score : null, behaviour);
    return { key, survey, behaviour, score, level: score === null ? null : levelOf(score), signals };
  });
}

/** The index (mean of the criteria with a score) and maturity two ways. */
export function summarise(criteria: CriterionResult[]): AlignmentResult {
  const scored = criteria.filter((criterion) => criterion.score !== null);
  if (scored.length === 0) return { index: null, level: { average: null, weakestLink: null }, criteria };
  const index = scored.reduce((sum, criterion) => sum + (criterion.score ?? 0), 0) / scored.length;
  const levels = scored.map((criterion) => criterion.level ?? 1);
  const average = levels.reduce((sum, level) => sum + level, 0) / levels.length;
  // Luftman's rule: level N only when all six criteria reach N, so unknown criteria leave it unknown.
  const weakestLink = scored.length === CRITERIA.length ? Math.min(...levels) : null;
  return { index, level: { average, weakestLink }, criteria };
}

/** Everything for one pulse: criteria, index, levels. */
export function computeAlignment(input: {
  marketing: GroupAggregate | null;
  it: GroupAggregate | null;
  k: number;
  signals: readonly SignalInput[];
}): AlignmentResult {
  return summarise(scoreCriteria(input));
}

/** Rounds to one decimal for the API (after every computation). */
export function round1(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}
