// Health's pulses: pulses (draft → open → closed) and anonymous responses (the bank: items.service.ts; a pulse's
// results: results.service.ts).
// Policy first, one transaction, audit in it — except a response, which is never audited: the audit log names
// the person and the time, and an answer must point at neither (who took part is `health_participation`).

import type { CreateSurveyBody, HealthSide, ResponseBody, SurveyListQuery, UpdateSurveyBody } from "#contracts/health";
import { isReleaseStep, missingCriteria, pickPulseItems } from "#engines/alignment";
import type { Actor, Ctx } from "../../context";
import type { Database, Tx } from "../../db/client";
import { AppError, assertFound, type FieldError, staleEdit } from "../../errors";
import { authorize, can } from "../../policy";
import { type AuditOrigin, originOf, recordAudit } from "../audit/audit.commands";
import { bumpHealthState } from "./cadence.queries";
import {
  askedHistory,
  countInvited,
  findSurvey,
  insertParticipation,
  insertSurvey,
  listDuePulses,
  lockSurvey,
  type PulseRows,
  pageSurveys,
  participatedIn,
  participationCounts,
  type SurveyRow,
  setSurveyItems,
  surveyItemRows,
  updateSurvey,
} from "./health.queries";
import { ensureBank, type ItemRow, listItems, markItemsLive } from "./items.queries";
import { countResponses, insertResponse, shuffleAnswers, writeRelease } from "./responses.queries";
import { computeSignals } from "./signals.service";

const todayOf = (ctx: Ctx) => ctx.now.toISOString().slice(0, 10);

/** The side a person answers for: marketing, or IT (IT and security teams); null for the other teams. */
export function sideOf(actor: Pick<Actor, "teamKind">): HealthSide | null {
  if (actor.teamKind === "marketing") return "marketing";
  if (actor.teamKind === "it" || actor.teamKind === "security") return "it";
  return null;
}

/** Refuses the request with these field errors, if any. */
export function refuse(message: string, errors: FieldError[]) {
  if (errors.length > 0) throw new AppError("validation_failed", message, errors);
}

// ---------- pulses ----------

async function chooseItems(
  tx: Tx,
  ctx: Ctx,
  itemIds: readonly string[] | undefined,
  itemsPerPulse: number,
): Promise<string[]> {
  await ensureBank(tx, ctx.actor.workspaceId, ctx.now);
  const bank = await listItems(tx, ctx.actor.workspaceId);
  const outcome = bank.find((item) => item.criterion === "outcome" && item.status === "active");
  if (!itemIds) {
    const history = await askedHistory(tx, ctx.actor.workspaceId);
    const bankItems = bank.map((item) => ({
      id: item.id,
      criterion: item.criterion,
      position: item.position,
      active: item.status === "active",
    }));
    return pickPulseItems(bankItems, history, itemsPerPulse);
  }
  const byId = new Map(bank.map((item) => [item.id, item]));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  itemIds.forEach((id, index) => {
    const item = byId.get(id);
    const path = `itemIds.${index}`;
    if (!item) errors.push({ path, message: "is not an item of this workspace's bank" });
    else if (item.criterion === "outcome")
      errors.push({ path, message: "is the outcome item, which every pulse asks" });
    else if (item.status !== "active") errors.push({ path, message: "is a retired item" });
    else if (seen.has(id)) errors.push({ path, message: "is listed twice" });
    seen.add(id);
  });
  refuse("The items cannot be used", errors);
  const missing = missingCriteria(itemIds.map((id) => (byId.get(id) as ItemRow).criterion));
  refuse("Each criterion appears every pulse", [
    ...(missing.length > 0
      ? [{ path: "itemIds", message: `must cover every criterion; missing ${missing.join(", ")}` }]
      : []),
  ]);
  return [...itemIds, ...(outcome ? [outcome.id] : [])];
}

function checkClosesOn(ctx: Ctx, closesOn: string | undefined) {
  refuse("The pulse would close before it opens", [
    ...(closesOn !== undefined && closesOn < todayOf(ctx)
      ? [{ path: "closesOn", message: "must be today or later" }]
      : []),
  ]);
}

