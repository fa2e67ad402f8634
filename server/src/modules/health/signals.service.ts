// Behavioural signals per criterion, each on 0–100 (higher is better), read through the other modules' commands
// files so every figure equals what that module shows. A signal whose module is missing is left out and said so.
import type { AlignmentCriterion, Signal, SignalSource } from "#contracts/health";
import type { Ctx } from "../../context";
import { readDecisionFacts } from "../pipeline/pipeline.commands";
import { readJobSwapsHeld, readRitualsFigures } from "../rituals/rituals.commands";
import { computeMeasure, countRequestsWithKpis, readKpiOwnership } from "../scorecard/scorecard.commands";
import { listCatalogTools } from "../stack/stack.commands";

export type CriterionSignal = Signal & { criterion: AlignmentCriterion };

/** Signals no module records: left out, and said so in the answer. */
export const MISSING_SIGNALS: { key: string; criterion: AlignmentCriterion; source: SignalSource; reason: string }[] = [
  {
    key: "joint_training",
    criterion: "skills",
    source: "rituals",
    reason: "Joint training: no module records training sessions yet (job swaps are counted)",
  },
];

/** Job swaps a year that count as full marks (one a quarter). */
export const JOB_SWAPS_TARGET = 4;

/** The window of the decision-based signals: the year up to the date. */
export const SIGNAL_WINDOW_DAYS = 365;

const round = (value: number) => Math.round(value * 10) / 10;

function share(
  criterion: AlignmentCriterion,
  key: string,
  label: string,
  source: SignalSource,
  numerator: number,
  denominator: number,
  what: string,
): CriterionSignal {
  if (denominator === 0) {
    return { criterion, key, label, source, value: null, numerator: 0, denominator: 0, note: `No ${what} yet` };
  }
  const value = round((numerator / denominator) * 100);
  return {
    criterion,
    key,
    label,
    source,
    value,
    numerator,
    denominator,
    note: `${numerator} of ${denominator} ${what}`,
  };
}

function daysBefore(date: string, days: number) {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/** Every available signal as of a date (UTC day). */
export async function computeSignals(ctx: Ctx, date: string): Promise<CriterionSignal[]> {
  const range = { from: daysBefore(date, SIGNAL_WINDOW_DAYS), to: date };
  // One after the other: PGlite has one connection.
  const sla = await computeMeasure(ctx, "marketing_requests_within_sla", date, null);
  const facts = await readDecisionFacts(ctx, range);
  const withKpis = await countRequestsWithKpis(ctx, facts.approvedIds);
  const ownership = await readKpiOwnership(ctx);
  const shadow = await computeMeasure(ctx, "shadow_it_spend_share", date, null);
  const tools = (await listCatalogTools(ctx, ["phase_in", "active"])).filter((tool) => tool.businessOwner !== null);
  const slaFrom = sla.computedFrom as { decidedWithinTarget?: number; decided?: number };
  const rituals = await readRitualsFigures(ctx, { from: daysBefore(date, 89), to: date });
  const swaps = await readJobSwapsHeld(ctx, range);
  const twoSides = rituals.sides.filter((side) => (side.side === "marketing" || side.side === "it") && side.due > 0);
  const actionDue = twoSides.reduce((sum, side) => sum + side.due, 0);
  const actionDone = twoSides.reduce((sum, side) => sum + side.done, 0);
  const rates = twoSides.map((side) => side.completionRate ?? 0);
  return [
    share(
      "communications",
      "meetings_both_sides",
      "Joint meetings held with both sides attending",
      "rituals",
      rituals.meetingsHeldWithBothSides,
      rituals.meetingsHeld,
      "meetings held in the 90 days had both sides attending",
    ),
    {
      criterion: "partnership",
      key: "action_items_completed",
      label: "Action items completed, per side",
      source: "rituals",
      // The mean of the two sides' completion rates, so each side's follow-through counts the same.
      value: rates.length === 0 ? null : round((rates.reduce((sum, rate) => sum + rate, 0) / rates.length) * 100),
      numerator: actionDone,
      denominator: actionDue,
      note:
        twoSides.length === 0
          ? "No action item of marketing or IT was due in the 90 days"
          : twoSides
              .map((side) => `${side.side === "it" ? "IT" : "marketing"} ${side.done} of ${side.due} done`)
              .join(", "),
    },
    {
      criterion: "skills",
      key: "job_swaps",
      label: `Job swaps held in the year (${JOB_SWAPS_TARGET} a year is full marks)`,
      source: "rituals",
      // No swap in the year is no data (like a share with nothing to count), not a zero.
      value: swaps.held === 0 ? null : round(Math.min(1, swaps.held / JOB_SWAPS_TARGET) * 100),
      numerator: swaps.held,
      denominator: JOB_SWAPS_TARGET,
      note:
        swaps.held === 0
          ? "No job swap in the year yet"
          : `${swaps.held} job ${swaps.held === 1 ? "swap" : "swaps"} with ${swaps.people} people in the year; ${swaps.reflected} over with both reflections`,
    },
    {
      criterion: "value_measurement",
      key: "service_level_attainment",
      label: "Marketing requests decided within their service level",
      source: "pipeline",
      value: sla.value === null ? null : round(sla.value),
      numerator: slaFrom.decidedWithinTarget ?? null,
      denominator: slaFrom.decided ?? null,
      note:
        sla.value === null
          ? "No marketing request decided in the 90 days up to the date"
          : `${slaFrom.decidedWithinTarget} of ${slaFrom.decided} decided within target in the 90 days up to ${date}`,
    },
    share(
      "value_measurement",
      "initiatives_with_kpis",
      "Approved initiatives with agreed KPIs",
      "scorecard",
      withKpis,
      facts.approvedIds.length,
      "requests approved in the year have a KPI linked",
    ),
    share(
      "value_measurement",
      "initiatives_value_reviewed",
      "Approved initiatives whose value was reviewed",
      "pipeline",
      facts.reviewsDone,
      facts.reviewsDue,
      "value reviews due were done",
    ),
    share(
      "governance",
      "purchases_it_before_decision",
      "Purchases with IT involved before the decision",
      "pipeline",
      facts.purchasesWithIt,
      facts.purchasesDecided,
      "purchases decided in the year had IT involved first",
    ),
    share(
      "governance",
      "decisions_both_sides",
      "Decisions signed off by both sides",
      "pipeline",
      facts.decidedByBothSides,
      facts.decided,
      "decisions in the year named a sponsor and an IT partner",
    ),
    share(
      "partnership",
      "co_owned_kpis",
      "KPIs co-owned by marketing and IT",
      "scorecard",
      ownership.coOwned,
      ownership.kpis,
      "KPIs belong to an objective with a marketing and an IT owner",
    ),
    {
      criterion: "scope_architecture",
      key: "shadow_it_inverted",
      label: "Software spend inside the catalog (100 − shadow-IT share)",
      source: "stack",
      value: shadow.value === null ? null : round(100 - shadow.value),
      numerator: null,
      denominator: null,
      note:
        shadow.value === null
          ? "No software spend seen yet"
          : `Shadow IT is ${round(shadow.value)}% of the software spend seen`,
    },
    share(
      "scope_architecture",
      "marketing_tools_sso",
      "Marketing tools behind single sign-on",
      "stack",
      tools.filter((tool) => tool.sso).length,
      tools.length,
      "live tools with a business owner sign in through SSO",
    ),
  ];
}
