// Rules of engagement and the backlog's formula: the workspace's RACI templates per request type (the
// built-in defaults until an admin edits one) and its scoring preset; a request's own who-does-what and its watchers.
import type { RaciTemplateActivity, RequestType, Scoring, UpdateRaciBody } from "#contracts/pipeline";
import { RequestType as RequestTypes } from "#contracts/pipeline";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { findReferenceErrors } from "../../db/references";
import { AppError, staleEdit } from "../../errors";
import { canonicalJson } from "../../lib/canonical-json";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import {
  addWatchers,
  findRaciTemplate,
  findSettings,
  listRaci,
  listRaciTemplates,
  removeWatcher,
  replaceRaci,
  saveRaciTemplate,
  saveSettings,
} from "./engagement.queries";
import { insertEvent, listOpenRequests, setDerived, updateRequest } from "./pipeline.queries";
import {
  DEFAULT_SCORING,
  DEFAULT_SLA_GOAL,
  defaultRaciTemplate,
  describeFormula,
  rankFromScore,
  scoreInputsOf,
  scoreRequest,
} from "./pipeline.rules";
import { loadRequest, relationOf, settle, viewRequest } from "./request-view.service";

/** The template a new request of this type gets: the workspace's own, or the built-in default. */
export async function raciTemplateFor(tx: Tx, workspaceId: string, type: RequestType): Promise<RaciTemplateActivity[]> {
  const stored = await findRaciTemplate(tx, workspaceId, type);
  return stored ? (stored.activities as RaciTemplateActivity[]) : defaultRaciTemplate(type);
}

export async function listTemplates(ctx: Ctx) {
  authorize(ctx.actor, "raciTemplate.read");
  const stored = await listRaciTemplates(ctx.database.db, ctx.actor.workspaceId);
  return {
    items: RequestTypes.options.map((type) => {
      const own = stored.find((row) => row.requestType === type);
      return own
        ? {
            requestType: type,
            activities: own.activities as RaciTemplateActivity[],
            version: own.version,
            isDefault: false,
          }
        : { requestType: type, activities: defaultRaciTemplate(type), version: 0, isDefault: true };
    }),
  };
}

/** Replaces a request type's template; every activity needs exactly one Accountable. */
export async function editTemplate(
  ctx: Ctx,
  type: RequestType,
  input: { activities: RaciTemplateActivity[]; version: number },
) {
  authorize(ctx.actor, "raciTemplate.update");
  const errors: { path: string; message: string }[] = [];
  const names = new Set<string>();
  input.activities.forEach((activity, index) => {
    const accountable = activity.assignments.filter((a) => a.role === "A").length;
    if (accountable !== 1) {
      errors.push({
        path: `activities.${index}.assignments`,
        message: `needs exactly one Accountable, has ${accountable}`,
      });
    }
    const key = activity.name.toLowerCase();
    if (names.has(key)) errors.push({ path: `activities.${index}.name`, message: "is used by another activity" });
    names.add(key);
  });
  if (errors.length > 0)
    throw new AppError("validation_failed", errors.map((e) => `${e.path} ${e.message}`).join("; "), errors);
  return ctx.database.db.transaction(async (tx) => {
    const before = await raciTemplateFor(tx, ctx.actor.workspaceId, type);
    const saved = await saveRaciTemplate(tx, ctx.actor.workspaceId, type, input.version, input.activities, ctx.now);
    if (!saved) throw staleEdit("template");
    await recordAudit(tx, originOf(ctx), {
      action: "raci_template.updated",
      entityType: "raci_template",
      entityId: type,
      before: { activities: before },
      after: { activities: input.activities },
    });
    const stored = await findRaciTemplate(tx, ctx.actor.workspaceId, type);
    return {
      requestType: type,
      activities: input.activities,
      version: stored?.version ?? 1,
      isDefault: false,
    };
  });
}

export async function getSettings(ctx: Ctx) {
  authorize(ctx.actor, "pipelineSettings.read");
  const stored = await findSettings(ctx.database.db, ctx.actor.workspaceId);
  const scoring = stored ? (stored.scoring as Scoring) : DEFAULT_SCORING;
  return {
    scoring,
    formula: describeFormula(scoring),
    slaGoal: stored?.slaGoal ?? DEFAULT_SLA_GOAL,
    version: stored?.version ?? 0,
  };
}

/**
 * Changes the backlog's formula (every open request is re-scored at once when it changed) and the service-level
 * goal (kept when left out).
 */
export async function editSettings(ctx: Ctx, input: { scoring: Scoring; slaGoal?: number; version: number }) {
  authorize(ctx.actor, "pipelineSettings.update");
  return ctx.database.db.transaction(async (tx) => {
    const before = await findSettings(tx, ctx.actor.workspaceId);
    const previous = { scoring: before?.scoring ?? DEFAULT_SCORING, slaGoal: before?.slaGoal ?? DEFAULT_SLA_GOAL };
    const next = { scoring: input.scoring, slaGoal: input.slaGoal ?? previous.slaGoal };
    const saved = await saveSettings(tx, ctx.actor.workspaceId, input.version, next, ctx.now);
    if (!saved) throw staleEdit("scoring", "the");
    if (canonicalJson(previous.scoring) !== canonicalJson(next.scoring)) {
      await rescoreAll(tx, ctx.actor.workspaceId, input.scoring);
    }
    await recordAudit(tx, originOf(ctx), {
      action: "pipeline.scoring_updated",
      entityType: "pipeline_settings",
      entityId: ctx.actor.workspaceId,
      before: previous,
      after: next,
    });
    return { ...next, formula: describeFormula(input.scoring), version: (before?.version ?? 0) + 1 };
  });
}

/** Re-scores (and, where nobody ranked by hand, re-ranks) every request after the formula changed. */
async function rescoreAll(tx: Tx, workspaceId: string, scoring: Scoring) {
  const open = await listOpenRequests(tx, workspaceId);
  for (const { request } of open) {
    const { score } = scoreRequest(scoring, scoreInputsOf(request));
    await setDerived(tx, request.id, { score, ...(request.rankedManually ? {} : { rank: rankFromScore(score) }) });
  }
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
    if (!updated) throw staleEdit("request");
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
