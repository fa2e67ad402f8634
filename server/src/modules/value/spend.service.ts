import type {
  CreateSpendBody,
  ImportBody,
  ImportReport,
  SpendListQuery,
  SpendSummary,
  SpendSummaryQuery,
  UpdateSpendBody,
} from "#contracts/value";
import type { Ctx } from "../../context";
import { AppError, assertFound, staleEdit } from "../../errors";
import { centsOf, compareCents, formatCents, ratioOf } from "../../lib/money";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { type ImportProgressListener, runImport } from "./imports";
import { spendFieldsOf } from "./spend.fields";
import {
  deleteSpendLine,
  findSpendLine,
  insertSpendLine,
  insertSpendLines,
  pageSpendLines,
  sumSpendBy,
  sumSpendByCurrency,
  sumSpendTotals,
  updateSpendLine,
} from "./spend.queries";
import { parseSpendCsv } from "./value.csv";

/** Today's date in UTC. */
export function todayOf(ctx: Pick<Ctx, "now">): string {
  return ctx.now.toISOString().slice(0, 10);
}

function refuseFutureActual(date: string, kind: string, ctx: Ctx) {
  if (kind === "actual" && date > todayOf(ctx)) {
    throw new AppError("validation_failed", "Actual spend cannot be dated in the future", [
      { path: "date", message: `is in the future (${date}); only planned spend may be` },
    ]);
  }
}

/** The spend ledger, filtered and paged. */
export async function listWorkspaceSpend(ctx: Ctx, query: SpendListQuery) {
  authorize(ctx.actor, "spend.read");
  if (query.from && query.to && query.from > query.to) {
    throw new AppError("validation_failed", "from must not be after to", [{ path: "to", message: "is before from" }]);
  }
  return pageSpendLines(ctx.database.db, ctx.actor.workspaceId, query);
}

