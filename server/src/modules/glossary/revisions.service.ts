// Revisions of a term: edits (a proposed revision beside the approved one), proposing, two-sided approval, rejection.
import type { ApproveTermBody, ProposeTermBody, RejectTermBody, TermFields, UpdateTermBody } from "#contracts/glossary";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { AppError } from "../../errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import {
  bumpGlossaryVersion,
  claimTermVersion,
  deleteApprovals,
  findRevisions,
  insertApproval,
  insertRevision,
  lastRevisionNumber,
  listApprovals,
  type RevisionRow,
  setTerm,
  type TermRow,
  updateRevision,
} from "./glossary.queries";
import { awaitingSides } from "./glossary.rules";
import type { TermView } from "./glossary.views";
import { checkTermFields, getTermRow, readTerm, revisionContent, shownFields } from "./terms.service";

function stale(): AppError {
  return new AppError("conflict", "The term changed since you read it; read it again");
}

async function claim(tx: Tx, ctx: Ctx, term: TermRow, version: number): Promise<void> {
  const ok = await claimTermVersion(tx, ctx.actor.workspaceId, term.id, version, ctx.now);
  if (!ok) throw stale();
}

async function pendingOf(tx: Tx, term: TermRow): Promise<RevisionRow | null> {
  if (term.pendingRevisionId === null) return null;
  const [revision] = await findRevisions(tx, [term.pendingRevisionId]);
  return revision ?? null;
}

/**
 * Writes a term's new content in a transaction already open: an approved term gets a proposed revision (the approved
 * one stays shown); a draft or proposed term's pending revision is rewritten and its approvals cleared.
 */
