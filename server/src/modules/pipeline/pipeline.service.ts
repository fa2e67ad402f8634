// Requests through the pipeline: intake, triage and scoring, stages, decisions with reasons, appeals,
// the value review and the ranked backlog. Every change is one transaction with its event, audit entry,
// notifications and recomputed clocks.

import type { PurchaseDetails } from "../../../../contracts/guardrails";
import type {
  CreateRequestBody,
  DecisionBody,
  RequestListQuery,
  Scoring,
  Stage,
  TermMeaning,
  UpdateRaciBody,
  UpdateRequestBody,
} from "../../../../contracts/pipeline";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { keyset } from "../../db/keyset";
import { assertReferences, findReferenceErrors } from "../../db/references";
import { requests } from "../../db/schema";
import { AppError } from "../../errors";
import { takePage } from "../../lib/cursor";
import { authorize, isItSide } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.service";
import { checkTermMeanings, findMeantTerms } from "../glossary/glossary.commands";
import { notify } from "../notifications/notifications.service";
import { raciTemplateFor } from "./engagement.service";
import { type ClockEvent, clockColumns } from "./pipeline.clocks";
import { presentRequest, referenceOf } from "./pipeline.presenter";
import {
  addWatchers,
  bottomRank,
  findPeople,
  findRequest,
  findSettings,
  findToolNames,
  hasEvent,
  insertEvent,
  insertRequest,
  listEvents,
  listOpenRequests,
  listRaci,
  listRequests,
  listWatchers,
  lockRequest,
  nextRequestNumber,
  type RequestRow,
  rankAbove,
  rankOf,
  removeWatcher,
  replaceRaci,
  setDerived,
  teamsByKind,
  updateRequest,
  valueReportFigures,
} from "./pipeline.queries";
import {
  DEFAULT_SCORING,
  instantiateRaci,
  REVIEW_AFTER_DAYS,
  type Relation,
  raciProblems,
  rankAtBottom,
  rankBetween,
  rankFromScore,
  scoreInputsOf,
  scoreRequest,
  stageAfterDecision,
  TRANSITIONS,
  transitionRefusal,
} from "./pipeline.rules";
import { checkPurchase } from "./purchase.rules";
import { clocksOf, loadServiceLevels } from "./sla.service";

type RequestRecord = typeof requests.$inferSelect;

const sortable = { rank: requests.rank, updatedAt: requests.updatedAt, number: requests.number };

const stale = () => new AppError("conflict", "Someone changed this request meanwhile; reload and try again");

function relationOf(ctx: Ctx, request: RequestRecord): Relation {
  return {
    isRequester: request.requesterId === ctx.actor.userId,
    isSponsor: request.sponsorId === ctx.actor.userId,
    isItPartner: request.itPartnerId === ctx.actor.userId,
    isItSide: isItSide(ctx.actor),
    isAdmin: ctx.actor.role === "admin",
  };
}

const subjectOf = (request: RequestRecord) => ({
  workspaceId: request.workspaceId,
  requesterId: request.requesterId,
  sponsorId: request.sponsorId,
  itPartnerId: request.itPartnerId,
});

/** A request of the workspace; someone else's draft is not found. */
async function loadRequest(tx: Tx, ctx: Ctx, id: string): Promise<RequestRow> {
  const row = await findRequest(tx, ctx.actor.workspaceId, id);
  if (!row || (row.request.stage === "draft" && row.request.requesterId !== ctx.actor.userId)) {
    throw new AppError("not_found", "Request not found");
  }
  return row;
}

export async function scoringOf(tx: Tx, workspaceId: string): Promise<Scoring> {
  const settings = await findSettings(tx, workspaceId);
  return settings ? (settings.scoring as Scoring) : DEFAULT_SCORING;
}

/** The stages this actor may move the request to by a plain transition. */
function allowedTransitions(ctx: Ctx, request: RequestRecord): Stage[] {
  const who = relationOf(ctx, request);
  return TRANSITIONS[request.stage].filter((to) => transitionRefusal(request.stage, to, who) === null);
}

/**
 * Everything a request's page shows, in the caller's transaction. After a change (`store`), the clocks computed for
 * the page are also written to the row, so lists and reports read them as they are now.
 */
