import type { PurchaseDetails } from "#contracts/guardrails";
import type { PipelineRequest, RaciRow, RequestSummary } from "#contracts/pipeline";
import type { DataClass } from "#contracts/stack";
import type { listComments, listRaci } from "./engagement.queries";
import { nextDue } from "./pipeline.clocks";
import type { listEvents, RequestRow } from "./pipeline.queries";
import { referenceOf, requirementGaps, totalBenefit } from "./pipeline.rules";
import type { RequestView } from "./request-view.service";
import { calendarFieldsOf, policyFieldsOf } from "./sla.fields";

const iso = (at: Date | null) => (at ? at.toISOString() : null);
const num = (value: string | null) => (value === null ? null : Number(value));
const ref = (person: { id: string | null; name: string | null } | null) =>
  person?.id && person.name !== null ? { id: person.id, name: person.name } : null;

/** A request as lists and the board show it. */
export function presentSummary(row: RequestRow): RequestSummary {
  const r = row.request;
  const due = nextDue(r);
  return {
    id: r.id,
    number: r.number,
    reference: referenceOf(r.number),
    type: r.type,
    title: r.title,
    stage: r.stage,
    priority: r.priority,
    score: r.score,
    rank: r.rank,
    requester: { id: row.requester.id, name: row.requester.name },
    sponsor: ref(row.sponsor),
    itPartner: ref(row.itPartner),
    team: ref(row.team),
    deadline: r.deadline,
    waitingOnRequester: r.waitingOnRequester,
    breached: r.breached,
    nextDueAt: iso(due),
    stageChangedAt: r.stageChangedAt.toISOString(),
    submittedAt: iso(r.submittedAt),
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function presentRaci(rows: Awaited<ReturnType<typeof listRaci>>): RaciRow[] {
  return rows.map(({ row, user, team }) => ({
    activity: row.activity,
    role: row.role,
    user: ref(user),
    team: ref(team),
  }));
}

/** A request with everything its page shows. */
export function presentRequest({ row, details }: RequestView): PipelineRequest {
  const r = row.request;
  const alternatives = (r.alternatives as { text: string; toolId: string | null }[]).map((alternative) => ({
    text: alternative.text,
    tool:
      alternative.toolId && details.toolNames.has(alternative.toolId)
        ? { id: alternative.toolId, name: details.toolNames.get(alternative.toolId) as string }
        : null,
  }));
  return {
    ...presentSummary(row),
    problem: r.problem,
    outcome: r.outcome,
    beneficiaries: r.beneficiaries,
    objectives: r.objectives,
    deadlineReason: r.deadlineReason,
    dataClasses: r.dataClasses as DataClass[],
    currency: r.currency,
    expectedBenefit: r.expectedBenefit,
    softHours: num(r.softHours),
    hourlyRate: r.hourlyRate,
    totalExpectedBenefit: totalBenefit(r.expectedBenefit, num(r.softHours), r.hourlyRate),
    costEstimate: r.costEstimate,
    confidence: r.confidence,
    reach: num(r.reach),
    valueScore: r.valueScore,
    urgencyScore: r.urgencyScore,
    riskScore: r.riskScore,
    effort: num(r.effort),
    scoreExplanation: details.scoreExplanation,
    architectureNotes: r.architectureNotes,
    integrationNotes: r.integrationNotes,
    securityNotes: r.securityNotes,
    complianceNotes: r.complianceNotes,
    successMeasure: r.successMeasure,
    systems: r.systems,
    dataNeeds: r.dataNeeds,
    nonFunctionalNeeds: r.nonFunctionalNeeds,
    requirementGaps: requirementGaps(r),
    termMeanings: r.termMeanings.map((meaning) => ({
      form: meaning.form,
      termId: meaning.termId,
      term: details.meantTerms.get(meaning.termId) ?? null,
    })),
    tools: r.toolIds
      .filter((id) => details.toolNames.has(id))
      .map((id) => ({ id, name: details.toolNames.get(id) as string })),
    decision: r.decision
      ? {
          outcome: r.decision,
          reason: r.decisionReason ?? "",
          alternatives,
          decidedBy: details.decidedBy,
          decidedAt: iso(r.decidedAt),
          appealedAt: iso(r.appealedAt),
          appealComment: r.appealComment,
          alternativeAcceptedAt: iso(r.alternativeAcceptedAt),
        }
      : null,
    review: {
      dueOn: r.reviewDueOn,
      realisedBenefit: r.realisedBenefit,
      notes: r.reviewNotes,
      reviewedAt: iso(r.reviewedAt),
    },
    raci: presentRaci(details.raci),
    raciProblems: details.raciProblems,
    clocks: details.clocks,
    allowedTransitions: details.allowedTransitions,
    watching: details.watching,
    purchase: (r.purchase as PurchaseDetails | null) ?? null,
  };
}

export function presentEvents(rows: Awaited<ReturnType<typeof listEvents>>) {
  return rows.map(({ event, actor }) => ({
    id: event.id,
    kind: event.kind,
    fromStage: event.fromStage,
    toStage: event.toStage,
    actor: ref(actor),
    at: event.at.toISOString(),
    data: event.data as Record<string, unknown>,
  }));
}

export function presentComments(rows: Awaited<ReturnType<typeof listComments>>, names: Map<string, string>) {
  return rows.map(({ comment, author }) => ({
    id: comment.id,
    author,
    body: comment.body,
    mentions: comment.mentions.filter((id) => names.has(id)).map((id) => ({ id, name: names.get(id) as string })),
    createdAt: comment.createdAt.toISOString(),
  }));
}

/** A working calendar as the API answers it. */
export const presentCalendar = calendarFieldsOf;

/** A priority class's targets as the API answers them. */
export const presentPolicy = policyFieldsOf;
