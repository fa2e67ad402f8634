import { and, desc, eq, gte, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import type { SpendListQuery } from "../../../../contracts/value";
import type { Db, Tx } from "../../db/client";
import type { Keyset } from "../../db/keyset";
import { escapeLike } from "../../db/like";
import { prepareOnce } from "../../db/prepared";
import {
  attributionRuns,
  journeyPaths,
  outcomes,
  requests,
  spendLines,
  touchpoints,
  users,
  valueImports,
} from "../../db/schema";

const BATCH = 1000;
const JSON_BATCH = 5000;

/**
 * Stores many rows a few thousand at a time as one JSON parameter expanded by json_to_recordset: one short
 * statement per batch instead of thousands of bound parameters. Row keys are the column names.
 */
async function insertRecordset(
  tx: Tx,
  table: string,
  columns: [name: string, type: string][],
  rows: Record<string, unknown>[],
  onBatch?: (done: number) => void,
) {
  const names = sql.raw(columns.map(([name]) => name).join(", "));
  const definitions = sql.raw(columns.map(([name, type]) => `${name} ${type}`).join(", "));
  for (let at = 0; at < rows.length; at += JSON_BATCH) {
    const batch = JSON.stringify(rows.slice(at, at + JSON_BATCH));
    await tx.execute(
      sql`insert into ${sql.identifier(table)} (${names}) select ${names} from json_to_recordset(${batch}::json) as x(${definitions})`,
    );
    onBatch?.(Math.min(rows.length, at + JSON_BATCH));
  }
}

/** Stores rows in batches of a thousand, calling back after each. */
async function insertBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>, onBatch?: (done: number) => void) {
  for (let at = 0; at < rows.length; at += BATCH) {
    await insert(rows.slice(at, at + BATCH));
    onBatch?.(Math.min(rows.length, at + BATCH));
  }
}

/** Records an import. */
export async function insertImport(tx: Tx, values: typeof valueImports.$inferInsert) {
  const [row] = await tx.insert(valueImports).values(values).returning({ id: valueImports.id });
  return row;
}

/** The workspace's latest imports, newest first. */
export function listImports(tx: Tx, workspaceId: string, limit: number) {
  return tx
    .select({ import: valueImports, creator: { id: users.id, name: users.name } })
    .from(valueImports)
    .leftJoin(users, eq(users.id, valueImports.createdBy))
    .where(eq(valueImports.workspaceId, workspaceId))
    .orderBy(desc(valueImports.createdAt))
    .limit(limit);
}

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

