import type { CreateRunBody, ModelResult, RunModel, WhichHalf } from "../../../../contracts/value";
import {
  type AttributionResult,
  computeAttribution,
  createJourneyAggregator,
  createPathAggregator,
  type PathModelName,
  type PathTable,
} from "../../../../engines/attribution";
import type { Ctx } from "../../context";
import type { Database, Tx } from "../../db/client";
import { keyset } from "../../db/keyset";
import { attributionRuns } from "../../db/schema";
import { AppError, assertFound } from "../../errors";
import { takePage } from "../../lib/cursor";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.service";
import { presentRun, presentRunSummary } from "./value.presenter";
import {
  claimRun,
  findRequestsForInitiatives,
  findRun,
  insertRun,
  listOutcomesBetween,
  listPathsWithin,
  listRuns,
  listTouchpointsBetween,
  requeueStalledRuns,
  sumSpend,
  sumSpendByCurrency,
  updateRunState,
} from "./value.queries";
import { attributeToInitiatives, computeWhichHalf, defaultModel, describeWhichHalf } from "./value.rules";

const DAY = 86_400_000;

interface Computed {
  inputs: {
    journeys: number;
    touchpoints: number;
    conversions: number;
    paths: number;
    channels: string[];
    unmatched: { conversions: number; value: number };
    millis: number;
  };
  results: ModelResult[];
}

function toModelResult(result: AttributionResult): ModelResult {
  return {
    model: result.model,
    order: result.order,
    totals: result.totals,
    channels: result.channels.map((c) => ({ ...c })),
  };
}

/** Where a run is: a share of the work done (0 to 1) and what it is doing. */
export type RunProgress = (share: number, note: string) => Promise<void> | void;

/** Reads a run's data from the database and hands it to the attribution engine. */
export async function computeRun(
  db: Tx,
  workspaceId: string,
  input: CreateRunBody,
  progress: RunProgress = () => {},
): Promise<Computed> {
  const started = performance.now();
  await progress(0.05, input.source === "touchpoints" ? "Reading conversions and touchpoints" : "Reading paths");
  const from = new Date(`${input.periodStart}T00:00:00Z`);
  const to = new Date(new Date(`${input.periodEnd}T00:00:00Z`).getTime() + DAY);
  let table: PathTable;
  let timeDecay: AttributionResult | null = null;
  let counts = { journeys: 0, touchpoints: 0, conversions: 0 };
  let unmatched = { conversions: 0, value: 0 };
  if (input.source === "touchpoints") {
    const journeys = createJourneyAggregator({ lookbackDays: input.lookbackDays, halfLifeDays: input.halfLifeDays });
    const conversions = await listOutcomesBetween(db, workspaceId, from, to);
    for (const c of conversions) journeys.addConversion(c.journeyId, c.occurredAt.getTime(), c.value);
    // Touches before the period may still lead to a conversion inside it, within the lookback window.
    // Read a day at a time: the engine keeps touchpoints compactly, rows as objects would not fit
    // memory at millions of touchpoints.
    const start = from.getTime() - input.lookbackDays * DAY;
    const span = to.getTime() - start;
    let read = 0;
    let reported = 0;
    for (let day = start; day < to.getTime(); day += DAY) {
      const touches = await listTouchpointsBetween(
        db,
        workspaceId,
        new Date(day),
        new Date(Math.min(day + DAY, to.getTime())),
      );
      for (const t of touches) journeys.addTouchpoint(t.journeyId, t.time, t.channel);
      read += touches.length;
      const share = (day + DAY - start) / span;
      if (share - reported >= 0.1) {
        reported = share;
        await progress(0.05 + 0.4 * Math.min(1, share), `Read ${read.toLocaleString("en")} touchpoints`);
      }
    }
    await progress(0.45, `Building journeys from ${read.toLocaleString("en")} touchpoints`);
    const aggregation = journeys.finish();
    table = aggregation.paths;
    timeDecay = aggregation.timeDecay;
    unmatched = aggregation.unmatched;
    counts = {
      journeys: aggregation.journeyCount,
      touchpoints: aggregation.touchpointCount,
      conversions: aggregation.conversionCount,
    };
  } else {
    const aggregator = createPathAggregator();
    const rows = await listPathsWithin(db, workspaceId, input.periodStart, input.periodEnd);
    for (const row of rows) aggregator.addNamedPath(row.channels, row.conversions, row.value, row.nulls);
    table = aggregator.finish();
    let conversions = 0;
    for (let i = 0; i < table.pathCount; i++) conversions += table.conversions[i];
    counts = { journeys: 0, touchpoints: 0, conversions };
  }
  let converted = 0;
  for (let i = 0; i < table.pathCount; i++) converted += table.conversions[i];
  if (converted === 0) {
    throw new AppError(
      "validation_failed",
      `No attributable conversions between ${input.periodStart} and ${input.periodEnd}`,
      [{ path: "periodStart", message: `has no ${input.source} with conversions in the period` }],
    );
  }
  const results: ModelResult[] = [];
  for (const [index, model] of input.models.entries()) {
    await progress(
      0.5 + (0.5 * index) / input.models.length,
      `Computing ${model} (${index + 1} of ${input.models.length})`,
    );
    results.push(
      toModelResult(
        model === "time-decay"
          ? (timeDecay as AttributionResult)
          : computeAttribution(table, model as PathModelName, { order: input.order }),
      ),
    );
  }
  return {
    inputs: {
      ...counts,
      paths: table.pathCount,
      channels: [...table.channels].sort(),
      unmatched,
      millis: Math.round(performance.now() - started),
    },
    results,
  };
}

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

