// Shadow-IT discovery: expense or card statements are imported (checked first, every bad line named), each line
// matched to the catalog by engines/discovery; the merchants nobody put in the catalog become candidates
// (discovery-candidates.service.ts).
import {
  buildMatcher,
  type ExpenseLine,
  type Matcher,
  type MatchResult,
  matchLinesInSteps,
  normaliseMerchant,
  parseExpenseCsv,
} from "#engines/discovery";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { AppError } from "../../errors";
import { CsvLimitError, CsvLimits, splitCsvRecords } from "../../lib/csv";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import {
  insertExpenseImport,
  insertExpenseLines,
  listCatalogForMatching,
  listExpenseImportRows,
} from "./discovery.queries";

export type ImportMode = "dry_run" | "import" | "import_valid";

const MAX_LINES = 200_000;

/**
 * Reads a statement a piece of about 1 MB at a time (the header before each), with a turn for other requests
 * between two: a 16 MB file no longer holds the event loop for seconds. A record over CsvLimits is a 400.
 */
async function parseStatement(csv: string) {
  const text = csv.charCodeAt(0) === 0xfeff ? csv.slice(1) : csv;
  let split: Awaited<ReturnType<typeof splitCsvRecords>>;
  try {
    split = await splitCsvRecords(text, 256 * 1024);
  } catch (error) {
    if (!(error instanceof CsvLimitError)) throw error;
    throw new AppError("validation_failed", `The file is too wide: ${error.message}`, [
      { path: "csv", message: error.message },
    ]);
  }
  const { header, pieces } = split;
  if (pieces.length === 0) return parseExpenseCsv(text);
  const lines: ReturnType<typeof parseExpenseCsv>["lines"] = [];
  const errors: ReturnType<typeof parseExpenseCsv>["errors"] = [];
  for (const piece of pieces) {
    const part = parseExpenseCsv(header + text.slice(piece.from, piece.to));
    // Lines of the piece count from 2 (after the header): back to the file's own numbers.
    const shift = piece.line - 2;
    // A header problem is the same in every piece: said once, and nothing after it can be read.
    const ofHeader = part.errors.filter((error) => error.line === 1);
    if (ofHeader.length > 0) return { lines: [], errors: ofHeader };
    for (const error of part.errors) errors.push({ ...error, line: error.line + shift });
    for (const line of part.lines) lines.push({ ...line, line: line.line + shift });
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { lines, errors };
}

/** Lines matched (or unknown groups summarised) between two turns of the event loop: tens of milliseconds. */
export const MATCH_STEP_LINES = 1000;

/**
 * Matches a statement's lines to the catalog a step at a time, giving other requests a turn between steps;
 * the result is the engine's `matchLines` over all the lines.
 */
export async function matchStatement(matcher: Matcher, lines: ExpenseLine[], linesPerStep = MATCH_STEP_LINES) {
  const steps = matchLinesInSteps(matcher, lines, linesPerStep);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Checks a statement and, as asked, stores it with every line matched to the catalog. */
export async function importExpenses(ctx: Ctx, input: { fileName: string; csv: string; mode: ImportMode }) {
  authorize(ctx.actor, "discovery.import");
  const parsed = await parseStatement(input.csv);
  if (parsed.lines.length > MAX_LINES) {
    throw new AppError("validation_failed", `A statement may hold at most ${MAX_LINES.toLocaleString("en")} lines`, [
      { path: "csv", message: `has ${parsed.lines.length} lines; split it` },
    ]);
  }
  const catalog = await listCatalogForMatching(ctx.database.db, ctx.actor.workspaceId);
  const result = await matchStatement(buildMatcher(catalog), parsed.lines);
  const summary = {
    mode: input.mode,
    imported: false,
    importId: null as string | null,
    lines: parsed.lines.length,
    matchedLines: result.stats.matchedLines,
    candidates: result.unknown.filter((group) => group.software.isLikely).length,
    // The first problems are listed, all are counted: a bad file's report stays small.
    errors: parsed.errors.slice(0, CsvLimits.errorsShown),
    errorCount: parsed.errors.length,
  };
  if (input.mode === "dry_run" || parsed.lines.length === 0) return summary;
  if (input.mode === "import" && parsed.errors.length > 0) return summary;

  const importId = await ctx.database.db.transaction(async (tx) => {
    const id = await storeExpenseImport(
      tx,
      { workspaceId: ctx.actor.workspaceId, userId: ctx.actor.userId, now: ctx.now },
      input.fileName,
      parsed.lines,
      result,
    );
    await recordAudit(tx, originOf(ctx), {
      action: "discovery.imported",
      entityType: "expense_import",
      entityId: id,
      after: {
        fileName: input.fileName,
        lines: parsed.lines.length,
        matched: result.stats.matchedLines,
        skipped: parsed.errors.length,
      },
    });
    return id;
  });
  return { ...summary, imported: true, importId };
}

/** Stores a statement and its matched lines (the caller audits). */
export async function storeExpenseImport(
  tx: Tx,
  origin: { workspaceId: string; userId: string; now: Date },
  fileName: string,
  lines: ExpenseLine[],
  result: MatchResult,
) {
  const matchOf = new Map(result.matches.map((match) => [match.line, match]));
  const softwareKeys = new Set(result.unknown.filter((group) => group.software.isLikely).map((group) => group.key));
  const keyOf = new Map<number, string>();
  for (const group of result.unknown) for (const line of group.lines) keyOf.set(line, group.key);
  const dates = lines.map((line) => line.date).sort();
  const created = await insertExpenseImport(tx, {
    workspaceId: origin.workspaceId,
    fileName,
    importedById: origin.userId,
    lineCount: lines.length,
    matchedCount: result.stats.matchedLines,
    firstDate: dates[0] ?? null,
    lastDate: dates[dates.length - 1] ?? null,
    createdAt: origin.now,
  });
  const rows = lines.map((line) => {
    const match = matchOf.get(line.line);
    const key = match?.key ?? keyOf.get(line.line) ?? normaliseMerchant(line.description).key;
    return {
      workspaceId: origin.workspaceId,
      importId: created.id,
      line: line.line,
      spentOn: line.date,
      description: line.description,
      merchantKey: key,
      amount: line.amount.toFixed(2),
      currency: line.currency,
      department: line.costCentre ?? "",
      employee: line.employee ?? "",
      toolId: match?.toolId ?? null,
      matchScore: match?.score ?? null,
      softwareLike: !match && softwareKeys.has(key),
    };
  });
  await insertExpenseLines(tx, rows);
  return created.id;
}

/** The statements imported so far, newest first. */
export async function listExpenseImports(ctx: Ctx) {
  authorize(ctx.actor, "discovery.read");
  const rows = await listExpenseImportRows(ctx.database.db, ctx.actor.workspaceId);
  return {
    items: rows.map(({ item, by }) => ({
      id: item.id,
      fileName: item.fileName,
      importedBy: by,
      lines: item.lineCount,
      matchedLines: item.matchedCount,
      firstDate: item.firstDate,
      lastDate: item.lastDate,
      createdAt: item.createdAt.toISOString(),
    })),
  };
}
