// Health's pulses: the item bank, pulses (draft → open → closed), anonymous responses and a pulse's results.
// Policy first, one transaction, audit in it — except a response, which is never audited: the audit log names
// the person and the time, and an answer must point at neither (who took part is `health_participation`).

import type {
  CreateSurveyBody,
  CreateSurveyItemBody,
  GroupResult,
  HealthSide,
  ResponseBody,
  SurveyListQuery,
  SurveyResults,
  UpdateSurveyBody,
  UpdateSurveyItemBody,
} from "#contracts/health";
import { HealthLimits } from "#contracts/health";
import { isReleaseStep, missingCriteria, pickPulseItems, toPoints, visibility } from "#engines/alignment";
import type { Actor, Ctx } from "../../context";
import type { Database, Tx } from "../../db/client";
import { AppError, assertFound, type FieldError, staleEdit } from "../../errors";
import { withUniqueField } from "../../lib/db-errors";
import { authorize, can } from "../../policy";
import { type AuditOrigin, originOf, recordAudit } from "../audit/audit.commands";
import { bumpHealthState } from "./cadence.queries";
import {
  askedHistory,
  countInvited,
  countResponses,
  ensureBank,
  findItem,
  findSurvey,
  findTeam,
  type ItemRow,
  insertItem,
  insertParticipation,
  insertResponse,
  insertSurvey,
  listDuePulses,
  listItems,
  lockSurvey,
  markItemsLive,
  type PulseRows,
  pageSurveys,
  participatedIn,
  participationCounts,
  type ReleaseRow,
  readComments,
  readReleases,
  releasedTeams,
  type SurveyRow,
  setSurveyItems,
  shuffleAnswers,
  surveyItemRows,
  updateItem,
  updateSurvey,
  writeRelease,
} from "./health.queries";
import { computeSignals } from "./signals.service";

const todayOf = (ctx: Ctx) => ctx.now.toISOString().slice(0, 10);

/** The side a person answers for: marketing, or IT (IT and security teams); null for the other teams. */
export function sideOf(actor: Pick<Actor, "teamKind">): HealthSide | null {
  if (actor.teamKind === "marketing") return "marketing";
  if (actor.teamKind === "it" || actor.teamKind === "security") return "it";
  return null;
}

function refuse(message: string, errors: FieldError[]) {
  if (errors.length > 0) throw new AppError("validation_failed", message, errors);
}

// ---------- the item bank ----------

/** The whole bank (the shipped items added on first use). */
export async function listBank(ctx: Ctx) {
  authorize(ctx.actor, "health.read");
  await ensureBank(ctx.database.db, ctx.actor.workspaceId, ctx.now);
  return { items: await listItems(ctx.database.db, ctx.actor.workspaceId) };
}

/** Adds an item to a criterion's end of the bank (admins). */
export async function createItem(ctx: Ctx, input: CreateSurveyItemBody) {
  authorize(ctx.actor, "health.manage");
  return ctx.database.db.transaction(async (tx) => {
    await ensureBank(tx, ctx.actor.workspaceId, ctx.now);
    const bank = await listItems(tx, ctx.actor.workspaceId);
    const position =
      Math.max(-1, ...bank.filter((item) => item.criterion === input.criterion).map((i) => i.position)) + 1;
    const custom = bank.filter((item) => !item.shipped).length + 1;
    const row = await withUniqueField("text", "An item was added at the same moment; try again", () =>
      insertItem(tx, {
        workspaceId: ctx.actor.workspaceId,
        code: `custom-${custom}`,
        criterion: input.criterion,
        textMarketing: input.text.marketing,
        textIt: input.text.it,
        position,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      }),
    );
    await recordAudit(tx, originOf(ctx), {
      action: "survey_item.created",
      entityType: "survey_item",
      entityId: row.id,
      after: input,
    });
    return row;
  });
}

