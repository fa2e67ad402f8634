import type { AttributionRun, AttributionRunSummary, SpendLine } from "#contracts/value";
import type { spendLines, valueImports } from "../../db/schema";
import { toMoney } from "../../lib/money";
import { readInputs, readModelResult } from "./attribution.stored";
import type { RunRow } from "./value.queries";

type SpendRecord = typeof spendLines.$inferSelect;

/** A spend line as the API shows it. */
export function presentSpendLine(row: SpendRecord): SpendLine {
  return {
    id: row.id,
    date: row.spentOn,
    channel: row.channel,
    campaign: row.campaign,
    initiative: row.initiative,
    kind: row.kind,
    amount: { amount: toMoney(row.amount), currency: row.currency },
    importId: row.importId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A past import. */
export function presentImport(row: {
  import: typeof valueImports.$inferSelect;
  creator: { id: string; name: string } | null;
}) {
  return {
    id: row.import.id,
    kind: row.import.kind,
    fileName: row.import.fileName,
    lines: row.import.lines,
    imported: row.import.imported,
    skipped: row.import.skipped,
    createdBy: row.creator,
    createdAt: row.import.createdAt.toISOString(),
  };
}

/** A run without its results, for lists. */
export function presentRunSummary(row: RunRow): AttributionRunSummary {
  const { run } = row;
  return {
    id: run.id,
    name: run.name,
    status: run.status,
    progress: run.progress,
    progressNote: run.progressNote,
    source: run.source,
    models: run.models,
    order: run.markovOrder,
    lookbackDays: run.lookbackDays,
    halfLifeDays: run.halfLifeDays,
    periodStart: run.periodStart,
    periodEnd: run.periodEnd,
    currency: run.currency,
    inputs: readInputs(run.inputs),
    error: run.error,
    createdBy: row.creator,
    createdAt: run.createdAt.toISOString(),
  };
}

/** A run with every model's results. */
export function presentRun(row: RunRow): AttributionRun {
  return { ...presentRunSummary(row), results: row.run.results.map(readModelResult) };
}