async function viewRequest(tx: Tx, ctx: Ctx, id: string, options: { store?: boolean } = {}) {
  const row = await loadRequest(tx, ctx, id);
  const r = row.request;
  const [raci, events, watcherIds, scoring, levels] = await Promise.all([
    listRaci(tx, r.id),
    listEvents(tx, r.id),
    listWatchers(tx, r.id),
    scoringOf(tx, r.workspaceId),
    loadServiceLevels(tx, r.workspaceId),
  ]);
  const alternatives = r.alternatives as { toolId: string | null }[];
  const toolIds = [...r.toolIds, ...alternatives.map((a) => a.toolId).filter((a): a is string => a !== null)];
  const [toolNames, people, meantTerms] = await Promise.all([
    findToolNames(tx, r.workspaceId, toolIds),
    findPeople(tx, r.workspaceId, r.decidedById ? [r.decidedById] : []),
    findMeantTerms(
      tx,
      r.workspaceId,
      r.termMeanings.map((meaning) => meaning.termId),
    ),
  ]);
  const decider = r.decidedById ? people.get(r.decidedById) : undefined;
  const clocks = clocksOf(levels, r, clockEventsOf(events), ctx.now);
  if (options.store) {
    const columns = clockColumns(clocks);
    await setDerived(tx, r.id, columns);
    Object.assign(r, columns);
  }
  return presentRequest(row, {
    raci,
    // What blocks the move to decision, as the page lists it.
    raciProblems: [
      ...(r.priority === null ? ["The request has no priority class yet"] : []),
      ...raciProblems(raci.map(({ row: entry }) => entry)),
    ],
    toolNames,
    decidedBy: decider && r.decidedById ? { id: r.decidedById, name: decider.name } : null,
    clocks,
    allowedTransitions: allowedTransitions(ctx, r),
    watching: watcherIds.includes(ctx.actor.userId),
    scoreExplanation: scoreRequest(scoring, scoreInputsOf(r)).explanation,
    meantTerms,
  });
}

const clockEventsOf = (rows: Awaited<ReturnType<typeof listEvents>>): ClockEvent[] =>
  rows.map(({ event }) => ({ kind: event.kind, toStage: event.toStage, at: event.at }));

/** After a change: the page's view, with the clocks recomputed from the stored events and stored. */
const settle = (tx: Tx, ctx: Ctx, id: string) => viewRequest(tx, ctx, id, { store: true });

/** The backlog and every other list of requests. */
export async function listWorkspaceRequests(ctx: Ctx, query: RequestListQuery) {
  authorize(ctx.actor, "request.read");
  const page = keyset(sortable, requests.id, query.sort, query.cursor);
  const rows = await listRequests(ctx.database.db, ctx.actor.workspaceId, ctx.actor.userId, query, page);
  return takePage(rows, query.limit, (row) => page.cursorAfter(row.request[page.field], row.request.id));
}

/** Every open request, for the board. */
export async function listBoard(ctx: Ctx) {
  authorize(ctx.actor, "request.read");
  return listOpenRequests(ctx.database.db, ctx.actor.workspaceId);
}

export async function getRequest(ctx: Ctx, id: string) {
  authorize(ctx.actor, "request.read");
  return viewRequest(ctx.database.db, ctx, id);
}

export async function getRequestTimeline(ctx: Ctx, id: string) {
  authorize(ctx.actor, "request.read");
  await loadRequest(ctx.database.db, ctx, id);
  return listEvents(ctx.database.db, id);
}

// People, the team and the tools named on a request must be records of the workspace (and people active); the
// intended meanings name the workspace's glossary terms by one of their forms (the glossary checks them).
async function checkReferences(
  tx: Tx,
  ctx: Ctx,
  refs: {
    sponsorId?: string | null;
    itPartnerId?: string | null;
    teamId?: string | null;
    toolIds?: string[];
    termMeanings?: TermMeaning[];
  },
) {
  const errors = [
    ...(await findReferenceErrors(tx, ctx.actor.workspaceId, [
      { path: "sponsorId", kind: "activePerson", id: refs.sponsorId },
      { path: "itPartnerId", kind: "activePerson", id: refs.itPartnerId },
      { path: "teamId", kind: "team", id: refs.teamId },
      ...(refs.toolIds ?? []).map((id, index) => ({ path: `toolIds.${index}`, kind: "tool" as const, id })),
    ])),
    ...(await checkTermMeanings(tx, ctx.actor.workspaceId, refs.termMeanings ?? [])),
  ];
  if (errors.length > 0) throw new AppError("validation_failed", "Some references are not of this workspace", errors);
}

const amount = (value: string | null | undefined) => (value === null || value === undefined ? null : value);
const decimal = (value: number | null | undefined) => (value === null || value === undefined ? null : String(value));

