import type {
  AttributionRun,
  AttributionRunSummary,
  ModelResult,
  RunModel,
  SpendLine,
  SpendLineFields,
} from "#contracts/value";
import type { spendLines, valueImports } from "../../db/schema";
import { centsOfNumber, formatCents, toMoney } from "../../lib/money";
import type { RunRow } from "./value.queries";

type SpendRecord = typeof spendLines.$inferSelect;

/** The fields of a stored spend line, as the API takes them. */
export function spendFieldsOf(row: SpendRecord): SpendLineFields {
  return {
    date: row.spentOn,
    channel: row.channel,
    campaign: row.campaign,
    initiative: row.initiative,
    kind: row.kind,
    amount: row.amount,
    currency: row.currency as SpendLineFields["currency"],
  };
}

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
    models: run.models as RunModel[],
    order: run.markovOrder,
    lookbackDays: run.lookbackDays,
    halfLifeDays: run.halfLifeDays,
    periodStart: run.periodStart,
    periodEnd: run.periodEnd,
    currency: run.currency,
    inputs: presentInputs(run.inputs as StoredInputs | null),
    error: run.error,
    createdBy: row.creator,
    createdAt: run.createdAt.toISOString(),
  };
}

// Runs keep the engine's floating-point credit; the API answers money rounded to cents, as a decimal string (a
// string already is kept as it is).
type StoredMoney = number | string;
type StoredInputs = Omit<NonNullable<AttributionRun["inputs"]>, "unmatched"> & {
  unmatched: { conversions: number; value: StoredMoney };
};
type StoredResult = Omit<ModelResult, "totals" | "channels"> & {
  totals: { conversions: number; value: StoredMoney };
  channels: (Omit<ModelResult["channels"][number], "value"> & { value: StoredMoney })[];
};

function moneyOf(value: StoredMoney): string {
  return typeof value === "string" ? toMoney(value) : formatCents(centsOfNumber(value));
}

function presentInputs(inputs: StoredInputs | null): AttributionRun["inputs"] {
  if (!inputs) return null;
  return { ...inputs, unmatched: { ...inputs.unmatched, value: moneyOf(inputs.unmatched.value) } };
}

/** One model's stored results as the API shows them: credited value in cents, as decimal strings. */
export function presentModelResult(result: StoredResult): ModelResult {
  return {
    ...result,
    totals: { conversions: result.totals.conversions, value: moneyOf(result.totals.value) },
    channels: result.channels.map((c) => ({ ...c, value: moneyOf(c.value) })),
  };
}

/** A run with every model's results. */
export function presentRun(row: RunRow): AttributionRun {
  return { ...presentRunSummary(row), results: (row.run.results as StoredResult[]).map(presentModelResult) };
}
