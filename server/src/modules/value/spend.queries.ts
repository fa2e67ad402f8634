import { and, desc, eq, gte, lte, sql } from "drizzle-orm";
import { SpendDate, type SpendListQuery } from "#contracts/value";
import type { Db, Tx } from "../../db/client";
import { type Keyset, keyset } from "../../db/keyset";
import { escapeLike } from "../../db/like";
import { prepareOnce } from "../../db/prepared";
import { spendLines } from "../../db/schema";
import { decodeCursor, invalidCursor, takePage } from "../../lib/cursor";
import { insertRecordset, money } from "./value.queries";

/** A spend line as bulk inserts take it. */
export interface NewSpendLine {
  workspaceId: string;
  spentOn: string;
  channel: string;
  campaign: string;
  initiative: string;
  kind: "planned" | "actual";
  amount: string;
  currency: string;
  importId: string | null;
  createdAt: Date;
}

/** Stores spend lines in bulk. */
export function insertSpendLines(tx: Tx, rows: NewSpendLine[], onBatch?: (done: number) => void) {
  return insertRecordset(
    tx,
    "spend_line",
    [
      ["workspace_id", "uuid"],
      ["spent_on", "date"],
      ["channel", "text"],
      ["campaign", "text"],
      ["initiative", "text"],
      ["kind", "text"],
      ["amount", "numeric"],
      ["currency", "text"],
      ["import_id", "uuid"],
      ["created_at", "timestamptz"],
      ["updated_at", "timestamptz"],
    ],
    rows.map((row) => ({
      workspace_id: row.workspaceId,
      spent_on: row.spentOn,
      channel: row.channel,
      campaign: row.campaign,
      initiative: row.initiative,
      kind: row.kind,
      amount: row.amount,
      currency: row.currency,
      import_id: row.importId,
      created_at: row.createdAt.toISOString(),
      updated_at: row.createdAt.toISOString(),
    })),
    onBatch,
  );
}

/** Stores one spend line. */
export async function insertSpendLine(tx: Tx, values: typeof spendLines.$inferInsert) {
  const [row] = await tx.insert(spendLines).values(values).returning();
  return row;
}

/** One spend line of the workspace, or null. */
export async function findSpendLine(tx: Tx, workspaceId: string, id: string) {
  const [row] = await tx
    .select()
    .from(spendLines)
    .where(and(eq(spendLines.workspaceId, workspaceId), eq(spendLines.id, id)));
  return row ?? null;
}

/** Updates a spend line if its version still matches; null when it changed meanwhile. */
export async function updateSpendLine(
  tx: Tx,
  workspaceId: string,
  id: string,
  version: number,
  changes: Partial<typeof spendLines.$inferInsert>,
) {
  const [row] = await tx
    .update(spendLines)
    .set({ ...changes, version: version + 1 })
    .where(and(eq(spendLines.workspaceId, workspaceId), eq(spendLines.id, id), eq(spendLines.version, version)))
    .returning();
  return row ?? null;
}

/** Deletes a spend line (the audit log keeps what it was). */
export async function deleteSpendLine(tx: Tx, workspaceId: string, id: string) {
  await tx.delete(spendLines).where(and(eq(spendLines.workspaceId, workspaceId), eq(spendLines.id, id)));
}

const spendSortable = { date: spendLines.spentOn, amount: spendLines.amount };

// keyset() checks the cursor's shape; the value must also fit the sorted column (a date, or an amount).
function checkSpendCursor(query: SpendListQuery) {
  const position = decodeCursor(query.cursor, 2);
  if (!position) return;
  const value = String(position[0]);
  const valid = query.sort.endsWith("date")
    ? typeof position[0] === "string" && SpendDate.safeParse(value).success
    : typeof position[0] === "string" && /^\d{1,13}(\.\d{1,2})?$/.test(value);
  if (!valid) throw invalidCursor();
}

/** One page of the spend ledger (filtered like `listSpendLines`), in `sort` order after `cursor`. */
export async function pageSpendLines(db: Db, workspaceId: string, query: SpendListQuery) {
  checkSpendCursor(query);
  const page = keyset(spendSortable, spendLines.id, query.sort, query.cursor);
  const rows = await listSpendLines(db, workspaceId, query, page);
  return takePage(rows, query.limit, (row) =>
    page.cursorAfter(page.field === "date" ? row.spentOn : row.amount, row.id),
  );
}

/**
 * Spend lines of the workspace, filtered and keyset-paged (prepared per shape: every value, the keyset position
 * included, is bound through a placeholder).
 */