export async function reviseTerm(
  tx: Tx,
  ctx: Ctx,
  term: TermRow,
  input: TermFields,
  proposedStatus?: "proposed",
): Promise<void> {
  if (term.status === "retired") throw new AppError("invalid_state", "A retired term is not edited");
  const content = revisionContent(input);
  const pending = await pendingOf(tx, term);
  if (pending && (pending.status === "draft" || pending.status === "proposed")) {
    const status = proposedStatus ?? pending.status;
    await deleteApprovals(tx, pending.id);
    await updateRevision(tx, pending.id, { ...content, status, updatedAt: ctx.now });
    if (term.approvedRevisionId === null) await setTerm(tx, term.id, { status, ...shownFields(content) });
  } else {
    const number = (await lastRevisionNumber(tx, term.id)) + 1;
    const revision = await insertRevision(tx, {
      workspaceId: ctx.actor.workspaceId,
      termId: term.id,
      number,
      status: "proposed",
      ...content,
      createdById: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await setTerm(tx, term.id, { pendingRevisionId: revision.id });
  }
  await recordAudit(tx, originOf(ctx), {
    action: "glossary.term_revised",
    entityType: "glossary_term",
    entityId: term.id,
    before: pending ? revisionContent(pending) : null,
    after: content,
  });
}

/** Edits a term with the version read (409 when stale); see reviseTerm for what an edit writes. */
export async function updateTerm(ctx: Ctx, id: string, input: UpdateTermBody): Promise<TermView> {
  authorize(ctx.actor, "glossary.write");
  await ctx.database.db.transaction(async (tx) => {
    await bumpGlossaryVersion(tx, ctx.actor.workspaceId, ctx.now);
    const term = await getTermRow(tx, ctx.actor.workspaceId, id, true);
    const { version, ...fields } = input;
    await claim(tx, ctx, term, version);
    await checkTermFields(tx, ctx, term.id, fields);
    await reviseTerm(tx, ctx, term, fields);
  });
  return readTerm(ctx.database.db, ctx.actor.workspaceId, id);
}

/** Sends a draft for review: draft → proposed. */
export async function proposeTerm(ctx: Ctx, id: string, input: ProposeTermBody): Promise<TermView> {
  authorize(ctx.actor, "glossary.write");
  await ctx.database.db.transaction(async (tx) => {
    await bumpGlossaryVersion(tx, ctx.actor.workspaceId, ctx.now);
    const term = await getTermRow(tx, ctx.actor.workspaceId, id, true);
    await claim(tx, ctx, term, input.version);
    const pending = await pendingOf(tx, term);
    if (pending?.status !== "draft") throw new AppError("invalid_state", "Only a draft is proposed");
    await updateRevision(tx, pending.id, { status: "proposed", updatedAt: ctx.now });
    if (term.approvedRevisionId === null) await setTerm(tx, term.id, { status: "proposed" });
    await recordAudit(tx, originOf(ctx), {
      action: "glossary.term_proposed",
      entityType: "glossary_term",
      entityId: term.id,
      after: { revisionId: pending.id },
    });
  });
  return readTerm(ctx.database.db, ctx.actor.workspaceId, id);
}

async function pendingRevision(tx: Tx, ctx: Ctx, id: string, revisionId: string) {
  const term = await getTermRow(tx, ctx.actor.workspaceId, id, true);
  if (term.pendingRevisionId !== revisionId) {
    throw new AppError("conflict", "Another revision is under review now; read the term again", [
      { path: "revisionId", message: "is not the term's pending revision" },
    ]);
  }
  const pending = await pendingOf(tx, term);
  if (pending?.status !== "proposed") {
    throw new AppError("invalid_state", "Only a proposed revision is approved or rejected; propose the draft first");
  }
  return { term, pending };
}

/**
 * Approves the pending revision as the acting person (their team kind recorded). Once a person of a marketing team
 * and one of an IT team have approved, it becomes the approved revision and the previous one is superseded.
 */
export async function approveTerm(ctx: Ctx, id: string, input: ApproveTermBody): Promise<TermView> {
  authorize(ctx.actor, "glossary.approve");
  await ctx.database.db.transaction(async (tx) => {
    await bumpGlossaryVersion(tx, ctx.actor.workspaceId, ctx.now);
    const { term, pending } = await pendingRevision(tx, ctx, id, input.revisionId);
    const added = await insertApproval(tx, {
      workspaceId: ctx.actor.workspaceId,
      revisionId: pending.id,
      userId: ctx.actor.userId,
      teamKind: ctx.actor.teamKind,
      decision: "approve",
      createdAt: ctx.now,
    });
    if (!added)
      throw new AppError("invalid_state", "You have already approved this revision; the other side approves next");
    const awaiting = awaitingSides(await listApprovals(tx, [pending.id]));
    const complete = awaiting.length === 0;
    if (complete) {
      if (term.approvedRevisionId !== null) {
        await updateRevision(tx, term.approvedRevisionId, { status: "superseded", updatedAt: ctx.now });
      }
      await updateRevision(tx, pending.id, { status: "approved", updatedAt: ctx.now });
      await setTerm(tx, term.id, {
        status: "approved",
        approvedRevisionId: pending.id,
        pendingRevisionId: null,
        ...shownFields(pending),
      });
    }
    await setTerm(tx, term.id, { version: term.version + 1, updatedAt: ctx.now });
    await recordAudit(tx, originOf(ctx), {
      action: complete ? "glossary.term_approved" : "glossary.term_approval_added",
      entityType: "glossary_term",
      entityId: term.id,
      after: { revisionId: pending.id, teamKind: ctx.actor.teamKind, awaiting },
    });
  });
  return readTerm(ctx.database.db, ctx.actor.workspaceId, id);
}

/**
 * Rejects the pending revision with a reason: an edit of an approved term is dropped (the approved revision stays);
 * a term never approved goes back to draft, its approvals cleared and the rejection kept on the revision.
 */
export async function rejectTerm(ctx: Ctx, id: string, input: RejectTermBody): Promise<TermView> {
  authorize(ctx.actor, "glossary.approve");
  await ctx.database.db.transaction(async (tx) => {
    await bumpGlossaryVersion(tx, ctx.actor.workspaceId, ctx.now);
    const { term, pending } = await pendingRevision(tx, ctx, id, input.revisionId);
    await deleteApprovals(tx, pending.id);
    await insertApproval(tx, {
      workspaceId: ctx.actor.workspaceId,
      revisionId: pending.id,
      userId: ctx.actor.userId,
      teamKind: ctx.actor.teamKind,
      decision: "reject",
      reason: input.reason,
      createdAt: ctx.now,
    });
    if (term.approvedRevisionId !== null) {
      await updateRevision(tx, pending.id, { status: "rejected", updatedAt: ctx.now });
      await setTerm(tx, term.id, { pendingRevisionId: null });
    } else {
      await updateRevision(tx, pending.id, { status: "draft", updatedAt: ctx.now });
      await setTerm(tx, term.id, { status: "draft" });
    }
    await setTerm(tx, term.id, { version: term.version + 1, updatedAt: ctx.now });
    await recordAudit(tx, originOf(ctx), {
      action: "glossary.term_rejected",
      entityType: "glossary_term",
      entityId: term.id,
      after: { revisionId: pending.id, reason: input.reason },
    });
  });
  return readTerm(ctx.database.db, ctx.actor.workspaceId, id);
}