/** Pulses with their items, participation and the actor's own state (the route presents them). */
async function withDetails(tx: Tx, ctx: Ctx, rows: SurveyRow[]): Promise<PulseRows[]> {
  const ids = rows.map((row) => row.id);
  const items = await surveyItemRows(tx, ids);
  const counts = await participationCounts(tx, ids);
  const mine = await participatedIn(tx, ctx.actor.userId, ids);
  const side = sideOf(ctx.actor);
  const invitedNow = rows.some((row) => row.status === "draft") ? await countInvited(tx, ctx.actor.workspaceId) : null;
  return rows.map((row) => {
    const answered = { marketing: 0, it: 0 };
    for (const count of counts) if (count.surveyId === row.id) answered[count.side] = count.n;
    const invited =
      row.status === "draft" && invitedNow ? invitedNow : { marketing: row.invitedMarketing, it: row.invitedIt };
    const done = mine.has(row.id);
    return {
      ...row,
      pulseItems: items.filter((entry) => entry.surveyId === row.id).map((entry) => entry.item),
      answered,
      invited,
      me: {
        side,
        answered: done,
        canAnswer: row.status === "open" && row.closesOn >= todayOf(ctx) && !done && can(ctx.actor, "health.respond"),
      },
    };
  });
}

/** One pulse with its details. */
async function detailsOf(tx: Tx, ctx: Ctx, row: SurveyRow): Promise<PulseRows> {
  const [survey] = await withDetails(tx, ctx, [row]);
  return assertFound(survey, "Pulse");
}

/** Pulses, newest first. */
export async function listPulses(ctx: Ctx, query: SurveyListQuery) {
  authorize(ctx.actor, "health.read");
  const page = await pageSurveys(ctx.database.db, ctx.actor.workspaceId, query);
  return { items: await withDetails(ctx.database.db, ctx, page.items), nextCursor: page.nextCursor };
}

/** One pulse (404 for another workspace's). */
export async function getPulse(ctx: Ctx, id: string) {
  authorize(ctx.actor, "health.read");
  const row = assertFound(await findSurvey(ctx.database.db, ctx.actor.workspaceId, id), "Pulse");
  return detailsOf(ctx.database.db, ctx, row);
}

