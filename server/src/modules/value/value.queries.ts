import { and, desc, eq, gte, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { type Keyset, keyset } from "../../db/keyset";
import { prepareOnce } from "../../db/prepared";
import { attributionRuns, journeyPaths, outcomes, requests, touchpoints, users, valueImports } from "../../db/schema";
import { takePage } from "../../lib/cursor";

const BATCH = 1000;
const JSON_BATCH = 5000;

/**
 * Stores many rows a few thousand at a time as one JSON parameter expanded by json_to_recordset: one short
 * statement per batch instead of thousands of bound parameters. Row keys are the column names.
 */
export async function insertRecordset(
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

/** A sum of money as the database adds it: numeric, read as text with exactly two decimals (never a float). */
export function money(sum: SQL) {
  return sql<string>`coalesce(${sum}, 0)::numeric(38, 2)::text`;
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

/** One page of the workspace's attribution runs, in `sort` order after `cursor`. */
export async function pageRuns(
  db: Db,
  workspaceId: string,
  query: { limit: number; cursor?: string; sort: "createdAt" | "-createdAt" },
) {
  const page = keyset({ createdAt: attributionRuns.createdAt }, attributionRuns.id, query.sort, query.cursor);
  const rows = await listRuns(db, workspaceId, query.limit, page);
  return takePage(rows, query.limit, (row) => page.cursorAfter(row.run.createdAt, row.run.id));
}

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
