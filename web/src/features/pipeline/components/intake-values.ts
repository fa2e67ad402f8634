// The intake form's values: their labels, a saved request's values and the body they send.
import { CreateRequestBody, type PipelineRequest, type RequestType, type TermMeaning } from "#contracts/pipeline";
import type { DataClass } from "#contracts/stack";
import { contractResolver } from "../../../lib/form";
import {
  type PurchaseValues,
  purchaseBodyOf,
  purchaseLabels,
  purchaseValuesOf,
} from "../../guardrails/components/purchase-fields";
import { requirementLabels } from "./requirements-fields";

export const labels: Record<string, string> = {
  type: "Type of request",
  title: "Title",
  problem: "The problem",
  objectives: "Objectives and KPIs it serves",
  deadline: "Deadline",
  deadlineReason: "Why that deadline",
  expectedBenefit: "Expected benefit (money)",
  softHours: "Hours saved",
  hourlyRate: "Loaded hourly rate",
  costEstimate: "Cost estimate",
  currency: "Currency",
  confidence: "Confidence",
  sponsorId: "Marketing sponsor",
  teamId: "Team",
  ...requirementLabels,
  termMeanings: "Which meaning do you intend?",
  ...purchaseLabels,
};

export interface IntakeValues {
  type: RequestType | null;
  title: string;
  problem: string;
  outcome: string;
  beneficiaries: string;
  objectives: string;
  deadline: string;
  deadlineReason: string;
  dataClasses: DataClass[];
  expectedBenefit: string;
  softHours: string | number;
  hourlyRate: string;
  costEstimate: string;
  currency: string;
  confidence: string | number;
  sponsorId: string | null;
  teamId: string | null;
  successMeasure: string;
  systems: string;
  dataNeeds: string;
  securityNotes: string;
  nonFunctionalNeeds: string;
  termMeanings: TermMeaning[];
  purchase: PurchaseValues;
}

const orNull = (value: string) => (value.trim() === "" ? null : value.trim());
const numberOrNull = (value: string | number) => (value === "" || value === null ? null : Number(value));

export function bodyOf(values: IntakeValues, draft: boolean) {
  return {
    type: values.type as RequestType,
    title: values.title,
    problem: values.problem,
    outcome: values.outcome,
    beneficiaries: values.beneficiaries,
    objectives: values.objectives,
    deadline: orNull(values.deadline),
    deadlineReason: values.deadlineReason,
    dataClasses: values.dataClasses,
    expectedBenefit: orNull(values.expectedBenefit),
    softHours: numberOrNull(values.softHours),
    hourlyRate: orNull(values.hourlyRate),
    costEstimate: orNull(values.costEstimate),
    currency: values.currency.trim().toUpperCase(),
    confidence: numberOrNull(values.confidence),
    sponsorId: values.sponsorId,
    teamId: values.teamId,
    successMeasure: values.successMeasure,
    systems: values.systems,
    dataNeeds: values.dataNeeds,
    securityNotes: values.securityNotes,
    nonFunctionalNeeds: values.nonFunctionalNeeds,
    termMeanings: values.termMeanings,
    purchase: values.type === "purchase" ? purchaseBodyOf(values.purchase, values.dataClasses) : undefined,
    draft,
  } satisfies CreateRequestBody;
}

export const resolve = contractResolver(CreateRequestBody, labels);

/** Every text of the request that glossary terms may appear in: what the meaning prompt reads. */
export function meaningText(values: IntakeValues): string {
  return [
    values.title,
    values.problem,
    values.outcome,
    values.beneficiaries,
    values.successMeasure,
    values.systems,
    values.dataNeeds,
    values.securityNotes,
    values.nonFunctionalNeeds,
    values.objectives,
    values.deadlineReason,
  ].join("\n\n");
}

/** The benefit in money as the server computes it: hard benefit plus soft hours × hourly rate. */
export function totalBenefitOf(hard: string, hours: string | number, rate: string): number | null {
  const hardValue = hard.trim() === "" ? null : Number(hard);
  const soft = hours !== "" && rate.trim() !== "" ? Number(hours) * Number(rate) : null;
  if (hardValue === null && soft === null) return null;
  const total = (hardValue ?? 0) + (soft ?? 0);
  return Number.isFinite(total) ? total : null;
}

/** A saved request's intake, as the form edits it. */
export function valuesOf(request: PipelineRequest): IntakeValues {
  return {
    type: request.type,
    title: request.title,
    problem: request.problem,
    outcome: request.outcome,
    beneficiaries: request.beneficiaries,
    objectives: request.objectives,
    deadline: request.deadline ?? "",
    deadlineReason: request.deadlineReason,
    dataClasses: request.dataClasses,
    expectedBenefit: request.expectedBenefit ?? "",
    softHours: request.softHours ?? "",
    hourlyRate: request.hourlyRate ?? "",
    costEstimate: request.costEstimate ?? "",
    currency: request.currency,
    confidence: request.confidence ?? "",
    sponsorId: request.sponsor?.id ?? null,
    teamId: request.team?.id ?? null,
    successMeasure: request.successMeasure,
    systems: request.systems,
    dataNeeds: request.dataNeeds,
    securityNotes: request.securityNotes,
    nonFunctionalNeeds: request.nonFunctionalNeeds,
    termMeanings: request.termMeanings.map(({ form, termId }) => ({ form, termId })),
    purchase: purchaseValuesOf(request.purchase, request.currency),
  };
}
