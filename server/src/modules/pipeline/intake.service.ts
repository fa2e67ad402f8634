// Intake: submitting a request (or saving a draft) with its template's who-does-what, watchers, clocks and audit,
// and editing it by the field rules of who the actor is to it.

import type { PurchaseDetails } from "#contracts/guardrails";
import type { CreateRequestBody, Stage, TermMeaning, UpdateRequestBody } from "#contracts/pipeline";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { findReferenceErrors } from "../../db/references";
import { AppError, staleEdit } from "../../errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { checkTermMeanings } from "../glossary/glossary.commands";
import { notify } from "../notifications/notifications.commands";
import { addWatchers, replaceRaci, teamsByKind } from "./engagement.queries";
import { raciTemplateFor } from "./engagement.service";
import {
  bottomRank,
  hasEvent,
  insertEvent,
  insertRequest,
  nextRequestNumber,
  type RequestChanges,
  type RequestRecord,
  updateRequest,
} from "./pipeline.queries";
import {
  instantiateRaci,
  rankAtBottom,
  rankFromScore,
  referenceOf,
  scoreInputsOf,
  scoreRequest,
} from "./pipeline.rules";
import { checkPurchase } from "./purchase.rules";
import {
  loadRequest,
  originOfNotice,
  refusedInState,
  scoringOf,
  settle,
  subjectOf,
  viewRequest,
} from "./request-view.service";

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
  return ctx.database.db.transaction((tx) => openRequest(tx, ctx, input));
}

/** Where a request opened by another module came from: in its first event and its audit entry. */
export interface RequestSource {
  /** What opened it, in words ("shadow-IT discovery"). */
  source: string;
  /** The Stack's tools it is about. */
  toolIds?: string[];
  /** More facts for the first event (the tool found, say). */
  data?: Record<string, unknown>;
}

/**
 * Opens a request in the caller's transaction exactly as the intake does: references checked, the next number, the
 * bottom of the backlog, the workspace's own who-does-what template for its type, the requester and sponsor as
 * watchers, the audit entry, the sponsor's notice and the clocks; answers the request's page.
 */
export async function openRequest(tx: Tx, ctx: Ctx, input: CreateRequestBody, from?: RequestSource) {
  authorize(ctx.actor, "request.create");
  const toolIds = from?.toolIds ?? [];
  await checkReferences(tx, ctx, { ...input, toolIds });
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
    toolIds,
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
    ...(from ? { data: { source: from.source, ...from.data } } : {}),
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
    after: { number, stage, ...fields, ...(from ? { source: from.source, toolIds } : {}) },
  });
  if (input.sponsorId && !draft) {
    await notify(tx, { workspaceId, actorId: ctx.actor.userId, now: ctx.now }, [input.sponsorId], {
      kind: "request.sponsor",
      title: `You sponsor ${referenceOf(number)}: ${input.title}`,
      link: `/pipeline/requests/${id}`,
    });
  }
  return settle(tx, ctx, id);
}

/** The columns of the request fields an edit changes. */
function columnsOfEdit(changes: Omit<UpdateRequestBody, "version">): RequestChanges {
  const columns: RequestChanges = {};
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
      throw refusedInState(ctx, current, `This request is ${current.stage}; it can no longer be edited`);
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
      if (version !== current.version) throw staleEdit("request");
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
    if (!updated) throw staleEdit("request");
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
