import {
  type CreateExperimentBody,
  type DecideExperimentBody,
  EXPERIMENT_TRANSITIONS,
  ExperimentFields,
  type ExperimentListQuery,
  type ExperimentStatus,
  type LearningListQuery,
  type TransitionExperimentBody,
  type UpdateExperimentBody,
} from "#contracts/experiments";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { findReferenceErrors, type Reference } from "../../db/references";
import { AppError, assertFound, type FieldError, staleEdit } from "../../errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { columnsOf, fieldsOf } from "./experiments.fields";
import {
  type ExperimentRow,
  findExperiment,
  insertExperiment,
  listFollowUps,
  pageExperiments,
  pageLearnings,
  updateExperiment,
} from "./experiments.queries";

const DESIGN_FIELDS = ["variants", "primaryMetric", "otherMetrics"] as const;

/** Experiments of the workspace: searched, filtered and sorted. */
export async function listWorkspaceExperiments(ctx: Ctx, query: ExperimentListQuery) {
  authorize(ctx.actor, "experiment.read");
  return pageExperiments(ctx.database.db, ctx.actor.workspaceId, query);
}

/** The learning library: decided experiments with their learnings, newest decision first. */
export async function listWorkspaceLearnings(ctx: Ctx, query: LearningListQuery) {
  authorize(ctx.actor, "experiment.read");
  return pageLearnings(ctx.database.db, ctx.actor.workspaceId, query);
}

/** One experiment of the workspace (404 for another workspace's). */
export async function getExperiment(ctx: Ctx, id: string, tx: Tx = ctx.database.db): Promise<ExperimentRow> {
  authorize(ctx.actor, "experiment.read");
  return assertFound(await findExperiment(tx, ctx.actor.workspaceId, id), "Experiment");
}

/** One experiment with its follow-ups. */
export async function getExperimentDetail(ctx: Ctx, id: string) {
  const row = await getExperiment(ctx, id);
  const followUps = await listFollowUps(ctx.database.db, ctx.actor.workspaceId, id);
  return { row, followUps };
}

function invalid(errors: FieldError[]): AppError {
  return new AppError("validation_failed", errors.map((e) => `${e.path} ${e.message}`).join("; "), errors);
}

// People must belong to this workspace and be active; a parent and a request must be records of it; metric names
// distinct.
// On an edit only the changed fields are checked: a since-deactivated owner does not block fixing a typo.
async function checkExperimentRules(
  tx: Tx,
  ctx: Ctx,
  fields: ExperimentFields,
  selfId: string | null,
  changed: readonly string[] | null = null,
) {
  const isChecked = (field: keyof ExperimentFields) => changed === null || changed.includes(field);
  const errors: FieldError[] = [];
  const names = [fields.primaryMetric.name, ...fields.otherMetrics.map((metric) => metric.name)].map((name) =>
    name.toLowerCase(),
  );
  fields.otherMetrics.forEach((metric, index) => {
    if (names.indexOf(metric.name.toLowerCase()) !== index + 1) {
      errors.push({ path: `otherMetrics.${index}.name`, message: "must differ from the other metrics' names" });
    }
  });
  if (fields.parentId !== null && fields.parentId === selfId && isChecked("parentId")) {
    errors.push({ path: "parentId", message: "cannot be the experiment itself" });
  }
  const references: Reference[] = [
    { path: "ownerId", kind: "activePerson", id: fields.ownerId },
    { path: "itPartnerId", kind: "activePerson", id: fields.itPartnerId },
    { path: "parentId", kind: "experiment", id: fields.parentId === selfId ? null : fields.parentId },
    { path: "requestId", kind: "request", id: fields.requestId },
  ];
  const checked = references.filter((ref) => isChecked(ref.path as keyof ExperimentFields));
  errors.push(...(await findReferenceErrors(tx, ctx.actor.workspaceId, checked)));
  if (errors.length > 0) throw invalid(errors);
}

