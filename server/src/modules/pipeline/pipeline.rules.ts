// The Pipeline's pure rules: which stage may follow which, the backlog's scoring formulas, the default
// rules of engagement (RACI) and service levels, and what blocks a request from reaching a decision.
import type { Priority, RaciRole, RaciTemplateActivity, RequestType, Scoring, Stage } from "#contracts/pipeline";

/** The human reference of a request, e.g. REQ-42. */
export const referenceOf = (number: number) => `REQ-${number}`;

export { IN_FLIGHT_STAGES, OPEN_STAGES, TRANSITIONS } from "#contracts/pipeline";

/** What the person acting is to the request. */
export interface Relation {
  isRequester: boolean;
  isSponsor: boolean;
  isItPartner: boolean;
  /** On the IT or security team. */
  isItSide: boolean;
  isAdmin: boolean;
}

/** Why the actor may not move the request from one stage to another, or null when they may. */
export function transitionRefusal(from: Stage, to: Stage, who: Relation): string | null {
  if (to === "submitted" || to === "withdrawn") {
    return who.isRequester || who.isAdmin ? null : "Only the requester or an admin may submit or withdraw a request";
  }
  if (to === "delivered" || from === "submitted" || from === "triage") {
    return who.isItSide || who.isItPartner || who.isAdmin
      ? null
      : "Only the IT partner, the IT team or an admin may move a request through triage and delivery";
  }
  return who.isItSide || who.isItPartner || who.isSponsor || who.isRequester || who.isAdmin
    ? null
    : "Only the people of this request, the IT team or an admin may move it";
}

/** The stage a decision moves the request to. */
export function stageAfterDecision(outcome: "approved" | "declined" | "deferred" | "alternative"): Stage {
  if (outcome === "approved") return "delivery";
  if (outcome === "deferred") return "triage";
  return "declined";
}

/** The inputs of a request's score. */
export interface ScoreInputs {
  reach: number | null;
  value: number | null;
  urgency: number | null;
  risk: number | null;
  effort: number | null;
  /** 0–100 %. */
  confidence: number | null;
}

/** The score's inputs as a request row stores them (decimals as text). */
export function scoreInputsOf(r: {
  reach: string | null;
  valueScore: number | null;
  urgencyScore: number | null;
  riskScore: number | null;
  effort: string | null;
  confidence: number | null;
}): ScoreInputs {
  return {
    reach: r.reach === null ? null : Number(r.reach),
    value: r.valueScore,
    urgency: r.urgencyScore,
    risk: r.riskScore,
    effort: r.effort === null ? null : Number(r.effort),
    confidence: r.confidence,
  };
}

/** The share within service-level targets a new workspace aims for, in percent (the column's default too). */
export const DEFAULT_SLA_GOAL = 80;

export const DEFAULT_SCORING: Scoring = {
  preset: "wsjf",
  weights: { value: 3, urgency: 2, risk: 1, confidence: 1, effort: 2 },
};

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The scoring formula in words, as the backlog shows it. */
export function describeFormula(scoring: Scoring): string {
  if (scoring.preset === "rice") return "RICE = reach × impact (value) × confidence ÷ effort";
  if (scoring.preset === "wsjf") return "WSJF = (value + urgency + risk reduction) ÷ effort";
  const w = scoring.weights;
  return `Weighted = (${w.value}×value + ${w.urgency}×urgency + ${w.risk}×risk + ${w.confidence}×confidence÷10) ÷ (1 + ${w.effort}×effort÷10)`;
}

/** A request's score under the workspace's formula, with the arithmetic shown; null score when inputs are missing. */
export function scoreRequest(scoring: Scoring, inputs: ScoreInputs): { score: number | null; explanation: string } {
  const needed: (keyof ScoreInputs)[] =
    scoring.preset === "rice"
      ? ["reach", "value", "confidence", "effort"]
      : scoring.preset === "wsjf"
        ? ["value", "urgency", "risk", "effort"]
        : ["value", "urgency", "risk", "confidence", "effort"];
  const missing = needed.filter((key) => inputs[key] === null);
  if (missing.length > 0) return { score: null, explanation: `Not scored yet: needs ${missing.join(", ")}` };
  const { reach, value, urgency, risk, effort, confidence } = inputs as { [K in keyof ScoreInputs]: number };
  if (scoring.preset === "rice") {
    const score = round((reach * value * (confidence / 100)) / effort);
    return { score, explanation: `RICE = ${reach} × ${value} × ${confidence}% ÷ ${effort} = ${score}` };
  }
  if (scoring.preset === "wsjf") {
    const score = round((value + urgency + risk) / effort);
    return { score, explanation: `WSJF = (${value} + ${urgency} + ${risk}) ÷ ${effort} = ${score}` };
  }
  const w = scoring.weights;
  const score = round(
    (w.value * value + w.urgency * urgency + w.risk * risk + (w.confidence * confidence) / 10) /
      (1 + (w.effort * effort) / 10),
  );
  return {
    score,
    explanation: `Weighted = (${w.value}×${value} + ${w.urgency}×${urgency} + ${w.risk}×${risk} + ${w.confidence}×${confidence}÷10) ÷ (1 + ${w.effort}×${effort}÷10) = ${score}`,
  };
}

