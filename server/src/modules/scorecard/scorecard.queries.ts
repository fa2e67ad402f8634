// Drizzle queries of segments, objectives and their owners, scoped by workspace; the module's keyset positions.
import { and, asc, count, eq, gte, ilike, inArray, lte, type SQL, sql } from "drizzle-orm";
import { alias, type PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Tx } from "../../db/client";
import { escapeLike } from "../../db/like";
import { customerSegments, kpiMeasurements, kpis, objectives, teams, users } from "../../db/schema";
import { updateVersioned } from "../../db/versioned";
import { decodeCursor, invalidCursor } from "../../lib/cursor";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A keyset position (a sort value and an id) from a cursor this module gave out; 400 for any other. */
export function readPosition(cursor: string | undefined, sortValue: "date" | "text") {
  const position = decodeCursor(cursor, 2);
  if (position === null) return null;
  const [value, id] = position;
  const valid =
    typeof value === "string" &&
    typeof id === "string" &&
    UUID.test(id) &&
    (sortValue === "text" || (DATE.test(value) && !Number.isNaN(Date.parse(value))));
  if (!valid) throw invalidCursor();
  return { value: value as string, id: id as string };
}

type VersionKey = { workspaceId: string; id: string; version: number };

/** Edits an objective of the workspace at its version, bumping it; false when someone changed it meanwhile. */
export async function updateObjective(tx: Tx, key: VersionKey, changes: PgUpdateSetSource<typeof objectives>) {
  return updateVersioned(tx, objectives, key, changes);
}

/** Edits a segment of the workspace at its version, bumping it; false when someone changed it meanwhile. */
export async function updateSegment(tx: Tx, key: VersionKey, changes: PgUpdateSetSource<typeof customerSegments>) {
  return updateVersioned(tx, customerSegments, key, changes);
}

/** A person with their home team, as owners are shown. */
export type OwnerRow = {
  id: string;
  name: string;
  status: "active" | "deactivated";
  teamId: string;
  teamName: string;
  teamKind: "marketing" | "it" | "security" | "legal" | "finance" | "other";
};

/** The people of the workspace with the given ids, with their teams. */
export async function listOwners(tx: Tx, workspaceId: string, ids: readonly string[]): Promise<OwnerRow[]> {
  if (ids.length === 0) return [];
  return tx
    .select({
      id: users.id,
      name: users.name,
      status: users.status,
      teamId: teams.id,
      teamName: teams.name,
      teamKind: teams.kind,
    })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, [...new Set(ids)])));
}

// ---------- segments ----------

/** Every segment of the workspace with its KPI count, most important first. */
export async function listSegments(tx: Tx, workspaceId: string) {
  return tx
    .select({ segment: customerSegments, kpiCount: count(kpis.id) })
    .from(customerSegments)
    .leftJoin(kpis, eq(kpis.segmentId, customerSegments.id))
    .where(eq(customerSegments.workspaceId, workspaceId))
    .groupBy(customerSegments.id)
    .orderBy(asc(customerSegments.priority), asc(customerSegments.name));
}

/** One segment with its KPI count, or null. */
export async function findSegment(tx: Tx, workspaceId: string, id: string) {
  const [row] = await tx
    .select({ segment: customerSegments, kpiCount: count(kpis.id) })
    .from(customerSegments)
    .leftJoin(kpis, eq(kpis.segmentId, customerSegments.id))
    .where(and(eq(customerSegments.workspaceId, workspaceId), eq(customerSegments.id, id)))
    .groupBy(customerSegments.id);
  return row ?? null;
}

/** Creates a segment. */
export async function insertSegment(tx: Tx, values: typeof customerSegments.$inferInsert) {
  const [row] = await tx.insert(customerSegments).values(values).returning();
  return row;
}

// ---------- objectives ----------

const marketingOwner = alias(users, "marketing_owner");
const itOwner = alias(users, "it_owner");
const marketingTeam = alias(teams, "marketing_team");
const itTeam = alias(teams, "it_team");

const kpiCount = sql<number>`(SELECT count(*)::int FROM ${kpis} WHERE ${kpis.objectiveId} = ${objectives.id})`;

