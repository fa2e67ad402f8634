import type { AddSnapshotBody, ImportSnapshotBody, MetricAggregates, SnapshotSource } from "#contracts/experiments";
import type { Ctx } from "../../context";
import { AppError } from "../../errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { analyzeSnapshot, buildHeadline, countUnits } from "./experiments.analysis";
import { checkSnapshot, type ExperimentDesign } from "./experiments.design";
import { parseResultsCsv } from "./experiments.import";
import {
  type ExperimentRow,
  findLatestSnapshot,
  insertSnapshot,
  listSnapshots,
  lockExperiment,
  recordSnapshotOn,
} from "./experiments.queries";
import { getExperiment } from "./experiments.service";

function designOf(row: ExperimentRow): ExperimentDesign {
  const { status, variants, primaryMetric, otherMetrics } = row.experiment;
  return { status, variants, primaryMetric, otherMetrics };
}

function refuseNumbers(problems: { path: string; message: string }[]): AppError {
  return new AppError(
    "validation_failed",
    problems.map((problem) => `${problem.path} ${problem.message}`).join("; "),
    problems,
  );
}

/** The latest snapshot (or none) and the engine's analysis of it. */
export interface AnalysedSnapshot {
  latest: NonNullable<Awaited<ReturnType<typeof findLatestSnapshot>>> | null;
  results: ReturnType<typeof analyzeSnapshot>;
}

/** The latest snapshot analysed by the engine: effects, intervals, p-values or chances to win, SRM, warnings. */
export async function getExperimentResults(ctx: Ctx, id: string): Promise<AnalysedSnapshot> {
  const row = await getExperiment(ctx, id);
  const latest = await findLatestSnapshot(ctx.database.db, ctx.actor.workspaceId, id);
  const results = analyzeSnapshot(designOf(row), latest?.snapshot.metrics ?? null, row.experiment.snapshotCount);
  return { latest: latest ?? null, results };
}

/** Every snapshot entered, newest first: who entered what, when. */
export async function listExperimentSnapshots(ctx: Ctx, id: string) {
  await getExperiment(ctx, id);
  return listSnapshots(ctx.database.db, ctx.actor.workspaceId, id);
}

/** Adds a result snapshot to a running or stopped experiment; it is checked, stored, analysed and audited. */
export async function addSnapshot(
  ctx: Ctx,
  id: string,
  input: { source: SnapshotSource; note: string; metrics: MetricAggregates[] },
): Promise<AnalysedSnapshot> {
  const row = await getExperiment(ctx, id);
  authorize(ctx.actor, "experiment.results", { workspaceId: row.experiment.workspaceId });
  const design = designOf(row);
  const problems = checkSnapshot(design, input.metrics);
  if (problems.length > 0) throw refuseNumbers(problems);
  await ctx.database.db.transaction(async (tx) => {
    const locked = await lockExperiment(tx, ctx.actor.workspaceId, id);
    if (!locked) throw new AppError("not_found", "Experiment not found");
    if (locked.status !== "running" && locked.status !== "stopped") {
      throw new AppError(
        "invalid_state",
        locked.status === "draft"
          ? "Start the experiment before entering results"
          : "This experiment is decided: its results are final",
        [{ path: "metrics", message: `cannot be added while the experiment is ${locked.status}` }],
      );
    }
    const seq = locked.snapshotCount + 1;
    const analysis = analyzeSnapshot({ ...design, status: locked.status }, input.metrics, seq);
    const totalUnits = countUnits(design, input.metrics);
    const snapshot = await insertSnapshot(tx, {
      workspaceId: ctx.actor.workspaceId,
      experimentId: id,
      seq,
      source: input.source,
      note: input.note,
      enteredById: ctx.actor.userId,
      metrics: input.metrics,
      totalUnits,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordSnapshotOn(tx, ctx.actor.workspaceId, id, {
      headline: buildHeadline(analysis, ctx.now),
      updatedAt: ctx.now,
    });
    await recordAudit(tx, originOf(ctx), {
      action: "experiment.results_added",
      entityType: "experiment",
      entityId: id,
      after: { snapshotId: snapshot.id, seq, source: input.source, totalUnits, metrics: input.metrics },
    });
  });
  return getExperimentResults(ctx, id);
}

/** Adds a snapshot given as the engine's JSON aggregates (the API and the results form). */
export function addSnapshotFromBody(ctx: Ctx, id: string, body: AddSnapshotBody) {
  return addSnapshot(ctx, id, {
    source: body.source ?? "api",
    note: body.note ?? "",
    metrics: body.metrics,
  });
}

/** Imports a snapshot from CSV (aggregates, or raw per-unit rows aggregated here); a dry run only previews. */
export async function importSnapshot(ctx: Ctx, id: string, body: ImportSnapshotBody) {
  const row = await getExperiment(ctx, id);
  authorize(ctx.actor, "experiment.results", { workspaceId: row.experiment.workspaceId });
  const design = designOf(row);
  const parsed = parseResultsCsv(body.csv, design);
  if (!parsed.ok) throw refuseNumbers(parsed.problems);
  const problems = checkSnapshot(design, parsed.metrics).map((problem) => ({
    path: `csv.${problem.path}`,
    message: `${describePath(problem.path, parsed.metrics)}${problem.message}`,
  }));
  if (problems.length > 0) throw refuseNumbers(problems);
  if (body.dryRun) {
    const preview = analyzeSnapshot(design, parsed.metrics, row.experiment.snapshotCount + 1);
    return {
      dryRun: true as const,
      format: parsed.format,
      rows: parsed.rows,
      metrics: parsed.metrics,
      results: { latest: null, results: preview } satisfies AnalysedSnapshot,
    };
  }
  const results = await addSnapshot(ctx, id, { source: "csv", note: body.note ?? "", metrics: parsed.metrics });
  return { dryRun: false as const, format: parsed.format, rows: parsed.rows, metrics: parsed.metrics, results };
}

// "metrics.0.variants.1.sum" → 'sign-up rate, variant "B": ' so a CSV's author knows which line to fix.
function describePath(path: string, metrics: MetricAggregates[]): string {
  const match = /^metrics\.(\d+)(?:\.variants\.(\d+))?/.exec(path);
  if (!match) return "";
  const metric = metrics[Number(match[1])];
  const variant = match[2] !== undefined ? metric?.variants[Number(match[2])] : undefined;
  return `${metric?.metric ?? ""}${variant ? `, variant "${variant.variant}"` : ""}: `;
}
