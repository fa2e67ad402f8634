import {
  AlignmentRules,
  type Criterion,
  type CriterionResult,
  type Driver,
  type ItemCriterion,
  type Respondent,
} from "./types";

export const CRITERION_LABELS: Record<Criterion, string> = {
  communications: "Communications",
  value_measurement: "Value measurement",
  governance: "Governance",
  partnership: "Partnership",
  scope_architecture: "Scope & architecture",
  skills: "Skills",
};

export type Association = { itemId: string; criterion: Criterion; r: number; n: number };

/** Pearson's r of two equally long series; null when either does not vary. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2 || ys.length !== n) return null;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i] ?? 0;
    sy += ys[i] ?? 0;
  }
  const mx = sx / n;
  const my = sy / n;
  let cov = 0;
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx;
    const dy = (ys[i] ?? 0) - my;
    cov += dx * dy;
    vx += dx * dx;
    vy += dy * dy;
  }
  if (vx === 0 || vy === 0) return null;
  return Math.max(-1, Math.min(1, cov / Math.sqrt(vx * vy)));
}

/**
 * How strongly each criterion item goes with the outcome item across respondents (both sides pooled): Pearson's r
 * over the respondents who answered both, for items with at least `driverAnswersMin` such respondents.
 */
export function outcomeAssociations(
  respondents: readonly Respondent[],
  outcomeItemId: string,
  criterionOf: (itemId: string) => ItemCriterion | undefined,
  minAnswers: number = AlignmentRules.driverAnswersMin,
): Association[] {
  const pairs = new Map<string, { xs: number[]; ys: number[] }>();
  for (const respondent of respondents) {
    const outcome = respondent.answers[outcomeItemId];
    if (outcome === undefined) continue;
    for (const [itemId, value] of Object.entries(respondent.answers)) {
      if (itemId === outcomeItemId) continue;
      let pair = pairs.get(itemId);
      if (!pair) {
        pair = { xs: [], ys: [] };
        pairs.set(itemId, pair);
      }
      pair.xs.push(value);
      pair.ys.push(outcome);
    }
  }
  const result: Association[] = [];
  for (const [itemId, pair] of pairs) {
    const criterion = criterionOf(itemId);
    if (!criterion || criterion === "outcome" || pair.xs.length < minAnswers) continue;
    const r = pearson(pair.xs, pair.ys);
    if (r !== null) result.push({ itemId, criterion, r, n: pair.xs.length });
  }
  return result.sort((a, b) => b.r - a.r || (a.itemId < b.itemId ? -1 : 1));
}

/**
 * Drivers, interleaved by kind so the first three name one of each where there is one: the lowest criteria
 * (up to three), the largest gaps between the sides (from `gapDriverMin` points, up to three), and the items most
 * associated with the outcome item (r ≥ `associationMin`, up to three).
 */
export function drivers(criteria: readonly CriterionResult[], associations: readonly Association[]): Driver[] {
  const per = AlignmentRules.driversPerKind;
  const low: Driver[] = criteria
    .filter((criterion) => criterion.score !== null)
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0) || CRITERIA_ORDER[a.key] - CRITERIA_ORDER[b.key])
    .slice(0, per)
    .map((criterion) => ({
      kind: "low_criterion",
      criterion: criterion.key,
      itemId: null,
      value: round1(criterion.score ?? 0),
      message: `${CRITERION_LABELS[criterion.key]} scores ${round1(criterion.score ?? 0)} of 100`,
    }));
  const gaps: Driver[] = criteria
    .filter((criterion) => criterion.survey !== null && criterion.survey.gap >= AlignmentRules.gapDriverMin)
    .sort((a, b) => (b.survey?.gap ?? 0) - (a.survey?.gap ?? 0) || CRITERIA_ORDER[a.key] - CRITERIA_ORDER[b.key])
    .slice(0, per)
    .map((criterion) => {
      const survey = criterion.survey as NonNullable<CriterionResult["survey"]>;
      const higher = survey.marketing >= survey.it ? "Marketing" : "IT";
      return {
        kind: "large_gap",
        criterion: criterion.key,
        itemId: null,
        value: round1(survey.gap),
        message: `${CRITERION_LABELS[criterion.key]}: the sides see it ${round1(survey.gap)} points apart (${higher} rates it higher)`,
      };
    });
  const items: Driver[] = associations
    .filter((association) => association.r >= AlignmentRules.associationMin)
    .slice(0, per)
    .map((association) => ({
      kind: "outcome_item",
      criterion: association.criterion,
      itemId: association.itemId,
      value: Math.round(association.r * 100) / 100,
      message: `An item on ${CRITERION_LABELS[association.criterion].toLowerCase()} goes most with the overall rating (r = ${(Math.round(association.r * 100) / 100).toFixed(2)}, ${association.n} answers)`,
    }));
  const result: Driver[] = [];
  for (let i = 0; i < per; i++) {
    for (const list of [low, gaps, items]) {
      const driver = list[i];
      if (driver) result.push(driver);
    }
  }
  return result;
}

const CRITERIA_ORDER: Record<Criterion, number> = {
  communications: 0,
  value_measurement: 1,
  governance: 2,
  partnership: 3,
  scope_architecture: 4,
  skills: 5,
};

function round1(value: number) {
  return Math.round(value * 10) / 10;
}
