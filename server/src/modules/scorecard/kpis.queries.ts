// Drizzle queries of KPIs and their measurements; always scoped by workspace (their links: kpi-links.queries).
import { and, asc, desc, eq, ilike, inArray, lte, type Placeholder, type SQL, sql } from "drizzle-orm";
import { alias, type PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Db, Tx } from "../../db/client";
import { escapeLike } from "../../db/like";
import { prepareOnce } from "../../db/prepared";
import { customerSegments, kpiMeasurements, kpis, objectives, teams, users } from "../../db/schema";
import { updateVersioned } from "../../db/versioned";
import { encodeCursor } from "../../lib/cursor";
import { readPosition } from "./scorecard.queries";

/** A KPI as stored. */
export type KpiRecord = typeof kpis.$inferSelect;

/** A measurement as stored. */
export type MeasurementRecord = typeof kpiMeasurements.$inferSelect;

const ownerKind = (column: SQL | typeof objectives.marketingOwnerId | typeof objectives.itOwnerId) =>
  sql<string | null>`(SELECT t.kind FROM app_user u JOIN team t ON t.id = u.team_id WHERE u.id = ${column})`;

/** The columns of a KPI as read with its objective, owner, segment and latest value on or before a date. */
function kpiColumns(asOf: string | Placeholder) {
  return {
    kpi: kpis,
    objective: {
      id: objectives.id,
      title: objectives.title,
      periodStart: objectives.periodStart,
      periodEnd: objectives.periodEnd,
      marketingOwnerKind: ownerKind(objectives.marketingOwnerId),
      itOwnerKind: ownerKind(objectives.itOwnerId),
    },
    owner: {
      id: users.id,
      name: users.name,
      status: users.status,
      teamId: teams.id,
      teamName: teams.name,
      teamKind: teams.kind,
    },
    segment: { id: customerSegments.id, name: customerSegments.name, priority: customerSegments.priority },
    latestDate: sql<string | null>`(SELECT m.date::text FROM kpi_measurement m
      WHERE m.kpi_id = ${kpis.id} AND m.date <= ${asOf}::date ORDER BY m.date DESC LIMIT 1)`,
    latestValue: sql<number | null>`(SELECT m.value FROM kpi_measurement m
      WHERE m.kpi_id = ${kpis.id} AND m.date <= ${asOf}::date ORDER BY m.date DESC LIMIT 1)`,
  };
}

function selectKpis(tx: Tx, asOf: string | Placeholder) {
  return tx
    .select(kpiColumns(asOf))
    .from(kpis)
    .innerJoin(objectives, eq(objectives.id, kpis.objectiveId))
    .innerJoin(users, eq(users.id, kpis.ownerId))
    .innerJoin(teams, eq(teams.id, users.teamId))
    .leftJoin(customerSegments, eq(customerSegments.id, kpis.segmentId));
}

/** Edits a KPI of the workspace at its version, bumping it; false when someone changed it meanwhile. */
export async function updateKpi(
  tx: Tx,
  key: { workspaceId: string; id: string; version: number },
  changes: PgUpdateSetSource<typeof kpis>,
) {
  return updateVersioned(tx, kpis, key, changes);
}

/** A KPI as read with what its status needs. */
export type KpiRow = Awaited<ReturnType<typeof listAllKpis>>[number];

/** One KPI as of a date, or null. */
export async function findKpi(tx: Tx, workspaceId: string, id: string, asOf: string) {
  const [row] = await selectKpis(tx, asOf).where(and(eq(kpis.workspaceId, workspaceId), eq(kpis.id, id)));
  return row ?? null;
}

/** One KPI as of a date, by a statement prepared once per database (reads outside a transaction), or null. */
export async function findKpiPrepared(db: Db, workspaceId: string, id: string, asOf: string) {
  const statement = prepareOnce(db, "find_kpi", "v1", (name) =>
    selectKpis(db, sql.placeholder("asOf"))
      .where(and(eq(kpis.workspaceId, sql.placeholder("workspaceId")), eq(kpis.id, sql.placeholder("id"))))
      .prepare(name),
  );
  const [row] = await statement.execute({ workspaceId, id, asOf });
  return row ?? null;
}