// Sums of numeric amounts stay numeric and are read as text with exactly two decimals: never through a float.
function money(sum: SQL) {
  return sql<string>`coalesce(${sum}, 0)::numeric(38, 2)::text`;
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

/** Stores conversions in bulk. */
export function insertOutcomes(
  tx: Tx,
  rows: {
    workspaceId: string;
    journeyId: string;
    occurredAt: Date;
    value: number;
    importId?: string | null;
    createdAt: Date;
  }[],
  onBatch?: (done: number) => void,
) {
  return insertRecordset(
    tx,
    "outcome",
    [
      ["workspace_id", "uuid"],
      ["journey_id", "text"],
      ["occurred_at", "timestamptz"],
      ["value", "double precision"],
      ["import_id", "uuid"],
      ["created_at", "timestamptz"],
    ],
    rows.map((row) => ({
      workspace_id: row.workspaceId,
      journey_id: row.journeyId,
      occurred_at: row.occurredAt.toISOString(),
      value: row.value,
      import_id: row.importId ?? null,
      created_at: row.createdAt.toISOString(),
    })),
    onBatch,
  );
}

/** Stores touchpoints in bulk. */
export function insertTouchpoints(
  tx: Tx,
  rows: {
    workspaceId: string;
    journeyId: string;
    occurredAt: Date;
    channel: string;
    importId?: string | null;
    createdAt: Date;
  }[],
  onBatch?: (done: number) => void,
) {
  return insertRecordset(
    tx,
    "touchpoint",
    [
      ["workspace_id", "uuid"],
      ["journey_id", "text"],
      ["occurred_at", "timestamptz"],
      ["channel", "text"],
      ["import_id", "uuid"],
      ["created_at", "timestamptz"],
    ],
    rows.map((row) => ({
      workspace_id: row.workspaceId,
      journey_id: row.journeyId,
      occurred_at: row.occurredAt.toISOString(),
      channel: row.channel,
      import_id: row.importId ?? null,
      created_at: row.createdAt.toISOString(),
    })),
    onBatch,
  );
}

/** Stores aggregated paths. */
export function insertPaths(tx: Tx, rows: (typeof journeyPaths.$inferInsert)[], onBatch?: (done: number) => void) {
  return insertBatches(rows, (batch) => tx.insert(journeyPaths).values(batch), onBatch);
}

/** What journey data the workspace holds. */
export async function summariseJourneyData(tx: Tx, workspaceId: string) {
  const [touch] = await tx
    .select({
      touchpoints: sql<number>`count(*)::int`,
      journeys: sql<number>`count(distinct ${touchpoints.journeyId})::int`,
      first: sql<Date | null>`min(${touchpoints.occurredAt})`,
      last: sql<Date | null>`max(${touchpoints.occurredAt})`,
    })
    .from(touchpoints)
    .where(eq(touchpoints.workspaceId, workspaceId));
  const [conv] = await tx
    .select({
      conversions: sql<number>`count(*)::int`,
      // Each stored value as the decimal it was written as, then summed exactly.
      value: money(sql`sum(round(${outcomes.value}::numeric, 2))`),
    })
    .from(outcomes)
    .where(eq(outcomes.workspaceId, workspaceId));
  const [path] = await tx
    .select({
      paths: sql<number>`count(*)::int`,
      conversions: sql<number>`coalesce(sum(${journeyPaths.conversions}), 0)`,
      start: sql<string | null>`min(${journeyPaths.periodStart})::text`,
      end: sql<string | null>`max(${journeyPaths.periodEnd})::text`,
    })
    .from(journeyPaths)
    .where(eq(journeyPaths.workspaceId, workspaceId));
  const channels = await tx
    .selectDistinct({ channel: touchpoints.channel })
    .from(touchpoints)
    .where(eq(touchpoints.workspaceId, workspaceId))
    .orderBy(touchpoints.channel)
    .limit(200);
  return { touch, conv, path, channels: channels.map((c) => c.channel) };
}

/** Aggregated paths whose period lies within [start, end]. */
export function listPathsWithin(tx: Tx, workspaceId: string, start: string, end: string) {
  return tx
    .select({
      channels: journeyPaths.channels,
      conversions: journeyPaths.conversions,
      value: journeyPaths.value,
      nulls: journeyPaths.nulls,
    })
    .from(journeyPaths)
    .where(
      and(
        eq(journeyPaths.workspaceId, workspaceId),
        gte(journeyPaths.periodStart, start),
        lte(journeyPaths.periodEnd, end),
      ),
    );
}

/** Stores a run. */
export async function insertRun(tx: Tx, values: typeof attributionRuns.$inferInsert) {
  const [row] = await tx.insert(attributionRuns).values(values).returning({ id: attributionRuns.id });
  return row;
}

const runWithCreator = { run: attributionRuns, creator: { id: users.id, name: users.name } };

/** One run of the workspace with its creator, or null. */
export async function findRun(tx: Tx, workspaceId: string, id: string) {
  const [row] = await tx
    .select(runWithCreator)
    .from(attributionRuns)
    .leftJoin(users, eq(users.id, attributionRuns.createdBy))
    .where(and(eq(attributionRuns.workspaceId, workspaceId), eq(attributionRuns.id, id)));
  return row ?? null;
}

/** A run row with its creator, as the presenter takes it. */
export type RunRow = NonNullable<Awaited<ReturnType<typeof findRun>>>;

/** Runs of the workspace, keyset-paged (prepared per shape). */
export function listRuns(db: Db, workspaceId: string, limit: number, page: Keyset) {
  const statement = prepareOnce(db, "list_attribution_runs", page.shape, (name) =>
    db
      .select(runWithCreator)
      .from(attributionRuns)
      .leftJoin(users, eq(users.id, attributionRuns.createdBy))
      .where(and(eq(attributionRuns.workspaceId, sql.placeholder("workspaceId")), page.after))
      .orderBy(...page.orderBy)
      .limit(sql.placeholder("limit"))
      .prepare(name),
  );
  return statement.execute({ workspaceId, limit: limit + 1, ...page.params });
}

/**
 * The Pipeline requests that initiative tags name, by title (any case) or as "#number": their expected benefit
 * and cost, and the benefit their value review found.
 */
export async function findRequestsForInitiatives(tx: Tx, workspaceId: string, initiatives: string[]) {
  const titles = initiatives.map((name) => name.trim().toLowerCase()).filter((name) => name !== "");
  const numbers = initiatives
    .map((name) => /^#(\d{1,9})$/.exec(name.trim())?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  if (titles.length === 0) return [];
  return tx
    .select({
      id: requests.id,
      number: requests.number,
      title: requests.title,
      currency: requests.currency,
      expectedBenefit: requests.expectedBenefit,
      costEstimate: requests.costEstimate,
      realisedBenefit: requests.realisedBenefit,
    })
    .from(requests)
    .where(
      and(
        eq(requests.workspaceId, workspaceId),
        or(
          inArray(sql`lower(${requests.title})`, titles),
          numbers.length > 0 ? inArray(requests.number, numbers) : undefined,
        ),
      ),
    );
}
