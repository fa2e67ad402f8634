// What every part of the Scorecard shares: limits, the kinds of a KPI, computed measures, values, owners.
// Numbers: every KPI figure (baseline, target, thresholds, measurement values) is a finite JSON number in the
// KPI's unit. Money KPIs carry `unit: "money"` and a `currency`; their values are numbers in that currency (a KPI
// is a measure to compare with a target, not a ledger entry, so the decimal-string money of the ledgers is not used).
import { z } from "zod";
import { Id } from "./common";
import { TeamKind } from "./people";

/** Limits shared by forms and the server. */
export const ScorecardLimits = {
  titleMax: 200,
  nameMax: 160,
  textMax: 4000,
  commentMax: 2000,
  segmentNameMax: 120,
  importMaxBytes: 8 * 1024 * 1024,
  importLinesMax: 100_000,
  importErrorsMax: 200,
  trendPoints: 12,
  linksMax: 200,
} as const;

/** The unit of a KPI's values; `money` also names a currency. */
export const KpiUnit = z.enum(["count", "percent", "money", "duration_days", "duration_hours"]);
export type KpiUnit = z.infer<typeof KpiUnit>;

/** Which way is good: up (more is better) or down (less is better). */
export const KpiDirection = z.enum(["up", "down"]);
export type KpiDirection = z.infer<typeof KpiDirection>;

/** How often a KPI is measured. */
export const KpiCadence = z.enum(["weekly", "monthly", "quarterly"]);
export type KpiCadence = z.infer<typeof KpiCadence>;

/** Where a KPI's values come from: people (check-ins, CSV, API pushes) or Tandem's own data. */
export const KpiSource = z.enum(["manual", "computed"]);
export type KpiSource = z.infer<typeof KpiSource>;

/** What a KPI measures, after the articles: the four customer-facing kinds, and internal operations. */
export const KpiCategory = z.enum(["revenue", "acquisition", "retention", "customer_experience", "operations"]);
export type KpiCategory = z.infer<typeof KpiCategory>;

/** Where one measurement came from. */
export const MeasurementSource = z.enum(["check_in", "csv", "api", "computed"]);
export type MeasurementSource = z.infer<typeof MeasurementSource>;

/** A KPI's status as of a date. */
export const KpiStatus = z.enum(["achieved", "on_track", "at_risk", "off_track", "no_data"]);
export type KpiStatus = z.infer<typeof KpiStatus>;

/** The measures Tandem computes from its own data. */
export const ComputedMeasure = z.enum([
  "marketing_requests_within_sla",
  "marketing_request_decision_hours",
  "active_stack_annual_cost",
  "shadow_it_spend_share",
  "tools_with_both_owners",
  "experiments_decided_per_quarter",
  "attributed_return_on_spend",
  "purchases_decided_at_once",
  "purchase_decision_hours",
  "software_spend_through_tandem",
]);
export type ComputedMeasure = z.infer<typeof ComputedMeasure>;

/** What each computed measure is, its unit and which way is good. */
export const COMPUTED_MEASURES: Record<
  ComputedMeasure,
  { label: string; unit: KpiUnit; direction: KpiDirection; description: string }
> = {
  marketing_requests_within_sla: {
    label: "Marketing requests decided within their service level",
    unit: "percent",
    direction: "up",
    description:
      "Of the marketing-sponsored requests decided in the quarter up to the date, the share whose decision clock was met.",
  },
  marketing_request_decision_hours: {
    label: "Median business hours to a decision (marketing requests)",
    unit: "duration_hours",
    direction: "down",
    description:
      "The median business hours on the decision clock of marketing-sponsored requests decided in the quarter.",
  },
  active_stack_annual_cost: {
    label: "Annual cost of the active stack",
    unit: "money",
    direction: "down",
    description: "The summed annual cost of the tools in phase-in or active, as the portfolio's cost view shows it.",
  },
  shadow_it_spend_share: {
    label: "Shadow-IT spend share",
    unit: "percent",
    direction: "down",
    description: "Shadow candidates' yearly spend divided by all software spend seen in the imported statements.",
  },
  tools_with_both_owners: {
    label: "Tools with both owners",
    unit: "percent",
    direction: "up",
    description: "Of the tools not retired, the share with a business owner in marketing and a technical owner in IT.",
  },
  experiments_decided_per_quarter: {
    label: "Experiments decided per quarter",
    unit: "count",
    direction: "up",
    description: "Experiments decided in the calendar quarter up to the date.",
  },
  attributed_return_on_spend: {
    label: "Attributed return on spend",
    unit: "count",
    direction: "up",
    description: "Attributed revenue divided by spend in the latest finished attribution run (its chosen model).",
  },
  purchases_decided_at_once: {
    label: "Purchases decided by the policy at once",
    unit: "percent",
    direction: "up",
    description:
      "Of the purchase requests submitted in the twelve months up to the date and judged by the purchase policy, the share it approved or blocked at once (no review needed).",
  },
  purchase_decision_hours: {
    label: "Median hours from a purchase request to its decision",
    unit: "duration_hours",
    direction: "down",
    description:
      "The median hours from submitting a purchase request to its decision (at once by the policy, or after its reviews), of those submitted in the twelve months up to the date and decided.",
  },
  software_spend_through_tandem: {
    label: "Software spend through Tandem",
    unit: "percent",
    direction: "up",
    description:
      "The yearly cost of the purchases approved through Tandem in the twelve months up to the date, as a share of that plus the shadow-IT spend found in expenses (in one currency: the KPI's, else the one most spend is in).",
  },
};

/** A KPI value: a finite number in the KPI's unit, within ±10^15 (sums and ratios of values stay finite). */
export const KpiValue = z
  .number({ error: "must be a finite number" })
  .refine(Number.isFinite, { error: "must be a finite number" })
  .refine((value) => Math.abs(value) <= 1e15, { error: "must be between -1e15 and 1e15" });

/** Green and amber lines: for up-is-good a value at or above green is on track; for down-is-good at or below. */
export const KpiThresholds = z.strictObject({ green: KpiValue, amber: KpiValue });
export type KpiThresholds = z.infer<typeof KpiThresholds>;

/** A person as an owner, with their home team (the team's kind decides the side). */
export const OwnerRef = z.object({
  id: Id,
  name: z.string(),
  status: z.enum(["active", "deactivated"]),
  team: z.object({ id: Id, name: z.string(), kind: TeamKind }),
});
export type OwnerRef = z.infer<typeof OwnerRef>;
