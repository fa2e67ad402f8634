// Shadow-IT discovery: expense or card statements are imported (checked first, every bad line named), each line
// matched to the catalog by engines/discovery, and the software-like merchants nobody put in the catalog are
// proposed as candidates with their yearly spend. Adopting one brings it into the catalog as "shadow" and opens a
// purchase request in the Pipeline so marketing and IT review it together; dismissing one stops proposing it.
import type { StackCategory } from "#contracts/stack";
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
import { withUniqueField } from "../../lib/db-errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { openRequest } from "../pipeline/pipeline.commands";
import {
  assignMerchantToTool,
  insertDismissal,
  insertExpenseImport,
  insertExpenseLines,
  listCandidateRows,
  listCatalogForMatching,
  listExpenseImportRows,
} from "./discovery.queries";
import { columnsOf } from "./stack.fields";
import { insertTool } from "./stack.queries";

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

/**
 * Software-like merchants of the imported statements that match no catalog tool and nobody dismissed, with their
 * spend: recurring ones (spend in two or more months) first, then by estimated yearly spend.
 */
export async function listCandidates(ctx: Ctx) {
  authorize(ctx.actor, "discovery.read");
  const rows = await listCandidateRows(ctx.database.db, ctx.actor.workspaceId);
  const candidates = new Map<string, Candidate>();
  for (const row of rows) {
    const candidate = candidates.get(row.key) ?? {
      merchantKey: row.key,
      label: labelOf(row.key),
      example: row.example,
      lines: 0,
      months: 0,
      employees: 0,
      departments: [] as string[],
      firstDate: row.firstDate,
      lastDate: row.lastDate,
      spend: [] as { currency: string; total: string; yearly: string }[],
    };
    const total = Number(row.total);
    const days = Math.max(1, (Date.parse(row.lastDate) - Date.parse(row.firstDate)) / 86_400_000);
    const count = Number(row.lines);
    // Yearly spend: the total over the span seen plus one typical interval between payments.
    const yearly = count >= 2 && days > 1 ? (total * 365) / (days * (count / (count - 1))) : total;
    candidate.lines += count;
    candidate.months = Math.max(candidate.months, Number(row.months));
    candidate.employees = Math.max(candidate.employees, Number(row.employees));
    candidate.departments = [...new Set([...candidate.departments, ...(row.departments ?? [])])].sort();
    if (row.firstDate < candidate.firstDate) candidate.firstDate = row.firstDate;
    if (row.lastDate > candidate.lastDate) candidate.lastDate = row.lastDate;
    candidate.spend.push({ currency: row.currency, total: total.toFixed(2), yearly: yearly.toFixed(2) });
    candidates.set(row.key, candidate);
  }
  const items = [...candidates.values()].map((candidate) => ({ ...candidate, isRecurring: candidate.months >= 2 }));
  const yearlyOf = (candidate: Candidate) => Math.max(0, ...candidate.spend.map((spend) => Number(spend.yearly)));
  items.sort(
    (a, b) =>
      Number(b.isRecurring) - Number(a.isRecurring) ||
      yearlyOf(b) - yearlyOf(a) ||
      a.merchantKey.localeCompare(b.merchantKey),
  );
  return { items };
}

interface Candidate {
  merchantKey: string;
  label: string;
  example: string;
  lines: number;
  months: number;
  employees: number;
  departments: string[];
  firstDate: string;
  lastDate: string;
  spend: { currency: string; total: string; yearly: string }[];
}

const labelOf = (key: string) =>
  key
    .split(" ")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");

/**
 * Brings a candidate into the catalog as a shadow tool (its lines now point at it, its yearly spend becomes its
 * cost) and opens a purchase request so both sides review it; in one transaction.
 */