/** Writes down a hypothesis and its design, as a draft owned by its creator unless another owner is named. */
export async function createExperiment(ctx: Ctx, body: CreateExperimentBody) {
  authorize(ctx.actor, "experiment.create");
  const input = ExperimentFields.parse(body);
  const fields: ExperimentFields = { ...input, ownerId: input.ownerId ?? ctx.actor.userId };
  return ctx.database.db.transaction(async (tx) => {
    await checkExperimentRules(tx, ctx, fields, null);
    const { id } = await insertExperiment(tx, {
      ...columnsOf(fields),
      workspaceId: ctx.actor.workspaceId,
      status: "draft",
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, originOf(ctx), {
      action: "experiment.created",
      entityType: "experiment",
      entityId: id,
      after: fields,
    });
    return getExperiment(ctx, id, tx);
  });
}

function stale(): AppError {
  return staleEdit("experiment");
}

/** Edits an experiment: its design only while a draft, only its learnings once decided; stale versions refused. */
export async function editExperiment(ctx: Ctx, id: string, input: UpdateExperimentBody) {
  const current = await getExperiment(ctx, id);
  authorize(ctx.actor, "experiment.update", { workspaceId: current.experiment.workspaceId });
  const { version, learnings, ...changes } = input;
  if (version !== current.experiment.version) throw stale();
  const before = fieldsOf(current.experiment);
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  const after = ExperimentFields.parse({ ...before, ...defined });
  const changed = (Object.keys(defined) as (keyof ExperimentFields)[]).filter(
    (field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
  const status = current.experiment.status;
  const locked = changed.filter((field) =>
    status === "decided" ? true : status !== "draft" && (DESIGN_FIELDS as readonly string[]).includes(field),
  );
  if (locked.length > 0) {
    throw new AppError(
      "invalid_state",
      status === "decided"
        ? "A decided experiment is history: only its learnings can still be edited"
        : "The design (variants and metrics) is fixed once the experiment has started: changing it after seeing data would bias the result",
      locked.map((path) => ({ path, message: `cannot be changed while the experiment is ${status}` })),
    );
  }
  const learningsChanged = learnings !== undefined && learnings !== current.experiment.learnings;
  return ctx.database.db.transaction(async (tx) => {
    await checkExperimentRules(tx, ctx, after, id, changed);
    const updated = await updateExperiment(tx, ctx.actor.workspaceId, id, version, {
      ...columnsOf(after),
      ...(learnings !== undefined ? { learnings } : {}),
      updatedAt: ctx.now,
    });
    if (!updated) throw stale();
    await recordAudit(tx, originOf(ctx), {
      action: "experiment.updated",
      entityType: "experiment",
      entityId: id,
      before: {
        ...pick(before, changed),
        ...(learningsChanged ? { learnings: current.experiment.learnings } : {}),
      },
      after: { ...pick(after, changed), ...(learningsChanged ? { learnings } : {}) },
    });
    return getExperiment(ctx, id, tx);
  });
}

function refuseTransition(from: ExperimentStatus, to: ExperimentStatus): AppError {
  const allowed = EXPERIMENT_TRANSITIONS[from];
  const list = allowed.length > 0 ? allowed.join(", ") : "none";
  const hint = to === "decided" ? " (an experiment is decided through its decision, with a reason)" : "";
  return new AppError("invalid_state", `A ${from} experiment cannot become ${to}${hint}; allowed: ${list}`, [
    { path: "status", message: `must be one of: ${list} (the experiment is ${from})` },
  ]);
}

/** Starts, stops or resumes an experiment; any other change of status is refused with the allowed ones. */
export async function transitionExperiment(ctx: Ctx, id: string, input: TransitionExperimentBody) {
  const current = await getExperiment(ctx, id);
  authorize(ctx.actor, "experiment.transition", { workspaceId: current.experiment.workspaceId });
  if (input.version !== current.experiment.version) throw stale();
  const from = current.experiment.status;
  if (!EXPERIMENT_TRANSITIONS[from].includes(input.status)) throw refuseTransition(from, input.status);
  const dates =
    input.status === "running"
      ? { startedAt: current.experiment.startedAt ?? ctx.now, stoppedAt: null }
      : { stoppedAt: ctx.now };
  return ctx.database.db.transaction(async (tx) => {
    const updated = await updateExperiment(tx, ctx.actor.workspaceId, id, input.version, {
      status: input.status,
      ...dates,
      updatedAt: ctx.now,
    });
    if (!updated) throw stale();
    await recordAudit(tx, originOf(ctx), {
      action:
        from === "stopped"
          ? "experiment.resumed"
          : input.status === "running"
            ? "experiment.started"
            : "experiment.stopped",
      entityType: "experiment",
      entityId: id,
      before: { status: from },
      after: { status: input.status },
    });
    return getExperiment(ctx, id, tx);
  });
}

/** Decides a running or stopped experiment: outcome, reason and learnings; only its owner or an admin. */
export async function decideExperiment(ctx: Ctx, id: string, input: DecideExperimentBody) {
  const current = await getExperiment(ctx, id);
  authorize(ctx.actor, "experiment.decide", {
    workspaceId: current.experiment.workspaceId,
    userId: current.experiment.ownerId ?? undefined,
  });
  if (input.version !== current.experiment.version) throw stale();
  const from = current.experiment.status;
  if (from !== "running" && from !== "stopped") {
    throw new AppError(
      "invalid_state",
      from === "draft" ? "A draft has no results to decide on; start it first" : "This experiment is already decided",
      [{ path: "outcome", message: `cannot be set while the experiment is ${from}` }],
    );
  }
  const learnings = input.learnings?.trim() ?? "";
  return ctx.database.db.transaction(async (tx) => {
    const updated = await updateExperiment(tx, ctx.actor.workspaceId, id, input.version, {
      status: "decided",
      outcome: input.outcome,
      decisionReason: input.reason.trim(),
      decidedById: ctx.actor.userId,
      decidedAt: ctx.now,
      stoppedAt: current.experiment.stoppedAt ?? ctx.now,
      ...(learnings ? { learnings } : {}),
      updatedAt: ctx.now,
    });
    if (!updated) throw stale();
    await recordAudit(tx, originOf(ctx), {
      action: "experiment.decided",
      entityType: "experiment",
      entityId: id,
      before: { status: from },
      after: { status: "decided", outcome: input.outcome, reason: input.reason.trim(), learnings },
    });
    return getExperiment(ctx, id, tx);
  });
}

function pick<T extends object>(value: T, keys: (keyof T)[]): Partial<T> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Partial<T>;
}
