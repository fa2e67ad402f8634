import type { CreateRunBody, RunModel, WhichHalf } from "#contracts/value";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { AppError, assertFound } from "../../errors";
import { toMoney } from "../../lib/money";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { cancelRuns, deleteRun, finishRun, insertRunIfNoneRunning } from "./attribution.queries";
import { abortLocalRun, computeClaimedRun, RunCancelled, startNextRun } from "./attribution.runner";
import { readModelResult } from "./attribution.stored";
import { sumSpend, sumSpendByCurrency } from "./spend.queries";
import { findRequestsForInitiatives, findRun, insertRun, pageRuns } from "./value.queries";
import { attributeToInitiatives, computeWhichHalf, defaultModel, describeWhichHalf } from "./value.rules";

export { computeRun, resumeStalledRuns } from "./attribution.runner";

const runColumns = (ctx: Ctx, input: CreateRunBody) => ({
  workspaceId: ctx.actor.workspaceId,
  name: input.name || `${input.models.join(", ")} · ${input.periodStart} to ${input.periodEnd}`,
  source: input.source,
  models: input.models,
  markovOrder: input.order,
  lookbackDays: input.lookbackDays,
  halfLifeDays: input.halfLifeDays,
  periodStart: input.periodStart,
  periodEnd: input.periodEnd,
  currency: input.currency,
  createdBy: ctx.actor.userId,
  createdAt: ctx.now,
  updatedAt: ctx.now,
});

const cancelledConflict = () =>
  new AppError("conflict", "The run was cancelled before it finished", [{ path: "status", message: "is cancelled" }]);

/** Records the cancellation of runs, and stops those computing in this process. */
async function recordCancelled(tx: Tx, ctx: Ctx, ids: string[], reason: string) {
  for (const id of ids) {
    await recordAudit(tx, originOf(ctx), {
      action: "attribution.cancelled",
      entityType: "attribution_run",
      entityId: id,
      after: { reason },
    });
  }
}

/**
 * Stores a run at once, cancelling the workspace's unfinished runs of the same scope (source and period): queued
 * when asked to run in the background or when another run of the workspace is running, else running in this
 * request.
 */
async function storeRun(ctx: Ctx, input: CreateRunBody) {
  const scope = { source: input.source, periodStart: input.periodStart, periodEnd: input.periodEnd };
  const stored = await ctx.database.db.transaction(async (tx) => {
    const superseded = await cancelRuns(tx, ctx.actor.workspaceId, { scope }, ctx.now);
    await recordCancelled(tx, ctx, superseded, "a newer run of the same period started");
    const running = input.background
      ? null
      : await insertRunIfNoneRunning(tx, { ...runColumns(ctx, input), status: "running", progressNote: "Starting" });
    if (running) return { id: running.id, status: "running" as const, superseded };
    const { id } = await insertRun(tx, {
      ...runColumns(ctx, input),
      status: "queued",
      progress: 0,
      progressNote: "Waiting to start",
    });
    await recordAudit(tx, originOf(ctx), {
      action: "attribution.queued",
      entityType: "attribution_run",
      entityId: id,
      after: input,
    });
    return { id, status: "queued" as const, superseded };
  });
  for (const id of stored.superseded) abortLocalRun(id);
  return stored;
}

/**
 * Runs attribution over the stored journeys of a period with the chosen models, and keeps the results. One run
 * computes per workspace at a time: a run asked for in the background, or while another runs, is queued (202)
 * and computed by the queue; otherwise it is computed in the request (201), and stops if `signal` aborts (the
 * client left) or the run is cancelled.
 */
export async function createRun(ctx: Ctx, input: CreateRunBody, signal?: AbortSignal) {
  authorize(ctx.actor, "attribution.run");
  const database = ctx.database;
  const workspaceId = ctx.actor.workspaceId;
  const stored = await storeRun(ctx, input);
  if (stored.status === "queued") {
    startNextRun(database, workspaceId);
    return assertFound(await findRun(database.db, workspaceId, stored.id), "Run");
  }
  let computed: Awaited<ReturnType<typeof computeClaimedRun>>;
  try {
    computed = await computeClaimedRun(database, { id: stored.id, workspaceId, input }, { signal });
  } catch (error) {
    if (error instanceof RunCancelled) {
      await finishRun(database.db, stored.id, { status: "cancelled", progressNote: "", updatedAt: new Date() });
      startNextRun(database, workspaceId);
      throw cancelledConflict();
    }
    // A run that fails in the request answers the reason and leaves no record, as it never started for anyone.
    await deleteRun(database.db, stored.id);
    startNextRun(database, workspaceId);
    throw error;
  }
  const finished = await database.db.transaction(async (tx) => {
    const still = await finishRun(tx, stored.id, {
      status: "done",
      progress: 1,
      progressNote: "",
      inputs: computed.inputs,
      results: computed.results,
      updatedAt: ctx.now,
    });
    if (!still) return false;
    await recordAudit(tx, originOf(ctx), {
      action: "attribution.run",
      entityType: "attribution_run",
      entityId: stored.id,
      after: { ...input, inputs: computed.inputs },
    });
    return true;
  });
  startNextRun(database, workspaceId);
  if (!finished) throw cancelledConflict();
  return assertFound(await findRun(database.db, workspaceId, stored.id), "Run");
}