const objectiveColumns = {
  objective: objectives,
  kpiCount,
  marketingOwner: {
    id: marketingOwner.id,
    name: marketingOwner.name,
    status: marketingOwner.status,
    teamId: marketingTeam.id,
    teamName: marketingTeam.name,
    teamKind: marketingTeam.kind,
  },
  itOwner: {
    id: itOwner.id,
    name: itOwner.name,
    status: itOwner.status,
    teamId: itTeam.id,
    teamName: itTeam.name,
    teamKind: itTeam.kind,
  },
};

function selectObjectives(tx: Tx) {
  return tx
    .select(objectiveColumns)
    .from(objectives)
    .leftJoin(marketingOwner, eq(marketingOwner.id, objectives.marketingOwnerId))
    .leftJoin(marketingTeam, eq(marketingTeam.id, marketingOwner.teamId))
    .leftJoin(itOwner, eq(itOwner.id, objectives.itOwnerId))
    .leftJoin(itTeam, eq(itTeam.id, itOwner.teamId));
}

/** An objective row with its owners (null when absent) and KPI count. */
export type ObjectiveRow = Awaited<ReturnType<typeof findObjective>> & {};

/** One objective with its owners, or null. */
export async function findObjective(tx: Tx, workspaceId: string, id: string) {
  const [row] = await selectObjectives(tx).where(and(eq(objectives.workspaceId, workspaceId), eq(objectives.id, id)));
  return row ?? null;
}

/** Objectives of the workspace by period start then id, after a (periodStart, id) position. */
export async function listObjectives(
  tx: Tx,
  workspaceId: string,
  filter: { q?: string; activeOn?: string; parentId?: string; limit: number },
  after: { periodStart: string; id: string } | null,
) {
  const conditions: Array<SQL | undefined> = [
    eq(objectives.workspaceId, workspaceId),
    filter.q ? ilike(objectives.title, `%${escapeLike(filter.q)}%`) : undefined,
    filter.activeOn ? lte(objectives.periodStart, filter.activeOn) : undefined,
    filter.activeOn ? gte(objectives.periodEnd, filter.activeOn) : undefined,
    filter.parentId ? eq(objectives.parentId, filter.parentId) : undefined,
    after ? sql`(${objectives.periodStart}, ${objectives.id}) > (${after.periodStart}, ${after.id})` : undefined,
  ];
  return selectObjectives(tx)
    .where(and(...conditions))
    .orderBy(asc(objectives.periodStart), asc(objectives.id))
    .limit(filter.limit);
}

/** Every objective of the workspace (the review and side-by-side read them all), optionally active on a date. */
export async function listAllObjectives(tx: Tx, workspaceId: string, activeOn: string | null) {
  return selectObjectives(tx)
    .where(
      and(
        eq(objectives.workspaceId, workspaceId),
        activeOn ? lte(objectives.periodStart, activeOn) : undefined,
        activeOn ? gte(objectives.periodEnd, activeOn) : undefined,
      ),
    )
    .orderBy(asc(objectives.periodStart), asc(objectives.title), asc(objectives.id));
}

/** Creates an objective. */
export async function insertObjective(tx: Tx, values: typeof objectives.$inferInsert) {
  const [row] = await tx.insert(objectives).values(values).returning({ id: objectives.id });
  return row;
}

/** The earliest and latest dates of the measurements of an objective's KPIs (a new period must still hold them). */
export async function objectiveMeasurementSpan(tx: Tx, workspaceId: string, objectiveId: string) {
  const [row] = await tx
    .select({
      first: sql<string | null>`min(${kpiMeasurements.date})::text`,
      last: sql<string | null>`max(${kpiMeasurements.date})::text`,
    })
    .from(kpiMeasurements)
    .innerJoin(kpis, eq(kpis.id, kpiMeasurements.kpiId))
    .where(and(eq(kpis.workspaceId, workspaceId), eq(kpis.objectiveId, objectiveId)));
  return { first: row?.first ?? null, last: row?.last ?? null };
}
