// Measurements: a check-in or an API push (one value per KPI and date; a second replaces the first), the check-in
// timeline, and CSV import — checked whole (a dry run names every bad line), written in one transaction, and
// idempotent by KPI + date: re-importing the same file changes nothing.
import type { CreateMeasurementBody, ImportMeasurementsBody, ImportMeasurementsResult } from "#contracts/scorecard";
import { ScorecardLimits } from "#contracts/scorecard";
import { CalendarDate } from "#contracts/stack";
import type { Ctx } from "../../context";
import { AppError } from "../../errors";
import { CsvLimitError, CsvSyntaxError, parseCsv } from "../../lib/csv";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { findMeasurementsOn, listKpiKeys, pageMeasurements, upsertMeasurements } from "./kpis.queries";
import { getKpiRow } from "./kpis.service";
import { refuse, todayOf } from "./objectives.service";
import { measurementProblems } from "./scorecard.rules";

/** Records one value of a KPI (a check-in from the browser, a push with a read-write API token). */
export async function recordMeasurement(ctx: Ctx, kpiId: string, input: CreateMeasurementBody) {
  const row = await getKpiRow(ctx, kpiId, todayOf(ctx));
  authorize(ctx.actor, "kpi.measure", { workspaceId: row.kpi.workspaceId });
  if (row.kpi.source === "computed") {
    throw new AppError("invalid_state", "Tandem computes this KPI from its own data; it takes no check-ins", [
      { path: "value", message: "cannot be entered for a computed KPI" },
    ]);
  }
  const terms = { unit: row.kpi.unit, periodStart: row.objective.periodStart, periodEnd: row.objective.periodEnd };
  refuse("The measurement does not fit the KPI", measurementProblems(terms, input));
  return ctx.database.db.transaction(async (tx) => {
    const [stored] = await upsertMeasurements(tx, [
      {
        workspaceId: ctx.actor.workspaceId,
        kpiId,
        date: input.date,
        value: input.value,
        comment: input.comment,
        confidence: input.confidence,
        source: ctx.actor.via === "token" ? "api" : "check_in",
        computedFrom: null,
        recordedById: ctx.actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      },
    ]);
    await recordAudit(tx, originOf(ctx), {
      action: "kpi.measured",
      entityType: "kpi",
      entityId: kpiId,
      after: { ...input, source: stored.source },
    });
    return { measurement: stored, recordedBy: { id: ctx.actor.userId, name: ctx.actor.name } };
  });
}

/** The check-in timeline of a KPI, newest first: each measurement with who recorded it. */
export async function listKpiMeasurements(ctx: Ctx, kpiId: string, query: { limit: number; cursor?: string }) {
  authorize(ctx.actor, "kpi.read");
  await getKpiRow(ctx, kpiId, todayOf(ctx));
  return pageMeasurements(ctx.database.db, kpiId, query);
}

const COLUMNS = ["kpi", "date", "value", "comment", "confidence"] as const;
const REQUIRED = ["kpi", "date", "value"] as const;

type ImportLine = {
  line: number;
  kpiId: string;
  date: string;
  value: number;
  comment: string;
  confidence: number | null;
};

