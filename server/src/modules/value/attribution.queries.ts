import { and, asc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { attributionRuns, outcomes, touchpoints } from "../../db/schema";
import { isUniqueViolation } from "../../lib/db-errors";

/** Where a chunked read stopped: the last row's exact time (as PostgreSQL prints it) and id. */
export interface ReadPosition {
  at: string;
  id: number;
}

const afterPosition = (table: typeof touchpoints | typeof outcomes, after: ReadPosition) =>
  sql`(${table.occurredAt}, ${table.id}) > (${after.at}::timestamptz, ${after.id})`;

/**
 * The next `limit` touchpoints of the workspace in [from, to), by (occurred_at, id) after `after`: a run reads
 * the rows that exist, a chunk at a time, however they spread over the period.
 */
export function listTouchpointChunk(
  tx: Tx,
  workspaceId: string,
  range: { from: Date; to: Date },
  after: ReadPosition | null,
  limit: number,
) {
  return tx
    .select({
      id: touchpoints.id,
      journeyId: touchpoints.journeyId,
      // Milliseconds as a float8, which the driver hands over as a number: no Date per row.
      time: sql<number>`floor(extract(epoch from ${touchpoints.occurredAt}) * 1000)::float8`,
      channel: touchpoints.channel,
    })
    .from(touchpoints)
    .where(
      and(
        eq(touchpoints.workspaceId, workspaceId),
        gte(touchpoints.occurredAt, range.from),
        lt(touchpoints.occurredAt, range.to),
        after ? afterPosition(touchpoints, after) : undefined,
      ),
    )
    .orderBy(asc(touchpoints.occurredAt), asc(touchpoints.id))
    .limit(limit);
}

/** The next `limit` conversions of the workspace in [from, to), by (occurred_at, id) after `after`. */
export function listOutcomeChunk(
  tx: Tx,
  workspaceId: string,
  range: { from: Date; to: Date },
  after: ReadPosition | null,
  limit: number,
) {
  return tx
    .select({
      id: outcomes.id,
      journeyId: outcomes.journeyId,
      time: sql<number>`floor(extract(epoch from ${outcomes.occurredAt}) * 1000)::float8`,
      value: outcomes.value,
    })
    .from(outcomes)
    .where(
      and(
        eq(outcomes.workspaceId, workspaceId),
        gte(outcomes.occurredAt, range.from),
        lt(outcomes.occurredAt, range.to),
        after ? afterPosition(outcomes, after) : undefined,
      ),
    )
    .orderBy(asc(outcomes.occurredAt), asc(outcomes.id))
    .limit(limit);
}

/** The exact read position of one touchpoint or conversion (microseconds kept: milliseconds would repeat rows). */
export async function findReadPosition(tx: Tx, table: "touchpoint" | "outcome", id: number): Promise<ReadPosition> {
  const source = table === "touchpoint" ? touchpoints : outcomes;
  const [row] = await tx
    .select({ at: sql<string>`${source.occurredAt}::text` })
    .from(source)
    .where(eq(source.id, id));
  return { at: row.at, id };
}

/**
 * Claims a queued run for this process (running). Null when it is no longer queued, or when another run of its
 * workspace is running: one at a time per workspace (a unique index holds it across processes).
 */
export async function claimRun(db: Tx, id: string, now: Date) {
  try {
    const [claimed] = await db
      .update(attributionRuns)
      .set({ status: "running", progress: 0.01, progressNote: "Starting", updatedAt: now })
      .where(and(eq(attributionRuns.id, id), eq(attributionRuns.status, "queued")))
      .returning();
    return claimed ?? null;
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/** Writes a running run's progress; false when it is no longer running (cancelled meanwhile). */
export async function updateRunProgress(db: Tx, id: string, progress: number, note: string, now: Date) {
  const rows = await db
    .update(attributionRuns)
    .set({ progress, progressNote: note, updatedAt: now })
    .where(and(eq(attributionRuns.id, id), eq(attributionRuns.status, "running")))
    .returning({ id: attributionRuns.id });
  return rows.length > 0;
}

/** Ends a running run (done or failed) unless it was cancelled meanwhile; returns whether it was still running. */
export async function finishRun(db: Tx, id: string, changes: Partial<typeof attributionRuns.$inferInsert>) {
  const rows = await db
    .update(attributionRuns)
    .set(changes)
    .where(and(eq(attributionRuns.id, id), eq(attributionRuns.status, "running")))
    .returning({ id: attributionRuns.id });
  return rows.length > 0;
}

/** Cancels the given runs of the workspace that are still queued or running; returns the ids it cancelled. */
export async function cancelRuns(tx: Tx, workspaceId: string, where: { ids?: string[]; scope?: RunScope }, now: Date) {
  const scope = where.scope;
  const rows = await tx
    .update(attributionRuns)
    .set({ status: "cancelled", progressNote: "", updatedAt: now })
    .where(
      and(
        eq(attributionRuns.workspaceId, workspaceId),
        inArray(attributionRuns.status, ["queued", "running"]),
        where.ids ? inArray(attributionRuns.id, where.ids) : undefined,
        scope
          ? and(
              eq(attributionRuns.source, scope.source),
              eq(attributionRuns.periodStart, scope.periodStart),
              eq(attributionRuns.periodEnd, scope.periodEnd),
            )
          : undefined,
      ),
    )
    .returning({ id: attributionRuns.id });
  return rows.map((row) => row.id);
}

/** What makes two runs the same question: the data they read and its period. A newer run cancels an older one. */
export interface RunScope {
  source: "touchpoints" | "paths";
  periodStart: string;
  periodEnd: string;
}

/** The workspace's oldest queued run, or null. */
export async function findNextQueuedRun(db: Tx, workspaceId: string) {
  const [row] = await db
    .select({ id: attributionRuns.id })
    .from(attributionRuns)
    .where(and(eq(attributionRuns.workspaceId, workspaceId), eq(attributionRuns.status, "queued")))
    .orderBy(asc(attributionRuns.createdAt), asc(attributionRuns.id))
    .limit(1);
  return row?.id ?? null;
}

/** Deletes a run that never answered (a run in the request whose input had nothing to attribute). */
export async function deleteRun(db: Tx, id: string) {
  await db.delete(attributionRuns).where(eq(attributionRuns.id, id));
}

/**
 * Runs stalled while running since before `stalledBefore` are queued again; returns the workspaces with runs
 * queued since before `queuedBefore`.
 */
export async function requeueStalledRuns(db: Tx, stalledBefore: Date, queuedBefore: Date) {
  await db
    .update(attributionRuns)
    .set({ status: "queued", progress: 0, progressNote: "Restarted after an interruption" })
    .where(and(eq(attributionRuns.status, "running"), lt(attributionRuns.updatedAt, stalledBefore)));
  const rows = await db
    .selectDistinct({ workspaceId: attributionRuns.workspaceId })
    .from(attributionRuns)
    .where(and(eq(attributionRuns.status, "queued"), lt(attributionRuns.updatedAt, queuedBefore)));
  return rows.map((row) => row.workspaceId);
}

/** Stores a run as running unless another run of its workspace is running; null then. */
export async function insertRunIfNoneRunning(tx: Tx, values: typeof attributionRuns.$inferInsert) {
  const [row] = await tx
    .insert(attributionRuns)
    .values(values)
    .onConflictDoNothing({ target: attributionRuns.workspaceId, where: sql`${attributionRuns.status} = 'running'` })
    .returning({ id: attributionRuns.id });
  return row ?? null;
}
