// Where a job swap stands on a day, and when its two people may reflect on it.
import type { JobSwapPhase } from "#contracts/job-swaps";

/** Where a period stands on a day: not started, under way (first and last day included), or over. */
export function phaseOf(period: { startDate: string; endDate: string }, today: string): JobSwapPhase {
  if (today < period.startDate) return "planned";
  return today <= period.endDate ? "current" : "past";
}

/** Whether the two may write their reflections: from the last day of the period on. */
export function canReflect(period: { endDate: string }, today: string) {
  return today >= period.endDate;
}