export async function adoptCandidate(
  ctx: Ctx,
  input: { merchantKey: string; name: string; vendor: string; category: StackCategory; subcategory: string },
) {
  authorize(ctx.actor, "discovery.adopt");
  const { items } = await listCandidates(ctx);
  const candidate = items.find((item) => item.merchantKey === input.merchantKey);
  if (!candidate) {
    throw new AppError("not_found", "No such candidate (it may have been adopted or dismissed meanwhile)");
  }
  const yearly = candidate.spend.reduce((best, spend) => (Number(spend.yearly) > Number(best.yearly) ? spend : best));
  return ctx.database.db.transaction(async (tx) => {
    const fields = {
      name: input.name,
      vendor: input.vendor,
      description: `Found in expense statements: ${candidate.lines} payments, ${candidate.employees} people, e.g. “${candidate.example}”.`,
      url: null,
      category: input.category,
      subcategory: input.subcategory,
      capabilities: [],
      status: "shadow" as const,
      lifecycle: "active" as const,
      lifecycleDates: { phaseIn: null, active: null, phaseOut: null, retired: null },
      businessOwnerId: null,
      technicalOwnerId: null,
      functionalFit: null,
      technicalFit: null,
      annualCost: { amount: Math.round(Number(yearly.yearly)).toFixed(2), currency: yearly.currency },
      seatsBought: null,
      seatsUsed: candidate.employees || null,
      contractStart: null,
      renewalDate: null,
      noticeDays: null,
      autoRenew: false,
      dataClasses: [],
      sso: false,
      dpaSigned: false,
      securityReviewDate: null,
      securityReviewExpiry: null,
      certifications: [],
      hostingRegion: "",
    };
    const created = await withUniqueField("name", "A tool with this name is already in the catalog", () =>
      insertTool(tx, {
        ...columnsOf(fields),
        workspaceId: ctx.actor.workspaceId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      }),
    );
    const tool = {
      id: created.id,
      name: fields.name,
      vendor: fields.vendor,
      category: fields.category,
      subcategory: fields.subcategory,
    };
    await assignMerchantToTool(tx, ctx.actor.workspaceId, input.merchantKey, tool.id);
    await recordAudit(tx, originOf(ctx), {
      action: "tool.created",
      entityType: "tool",
      entityId: tool.id,
      after: { ...fields, source: "shadow-IT discovery", merchantKey: input.merchantKey },
    });
    const request = await openReviewRequest(tx, ctx, tool, candidate, yearly);
    return { toolId: tool.id, requestId: request.id, requestNumber: request.number };
  });
}

// The purchase review of a discovered tool: a Pipeline request opened by the intake's own path (the workspace's
// purchase template, the adopter watching, clocks and audit), with the spend found.
async function openReviewRequest(
  tx: Tx,
  ctx: Ctx,
  tool: { id: string; name: string; vendor: string; category: StackCategory; subcategory: string },
  candidate: Candidate,
  yearly: { currency: string; yearly: string },
) {
  const cost = Math.round(Number(yearly.yearly)).toFixed(2);
  return openRequest(
    tx,
    ctx,
    {
      type: "purchase",
      title: `Review shadow tool: ${tool.name}`,
      problem: `${tool.name} is paid for outside the catalog: ${candidate.lines} payments from ${candidate.firstDate} to ${candidate.lastDate} by ${candidate.employees} people${candidate.departments.length ? ` (${candidate.departments.join(", ")})` : ""}, about ${cost} ${yearly.currency} a year.`,
      outcome: "Decide together: sanction it with owners and a contract, replace it with a tool we own, or stop it.",
      beneficiaries: "",
      objectives: "",
      deadline: null,
      deadlineReason: "",
      dataClasses: [],
      expectedBenefit: null,
      softHours: null,
      hourlyRate: null,
      costEstimate: cost,
      currency: yearly.currency,
      confidence: null,
      sponsorId: null,
      teamId: null,
      // A retroactive purchase: what the purchase policy judges, as for any other (issue 15 item 9).
      purchase: {
        vendor: tool.vendor || tool.name,
        product: tool.name,
        category: tool.category,
        subcategory: tool.subcategory,
        capabilities: [],
        annualCost: cost,
        currency: yearly.currency,
        seats: candidate.employees || null,
        dataClasses: [],
        sso: false,
        dpaAvailable: false,
        hostingRegion: "",
        integratesWith: [],
        agencyManaged: false,
      },
      draft: false,
    },
    { source: "shadow-IT discovery", toolIds: [tool.id], data: { toolId: tool.id } },
  );
}

/** Stops proposing a merchant (it is not software, or not a tool to track). */
export async function dismissCandidate(ctx: Ctx, input: { merchantKey: string; reason: string }) {
  authorize(ctx.actor, "discovery.adopt");
  await ctx.database.db.transaction(async (tx) => {
    await insertDismissal(tx, {
      workspaceId: ctx.actor.workspaceId,
      merchantKey: input.merchantKey,
      dismissedById: ctx.actor.userId,
      reason: input.reason,
      createdAt: ctx.now,
    });
    await recordAudit(tx, originOf(ctx), {
      action: "discovery.dismissed",
      entityType: "merchant",
      entityId: input.merchantKey.slice(0, 80),
      after: input,
    });
  });
  return { ok: true as const };
}