/** KPIs of the workspace by name then id, after a (name, id) position. */
export async function listKpis(
  tx: Tx,
  workspaceId: string,
  filter: {
    q?: string;
    objectiveId?: string;
    ownerId?: string;
    segmentId?: string;
    experimentId?: string;
    toolId?: string;
    limit: number;
  },
  after: { name: string; id: string } | null,
  asOf: string,
) {
  return selectKpis(tx, asOf)
    .where(
      and(
        eq(kpis.workspaceId, workspaceId),
        filter.q ? ilike(kpis.name, `%${escapeLike(filter.q)}%`) : undefined,
        filter.objectiveId ? eq(kpis.objectiveId, filter.objectiveId) : undefined,
        filter.ownerId ? eq(kpis.ownerId, filter.ownerId) : undefined,
        filter.segmentId ? eq(kpis.segmentId, filter.segmentId) : undefined,
        filter.experimentId
          ? sql`${kpis.id} = (SELECT e.kpi_id FROM experiment e WHERE e.id = ${filter.experimentId} AND e.workspace_id = ${workspaceId})`
          : undefined,
        filter.toolId
          ? sql`EXISTS (SELECT 1 FROM tool_kpi tk WHERE tk.kpi_id = ${kpis.id} AND tk.tool_id = ${filter.toolId})`
          : undefined,
        after ? sql`(${kpis.name}, ${kpis.id}) > (${after.name}, ${after.id})` : undefined,
      ),
    )
    .orderBy(asc(kpis.name), asc(kpis.id))
    .limit(filter.limit);
}

/** Every KPI of the workspace (or of some objectives) as of a date. */
export async function listAllKpis(tx: Tx, workspaceId: string, asOf: string, objectiveIds?: readonly string[]) {
  if (objectiveIds !== undefined && objectiveIds.length === 0) return [];
  return selectKpis(tx, asOf)
    .where(
      and(eq(kpis.workspaceId, workspaceId), objectiveIds ? inArray(kpis.objectiveId, [...objectiveIds]) : undefined),
    )
    .orderBy(asc(kpis.name), asc(kpis.id));
}

/** The computed KPIs of a workspace (or of all workspaces when null), with their objective's period. */
export async function listComputedKpis(tx: Tx, workspaceId: string | null) {
  return tx
    .select({ kpi: kpis, periodStart: objectives.periodStart, periodEnd: objectives.periodEnd })
    .from(kpis)
    .innerJoin(objectives, eq(objectives.id, kpis.objectiveId))
    .where(and(eq(kpis.source, "computed"), workspaceId ? eq(kpis.workspaceId, workspaceId) : undefined))
    .orderBy(asc(kpis.workspaceId), asc(kpis.id));
}

/** Creates a KPI. */
export async function insertKpi(tx: Tx, values: typeof kpis.$inferInsert) {
  const [row] = await tx.insert(kpis).values(values).returning({ id: kpis.id });
  return row;
}

/** The earliest and latest measurement dates of a KPI. */
export async function kpiMeasurementSpan(tx: Tx, kpiId: string) {
  const [row] = await tx
    .select({
      first: sql<string | null>`min(${kpiMeasurements.date})::text`,
      last: sql<string | null>`max(${kpiMeasurements.date})::text`,
    })
    .from(kpiMeasurements)
    .where(eq(kpiMeasurements.kpiId, kpiId));
  return { first: row?.first ?? null, last: row?.last ?? null };
}

// ---------- measurements ----------

/** The last `count` values of each KPI on or before a date, oldest first. */
export async function listTrends(tx: Tx, kpiIds: readonly string[], asOf: string, perKpi: number) {
  if (kpiIds.length === 0) return new Map<string, number[]>();
  const ranked = tx
    .select({
      kpiId: kpiMeasurements.kpiId,
      date: kpiMeasurements.date,
      value: kpiMeasurements.value,
      rank: sql<number>`row_number() OVER (PARTITION BY ${kpiMeasurements.kpiId} ORDER BY ${kpiMeasurements.date} DESC)`.as(
        "rank",
      ),
    })
    .from(kpiMeasurements)
    .where(and(inArray(kpiMeasurements.kpiId, [...kpiIds]), lte(kpiMeasurements.date, asOf)))
    .as("ranked");
  const rows = await tx
    .select({ kpiId: ranked.kpiId, value: ranked.value })
    .from(ranked)
    .where(lte(ranked.rank, perKpi))
    .orderBy(asc(ranked.kpiId), asc(ranked.date));
  const trends = new Map<string, number[]>();
  for (const row of rows) trends.set(row.kpiId, [...(trends.get(row.kpiId) ?? []), row.value]);
  return trends;
}

/**
 * A KPI's chart in one prepared round trip: its figures, its objective's period and its values between from and to
 * (default the period) as [date, value] pairs, oldest first; null when the KPI is not the workspace's.
 */
