import type { CreateRunBody, ModelResult } from "#contracts/value";
import {
  type AttributionResult,
  computeAttribution,
  createJourneyAggregator,
  createPathAggregator,
  type PathModelName,
  type PathTable,
} from "#engines/attribution";
import type { Database, Tx } from "../../db/client";
import { AppError } from "../../errors";
import {
  claimRun,
  findNextQueuedRun,
  findReadPosition,
  finishRun,
  listOutcomeChunk,
  listTouchpointChunk,
  type ReadPosition,
  requeueStalledRuns,
  updateRunProgress,
} from "./attribution.queries";
import { listPathsWithin } from "./value.queries";

const DAY = 86_400_000;

/** Rows read per query: enough to make a query's cost small beside its rows, few enough to stop soon when cancelled. */
export const READ_CHUNK_ROWS = 50_000;

/** What a run read and every model's results. */
export interface Computed {
  inputs: {
    journeys: number;
    touchpoints: number;
    conversions: number;
    paths: number;
    channels: string[];
    unmatched: { conversions: number; value: number };
    millis: number;
  };
  results: ComputedModelResult[];
}

/**
 * One model's results as the engine computes them and a run keeps them (credited value in floating point, as the
 * engine splits it); the API answers value as decimal strings rounded to cents.
 */
export type ComputedModelResult = Omit<ModelResult, "totals" | "channels"> & {
  totals: { conversions: number; value: number };
  channels: (Omit<ModelResult["channels"][number], "value"> & { value: number })[];
};

function toModelResult(result: AttributionResult): ComputedModelResult {
  return {
    model: result.model,
    order: result.order,
    totals: result.totals,
    channels: result.channels.map((c) => ({ ...c })),
  };
}

/** Where a run is: a share of the work done (0 to 1) and what it is doing. */
export type RunProgress = (share: number, note: string) => Promise<void> | void;

/** How a run reads: its chunk size, and the signal that stops it between chunks. */
export interface RunOptions {
  chunkRows?: number;
  signal?: AbortSignal;
  /** Called after each chunk of touchpoints is read and its progress written, with the rows read so far. */
  onRead?: (rows: number) => Promise<void> | void;
}

/** The error a run stops with when it is cancelled. */
export class RunCancelled extends Error {
  constructor() {
    super("The run was cancelled");
  }
}

function checkCancelled(signal: AbortSignal | undefined) {
  if (signal?.aborted) throw new RunCancelled();
}

/**
 * Reads rows of a period by keyset over (occurred_at, id), `chunkRows` per query: as many queries as there are
 * chunks of rows that exist, whatever the length of the period, and a chance to stop between two.
 */
async function readChunks<T extends { id: number; time: number }>(
  db: Tx,
  table: "touchpoint" | "outcome",
  read: (after: ReadPosition | null, limit: number) => Promise<T[]>,
  options: RunOptions,
  onChunk: (rows: T[]) => Promise<void> | void,
) {
  const limit = options.chunkRows ?? READ_CHUNK_ROWS;
  let after: ReadPosition | null = null;
  for (;;) {
    checkCancelled(options.signal);
    const rows = await read(after, limit);
    await onChunk(rows);
    if (rows.length < limit) return;
    after = await findReadPosition(db, table, rows[rows.length - 1].id);
  }
}