/**
 * Queues a run as a background job: stored at once as queued, then computed by `executeRun` (started here, in
 * this process; the attribution-runs job takes over runs whose process stopped), with its progress on the row.
 */
async function queueRun(ctx: Ctx, input: CreateRunBody) {
  const id = await ctx.database.db.transaction(async (tx) => {
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
    return id;
  });
  const database = ctx.database;
  setImmediate(() => void executeRun(database, id).catch(() => {}));
  return presentRun(assertFound(await findRun(ctx.database.db, ctx.actor.workspaceId, id), "Run"));
}

/**
 * Computes a queued run, if this process is the one that claims it, writing its progress as it goes and its
 * results (or the reason it failed) at the end. Returns whether this call ran it.
 */
export async function executeRun(database: Database, id: string): Promise<boolean> {
  const claimed = await claimRun(database.db, id, new Date());
  if (!claimed) return false;
  const input = {
    name: claimed.name,
    source: claimed.source,
    models: claimed.models as CreateRunBody["models"],
    order: claimed.markovOrder,
    lookbackDays: claimed.lookbackDays,
    halfLifeDays: claimed.halfLifeDays,
    periodStart: claimed.periodStart,
    periodEnd: claimed.periodEnd,
    currency: claimed.currency,
    background: true,
  } as CreateRunBody;
  const report: RunProgress = (share, note) =>
    updateRunState(database.db, id, { progress: share, progressNote: note, updatedAt: new Date() });
  try {
    const computed = await computeRun(database.db, claimed.workspaceId, input, report);
    await updateRunState(database.db, id, {
      status: "done",
      progress: 1,
      progressNote: "",
      inputs: computed.inputs,
      results: computed.results,
      updatedAt: new Date(),
    });
  } catch (error) {
    const message = error instanceof AppError ? error.message : "The run failed on our side; try again";
    await updateRunState(database.db, id, {
      status: "failed",
      progressNote: "",
      error: message,
      updatedAt: new Date(),
    });
  }
  return true;
}

/** Runs left queued (their process stopped before starting them) or stalled while running: queued again and run. */
export async function resumeStalledRuns(database: Database, now: Date) {
  const ids = await requeueStalledRuns(
    database.db,
    new Date(now.getTime() - 10 * 60_000),
    new Date(now.getTime() - 30_000),
  );
  let ran = 0;
  for (const id of ids) if (await executeRun(database, id)) ran++;
  return ran;
}