/** Rewords (only while never asked) or retires an item (admins). */
export async function editItem(ctx: Ctx, id: string, input: UpdateSurveyItemBody) {
  authorize(ctx.actor, "health.manage");
  const current = assertFound(await findItem(ctx.database.db, ctx.actor.workspaceId, id), "Item");
  if (input.text && current.live) {
    throw new AppError(
      "invalid_state",
      "This item has been asked in a pulse: its wording never changes (it would break the trend). Retire it and add a new one.",
    );
  }
  refuse("The outcome item stays", [
    ...(input.status === "retired" && current.criterion === "outcome"
      ? [{ path: "status", message: "the overall outcome item cannot be retired" }]
      : []),
  ]);
  return ctx.database.db.transaction(async (tx) => {
    const changes = {
      ...(input.text ? { textMarketing: input.text.marketing, textIt: input.text.it } : {}),
      ...(input.status ? { status: input.status } : {}),
      updatedAt: ctx.now,
    };
    const updated = await updateItem(tx, { workspaceId: ctx.actor.workspaceId, id, version: input.version }, changes);
    if (!updated) throw staleEdit("item");
    await recordAudit(tx, originOf(ctx), {
      action: "survey_item.updated",
      entityType: "survey_item",
      entityId: id,
      before: { text: { marketing: current.textMarketing, it: current.textIt }, status: current.status },
      after: { text: input.text, status: input.status },
    });
    return assertFound(await findItem(tx, ctx.actor.workspaceId, id), "Item");
  });
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

// ---------- results ----------

/** A side's respondents as released (the largest count over its item rows). */
export function releasedRespondents(rows: readonly ReleaseRow[], side: HealthSide): number {
  return rows.filter((row) => row.side === side).reduce((max, row) => Math.max(max, row.respondents), 0);
}

/** A pulse's aggregated results, per side (or one team in place of its side), suppressed below k. */
export async function pulseResults(ctx: Ctx, surveyId: string, teamId?: string): Promise<SurveyResults> {
  authorize(ctx.actor, "health.read");
  const survey = assertFound(await findSurvey(ctx.database.db, ctx.actor.workspaceId, surveyId), "Pulse");
  if (survey.status === "draft") throw new AppError("invalid_state", "This pulse has not been launched");
  const db = ctx.database.db;
  const team = teamId ? await findTeam(db, ctx.actor.workspaceId, teamId) : null;
  refuse("The team cannot be used", [
    ...(teamId && !team?.side ? [{ path: "team", message: "is not a marketing or IT team of this workspace" }] : []),
  ]);
  const sideRows = await readReleases(db, [surveyId], "side");
  const groups: Record<HealthSide, GroupResult> = {
    marketing: group(survey, sideRows, "marketing"),
    it: group(survey, sideRows, "it"),
  };
  const rowsOf: Record<HealthSide, ReleaseRow[]> = {
    marketing: groups.marketing.suppressed ? [] : sideRows.filter((row) => row.side === "marketing"),
    it: groups.it.suppressed ? [] : sideRows.filter((row) => row.side === "it"),
  };
  if (team?.side) {
    const shown = await teamSlice(db, survey, team.id, team.side, sideRows);
    groups[team.side] = shown.group;
    rowsOf[team.side] = shown.rows;
  }
  const items = (await surveyItemRows(db, [surveyId])).map((entry) => entry.item);
  const value = (side: HealthSide, itemId: string) => {
    const row = rowsOf[side].find((entry) => entry.itemId === itemId);
    return row && row.answers > 0 ? row : null;
  };
  const round1 = (n: number) => Math.round(n * 10) / 10;
  const comments = { marketing: null as string[] | null, it: null as string[] | null };
  if (survey.status === "closed" && !team) {
    for (const side of ["marketing", "it"] as const) {
      const answered = groups[side].answered ?? 0;
      if (!groups[side].suppressed && answered >= Math.max(survey.k, HealthLimits.commentsK)) {
        comments[side] = await readComments(db, surveyId, side);
      }
    }
  }
  return {
    surveyId,
    status: survey.status,
    k: survey.k,
    groups,
    items: items.map((item) => {
      const m = value("marketing", item.id);
      const i = value("it", item.id);
      return {
        itemId: item.id,
        code: item.code,
        criterion: item.criterion,
        text: { marketing: item.textMarketing, it: item.textIt },
        marketing: m ? round1(toPoints(m.total / m.answers)) : null,
        it: i ? round1(toPoints(i.total / i.answers)) : null,
        agree: {
          marketing: m ? round1((m.agree / m.answers) * 100) : null,
          it: i ? round1((i.agree / i.answers) * 100) : null,
        },
      };
    }),
    comments,
  };
}

function group(survey: SurveyRow, rows: readonly ReleaseRow[], side: HealthSide): GroupResult {
  const answered = releasedRespondents(rows, side);
  return answered >= survey.k ? { answered, suppressed: null } : { answered: null, suppressed: "below_k" };
}

/**
 * One team's slice of a closed pulse, or nothing when it is below k or its complement within the side would be
 * (an open pulse releases no team slices).
 */
export async function teamSlice(
  db: Tx,
  survey: SurveyRow,
  teamId: string,
  side: HealthSide,
  sideRows: readonly ReleaseRow[],
): Promise<{ group: GroupResult; rows: ReleaseRow[] }> {
  const hidden = (suppressed: GroupResult["suppressed"]) => ({ group: { answered: null, suppressed }, rows: [] });
  if (survey.status !== "closed") return hidden("below_k");
  const teamsOf = (await releasedTeams(db, [survey.id])).filter((row) => row.side === side);
  const sizes = new Map<string, number>();
  for (const row of teamsOf) sizes.set(row.teamId, Math.max(sizes.get(row.teamId) ?? 0, row.respondents));
  const sideTotal = releasedRespondents(sideRows, side);
  const named = [...sizes].map(([id, respondents]) => ({ teamId: id, respondents }));
  const withoutTeam = sideTotal - named.reduce((sum, entry) => sum + entry.respondents, 0);
  const other = { respondents: 0, teams: [] };
  const seen = visibility(survey.k, {
    marketing:
      side === "marketing"
        ? { respondents: sideTotal, teams: [...named, { teamId: null, respondents: withoutTeam }] }
        : other,
    it:
      side === "it" ? { respondents: sideTotal, teams: [...named, { teamId: null, respondents: withoutTeam }] } : other,
  });
  const state = seen.teams.get(teamId);
  if (state === undefined) return hidden("below_k");
  if (state !== null) return hidden(state);
  return {
    group: { answered: sizes.get(teamId) ?? 0, suppressed: null },
    rows: await readReleases(db, [survey.id], "team", teamId),
  };
}
