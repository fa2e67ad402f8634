// Drizzle queries of Health's pulse cadence, the pulses it launches and `health_state` (what the cached Alignment
// Index reads that no audit event announces).
import { and, eq, isNotNull, ne, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { healthCadences, healthStates, healthSurveys } from "../../db/schema";

export type CadenceRow = typeof healthCadences.$inferSelect;

export async function findCadence(tx: Tx, workspaceId: string): Promise<CadenceRow | null> {
  const [row] = await tx.select().from(healthCadences).where(eq(healthCadences.workspaceId, workspaceId));
  return row ?? null;
}

/** The cadence row locked for the rest of the transaction (null when the workspace never set one). */
export async function lockCadence(tx: Tx, workspaceId: string): Promise<CadenceRow | null> {
  const [row] = await tx
    .select()
    .from(healthCadences)
    .where(eq(healthCadences.workspaceId, workspaceId))
    .for("no key update");
  return row ?? null;
}

/** The first settings of a workspace; null when another request inserted them meanwhile. */
export async function insertCadence(tx: Tx, values: typeof healthCadences.$inferInsert): Promise<CadenceRow | null> {
  const [row] = await tx.insert(healthCadences).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Saves the settings if still at `version`; null when someone changed them meanwhile. */
export async function updateCadence(
  tx: Tx,
  workspaceId: string,
  version: number,
  changes: Partial<typeof healthCadences.$inferInsert>,
): Promise<CadenceRow | null> {
  const [row] = await tx
    .update(healthCadences)
    .set({ ...changes, version: version + 1 })
    .where(and(eq(healthCadences.workspaceId, workspaceId), eq(healthCadences.version, version)))
    .returning();
  return row ?? null;
}

/** Every workspace's cadence that launches pulses. */
export async function listActiveCadences(tx: Tx): Promise<CadenceRow[]> {
  return tx
    .select()
    .from(healthCadences)
    .where(and(ne(healthCadences.cadence, "off"), isNotNull(healthCadences.startsOn)));
}

/** The pulse launched for a cadence's launch day, if any. */
export async function findScheduledSurvey(tx: Tx, workspaceId: string, scheduledOn: string) {
  const [row] = await tx
    .select({ id: healthSurveys.id, status: healthSurveys.status })
    .from(healthSurveys)
    .where(and(eq(healthSurveys.workspaceId, workspaceId), eq(healthSurveys.scheduledOn, scheduledOn)));
  return row ?? null;
}

/** Whether a pulse the cadence launched is still open (a new launch day then waits for it to close). */
export async function hasOpenScheduledSurvey(tx: Tx, workspaceId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: healthSurveys.id })
    .from(healthSurveys)
    .where(
      and(
        eq(healthSurveys.workspaceId, workspaceId),
        eq(healthSurveys.status, "open"),
        isNotNull(healthSurveys.scheduledOn),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * Inserts the pulse of a launch day, or nothing when that day's pulse exists (the unique key on the workspace and
 * the day): a second process, or the job retried, finds it there and launches nothing.
 */
export async function insertScheduledSurvey(
  tx: Tx,
  values: typeof healthSurveys.$inferInsert & { scheduledOn: string },
): Promise<typeof healthSurveys.$inferSelect | null> {
  const [row] = await tx.insert(healthSurveys).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/**
 * Bumps the workspace's Health state (a change the audit log does not announce, such as released answers). `at`
 * null keeps no time: a release is written by the answer that reached a step of k, and its time must not be kept.
 */
export async function bumpHealthState(tx: Tx, workspaceId: string, at: Date | null) {
  await tx
    .insert(healthStates)
    .values({ workspaceId, version: 1, updatedAt: at ?? new Date(0) })
    .onConflictDoUpdate({
      target: healthStates.workspaceId,
      set: at
        ? { version: sql`${healthStates.version} + 1`, updatedAt: at }
        : { version: sql`${healthStates.version} + 1` },
    });
}

/** The workspace's Health state (0 before anything bumped it). */
export async function readHealthState(tx: Tx, workspaceId: string): Promise<number> {
  const [row] = await tx
    .select({ version: healthStates.version })
    .from(healthStates)
    .where(eq(healthStates.workspaceId, workspaceId));
  return row?.version ?? 0;
}