export function listSpendLines(db: Db, workspaceId: string, filter: SpendListQuery, page: Keyset) {
  const shape = [
    page.shape,
    filter.channel && "c",
    filter.kind && "k",
    filter.from && "f",
    filter.to && "t",
    filter.q && "q",
  ];
  const statement = prepareOnce(db, "list_spend_lines", shape.filter(Boolean).join("|"), (name) =>
    db
      .select()
      .from(spendLines)
      .where(
        and(
          eq(spendLines.workspaceId, sql.placeholder("workspaceId")),
          filter.channel ? sql`lower(${spendLines.channel}) = lower(${sql.placeholder("channel")})` : undefined,
          filter.kind ? eq(spendLines.kind, sql.placeholder("kind")) : undefined,
          filter.from ? gte(spendLines.spentOn, sql.placeholder("from")) : undefined,
          filter.to ? lte(spendLines.spentOn, sql.placeholder("to")) : undefined,
          filter.q
            ? sql`(${spendLines.campaign} ilike ${sql.placeholder("q")} or ${spendLines.initiative} ilike ${sql.placeholder("q")} or ${spendLines.channel} ilike ${sql.placeholder("q")})`
            : undefined,
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(sql.placeholder("limit"))
      .prepare(name),
  );
  return statement.execute({
    workspaceId,
    channel: filter.channel,
    kind: filter.kind,
    from: filter.from,
    to: filter.to,
    q: filter.q ? `%${escapeLike(filter.q)}%` : undefined,
    limit: filter.limit + 1,
    ...page.params,
  });
}

function spendWithin(workspaceId: string, from?: string, to?: string, currency?: string) {
  return and(
    eq(spendLines.workspaceId, workspaceId),
    currency ? eq(spendLines.currency, currency) : undefined,
    from ? gte(spendLines.spentOn, from) : undefined,
    to ? lte(spendLines.spentOn, to) : undefined,
  );
}

/** Spend totals per currency in a period (both kinds unless one is named), largest first, to pick the main currency. */
export function sumSpendByCurrency(
  tx: Tx,
  workspaceId: string,
  from?: string,
  to?: string,
  kind?: "planned" | "actual",
) {
  return tx
    .select({ currency: spendLines.currency, amount: money(sql`sum(${spendLines.amount})`) })
    .from(spendLines)
    .where(and(spendWithin(workspaceId, from, to), kind ? eq(spendLines.kind, kind) : undefined))
    .groupBy(spendLines.currency)
    .orderBy(desc(sql`sum(${spendLines.amount})`), spendLines.currency);
}

const plannedSum = money(sql`sum(${spendLines.amount}) filter (where ${spendLines.kind} = 'planned')`);
const actualSum = money(sql`sum(${spendLines.amount}) filter (where ${spendLines.kind} = 'actual')`);

/** Planned and actual spend in one currency per month, channel or initiative, summed by the database. */
export function sumSpendBy(
  tx: Tx,
  workspaceId: string,
  by: "month" | "channel" | "initiative",
  currency: string,
  from?: string,
  to?: string,
) {
  const key = {
    month: sql<string>`to_char(${spendLines.spentOn}, 'YYYY-MM')`,
    channel: sql<string>`${spendLines.channel}`,
    initiative: sql<string>`${spendLines.initiative}`,
  }[by];
  return tx
    .select({ key, planned: plannedSum, actual: actualSum })
    .from(spendLines)
    .where(spendWithin(workspaceId, from, to, currency))
    .groupBy(sql`1`);
}

/**
 * Totals of one currency's spend in a period: planned, planned up to the end of `monthTo` (YYYY-MM), actual, and
 * the number of lines, summed by the database.
 */
export async function sumSpendTotals(
  tx: Tx,
  workspaceId: string,
  currency: string,
  monthTo: string,
  from?: string,
  to?: string,
) {
  const [row] = await tx
    .select({
      planned: plannedSum,
      plannedToDate: money(
        sql`sum(${spendLines.amount}) filter (where ${spendLines.kind} = 'planned' and to_char(${spendLines.spentOn}, 'YYYY-MM') <= ${monthTo})`,
      ),
      actual: actualSum,
      lines: sql<number>`count(*)::int`,
    })
    .from(spendLines)
    .where(spendWithin(workspaceId, from, to, currency));
  return row;
}

/** Spend in one currency in a period, per channel, initiative and kind, summed by the database. */
export function sumSpend(tx: Tx, workspaceId: string, currency: string, from?: string, to?: string) {
  return tx
    .select({
      channel: spendLines.channel,
      initiative: spendLines.initiative,
      kind: spendLines.kind,
      amount: money(sql`sum(${spendLines.amount})`),
    })
    .from(spendLines)
    .where(spendWithin(workspaceId, from, to, currency))
    .groupBy(spendLines.channel, spendLines.initiative, spendLines.kind);
}
