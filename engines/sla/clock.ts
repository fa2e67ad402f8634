// One service-level clock: business time used from start to stop (or now), the instant its target falls due,
// and its status. A stop or now at or before start uses no time.

import { checkInstant, instantAfter, mergePauses, toMilliseconds, workingMs } from "./business-time";
import { type CompiledCalendar, tablesOf } from "./calendar";
import { SlaInputError } from "./errors";
import { type ClockInput, type ClockResult, SlaDefaults } from "./types";
import { MINUTE } from "./zone";

/**
 * Evaluates a clock. met: stopped with elapsed <= target; breached: elapsed > target (stopped late or still
 * running); at_risk: running with elapsed >= atRiskRatio × target; running otherwise.
 */
export function clock(calendar: CompiledCalendar, input: ClockInput): ClockResult {
  const tables = tablesOf(calendar);
  if (typeof input !== "object" || input === null) throw new SlaInputError("clock", "must be an object");
  const { start, stop, now, pauses } = input;
  checkInstant(start, "start");
  if (stop !== null) checkInstant(stop, "stop");
  checkInstant(now, "now");
  const target = toMilliseconds(input.targetMinutes, "targetMinutes");
  const ratio = input.atRiskRatio ?? SlaDefaults.atRiskRatio;
  if (typeof ratio !== "number" || !Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
    throw new SlaInputError("atRiskRatio", "must be a number from 0 to 1");
  }

  // One merge serves both questions: pauses clipped to [start, ∞), then the elapsed sum stops at `end`.
  const count = mergePauses(pauses, "pauses", start, SlaDefaults.latest);
  const end = stop ?? now;
  const elapsed = end > start ? workingMs(tables, start, end, count) : 0;
  const dueAt = instantAfter(tables, start, target, count, "targetMinutes");

  let status: ClockResult["status"];
  if (elapsed > target) status = "breached";
  else if (stop !== null) status = "met";
  else if (elapsed >= ratio * target) status = "at_risk";
  else status = "running";
  return { elapsedMinutes: elapsed / MINUTE, status, dueAt, breachedAt: status === "breached" ? dueAt : null };
}