/** Checks a CSV of measurements and, unless a dry run or any line is bad, stores it in one transaction. */
export async function importMeasurements(ctx: Ctx, input: ImportMeasurementsBody): Promise<ImportMeasurementsResult> {
  authorize(ctx.actor, "kpi.import");
  const result: ImportMeasurementsResult = {
    dryRun: input.dryRun,
    imported: false,
    lines: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    errors: [],
  };
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(input.csv);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError) && !(error instanceof CsvLimitError)) throw error;
    return { ...result, errors: [{ line: error.line, field: "", message: error.message }] };
  }
  const [header, ...body] = records;
  const names = (header?.fields ?? []).map((name) => name.trim().toLowerCase());
  const missing = REQUIRED.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    return { ...result, errors: missing.map((column) => ({ line: 1, field: column, message: "column is missing" })) };
  }
  if (body.length > ScorecardLimits.importLinesMax) {
    throw new AppError("validation_failed", "The file has too many lines", [
      { path: "csv", message: `has ${body.length} lines; at most ${ScorecardLimits.importLinesMax} at once` },
    ]);
  }
  result.lines = body.length;
  const index = Object.fromEntries(COLUMNS.map((column) => [column, names.indexOf(column)])) as Record<
    (typeof COLUMNS)[number],
    number
  >;
  const keys = await listKpiKeys(ctx.database.db, ctx.actor.workspaceId);
  const byId = new Map(keys.map((key) => [key.id, key]));
  const byName = new Map<string, typeof keys>();
  for (const key of keys) byName.set(key.name.toLowerCase(), [...(byName.get(key.name.toLowerCase()) ?? []), key]);
  const lines: ImportLine[] = [];
  const seen = new Map<string, number>();
  for (const record of body) {
    const cell = (column: (typeof COLUMNS)[number]) =>
      index[column] < 0 ? "" : (record.fields[index[column]] ?? "").trim();
    const problems: Array<{ field: string; message: string }> = [];
    const named = cell("kpi");
    const matches = byId.has(named) ? [byId.get(named)] : (byName.get(named.toLowerCase()) ?? []);
    const kpi = matches.length === 1 ? matches[0] : undefined;
    if (matches.length === 0) problems.push({ field: "kpi", message: `"${named}" is not a KPI of this workspace` });
    if (matches.length > 1)
      problems.push({ field: "kpi", message: `"${named}" names ${matches.length} KPIs; use the id` });
    if (kpi?.source === "computed")
      problems.push({ field: "kpi", message: "is computed by Tandem and takes no imports" });
    const date = cell("date");
    const dateOk = CalendarDate.safeParse(date).success;
    if (!dateOk) problems.push({ field: "date", message: "must be a date like 2026-03-01" });
    const valueText = cell("value");
    const value = valueText === "" ? Number.NaN : Number(valueText);
    const confidenceText = cell("confidence");
    const confidence = confidenceText === "" ? null : Number(confidenceText);
    if (confidence !== null && !(Number.isInteger(confidence) && confidence >= 1 && confidence <= 5)) {
      problems.push({ field: "confidence", message: "must be a whole number from 1 to 5" });
    }
    const comment = cell("comment");
    if (comment.length > ScorecardLimits.commentMax) problems.push({ field: "comment", message: "is too long" });
    if (kpi) {
      for (const problem of measurementProblems(kpi, { date: dateOk ? date : kpi.periodStart, value })) {
        problems.push({ field: problem.path, message: problem.message });
      }
      const key = `${kpi.id}|${date}`;
      if (seen.has(key)) problems.push({ field: "date", message: `repeats line ${seen.get(key)} for this KPI` });
      seen.set(key, record.line);
    }
    for (const problem of problems) {
      if (result.errors.length < ScorecardLimits.importErrorsMax) result.errors.push({ line: record.line, ...problem });
    }
    if (problems.length === 0 && kpi)
      lines.push({ line: record.line, kpiId: kpi.id, date, value, comment, confidence });
  }
  const stored = await findMeasurementsOn(ctx.database.db, ctx.actor.workspaceId, [
    ...new Set(lines.map((l) => l.kpiId)),
  ]);
  const existing = new Map(stored.map((row) => [`${row.kpiId}|${row.date}`, row]));
  const changed = lines.filter((line) => {
    const before = existing.get(`${line.kpiId}|${line.date}`);
    if (!before) {
      result.created += 1;
      return true;
    }
    if (before.value === line.value && before.comment === line.comment && before.confidence === line.confidence) {
      result.unchanged += 1;
      return false;
    }
    result.updated += 1;
    return true;
  });
  if (input.dryRun || result.errors.length > 0) return result;
  await ctx.database.db.transaction(async (tx) => {
    for (let start = 0; start < changed.length; start += 1000) {
      await upsertMeasurements(
        tx,
        changed.slice(start, start + 1000).map((line) => ({
          workspaceId: ctx.actor.workspaceId,
          kpiId: line.kpiId,
          date: line.date,
          value: line.value,
          comment: line.comment,
          confidence: line.confidence,
          source: "csv" as const,
          computedFrom: null,
          recordedById: ctx.actor.userId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })),
      );
    }
    await recordAudit(tx, originOf(ctx), {
      action: "kpi.imported",
      entityType: "kpi_measurement",
      after: { lines: result.lines, created: result.created, updated: result.updated, unchanged: result.unchanged },
    });
  });
  return { ...result, imported: true };
}