/** A draft pulse for both teams (admins); without `itemIds` the rotation picks them. */
export async function createPulse(ctx: Ctx, input: CreateSurveyBody) {
  authorize(ctx.actor, "health.manage");
  checkClosesOn(ctx, input.closesOn);
  return ctx.database.db.transaction(async (tx) => {
    const itemIds = await chooseItems(tx, ctx, input.itemIds, input.itemsPerPulse);
    const row = await insertSurvey(tx, {
      workspaceId: ctx.actor.workspaceId,
      title: input.title,
      k: input.k,
      itemsPerPulse: input.itemIds ? input.itemIds.length : input.itemsPerPulse,
      closesOn: input.closesOn,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await setSurveyItems(tx, row.id, itemIds);
    await recordAudit(tx, originOf(ctx), {
      action: "survey.created",
      entityType: "survey",
      entityId: row.id,
      after: { ...input, itemIds },
    });
    return detailsOf(tx, ctx, row);
  });
}

/** Edits a draft (admins); k and the items are fixed once launched. */
export async function editPulse(ctx: Ctx, id: string, input: UpdateSurveyBody) {
  authorize(ctx.actor, "health.manage");
  const current = assertFound(await findSurvey(ctx.database.db, ctx.actor.workspaceId, id), "Pulse");
  if (current.status !== "draft") {
    throw new AppError("invalid_state", "A launched pulse keeps its k, items and dates; only a draft is edited");
  }
  checkClosesOn(ctx, input.closesOn);
  return ctx.database.db.transaction(async (tx) => {
    const { version, itemIds, ...fields } = input;
    const updated = await updateSurvey(
      tx,
      { workspaceId: ctx.actor.workspaceId, id, version },
      { ...fields, ...(itemIds ? { itemsPerPulse: itemIds.length } : {}), updatedAt: ctx.now },
    );
    if (!updated) throw staleEdit("pulse");
    if (itemIds) await setSurveyItems(tx, id, await chooseItems(tx, ctx, itemIds, itemIds.length));
    await recordAudit(tx, originOf(ctx), {
      action: "survey.updated",
      entityType: "survey",
      entityId: id,
      before: { title: current.title, k: current.k, closesOn: current.closesOn },
      after: input,
    });
    return detailsOf(tx, ctx, assertFound(await findSurvey(tx, ctx.actor.workspaceId, id), "Pulse"));
  });
}

/** Launches a draft: k locked, its items live, both teams invited (admins). */
export async function launchPulse(ctx: Ctx, id: string, version: number) {
  authorize(ctx.actor, "health.manage");
  return ctx.database.db.transaction(async (tx) => {
    const current = assertFound(await lockSurvey(tx, ctx.actor.workspaceId, id), "Pulse");
    if (current.version !== version) throw new AppError("conflict", "Someone changed this pulse meanwhile; reload");
    if (current.status !== "draft") throw new AppError("invalid_state", "Only a draft pulse is launched");
    refuse("The pulse would close before it opens", [
      ...(current.closesOn < todayOf(ctx)
        ? [{ path: "closesOn", message: "must be today or later: edit the draft" }]
        : []),
    ]);
    const invited = await countInvited(tx, ctx.actor.workspaceId);
    const itemIds = (await surveyItemRows(tx, [id])).map((entry) => entry.item.id);
    await markItemsLive(tx, ctx.actor.workspaceId, itemIds);
    await updateSurvey(
      tx,
      { workspaceId: ctx.actor.workspaceId, id, version },
      {
        status: "open",
        launchedOn: todayOf(ctx),
        invitedMarketing: invited.marketing,
        invitedIt: invited.it,
        updatedAt: ctx.now,
      },
    );
    await recordAudit(tx, originOf(ctx), {
      action: "survey.launched",
      entityType: "survey",
      entityId: id,
      after: { invited },
    });
    return detailsOf(tx, ctx, assertFound(await findSurvey(tx, ctx.actor.workspaceId, id), "Pulse"));
  });
}

/**
 * Closes an open pulse (admins): its answers are rewritten in random order under new ids, its aggregates
 * released per side and team, and the behavioural signals of the day kept for the trend.
 */
export async function closePulse(ctx: Ctx, id: string, version: number) {
  authorize(ctx.actor, "health.manage");
  return closeAs(ctx, id, version, originOf(ctx));
}

async function closeAs(ctx: Ctx, id: string, version: number, origin: AuditOrigin) {
  const signals = await computeSignals(ctx, todayOf(ctx));
  return ctx.database.db.transaction(async (tx) => {
    const current = assertFound(await lockSurvey(tx, ctx.actor.workspaceId, id), "Pulse");
    if (current.version !== version) throw new AppError("conflict", "Someone changed this pulse meanwhile; reload");
    if (current.status !== "open") throw new AppError("invalid_state", "Only an open pulse is closed");
    await finishPulse(tx, id);
    await updateSurvey(
      tx,
      { workspaceId: ctx.actor.workspaceId, id, version },
      {
        status: "closed",
        closedOn: todayOf(ctx),
        signals: signals.map(({ criterion, key, value, numerator, denominator }) => ({
          criterion,
          key,
          value,
          numerator,
          denominator,
        })),
        updatedAt: ctx.now,
      },
    );
    await recordAudit(tx, origin, { action: "survey.closed", entityType: "survey", entityId: id });
    return detailsOf(tx, ctx, assertFound(await findSurvey(tx, ctx.actor.workspaceId, id), "Pulse"));
  });
}

/** The job: closes every open pulse whose last answering day has passed (audited as Tandem's). */
export async function closeDuePulses(database: Database, now: Date) {
  const today = now.toISOString().slice(0, 10);
  let closed = 0;
  for (const due of await listDuePulses(database.db, today)) {
    const ctx: Ctx = { database, actor: systemActor(due.workspaceId), ip: null, now };
    try {
      await closeAs(ctx, due.id, due.version, {
        workspaceId: due.workspaceId,
        actorId: null,
        actorLabel: "Tandem (the pulse's closing day passed)",
        ip: null,
        at: now,
      });
      closed++;
    } catch (error) {
      // Closed or changed meanwhile by an admin (another process): the next round looks again.
      if (!(error instanceof AppError)) throw error;
    }
  }
  return { closed };
}

function systemActor(workspaceId: string): Actor {
  return {
    userId: "00000000-0000-0000-0000-000000000000",
    workspaceId,
    name: "Tandem",
    email: "",
    role: "member",
    teamId: "00000000-0000-0000-0000-000000000000",
    teamName: "",
    teamKind: "other",
    workspaceName: "",
    via: "session",
    sessionId: null,
    tokenId: null,
    tokenScope: null,
  };
}

/** The closing writes: shuffled answers, then the released aggregates per side and team. */
export async function finishPulse(tx: Tx, surveyId: string) {
  await shuffleAnswers(tx, surveyId);
  await writeRelease(tx, surveyId, { teams: true });
}

// ---------- responses ----------

/**
 * One person's answers to an open pulse: every item once, 1–5. Participation and answer are written apart (the
 * answer without the person or a time); a second response is a 409. An open pulse's side results are released
 * each time the side's count reaches a multiple of k.
 */
export async function respond(ctx: Ctx, surveyId: string, input: ResponseBody) {
  const found = assertFound(await findSurvey(ctx.database.db, ctx.actor.workspaceId, surveyId), "Pulse");
  authorize(ctx.actor, "health.respond");
  const side = sideOf(ctx.actor);
  if (!side) throw new AppError("forbidden", "Pulses are answered by the marketing and IT teams");
  if (found.status !== "open") throw new AppError("invalid_state", "This pulse is not open for answers");
  return ctx.database.db.transaction(async (tx) => {
    const survey = assertFound(await lockSurvey(tx, ctx.actor.workspaceId, surveyId), "Pulse");
    if (survey.status !== "open") throw new AppError("invalid_state", "This pulse is not open for answers");
    if (survey.closesOn < todayOf(ctx))
      throw new AppError("invalid_state", `This pulse took answers until ${survey.closesOn}`);
    const items = (await surveyItemRows(tx, [surveyId])).map((entry) => entry.item);
    const asked = new Set(items.map((item) => item.id));
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    input.answers.forEach((answer, index) => {
      if (!asked.has(answer.itemId))
        errors.push({ path: `answers.${index}.itemId`, message: "is not an item of this pulse" });
      else if (seen.has(answer.itemId)) errors.push({ path: `answers.${index}.itemId`, message: "is answered twice" });
      seen.add(answer.itemId);
    });
    const missing = items.filter((item) => !seen.has(item.id));
    if (errors.length === 0 && missing.length > 0) {
      errors.push({ path: "answers", message: `must answer every item of the pulse; ${missing.length} missing` });
    }
    refuse("The answers do not fit the pulse", errors);
    const first = await insertParticipation(tx, surveyId, ctx.actor.userId, side);
    if (!first) throw new AppError("conflict", "You have already answered this pulse");
    const comment = input.comment && input.comment.length > 0 ? input.comment : null;
    await insertResponse(tx, { surveyId, side, teamId: ctx.actor.teamId, comment }, input.answers);
    const count = await countResponses(tx, surveyId, side);
    if (isReleaseStep(count, survey.k)) {
      await writeRelease(tx, surveyId, { side, teams: false });
      // Responses are not audited: the cached Alignment Index learns of the release from the Health state (no time
      // kept: it would date the answer that reached the step).
      await bumpHealthState(tx, ctx.actor.workspaceId, null);
    }
    return { ok: true as const, side };
  });
}