/** Adds one spend line. */
export async function createSpendLine(ctx: Ctx, input: CreateSpendBody) {
  authorize(ctx.actor, "spend.write");
  refuseFutureActual(input.date, input.kind, ctx);
  return ctx.database.db.transaction(async (tx) => {
    const row = await insertSpendLine(tx, {
      workspaceId: ctx.actor.workspaceId,
      spentOn: input.date,
      channel: input.channel,
      campaign: input.campaign,
      initiative: input.initiative,
      kind: input.kind,
      amount: input.amount,
      currency: input.currency,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, originOf(ctx), {
      action: "spend.created",
      entityType: "spend_line",
      entityId: row.id,
      after: input,
    });
    return row;
  });
}

/** Edits a spend line; a stale version is refused. */
export async function editSpendLine(ctx: Ctx, id: string, input: UpdateSpendBody) {
  authorize(ctx.actor, "spend.write");
  const current = assertFound(await findSpendLine(ctx.database.db, ctx.actor.workspaceId, id), "Spend line");
  authorize(ctx.actor, "spend.write", { workspaceId: current.workspaceId });
  const { version, ...changes } = input;
  const before = spendFieldsOf(current);
  const after = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
  refuseFutureActual(after.date, after.kind, ctx);
  return ctx.database.db.transaction(async (tx) => {
    const row = await updateSpendLine(tx, ctx.actor.workspaceId, id, version, {
      spentOn: after.date,
      channel: after.channel,
      campaign: after.campaign,
      initiative: after.initiative,
      kind: after.kind,
      amount: after.amount,
      currency: after.currency,
      updatedAt: ctx.now,
    });
    if (!row) throw staleEdit("spend line");
    await recordAudit(tx, originOf(ctx), {
      action: "spend.updated",
      entityType: "spend_line",
      entityId: id,
      before,
      after,
    });
    return row;
  });
}

/** Removes a spend line (the audit log keeps it). */
export async function removeSpendLine(ctx: Ctx, id: string) {
  authorize(ctx.actor, "spend.write");
  const current = assertFound(await findSpendLine(ctx.database.db, ctx.actor.workspaceId, id), "Spend line");
  authorize(ctx.actor, "spend.write", { workspaceId: current.workspaceId });
  await ctx.database.db.transaction(async (tx) => {
    await deleteSpendLine(tx, ctx.actor.workspaceId, id);
    await recordAudit(tx, originOf(ctx), {
      action: "spend.deleted",
      entityType: "spend_line",
      entityId: id,
      before: spendFieldsOf(current),
    });
  });
}

/** Imports a spend CSV: a dry run lists every bad line; a real import writes all lines in one transaction. */
export async function importSpend(
  ctx: Ctx,
  body: ImportBody,
  onProgress?: ImportProgressListener,
): Promise<ImportReport> {
  authorize(ctx.actor, "spend.write");
  const parsed = await parseSpendCsv(body.csv, todayOf(ctx), (done, total) => onProgress?.("checking", done, total));
  const amounts = new Map<string, bigint>();
  const channels = new Set<string>();
  let first: string | null = null;
  let last: string | null = null;
  for (const row of parsed.rows) {
    amounts.set(row.currency, (amounts.get(row.currency) ?? 0n) + centsOf(row.amount));
    channels.add(row.channel);
    if (first === null || row.spentOn < first) first = row.spentOn;
    if (last === null || row.spentOn > last) last = row.spentOn;
  }
  return runImport(ctx, {
    kind: "spend",
    body,
    parsed,
    onProgress,
    summary: {
      channels: channels.size,
      firstDate: first,
      lastDate: last,
      total: [...amounts].map(([currency, cents]) => `${formatCents(cents)} ${currency}`).join(", "),
    },
    write: (tx, importId, rows, onBatch) =>
      insertSpendLines(
        tx,
        rows.map((row) => ({
          ...row,
          workspaceId: ctx.actor.workspaceId,
          importId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })),
        onBatch,
      ),
  });
}

/** Plan vs actual by month, channel and initiative, in one currency: every sum by the database, exact to the cent. */
export async function summariseSpend(ctx: Ctx, query: SpendSummaryQuery): Promise<SpendSummary> {
  authorize(ctx.actor, "spend.read");
  const db = ctx.database.db;
  const workspaceId = ctx.actor.workspaceId;
  const currencies = await sumSpendByCurrency(db, workspaceId, query.from, query.to);
  const currency = query.currency ?? currencies[0]?.currency ?? null;
  const otherCurrencies = currencies.map((c) => c.currency).filter((c) => c !== currency);
  if (currency === null) {
    return {
      currency,
      otherCurrencies,
      months: [],
      channels: [],
      initiatives: [],
      totals: { planned: "0.00", plannedToDate: "0.00", actual: "0.00", actualShareOfPlan: null, lines: 0 },
    };
  }
  const [months, channels, initiatives, totals] = await Promise.all([
    sumSpendBy(db, workspaceId, "month", currency, query.from, query.to),
    sumSpendBy(db, workspaceId, "channel", currency, query.from, query.to),
    sumSpendBy(db, workspaceId, "initiative", currency, query.from, query.to),
    sumSpendTotals(db, workspaceId, currency, todayOf(ctx).slice(0, 7), query.from, query.to),
  ]);
  // Largest actual spend first, then largest plan: compared as exact cents.
  const byAmount = (a: { planned: string; actual: string }, b: { planned: string; actual: string }) =>
    compareCents(centsOf(b.actual), centsOf(a.actual)) || compareCents(centsOf(b.planned), centsOf(a.planned));
  return {
    currency,
    otherCurrencies,
    months: months
      .map((row) => ({ month: row.key, planned: row.planned, actual: row.actual }))
      .sort((a, b) => (a.month < b.month ? -1 : 1)),
    channels: channels.map((row) => ({ channel: row.key, planned: row.planned, actual: row.actual })).sort(byAmount),
    initiatives: initiatives
      .filter((row) => row.key !== "")
      .map((row) => ({ initiative: row.key, planned: row.planned, actual: row.actual }))
      .sort(byAmount),
    totals: {
      planned: totals.planned,
      plannedToDate: totals.plannedToDate,
      actual: totals.actual,
      actualShareOfPlan: ratioOf(centsOf(totals.actual), centsOf(totals.plannedToDate)),
      lines: Number(totals.lines),
    },
  };
}
