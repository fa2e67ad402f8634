import { and, asc, desc, eq, gt, lt, type SQL } from "drizzle-orm";
import type { AuditListQuery } from "#contracts/audit";
import { lockName } from "../../db/advisory";
import type { Tx } from "../../db/client";
import { auditEvents, auditHeads, users } from "../../db/schema";

/**
 * Locks the workspace's chain head for this transaction and returns it (null before the first event). Before the
 * first event there is no row to lock, so parallel first events queue on an advisory lock and read again: the one
 * that waited sees the head the other committed.
 */
export async function lockAuditHead(tx: Tx, workspaceId: string) {
  const read = async () =>
    (await tx.select().from(auditHeads).where(eq(auditHeads.workspaceId, workspaceId)).for("no key update"))[0] ?? null;
  const head = await read();
  if (head) return head;
  await lockName(tx, "first-audit-event", workspaceId);
  return read();
}

/** Appends an event and moves the head; both in the caller's transaction. */
export async function insertAuditEvent(tx: Tx, event: typeof auditEvents.$inferInsert, isFirst: boolean) {
  await tx.insert(auditEvents).values(event);
  if (isFirst) {
    await tx.insert(auditHeads).values({ workspaceId: event.workspaceId, seq: event.seq, hash: event.hash });
  } else {
    await tx
      .update(auditHeads)
      .set({ seq: event.seq, hash: event.hash, updatedAt: event.at })
      .where(eq(auditHeads.workspaceId, event.workspaceId));
  }
}

/** A page of events, newest first, keyset by seq. */
export async function listAuditEvents(tx: Tx, workspaceId: string, query: AuditListQuery, beforeSeq: number | null) {
  const conditions: SQL[] = [eq(auditEvents.workspaceId, workspaceId)];
  if (beforeSeq !== null) conditions.push(lt(auditEvents.seq, beforeSeq));
  if (query.action) conditions.push(eq(auditEvents.action, query.action));
  if (query.entityType) conditions.push(eq(auditEvents.entityType, query.entityType));
  if (query.actorId) conditions.push(eq(auditEvents.actorId, query.actorId));
  if (query.entityId) conditions.push(eq(auditEvents.entityId, query.entityId));
  return tx
    .select({ event: auditEvents, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.seq))
    .limit(query.limit + 1);
}

/** Events in chain order after `afterSeq`, a batch at a time, for verification. */
export function listAuditBatch(tx: Tx, workspaceId: string, afterSeq: number, limit: number) {
  return tx
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.workspaceId, workspaceId), gt(auditEvents.seq, afterSeq)))
    .orderBy(asc(auditEvents.seq))
    .limit(limit);
}

/** The head of a workspace's chain, without locking it. */
export async function findAuditHead(tx: Tx, workspaceId: string) {
  const [head] = await tx.select().from(auditHeads).where(eq(auditHeads.workspaceId, workspaceId));
  return head ?? null;
}

/** The hash of one event of a workspace's chain, or null when the chain has no such event. */
export async function findAuditEventHash(tx: Tx, workspaceId: string, seq: number) {
  const [row] = await tx
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .where(and(eq(auditEvents.workspaceId, workspaceId), eq(auditEvents.seq, seq)));
  return row?.hash ?? null;
}

/** The distinct actions recorded in a workspace (a loose index scan over the (workspace, action) index). */
export async function listAuditActions(tx: Tx, workspaceId: string) {
  const rows = await tx
    .selectDistinct({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.workspaceId, workspaceId))
    .orderBy(auditEvents.action);
  return rows.map((row) => row.action);
}