/** Cancels a queued or running run: its author or an admin. A running one stops at its next chunk. */
export async function cancelRun(ctx: Ctx, id: string) {
  const db = ctx.database.db;
  const row = assertFound(await findRun(db, ctx.actor.workspaceId, id), "Run");
  authorize(ctx.actor, "attribution.cancel", {
    workspaceId: row.run.workspaceId,
    userId: row.run.createdBy ?? undefined,
  });
  await db.transaction(async (tx) => {
    const cancelled = await cancelRuns(tx, ctx.actor.workspaceId, { ids: [id] }, ctx.now);
    if (cancelled.length === 0) {
      throw new AppError("conflict", `The run is ${row.run.status} already`, [
        { path: "status", message: `is ${row.run.status}, not queued or running` },
      ]);
    }
    await recordCancelled(tx, ctx, cancelled, "cancelled by a person");
  });
  abortLocalRun(id);
  startNextRun(ctx.database, ctx.actor.workspaceId);
  return assertFound(await findRun(db, ctx.actor.workspaceId, id), "Run");
}

/** Attribution runs, newest first. */
export async function listWorkspaceRuns(
  ctx: Ctx,
  query: { limit: number; cursor?: string; sort: "createdAt" | "-createdAt" },
) {
  authorize(ctx.actor, "attribution.read");
  return pageRuns(ctx.database.db, ctx.actor.workspaceId, query);
}

/** One run with its results. */
export async function getRun(ctx: Ctx, id: string) {
  authorize(ctx.actor, "attribution.read");
  return assertFound(await findRun(ctx.database.db, ctx.actor.workspaceId, id), "Run");
}

/** Which half of the spend works, by the run's results and the actual spend of its period. */
export async function getWhichHalf(ctx: Ctx, id: string, query: { model?: RunModel }): Promise<WhichHalf> {
  authorize(ctx.actor, "attribution.read");
  authorize(ctx.actor, "spend.read");
  const { run } = assertFound(await findRun(ctx.database.db, ctx.actor.workspaceId, id), "Run");
  const results = run.results.map(readModelResult);
  const model = query.model ?? defaultModel(run.models);
  if (!run.models.includes(model)) {
    throw new AppError("validation_failed", `This run did not compute ${model}`, [
      { path: "model", message: `is not one of this run's models (${run.models.join(", ")})` },
    ]);
  }
  const db = ctx.database.db;
  const rows = await sumSpend(db, ctx.actor.workspaceId, run.currency, run.periodStart, run.periodEnd);
  const other = await sumSpendByCurrency(db, ctx.actor.workspaceId, run.periodStart, run.periodEnd, "actual");
  const view = computeWhichHalf({
    results,
    model,
    spend: rows.filter((row) => row.kind === "actual").map((row) => ({ channel: row.channel, spend: row.amount })),
    trackedChannels: run.inputs?.channels ?? [],
  });
  const chosen = results.find((r) => r.model === model);
  const channelValue = new Map((chosen?.channels ?? []).map((c) => [c.channel, c.value] as const));
  const credited = attributeToInitiatives(
    rows.map((row) => ({ initiative: row.initiative, channel: row.channel, kind: row.kind, amount: row.amount })),
    channelValue,
    run.inputs?.channels ?? [],
  );
  const linked = await findRequestsForInitiatives(
    db,
    ctx.actor.workspaceId,
    credited.map((i) => i.initiative),
  );
  const toAmount = (value: string | null) => (value === null ? null : toMoney(value));
  const initiatives = credited.map((initiative) => {
    const tag = initiative.initiative.trim().toLowerCase();
    const request =
      linked.find((r) => `#${r.number}` === tag) ?? linked.find((r) => r.title.trim().toLowerCase() === tag) ?? null;
    return {
      ...initiative,
      request: request && {
        id: request.id,
        number: request.number,
        title: request.title,
        currency: request.currency,
        expectedBenefit: toAmount(request.expectedBenefit),
        costEstimate: toAmount(request.costEstimate),
        realisedBenefit: toAmount(request.realisedBenefit),
      },
    };
  });
  return {
    run: { id: run.id, name: run.name, periodStart: run.periodStart, periodEnd: run.periodEnd },
    model,
    currency: run.currency,
    ...view,
    otherCurrencySpend: other
      .filter((row) => row.currency !== run.currency)
      .map((row) => ({ currency: row.currency, amount: row.amount })),
    headline: describeWhichHalf(view, run.currency),
    initiatives,
  };
}