// The backlog's positions (fractional-indexing keys) live in pipeline.rank.ts.
export { rankAtBottom, rankBetween, rankFromScore, rankKeyOfNumber } from "./pipeline.rank";

/** The expected benefit in money: the hard benefit plus soft hours × the loaded hourly rate. */
export function totalBenefit(hard: string | null, softHours: number | null, hourlyRate: string | null): string | null {
  const soft = softHours !== null && hourlyRate !== null ? softHours * Number(hourlyRate) : null;
  if (hard === null && soft === null) return null;
  return ((hard === null ? 0 : Number(hard)) + (soft ?? 0)).toFixed(2);
}

const team = (teamKind: "marketing" | "it" | "security" | "legal" | "finance") => ({ kind: "team", teamKind }) as const;
const assign = (
  role: RaciRole,
  assignee: RaciTemplateActivity["assignments"][number]["assignee"],
  costAbove = null,
) => ({
  role,
  assignee,
  costAbove: costAbove as number | null,
});

/**
 * The built-in rules of engagement. For a purchase, as the CMO–CIO practice has it: marketing is responsible
 * for requirements and project management, IT accountable for the technical side, compliance and risk,
 * security and legal consulted, finance consulted above a cost, marketing's and IT's leadership informed.
 */
export function defaultRaciTemplate(type: RequestType): RaciTemplateActivity[] {
  const inform = [assign("I", team("marketing")), assign("I", team("it"))];
  const technical = {
    name: "Technical fit and integration",
    assignments: [assign("A", team("it")), assign("R", { kind: "it_partner" })],
  };
  const compliance = {
    name: "Compliance and risk",
    assignments: [assign("A", team("it")), assign("C", team("security")), assign("C", team("legal"))],
  };
  const requirements = {
    name: "Requirements",
    assignments: [assign("A", { kind: "sponsor" }), assign("R", { kind: "requester" })],
  };
  const management = {
    name: "Project management",
    assignments: [assign("A", { kind: "sponsor" }), assign("R", team("marketing"))],
  };
  switch (type) {
    case "purchase":
      return [
        requirements,
        management,
        technical,
        compliance,
        {
          name: "Budget",
          assignments: [assign("A", { kind: "sponsor" }), { role: "C", assignee: team("finance"), costAbove: 10_000 }],
        },
        { name: "Keep leadership informed", assignments: [assign("A", { kind: "sponsor" }), ...inform] },
      ];
    case "data":
      return [
        requirements,
        {
          name: "Data access and quality",
          assignments: [assign("A", team("it")), assign("R", { kind: "it_partner" })],
        },
        compliance,
        { name: "Keep leadership informed", assignments: [assign("A", { kind: "sponsor" }), ...inform] },
      ];
    case "project":
      return [
        requirements,
        management,
        technical,
        compliance,
        {
          name: "Budget",
          assignments: [assign("A", { kind: "sponsor" }), { role: "C", assignee: team("finance"), costAbove: 0 }],
        },
        { name: "Keep leadership informed", assignments: [assign("A", { kind: "sponsor" }), ...inform] },
      ];
    default:
      return [requirements, technical, compliance];
  }
}

/** A request's facts the template's assignees resolve against. */
export interface RaciFacts {
  requesterId: string;
  sponsorId: string | null;
  itPartnerId: string | null;
  costEstimate: number | null;
  /** The workspace's team of each kind (the first by name), when it has one. */
  teamByKind: Partial<Record<string, string>>;
}

export interface RaciAssignment {
  activity: string;
  role: RaciRole;
  teamId: string | null;
  userId: string | null;
}

