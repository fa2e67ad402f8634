/**
 * engines/alignment — the Alignment Index (issue 17), pure: no I/O, no clock.
 *
 * Scale. Answers are 1..5 (strongly disagree .. strongly agree). An item's group score is its mean answer as
 * points: P = (mean − 1) / 4 × 100, so 1 → 0, 3 → 50, 5 → 100.
 *
 * Per side and criterion. S_side(c) = the mean of P over the criterion's items the side answered in the pulse
 * (each item weighs the same); null when fewer than k of the side answered (k = 3..10, default 5).
 *
 * Survey part of a criterion (both sides needed, else null):
 *   mean  = (S_marketing + S_it) / 2
 *   gap   = |S_marketing − S_it|                   (shown)
 *   penalty = min(10, 0.25 × gap)                  (capped at 10 points; rate 0.25 < 0.5 keeps it monotone:
 *                                                   raising either side raises mean by ½Δ, penalty by at most ¼Δ)
 *   survey = mean − penalty                        (= min(S) + 0.25 × gap below the cap, never below 0)
 *
 * Behaviour part: B(c) = the mean of the criterion's signals that have a value, each on 0–100 (higher is better:
 * shares as percent, shadow-IT share inverted as 100 − share); null when none has one.
 *
 * Criterion score: C = 0.7 × survey + 0.3 × behaviour; survey alone when B is null; behaviour alone when the
 * survey part is null; null when both are.
 *
 * Index = the mean of the criteria that have a score (0–100).
 *
 * Maturity (Luftman's five levels): a criterion is at level 1 from 0, 2 from 20, 3 from 40, 4 from 60, 5 from 80.
 *   average level   = mean of the scored criteria's levels;
 *   weakest link    = the lowest level of the six (level N only when all six reach N); null unless all six scored.
 *
 * Drivers: the three lowest criteria; the gaps of 10 points or more (largest three); with at least 30
 * respondents who answered both, the items whose answers correlate most with the outcome item (Pearson r ≥ 0.3,
 * top three) — interleaved by kind.
 *
 * Rotation (`pickPulseItems`): each pulse asks, per criterion, its active item asked least recently (never asked
 * first, then bank order), then fills up to the pulse's 6–8 criterion items with the least recently asked of the
 * rest, and always adds the outcome item. So each criterion is in every pulse and the least recently asked items
 * come first: no other choice of the same size brings the whole bank round sooner.
 *
 * Cadence (`cadence.ts`): pulses launch every two weeks (every 14 days from the start day) or monthly (the start's
 * day of each month, the month's last day when shorter). A quarter holds at least 6 launches every two weeks and 3
 * monthly. `bankCoverage()` runs the rotation and states in how many consecutive pulses every item is asked:
 * with the shipped 30 criterion items (plus the outcome item), every two weeks covers the bank within a quarter at
 * any size (6 items: 5 pulses ≤ 6); monthly cannot (3 × 8 = 24 < 30): at 8 items it takes 4 pulses (4 months),
 * at 6 items 5. The rule then: keep least-recently-asked first, suggest 8 items a pulse, and say plainly that the
 * bank takes longer than a quarter (the settings show it) rather than drop the criterion-every-pulse rule.
 *
 * Anonymity: `visibility()` shows a side from k respondents, a team from k when what shown teams leave of its
 * side is 0 or ≥ k (secondary suppression of the smallest shown teams otherwise); `isReleaseStep()` releases an
 * open pulse's results only at multiples of k answers; comments from 10; a trend point with a side below k is
 * hidden.
 */

export {
  addDays,
  type BankCoverage,
  bankCoverage,
  CADENCE_MAX_LENGTH_DAYS,
  type CadenceSchedule,
  latestOccurrence,
  nextOccurrence,
  occurrence,
  PULSES_PER_QUARTER,
  type PulseCadence,
} from "./cadence";
export { type Association, CRITERION_LABELS, drivers, outcomeAssociations, pearson } from "./drivers";
export { type BankItem, missingCriteria, pickPulseItems } from "./rotation";
export {
  aggregate,
  behaviourScore,
  combine,
  computeAlignment,
  levelOf,
  round1,
  scoreCriteria,
  sideCriterionScore,
  summarise,
  surveyPart,
  toPoints,
} from "./scoring";
export {
  commentsShown,
  isReleaseStep,
  type SideGroups,
  type Suppression,
  type Visibility,
  visibility,
} from "./suppression";
export { explainChanges, trend } from "./trend";
export * from "./types";