/** Runs attribution over the stored journeys of a period with the chosen models, and keeps the results. */
export async function createRun(ctx: Ctx, input: CreateRunBody) {
  authorize(ctx.actor, "attribution.run");
  if (input.background) return queueRun(ctx, input);
  const computed = await computeRun(ctx.database.db, ctx.actor.workspaceId, input);
  return ctx.database.db.transaction(async (tx) => {
    const { id } = await insertRun(tx, {
      ...runColumns(ctx, input),
      status: "done",
      inputs: computed.inputs,
      results: computed.results,
    });
    await recordAudit(tx, originOf(ctx), {
      action: "attribution.run",
      entityType: "attribution_run",
      entityId: id,
      after: { ...input, inputs: computed.inputs },
    });
    return presentRun(assertFound(await findRun(tx, ctx.actor.workspaceId, id), "Run"));
  });
}

/** Attribution runs, newest first. */
export async function listWorkspaceRuns(
  ctx: Ctx,
  query: { limit: number; cursor?: string; sort: "createdAt" | "-createdAt" },
) {
  authorize(ctx.actor, "attribution.read");
  const page = keyset({ createdAt: attributionRuns.createdAt }, attributionRuns.id, query.sort, query.cursor);
  const rows = await listRuns(ctx.database.db, ctx.actor.workspaceId, query.limit, page);
  const result = takePage(rows, query.limit, (row) => page.cursorAfter(row.run.createdAt, row.run.id));
  return { items: result.items.map(presentRunSummary), nextCursor: result.nextCursor };
}

/** One run with its results. */
export async function getRun(ctx: Ctx, id: string) {
  authorize(ctx.actor, "attribution.read");
  return presentRun(assertFound(await findRun(ctx.database.db, ctx.actor.workspaceId, id), "Run"));
}

/** Which half of the spend works, by the run's results and the actual spend of its period. */
export async function getWhichHalf(ctx: Ctx, id: string, query: { model?: RunModel }): Promise<WhichHalf> {
  authorize(ctx.actor, "attribution.read");
  authorize(ctx.actor, "spend.read");
  const run = presentRun(assertFound(await findRun(ctx.database.db, ctx.actor.workspaceId, id), "Run"));
  const model = query.model ?? defaultModel(run.models);
  if (!run.models.includes(model)) {
    throw new AppError("validation_failed", `This run did not compute ${model}`, [
      { path: "model", message: `is not one of this run's models (${run.models.join(", ")})` },
    ]);
  }
  const db = ctx.database.db;
  const rows = await sumSpend(db, ctx.actor.workspaceId, run.currency, run.periodStart, run.periodEnd);
  const spendByChannel = new Map<string, number>();
  for (const row of rows) {
    if (row.kind === "actual")
      spendByChannel.set(row.channel, (spendByChannel.get(row.channel) ?? 0) + Number(row.amount));
  }
  const other = await sumSpendByCurrency(db, ctx.actor.workspaceId, run.periodStart, run.periodEnd, "actual");
  const view = computeWhichHalf({
    results: run.results,
    model,
    spend: [...spendByChannel].map(([channel, spend]) => ({ channel, spend })),
    trackedChannels: run.inputs?.channels ?? [],
  });
  const chosen = run.results.find((r) => r.model === model);
  const channelValue = new Map((chosen?.channels ?? []).map((c) => [c.channel, c.value] as const));
  const credited = attributeToInitiatives(
    rows.map((row) => ({
      initiative: row.initiative,
      channel: row.channel,
      kind: row.kind,
      amount: Number(row.amount),
    })),
    channelValue,
    run.inputs?.channels ?? [],
  );
  const linked = await findRequestsForInitiatives(
    db,
    ctx.actor.workspaceId,
    credited.map((i) => i.initiative),
  );
  const toNumber = (value: string | null) => (value === null ? null : Number(value));
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
        expectedBenefit: toNumber(request.expectedBenefit),
        costEstimate: toNumber(request.costEstimate),
        realisedBenefit: toNumber(request.realisedBenefit),
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
      .map((row) => ({ currency: row.currency, amount: Number(row.amount) })),
    headline: describeWhichHalf(view, run.currency),
    initiatives,
  };
}