/** The template's activities with the request's people and the workspace's teams filled in. */
export function instantiateRaci(template: RaciTemplateActivity[], facts: RaciFacts): RaciAssignment[] {
  const rows: RaciAssignment[] = [];
  for (const activity of template) {
    for (const { role, assignee, costAbove } of activity.assignments) {
      if (costAbove !== null && (facts.costEstimate === null || facts.costEstimate <= costAbove)) continue;
      const person =
        assignee.kind === "requester"
          ? facts.requesterId
          : assignee.kind === "sponsor"
            ? facts.sponsorId
            : assignee.kind === "it_partner"
              ? facts.itPartnerId
              : null;
      const teamId = assignee.kind === "team" ? (facts.teamByKind[assignee.teamKind] ?? null) : null;
      rows.push({ activity: activity.name, role, teamId, userId: person });
    }
  }
  return rows;
}

/** What is missing from a request's who-does-what before it may reach a decision; empty when complete. */
export function raciProblems(rows: readonly RaciAssignment[]): string[] {
  if (rows.length === 0) return ["No one is assigned: add who does what before the decision"];
  const problems: string[] = [];
  const activities = [...new Set(rows.map((row) => row.activity))];
  for (const activity of activities) {
    const own = rows.filter((row) => row.activity === activity);
    const accountable = own.filter((row) => row.role === "A").length;
    if (accountable === 0) problems.push(`“${activity}” has no one Accountable`);
    if (accountable > 1) problems.push(`“${activity}” has ${accountable} Accountable; exactly one is allowed`);
    const unassigned = own.filter((row) => row.teamId === null && row.userId === null);
    for (const row of unassigned) problems.push(`“${activity}” has an unassigned ${ROLE_NAMES[row.role]}`);
  }
  return problems;
}

export const ROLE_NAMES: Record<RaciRole, string> = {
  R: "Responsible",
  A: "Accountable",
  C: "Consulted",
  I: "Informed",
};

/** The default working calendar of a new workspace: Monday to Friday, 09:00–17:00 UTC. */
export const DEFAULT_CALENDAR = {
  name: "Office hours",
  timeZone: "UTC",
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: "09:00", end: "17:00" },
  holidays: [] as string[],
};

const HOUR = 60;
const DAY = 8 * HOUR;

/** The default service levels, in business minutes of the calendar (an 8-hour day). */
export const DEFAULT_SLA: Record<Priority, { firstResponse: number; decision: number; delivery: number }> = {
  crucial: { firstResponse: 4 * HOUR, decision: 3 * DAY, delivery: 15 * DAY },
  secondary: { firstResponse: DAY, decision: 10 * DAY, delivery: 40 * DAY },
  nice_to_have: { firstResponse: 2 * DAY, decision: 20 * DAY, delivery: 60 * DAY },
};

/** A request that was not given a class yet is held to the secondary targets. */
export const UNCLASSIFIED_PRIORITY: Priority = "secondary";

/** Days after delivery when the value review falls due. */
export const REVIEW_AFTER_DAYS = 90;

/** The parts of the request template a request fills in: its business view and its technical view. */
export interface RequirementParts {
  outcome: string;
  beneficiaries: string;
  successMeasure: string;
  systems: string;
  toolIds: readonly string[];
  dataNeeds: string;
  dataClasses: readonly string[];
  securityNotes: string;
  nonFunctionalNeeds: string;
}

const blank = (text: string) => text.trim() === "";

/**
 * What each side still has to write in the request template. Business view: the outcome, its users (who
 * benefits), the success measure. Technical view: the systems (words or tools picked from the Stack), the data
 * (needs or data classes), security, non-functional needs.
 */
export function requirementGaps(parts: RequirementParts) {
  const business: ("outcome" | "users" | "successMeasure")[] = [];
  if (blank(parts.outcome)) business.push("outcome");
  if (blank(parts.beneficiaries)) business.push("users");
  if (blank(parts.successMeasure)) business.push("successMeasure");
  const technical: ("systems" | "data" | "security" | "nonFunctionalNeeds")[] = [];
  if (blank(parts.systems) && parts.toolIds.length === 0) technical.push("systems");
  if (blank(parts.dataNeeds) && parts.dataClasses.length === 0) technical.push("data");
  if (blank(parts.securityNotes)) technical.push("security");
  if (blank(parts.nonFunctionalNeeds)) technical.push("nonFunctionalNeeds");
  return { business, technical };
}