/** Reads a run's data from the database and hands it to the attribution engine; stops when `signal` aborts. */
export async function computeRun(
  db: Tx,
  workspaceId: string,
  input: CreateRunBody,
  progress: RunProgress = () => {},
  options: RunOptions = {},
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
    await readChunks(
      db,
      "outcome",
      (after, limit) => listOutcomeChunk(db, workspaceId, { from, to }, after, limit),
      options,
      (rows) => {
        for (const c of rows) journeys.addConversion(c.journeyId, c.time, c.value);
      },
    );
    // Touches before the period may still lead to a conversion inside it, within the lookback window.
    const start = from.getTime() - input.lookbackDays * DAY;
    const span = to.getTime() - start;
    let read = 0;
    await readChunks(
      db,
      "touchpoint",
      (after, limit) => listTouchpointChunk(db, workspaceId, { from: new Date(start), to }, after, limit),
      options,
      async (rows) => {
        for (const t of rows) journeys.addTouchpoint(t.journeyId, t.time, t.channel);
        read += rows.length;
        const share = rows.length > 0 ? (rows[rows.length - 1].time - start) / span : 1;
        await progress(0.05 + 0.4 * Math.min(1, share), `Read ${read.toLocaleString("en")} touchpoints`);
        await options.onRead?.(read);
      },
    );
    checkCancelled(options.signal);
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
  const results: ComputedModelResult[] = [];
  for (const [index, model] of input.models.entries()) {
    checkCancelled(options.signal);
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

// Runs computing in this process, by id: cancelling one aborts it at once (another process's run notices at its
// next progress write, which finds the run no longer running).
const running = new Map<string, AbortController>();

/** Stops a run computing in this process, if it is here. */
export function abortLocalRun(id: string) {
  running.get(id)?.abort();
}

/**
 * Computes a run that is already marked running (claimed), writing its progress per chunk. Answers what it
 * computed, or throws RunCancelled when the run was cancelled (by a person, a newer run, or `signal`).
 */
export async function computeClaimedRun(
  database: Database,
  run: { id: string; workspaceId: string; input: CreateRunBody },
  options: RunOptions = {},
): Promise<Computed> {
  const controller = new AbortController();
  const signal = options.signal ? AbortSignal.any([controller.signal, options.signal]) : controller.signal;
  running.set(run.id, controller);
  try {
    const report: RunProgress = async (share, note) => {
      if (!(await updateRunProgress(database.db, run.id, share, note, new Date()))) controller.abort();
      checkCancelled(signal);
    };
    return await computeRun(database.db, run.workspaceId, run.input, report, { ...options, signal });
  } finally {
    running.delete(run.id);
  }
}

/**
 * Computes a queued run, if this process is the one that claims it (and no other run of its workspace is
 * running), writing its progress as it goes and its results (or the reason it failed) at the end; then starts
 * the next queued run of the workspace. Returns whether this call ran it.
 */
export async function executeRun(database: Database, id: string, options: RunOptions = {}): Promise<boolean> {
  const claimed = await claimRun(database.db, id, new Date());
  if (!claimed) return false;
  const input = {
    name: claimed.name,
    source: claimed.source,
    models: claimed.models,
    order: claimed.markovOrder,
    lookbackDays: claimed.lookbackDays,
    halfLifeDays: claimed.halfLifeDays,
    periodStart: claimed.periodStart,
    periodEnd: claimed.periodEnd,
    currency: claimed.currency,
    background: true,
  } as CreateRunBody;
  try {
    const computed = await computeClaimedRun(database, { id, workspaceId: claimed.workspaceId, input }, options);
    await finishRun(database.db, id, {
      status: "done",
      progress: 1,
      progressNote: "",
      inputs: computed.inputs,
      results: computed.results,
      updatedAt: new Date(),
    });
  } catch (error) {
    if (error instanceof RunCancelled) {
      // Already cancelled when a person or a newer run stopped it; this marks a run stopped by `signal`.
      await finishRun(database.db, id, { status: "cancelled", progressNote: "", updatedAt: new Date() });
    } else {
      const message = error instanceof AppError ? error.message : "The run failed on our side; try again";
      await finishRun(database.db, id, { status: "failed", progressNote: "", error: message, updatedAt: new Date() });
    }
  }
  startNextRun(database, claimed.workspaceId);
  return true;
}

/**
 * Runs the workspace's oldest queued run, unless another is running (that one starts the next when it ends);
 * each run starts the one after it. Returns how many this call ran (0 or 1).
 */
export async function runQueue(database: Database, workspaceId: string): Promise<number> {
  let ran = 0;
  const next = await findNextQueuedRun(database.db, workspaceId);
  if (next && (await executeRun(database, next))) ran++;
  return ran;
}

/** Starts the workspace's queue in the background of this process. */
export function startNextRun(database: Database, workspaceId: string) {
  setImmediate(() => void runQueue(database, workspaceId).catch(() => {}));
}

/** Runs left queued (their process stopped before starting them) or stalled while running: queued again and run. */
export async function resumeStalledRuns(database: Database, now: Date) {
  const workspaces = await requeueStalledRuns(
    database.db,
    new Date(now.getTime() - 10 * 60_000),
    new Date(now.getTime() - 30_000),
  );
  let ran = 0;
  for (const workspaceId of workspaces) ran += await runQueue(database, workspaceId);
  return ran;
}