export async function findKpiSeries(db: Db, workspaceId: string, id: string, from: string | null, to: string | null) {
  const statement = prepareOnce(db, "kpi_series", "v1", (name) =>
    db
      .select({
        id: kpis.id,
        unit: kpis.unit,
        currency: kpis.currency,
        direction: kpis.direction,
        baseline: kpis.baseline,
        target: kpis.target,
        thresholds: kpis.thresholds,
        periodStart: objectives.periodStart,
        periodEnd: objectives.periodEnd,
        points: sql<Array<[string, number]> | null>`(
          SELECT json_agg(json_build_array(m.date, m.value) ORDER BY m.date) FROM kpi_measurement m
          WHERE m.kpi_id = ${kpis.id}
            AND m.date >= coalesce(${sql.placeholder("from")}::date, ${objectives.periodStart})
            AND m.date <= coalesce(${sql.placeholder("to")}::date, ${objectives.periodEnd}))`,
      })
      .from(kpis)
      .innerJoin(objectives, eq(objectives.id, kpis.objectiveId))
      .where(and(eq(kpis.workspaceId, sql.placeholder("workspaceId")), eq(kpis.id, sql.placeholder("id"))))
      .prepare(name),
  );
  const [row] = await statement.execute({ workspaceId, id, from, to });
  return row ?? null;
}

/** A page of a KPI's check-in timeline, newest first: each measurement with who recorded it. */
export async function pageMeasurements(tx: Tx, kpiId: string, query: { limit: number; cursor?: string }) {
  const position = readPosition(query.cursor, "date");
  const rows = await tx
    .select({ measurement: kpiMeasurements, recordedBy: { id: users.id, name: users.name } })
    .from(kpiMeasurements)
    .leftJoin(users, eq(users.id, kpiMeasurements.recordedById))
    .where(
      and(
        eq(kpiMeasurements.kpiId, kpiId),
        position
          ? sql`(${kpiMeasurements.date}, ${kpiMeasurements.id}) < (${position.value}, ${position.id})`
          : undefined,
      ),
    )
    .orderBy(desc(kpiMeasurements.date), desc(kpiMeasurements.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > query.limit ? encodeCursor([last.measurement.date, last.measurement.id]) : null;
  return { items, nextCursor };
}

/** The stored measurements of the given KPIs on the given dates. */
export async function findMeasurementsOn(tx: Tx, workspaceId: string, kpiIds: readonly string[]) {
  if (kpiIds.length === 0) return [];
  return tx
    .select()
    .from(kpiMeasurements)
    .where(and(eq(kpiMeasurements.workspaceId, workspaceId), inArray(kpiMeasurements.kpiId, [...kpiIds])));
}

/** Stores measurements, replacing the value of a KPI on a date it already has (one value per KPI and date). */
export async function upsertMeasurements(tx: Tx, rows: Array<typeof kpiMeasurements.$inferInsert>) {
  if (rows.length === 0) return [];
  return tx
    .insert(kpiMeasurements)
    .values(rows)
    .onConflictDoUpdate({
      target: [kpiMeasurements.kpiId, kpiMeasurements.date],
      set: {
        value: sql`excluded.value`,
        comment: sql`excluded.comment`,
        confidence: sql`excluded.confidence`,
        source: sql`excluded.source`,
        computedFrom: sql`excluded.computed_from`,
        recordedById: sql`excluded.recorded_by_id`,
        updatedAt: sql`excluded.updated_at`,
        version: sql`${kpiMeasurements.version} + 1`,
      },
    })
    .returning();
}

/** The KPIs of the workspace by id and by exact name, for an import's `kpi` column. */
export async function listKpiKeys(tx: Tx, workspaceId: string) {
  return tx
    .select({
      id: kpis.id,
      name: kpis.name,
      unit: kpis.unit,
      source: kpis.source,
      periodStart: objectives.periodStart,
      periodEnd: objectives.periodEnd,
    })
    .from(kpis)
    .innerJoin(objectives, eq(objectives.id, kpis.objectiveId))
    .where(eq(kpis.workspaceId, workspaceId));
}

/** How many KPIs the workspace has, and how many of them sit on an objective with a marketing and an IT owner. */
export async function countKpiOwnership(db: Db, workspaceId: string): Promise<{ kpis: number; coOwned: number }> {
  const marketingOwner = alias(users, "marketing_owner");
  const marketingTeam = alias(teams, "marketing_team");
  const itOwner = alias(users, "it_owner");
  const itTeam = alias(teams, "it_team");
  const [row] = await db
    .select({
      kpis: sql<number>`count(*)::int`,
      coOwned: sql<number>`(count(*) filter (where ${marketingTeam.kind} = 'marketing' and ${itTeam.kind} in ('it', 'security')))::int`,
    })
    .from(kpis)
    .innerJoin(objectives, eq(objectives.id, kpis.objectiveId))
    .leftJoin(marketingOwner, eq(marketingOwner.id, objectives.marketingOwnerId))
    .leftJoin(marketingTeam, eq(marketingTeam.id, marketingOwner.teamId))
    .leftJoin(itOwner, eq(itOwner.id, objectives.itOwnerId))
    .leftJoin(itTeam, eq(itTeam.id, itOwner.teamId))
    .where(eq(kpis.workspaceId, workspaceId));
  return { kpis: Number(row?.kpis ?? 0), coOwned: Number(row?.coOwned ?? 0) };
}