/** Submits a request (or saves it as a draft); it gets the template's who-does-what at once. */
export async function createRequest(ctx: Ctx, input: CreateRequestBody) {
  authorize(ctx.actor, "request.create");
  return ctx.database.db.transaction(async (tx) => {
    await checkReferences(tx, ctx, input);
    await checkPurchase(tx, ctx.actor.workspaceId, input.type, input.purchase);
    const workspaceId = ctx.actor.workspaceId;
    const number = await nextRequestNumber(tx, workspaceId);
    const stage: Stage = input.draft ? "draft" : "submitted";
    const bottom = await bottomRank(tx, workspaceId);
    const { id } = await insertRequest(tx, {
      workspaceId,
      number,
      type: input.type,
      title: input.title,
      problem: input.problem,
      outcome: input.outcome,
      beneficiaries: input.beneficiaries,
      objectives: input.objectives,
      deadline: input.deadline,
      deadlineReason: input.deadlineReason,
      dataClasses: input.dataClasses,
      expectedBenefit: amount(input.expectedBenefit),
      softHours: decimal(input.softHours),
      hourlyRate: amount(input.hourlyRate),
      costEstimate: amount(input.costEstimate),
      currency: input.currency,
      confidence: input.confidence,
      purchase: input.purchase ?? null,
      successMeasure: input.successMeasure ?? "",
      systems: input.systems ?? "",
      dataNeeds: input.dataNeeds ?? "",
      securityNotes: input.securityNotes ?? "",
      nonFunctionalNeeds: input.nonFunctionalNeeds ?? "",
      termMeanings: input.termMeanings ?? [],
      requesterId: ctx.actor.userId,
      sponsorId: input.sponsorId,
      teamId: input.teamId ?? ctx.actor.teamId,
      stage,
      stageChangedAt: ctx.now,
      submittedAt: input.draft ? null : ctx.now,
      rank: rankAtBottom(bottom),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await insertEvent(tx, {
      workspaceId,
      requestId: id,
      kind: "stage",
      toStage: stage,
      actorId: ctx.actor.userId,
      at: ctx.now,
    });
    const template = await raciTemplateFor(tx, workspaceId, input.type);
    await replaceRaci(
      tx,
      workspaceId,
      id,
      instantiateRaci(template, {
        requesterId: ctx.actor.userId,
        sponsorId: input.sponsorId,
        itPartnerId: null,
        costEstimate: input.costEstimate === null ? null : Number(input.costEstimate),
        teamByKind: await teamsByKind(tx, workspaceId),
      }),
    );
    await addWatchers(
      tx,
      id,
      [ctx.actor.userId, input.sponsorId].filter((x): x is string => x !== null),
    );
    const { draft, ...fields } = input;
    await recordAudit(tx, originOf(ctx), {
      action: draft ? "request.drafted" : "request.submitted",
      entityType: "request",
      entityId: id,
      after: { number, stage, ...fields },
    });
    if (input.sponsorId && !draft) {
      await notify(tx, { workspaceId, actorId: ctx.actor.userId, now: ctx.now }, [input.sponsorId], {
        kind: "request.sponsor",
        title: `You sponsor ${referenceOf(number)}: ${input.title}`,
        link: `/pipeline/requests/${id}`,
      });
    }
    return settle(tx, ctx, id);
  });
}

/** The columns of the request fields an edit changes. */
function columnsOfEdit(changes: Omit<UpdateRequestBody, "version">): Partial<typeof requests.$inferInsert> {
  const columns: Partial<typeof requests.$inferInsert> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (key === "softHours" || key === "reach" || key === "effort") {
      (columns as Record<string, unknown>)[key] = decimal(value as number | null);
    } else {
      (columns as Record<string, unknown>)[key] = value;
    }
  }
  return columns;
}

const comparable = (value: unknown) =>
  value === null || value === undefined ? null : typeof value === "number" ? String(value) : JSON.stringify(value);

/** Edits a request: field rules by who the actor is to it; intake is fixed once the decision is reached. */
export async function editRequest(ctx: Ctx, id: string, input: UpdateRequestBody) {
  return ctx.database.db.transaction(async (tx) => {
    const { request: current } = await loadRequest(tx, ctx, id);
    const { version, ...changes } = input;
    const changed = (Object.keys(changes) as (keyof typeof changes)[]).filter((key) => {
      if (changes[key] === undefined) return false;
      const before = (current as Record<string, unknown>)[key];
      return comparable(before) !== comparable(changes[key]) && JSON.stringify(before) !== JSON.stringify(changes[key]);
    });
    authorize(ctx.actor, "request.update", subjectOf(current), changed);
    if (["closed", "declined", "withdrawn"].includes(current.stage)) {
      throw new AppError("conflict", `This request is ${current.stage}; it can no longer be edited`);
    }
    await checkReferences(tx, ctx, changes);
    if (changes.purchase !== undefined || changes.type !== undefined) {
      await checkPurchase(
        tx,
        ctx.actor.workspaceId,
        changes.type ?? current.type,
        changes.purchase === undefined ? (current.purchase as PurchaseDetails | null) : changes.purchase,
      );
    }
    if (changed.length === 0) {
      if (version !== current.version) throw stale();
      return viewRequest(tx, ctx, id);
    }
    const columns = columnsOfEdit(Object.fromEntries(changed.map((key) => [key, changes[key]])));
    const next = { ...current, ...columns } as RequestRecord;
    const scoring = await scoringOf(tx, current.workspaceId);
    const { score } = scoreRequest(scoring, scoreInputsOf(next));
    const updated = await updateRequest(tx, ctx.actor.workspaceId, id, version, {
      ...columns,
      score,
      ...(current.rankedManually ? {} : { rank: rankFromScore(score) }),
      updatedAt: ctx.now,
    });
    if (!updated) throw stale();
    if (changes.itPartnerId) await addWatchers(tx, id, [changes.itPartnerId]);
    if (changes.sponsorId) await addWatchers(tx, id, [changes.sponsorId]);
    // The template's who-does-what names the sponsor and IT partner: fill them in while nobody edited it by hand.
    if ((changed.includes("sponsorId") || changed.includes("itPartnerId")) && !(await hasEvent(tx, id, "raci"))) {
      await resetRaciFromTemplate(tx, next);
    }
    const pick = (record: Record<string, unknown>) => Object.fromEntries(changed.map((key) => [key, record[key]]));
    await recordAudit(tx, originOf(ctx), {
      action: "request.updated",
      entityType: "request",
      entityId: id,
      before: pick(current as Record<string, unknown>),
      after: pick(changes as Record<string, unknown>),
    });
    if (changed.includes("itPartnerId") && changes.itPartnerId) {
      await notify(tx, originOfNotice(ctx), [changes.itPartnerId], {
        kind: "request.it_partner",
        title: `You are the IT partner of ${referenceOf(current.number)}: ${next.title}`,
        link: `/pipeline/requests/${id}`,
      });
    }
    return settle(tx, ctx, id);
  });
}

const originOfNotice = (ctx: Ctx) => ({ workspaceId: ctx.actor.workspaceId, actorId: ctx.actor.userId, now: ctx.now });

async function resetRaciFromTemplate(tx: Tx, request: RequestRecord) {
  const template = await raciTemplateFor(tx, request.workspaceId, request.type);
  await replaceRaci(
    tx,
    request.workspaceId,
    request.id,
    instantiateRaci(template, {
      requesterId: request.requesterId,
      sponsorId: request.sponsorId,
      itPartnerId: request.itPartnerId,
      costEstimate: request.costEstimate === null ? null : Number(request.costEstimate),
      teamByKind: await teamsByKind(tx, request.workspaceId),
    }),
  );
}

/** Moves a request to another stage: illegal moves are refused with the allowed ones listed. */
export async function transitionRequest(ctx: Ctx, id: string, input: { to: Stage; version: number; comment?: string }) {
  authorize(ctx.actor, "request.transition");
  return ctx.database.db.transaction(async (tx) => {
    const { request: current } = await loadRequest(tx, ctx, id);
    authorize(ctx.actor, "request.transition", subjectOf(current));
    const allowed = TRANSITIONS[current.stage];
    if (!allowed.includes(input.to)) {
      throw new AppError(
        "conflict",
        allowed.length > 0
          ? `A request in ${current.stage} can move to ${allowed.join(", ")}, not ${input.to}`
          : `A request in ${current.stage} does not move by a transition`,
        [{ path: "to", message: `must be one of: ${allowed.join(", ") || "(none)"}` }],
      );
    }
    const refusal = transitionRefusal(current.stage, input.to, relationOf(ctx, current));
    if (refusal) throw new AppError("forbidden", refusal);
    if (input.to === "decision") {
      const problems = raciProblems((await listRaci(tx, id)).map(({ row }) => row));
      if (current.priority === null) problems.unshift("The request has no priority class yet");
      if (problems.length > 0) {
        throw new AppError(
          "conflict",
          `Not ready for a decision: ${problems.join("; ")}`,
          problems.map((message) => ({ path: "raci", message })),
        );
      }
    }
    const changes: Partial<typeof requests.$inferInsert> = {
      stage: input.to,
      stageChangedAt: ctx.now,
      updatedAt: ctx.now,
    };
    if (input.to === "submitted") changes.submittedAt = ctx.now;
    // Taking a request up is the first response to it.
    if (current.stage === "submitted" && input.to === "triage" && !current.firstResponseAt) {
      changes.firstResponseAt = ctx.now;
    }
    if (input.to === "delivered") {
      changes.deliveredAt = ctx.now;
      changes.reviewDueOn = new Date(ctx.now.getTime() + REVIEW_AFTER_DAYS * 86_400_000).toISOString().slice(0, 10);
    }
    if (input.to === "withdrawn" || input.to === "delivered") changes.waitingOnRequester = false;
    if (current.waitingOnRequester && changes.waitingOnRequester === false) {
      await insertEvent(tx, {
        workspaceId: current.workspaceId,
        requestId: id,
        kind: "resumed",
        actorId: ctx.actor.userId,
        at: ctx.now,
      });
    }
    const updated = await updateRequest(tx, ctx.actor.workspaceId, id, input.version, changes);
    if (!updated) throw stale();
    await insertEvent(tx, {
      workspaceId: current.workspaceId,
      requestId: id,
      kind: "stage",
      fromStage: current.stage,
      toStage: input.to,
      actorId: ctx.actor.userId,
      at: ctx.now,
      data: input.comment ? { comment: input.comment } : {},
    });
    await recordAudit(tx, originOf(ctx), {
      action: "request.moved",
      entityType: "request",
      entityId: id,
      before: { stage: current.stage },
      after: { stage: input.to, ...(input.comment ? { comment: input.comment } : {}) },
    });
    await notify(tx, originOfNotice(ctx), await listWatchers(tx, id), {
      kind: "request.stage",
      title: `${referenceOf(current.number)} moved to ${input.to.replace("_", " ")}`,
      body: current.title,
      link: `/pipeline/requests/${id}`,
    });
    return settle(tx, ctx, id);
  });
}

/** Marks the request as waiting on its requester (the clocks pause) or resumes it. */
export async function setWaiting(ctx: Ctx, id: string, input: { waiting: boolean; version: number; reason?: string }) {
  authorize(ctx.actor, "request.transition");
  return ctx.database.db.transaction(async (tx) => {
    const { request: current } = await loadRequest(tx, ctx, id);
    const who = relationOf(ctx, current);
    if (input.waiting && !(who.isItSide || who.isItPartner || who.isAdmin || who.isSponsor)) {
      throw new AppError(
        "forbidden",
        "Only the IT partner, the IT team, the sponsor or an admin may wait on the requester",
      );
    }
    if (!input.waiting && !(who.isRequester || who.isItSide || who.isItPartner || who.isAdmin || who.isSponsor)) {
      throw new AppError("forbidden", "Only the people of this request, the IT team or an admin may resume it");
    }
    if (!["submitted", "triage", "planning", "decision", "delivery"].includes(current.stage)) {
      throw new AppError("conflict", `A request in ${current.stage} has no running clock to pause`);
    }
    if (current.waitingOnRequester === input.waiting) {
      throw new AppError(
        "conflict",
        input.waiting ? "The request already waits on its requester" : "The request is not waiting on its requester",
      );
    }
    const updated = await updateRequest(tx, ctx.actor.workspaceId, id, input.version, {
      waitingOnRequester: input.waiting,
      updatedAt: ctx.now,
    });
    if (!updated) throw stale();
    await insertEvent(tx, {
      workspaceId: current.workspaceId,
      requestId: id,
      kind: input.waiting ? "paused" : "resumed",
      actorId: ctx.actor.userId,
      at: ctx.now,
      data: input.reason ? { reason: input.reason } : {},
    });
    await recordAudit(tx, originOf(ctx), {
      action: input.waiting ? "request.paused" : "request.resumed",
      entityType: "request",
      entityId: id,
      after: { waitingOnRequester: input.waiting, ...(input.reason ? { reason: input.reason } : {}) },
    });
    if (input.waiting) {
      await notify(tx, originOfNotice(ctx), [current.requesterId], {
        kind: "request.waiting",
        title: `${referenceOf(current.number)} waits on you`,
        body: input.reason ?? current.title,
        link: `/pipeline/requests/${id}`,
      });
    }
    return settle(tx, ctx, id);
  });
}

/**
 * Decides a request in the decision stage. Two people deciding at once: the row lock queues them and the
 * second finds a new version, so exactly one decision stands and the other gets 409.
 */
export async function decideRequest(ctx: Ctx, id: string, input: DecisionBody) {
  authorize(ctx.actor, "request.decide");
  return ctx.database.db.transaction(async (tx) => {
    const locked = await lockRequest(tx, ctx.actor.workspaceId, id);
    if (!locked) throw new AppError("not_found", "Request not found");
    const { request: current } = await loadRequest(tx, ctx, id);
    authorize(ctx.actor, "request.decide", subjectOf(current));
    const who = relationOf(ctx, current);
    if (!(who.isItSide || who.isItPartner || who.isAdmin)) {
      throw new AppError("forbidden", "Only the IT partner, the IT team or an admin may decide a request");
    }
    if (current.version !== input.version) throw stale();
    if (current.stage !== "decision") {
      throw new AppError("conflict", `Only a request in decision can be decided; this one is in ${current.stage}`);
    }
    const alternatives = input.alternatives.filter((a) => a.text.length > 0 || a.toolId !== null);
    if ((input.outcome === "declined" || input.outcome === "alternative") && alternatives.length === 0) {
      throw new AppError("validation_failed", "Say what the requester can do instead", [
        { path: "alternatives", message: "needs at least one alternative when declining or proposing one" },
      ]);
    }
    // Paths index the alternatives as sent (before empty ones are dropped).
    await assertReferences(
      tx,
      ctx.actor.workspaceId,
      input.alternatives.map((a, index) => ({
        path: `alternatives.${index}.toolId`,
        kind: "tool" as const,
        id: a.toolId,
      })),
    );
    const to = stageAfterDecision(input.outcome);
    const updated = await updateRequest(tx, ctx.actor.workspaceId, id, input.version, {
      stage: to,
      stageChangedAt: ctx.now,
      decision: input.outcome,
      decisionReason: input.reason,
      alternatives,
      decidedById: ctx.actor.userId,
      decidedAt: current.decidedAt ?? ctx.now,
      updatedAt: ctx.now,
    });
    if (!updated) throw stale();
    await insertEvent(tx, {
      workspaceId: current.workspaceId,
      requestId: id,
      kind: "decision",
      fromStage: current.stage,
      toStage: to,
      actorId: ctx.actor.userId,
      at: ctx.now,
      data: { outcome: input.outcome, reason: input.reason, alternatives },
    });
    await recordAudit(tx, originOf(ctx), {
      action: "request.decided",
      entityType: "request",
      entityId: id,
      before: { stage: current.stage },
      after: { stage: to, outcome: input.outcome, reason: input.reason, alternatives },
    });
    await notify(tx, originOfNotice(ctx), [current.requesterId, current.sponsorId, ...(await listWatchers(tx, id))], {
      kind: "request.decided",
      title: `${referenceOf(current.number)} was ${DECISION_WORDS[input.outcome]}`,
      body: input.reason,
      link: `/pipeline/requests/${id}`,
    });
    return settle(tx, ctx, id);
  });
}

const DECISION_WORDS = {
  approved: "approved",
  declined: "declined",
  deferred: "deferred",
  alternative: "answered with an alternative",
} as const;

/** The requester appeals a decline or an alternative, once, with a comment: back to decision. */
export async function appealRequest(ctx: Ctx, id: string, input: { comment: string; version: number }) {
  authorize(ctx.actor, "request.transition");
  return ctx.database.db.transaction(async (tx) => {
    const { request: current } = await loadRequest(tx, ctx, id);
    if (current.requesterId !== ctx.actor.userId) throw new AppError("forbidden", "Only the requester may appeal");
    if (current.stage !== "declined" || current.alternativeAcceptedAt) {
      throw new AppError("conflict", "Only a declined request, or one answered with an alternative, can be appealed");
    }
    if (current.appealedAt) throw new AppError("conflict", "This request was appealed once already");
    const updated = await updateRequest(tx, ctx.actor.workspaceId, id, input.version, {
      stage: "decision",
      stageChangedAt: ctx.now,
      appealedAt: ctx.now,
      appealComment: input.comment,
      updatedAt: ctx.now,
    });
    if (!updated) throw stale();
    await insertEvent(tx, {
      workspaceId: current.workspaceId,
      requestId: id,
      kind: "appeal",
      fromStage: current.stage,
      toStage: "decision",
      actorId: ctx.actor.userId,
      at: ctx.now,
      data: { comment: input.comment },
    });
    await recordAudit(tx, originOf(ctx), {
      action: "request.appealed",
      entityType: "request",
      entityId: id,
      after: { comment: input.comment },
    });
    await notify(tx, originOfNotice(ctx), [current.decidedById, current.itPartnerId, current.sponsorId], {
      kind: "request.appealed",
      title: `${referenceOf(current.number)} was appealed`,
      body: input.comment,
      link: `/pipeline/requests/${id}`,
    });
    return settle(tx, ctx, id);
  });
}

/** The requester takes the alternative offered: the request closes. */
export async function acceptAlternative(ctx: Ctx, id: string, input: { version: number }) {
  authorize(ctx.actor, "request.transition");
  return ctx.database.db.transaction(async (tx) => {
    const { request: current } = await loadRequest(tx, ctx, id);
    if (current.requesterId !== ctx.actor.userId) {
      throw new AppError("forbidden", "Only the requester may accept the alternative");
    }
    if (current.stage !== "declined" || current.decision !== "alternative" || current.alternativeAcceptedAt) {
      throw new AppError("conflict", "There is no alternative waiting to be accepted");
    }
    const updated = await updateRequest(tx, ctx.actor.workspaceId, id, input.version, {
      stage: "closed",
      stageChangedAt: ctx.now,
      alternativeAcceptedAt: ctx.now,
      updatedAt: ctx.now,
    });
    if (!updated) throw stale();
    await insertEvent(tx, {
      workspaceId: current.workspaceId,
      requestId: id,
      kind: "alternative_accepted",
      fromStage: current.stage,
      toStage: "closed",
      actorId: ctx.actor.userId,
      at: ctx.now,
    });
    await recordAudit(tx, originOf(ctx), {
      action: "request.alternative_accepted",
      entityType: "request",
      entityId: id,
    });
    await notify(tx, originOfNotice(ctx), [current.decidedById, current.itPartnerId], {
      kind: "request.alternative_accepted",
      title: `${referenceOf(current.number)}: the alternative was accepted`,
      link: `/pipeline/requests/${id}`,
    });
    return settle(tx, ctx, id);
  });
}

/** Records the value review of a delivered request (realised against expected benefit) and closes it. */
export async function reviewRequest(
  ctx: Ctx,
  id: string,
  input: { realisedBenefit: string; notes: string; version: number },
) {
  authorize(ctx.actor, "request.transition");
  return ctx.database.db.transaction(async (tx) => {
    const { request: current } = await loadRequest(tx, ctx, id);
    const who = relationOf(ctx, current);
    if (!(who.isRequester || who.isSponsor || who.isItPartner || who.isAdmin)) {
      throw new AppError(
        "forbidden",
        "Only the requester, the sponsor, the IT partner or an admin may review the value",
      );
    }
    if (current.stage !== "delivered" && current.stage !== "value_review") {
      throw new AppError("conflict", `Only a delivered request can be reviewed; this one is in ${current.stage}`);
    }
    const updated = await updateRequest(tx, ctx.actor.workspaceId, id, input.version, {
      stage: "closed",
      stageChangedAt: ctx.now,
      realisedBenefit: input.realisedBenefit,
      reviewNotes: input.notes,
      reviewedAt: ctx.now,
      updatedAt: ctx.now,
    });
    if (!updated) throw stale();
    await insertEvent(tx, {
      workspaceId: current.workspaceId,
      requestId: id,
      kind: "review",
      fromStage: current.stage,
      toStage: "closed",
      actorId: ctx.actor.userId,
      at: ctx.now,
      data: { realisedBenefit: input.realisedBenefit, notes: input.notes },
    });
    await recordAudit(tx, originOf(ctx), {
      action: "request.reviewed",
      entityType: "request",
      entityId: id,
      after: { realisedBenefit: input.realisedBenefit, notes: input.notes },
    });
    return settle(tx, ctx, id);
  });
}

/** Moves a request in the ranked backlog, directly above another one (or to the bottom); audited. */
export async function rankRequest(ctx: Ctx, id: string, input: { beforeId: string | null; version: number }) {
  authorize(ctx.actor, "request.rank");
  return ctx.database.db.transaction(async (tx) => {
    const { request: current } = await loadRequest(tx, ctx, id);
    if (input.beforeId === id) {
      throw new AppError("validation_failed", "A request cannot be placed above itself", [
        { path: "beforeId", message: "must be another request" },
      ]);
    }
    let rank: string;
    if (input.beforeId) {
      const below = await rankOf(tx, ctx.actor.workspaceId, input.beforeId);
      if (below === null) {
        throw new AppError("validation_failed", "No such request", [
          { path: "beforeId", message: "is not a request of this workspace" },
        ]);
      }
      rank = rankBetween(await rankAbove(tx, ctx.actor.workspaceId, below, id), below);
    } else {
      rank = rankBetween(await bottomRank(tx, ctx.actor.workspaceId, id), null);
    }
    const updated = await updateRequest(tx, ctx.actor.workspaceId, id, input.version, {
      rank,
      rankedManually: true,
      updatedAt: ctx.now,
    });
    if (!updated) throw stale();
    await insertEvent(tx, {
      workspaceId: current.workspaceId,
      requestId: id,
      kind: "ranked",
      actorId: ctx.actor.userId,
      at: ctx.now,
      data: { beforeId: input.beforeId },
    });
    await recordAudit(tx, originOf(ctx), {
      action: "request.ranked",
      entityType: "request",
      entityId: id,
      before: { rank: current.rank },
      after: { rank, beforeId: input.beforeId },
    });
    return settle(tx, ctx, id);
  });
}

/** Replaces a request's who-does-what; exactly one Accountable per activity. */
export async function editRequestRaci(ctx: Ctx, id: string, input: UpdateRaciBody) {
  authorize(ctx.actor, "request.update");
  return ctx.database.db.transaction(async (tx) => {
    const { request: current } = await loadRequest(tx, ctx, id);
    const who = relationOf(ctx, current);
    if (!(who.isRequester || who.isSponsor || who.isItPartner || who.isItSide || who.isAdmin)) {
      throw new AppError(
        "forbidden",
        "Only the people of this request, the IT team or an admin may change who does what",
      );
    }
    const errors: { path: string; message: string }[] = [];
    const accountable = new Map<string, number>();
    input.rows.forEach((row, index) => {
      if (row.role === "A") {
        const seen = accountable.get(row.activity);
        if (seen !== undefined) {
          errors.push({
            path: `rows.${index}.role`,
            message: `“${row.activity}” already has an Accountable (row ${seen + 1})`,
          });
        }
        accountable.set(row.activity, index);
      }
    });
    errors.push(
      ...(await findReferenceErrors(
        tx,
        ctx.actor.workspaceId,
        input.rows.flatMap((row, index) => [
          { path: `rows.${index}.userId`, kind: "person" as const, id: row.userId },
          { path: `rows.${index}.teamId`, kind: "team" as const, id: row.teamId },
        ]),
      )),
    );
    if (errors.length > 0) throw new AppError("validation_failed", errors.map((e) => e.message).join("; "), errors);
    const before = (await listRaci(tx, id)).map(({ row }) => ({
      activity: row.activity,
      role: row.role,
      teamId: row.teamId,
      userId: row.userId,
    }));
    const updated = await updateRequest(tx, ctx.actor.workspaceId, id, input.version, { updatedAt: ctx.now });
    if (!updated) throw stale();
    await replaceRaci(tx, ctx.actor.workspaceId, id, input.rows);
    await insertEvent(tx, {
      workspaceId: current.workspaceId,
      requestId: id,
      kind: "raci",
      actorId: ctx.actor.userId,
      at: ctx.now,
    });
    await recordAudit(tx, originOf(ctx), {
      action: "request.raci_updated",
      entityType: "request",
      entityId: id,
      before: { raci: before },
      after: { raci: input.rows },
    });
    await addWatchers(
      tx,
      id,
      input.rows.flatMap((row) => (row.userId ? [row.userId] : [])),
    );
    return settle(tx, ctx, id);
  });
}

/** Starts or stops following a request. */
export async function setWatching(ctx: Ctx, id: string, watching: boolean) {
  authorize(ctx.actor, "request.watch");
  return ctx.database.db.transaction(async (tx) => {
    await loadRequest(tx, ctx, id);
    if (watching) await addWatchers(tx, id, [ctx.actor.userId]);
    else await removeWatcher(tx, id, ctx.actor.userId);
    return viewRequest(tx, ctx, id);
  });
}

const figuresOf = (row: { reviewed: unknown; expected: unknown; realised: unknown }) => {
  const expected = Number(row.expected ?? 0);
  const realised = Number(row.realised ?? 0);
  return {
    reviewed: Number(row.reviewed),
    expected,
    realised,
    ratio: expected > 0 ? Math.round((realised / expected) * 1000) / 1000 : null,
  };
};

/** Did delivered requests bring what they promised? Expected against realised, per type and per sponsor. */
export async function valueReport(ctx: Ctx, query: { from?: string; to?: string; currency: string }) {
  authorize(ctx.actor, "request.read");
  const to = query.to ?? ctx.now.toISOString().slice(0, 10);
  const from = query.from ?? new Date(Date.parse(to) - 365 * 86_400_000).toISOString().slice(0, 10);
  if (from > to) {
    throw new AppError("validation_failed", "The report's start is after its end", [
      { path: "from", message: "must be on or before to" },
    ]);
  }
  const figures = await valueReportFigures(ctx.database.db, ctx.actor.workspaceId, {
    from: new Date(`${from}T00:00:00Z`),
    to: new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000),
    currency: query.currency,
  });
  const sum = (key: "reviewed" | "expected" | "realised") =>
    figures.byType.reduce((total, row) => total + Number(row[key] ?? 0), 0);
  return {
    from,
    to,
    currency: query.currency,
    overall: figuresOf({ reviewed: sum("reviewed"), expected: sum("expected"), realised: sum("realised") }),
    byType: figures.byType.map((row) => ({ type: row.type, ...figuresOf(row) })),
    bySponsor: figures.bySponsor
      .map((row) => ({
        sponsor: row.sponsorId && row.sponsorName ? { id: row.sponsorId, name: row.sponsorName } : null,
        ...figuresOf(row),
      }))
      .sort((a, b) => b.realised - a.realised),
    pendingReviews: figures.pending,
  };
}
