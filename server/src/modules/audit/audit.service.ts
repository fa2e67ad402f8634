import { randomUUID } from "node:crypto";
import type { AuditListQuery, AuditVerification } from "#contracts/audit";
import type { Ctx } from "../../context";
import type { Database, Tx } from "../../db/client";
import { decodeCursor, encodeCursor, invalidCursor, takePage } from "../../lib/cursor";
import { authorize } from "../../policy";
import { type ChainedFields, computeAuditHash, GENESIS_HASH, hashSchemeOf } from "./audit.chain";
import {
  findAuditEventHash,
  findAuditHead,
  insertAuditEvent,
  listAuditActions,
  listAuditBatch,
  listAuditEvents,
  lockAuditHead,
} from "./audit.queries";

/**
 * The workspace's audit sequence number now (0 before its first event). Every change to a workspace's records is
 * audited in its own transaction, so this grows with each committed change: a cheap version of everything audited.
 */
export async function readAuditSeq(tx: Tx, workspaceId: string): Promise<number> {
  return (await findAuditHead(tx, workspaceId))?.seq ?? 0;
}

/** Who did something, where and when: the part of an audit event that comes from the request. */
export interface AuditOrigin {
  workspaceId: string;
  actorId: string | null;
  /** How the actor is named when there is no user (a failed sign-in's email, "system", "cli"). */
  actorLabel?: string | null;
  ip: string | null;
  at: Date;
}

/** What happened. */
export interface AuditChange {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** The audit origin of a signed-in request. */
export function originOf(ctx: Ctx): AuditOrigin {
  return { workspaceId: ctx.actor.workspaceId, actorId: ctx.actor.userId, ip: ctx.ip, at: ctx.now };
}

/** Appends one event to the workspace's hash chain, inside the caller's transaction. */
export async function recordAudit(tx: Tx, origin: AuditOrigin, change: AuditChange): Promise<void> {
  const head = await lockAuditHead(tx, origin.workspaceId);
  const fields: ChainedFields = {
    id: randomUUID(),
    workspaceId: origin.workspaceId,
    seq: (head?.seq ?? 0) + 1,
    at: origin.at,
    actorId: origin.actorId,
    actorLabel: origin.actorLabel ?? null,
    ip: origin.ip,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId ?? null,
    // Stored as JSON: normalise through JSON so the hash covers exactly what is read back.
    before: change.before === undefined ? null : JSON.parse(JSON.stringify(change.before)),
    after: change.after === undefined ? null : JSON.parse(JSON.stringify(change.after)),
    createdAt: new Date(),
  };
  const prevHash = head?.hash ?? GENESIS_HASH;
  const hash = computeAuditHash(prevHash, fields);
  await insertAuditEvent(tx, { ...fields, prevHash, hash }, head === null);
}

/** A page of the audit log, newest first. */
export async function listAudit({ database, actor }: Ctx, query: AuditListQuery) {
  authorize(actor, "audit.read");
  const [beforeSeq] = decodeCursor(query.cursor, 1) ?? [null];
  if (beforeSeq !== null && !Number.isSafeInteger(beforeSeq)) throw invalidCursor();
  const rows = await listAuditEvents(database.db, actor.workspaceId, query, beforeSeq as number | null);
  return takePage(rows, query.limit, (row) => encodeCursor([row.event.seq]));
}

/**
 * The history of one record, newest first, for anyone who may read the record (the caller checks that):
 * who changed what and when, without the IP addresses only admins see.
 */
export async function listRecordHistory(ctx: Ctx, entityId: string, query: { limit: number; cursor?: string }) {
  const [beforeSeq] = decodeCursor(query.cursor, 1) ?? [null];
  if (beforeSeq !== null && !Number.isSafeInteger(beforeSeq)) throw invalidCursor();
  const rows = await listAuditEvents(
    ctx.database.db,
    ctx.actor.workspaceId,
    { limit: query.limit, entityId },
    beforeSeq as number | null,
  );
  const page = takePage(rows, query.limit, (row) => encodeCursor([row.event.seq]));
  const isAdmin = ctx.actor.role === "admin";
  return {
    items: page.items.map((row) => (isAdmin ? row : { ...row, event: { ...row.event, ip: null } })),
    nextCursor: page.nextCursor,
  };
}

/** Every action the workspace's log holds (admins), for the audit page's filter. */
export async function listActions({ database, actor }: Ctx) {
  authorize(actor, "audit.read");
  return { items: await listAuditActions(database.db, actor.workspaceId) };
}

/**
 * Re-computes the workspace's chain from the first event and reports the first break: an event changed,
 * missing or out of order, a hash scheme that goes back down, and a head that is missing, rewound or ahead.
 * (A chain re-hashed as a whole after an edit is consistent in itself: only an anchor kept elsewhere tells.)
 */
export async function verifyAuditChain(database: Database, workspaceId: string): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let prevScheme = 1;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const batch = await listAuditBatch(database.db, workspaceId, expectedSeq - 1, 1000);
    for (const event of batch) {
      const broken = (reason: string) => ({ intact: false, checked, firstBrokenSeq: event.seq, reason, head: null });
      if (event.seq !== expectedSeq) return broken(`event ${expectedSeq} is missing`);
      if (event.prevHash !== prevHash) return broken("its link to the previous event does not match");
      const scheme = hashSchemeOf(event.hash);
      if (scheme === null) return broken("its hash is not of a known scheme");
      if (scheme < prevScheme) return broken("its hash scheme is older than the previous event's");
      if (computeAuditHash(prevHash, event, scheme) !== event.hash)
        return broken("its content does not match its hash");
      prevHash = event.hash;
      prevScheme = scheme;
      expectedSeq++;
      checked++;
    }
    if (batch.length < 1000) break;
  }
  const head = await findAuditHead(database.db, workspaceId);
  const brokenHead = (reason: string) => ({ intact: false, checked, firstBrokenSeq: checked + 1, reason, head: null });
  if (!head && checked > 0) return brokenHead("the chain's head (audit_head) is missing");
  if (head && head.seq > checked) return brokenHead("events after the last one found are missing");
  if (head && head.seq < checked) {
    return { ...brokenHead(`the head was moved back to event ${head.seq}`), firstBrokenSeq: head.seq + 1 };
  }
  if (head && head.hash !== prevHash) return brokenHead("the head's hash does not match the last event");
  return {
    intact: true,
    checked,
    firstBrokenSeq: null,
    reason: null,
    head: head && { seq: head.seq, hash: head.hash },
  };
}

/** One head of a chain as noted at some time outside the database (`tandem audit anchor`). */
export interface AuditAnchor {
  workspaceId: string;
  seq: number;
  hash: string;
  anchoredAt: string;
}

/** Whether the chain still holds an anchored event unchanged; the reason when it does not. */
export async function checkAuditAnchor(database: Database, anchor: AuditAnchor): Promise<string | null> {
  const hash = await findAuditEventHash(database.db, anchor.workspaceId, anchor.seq);
  if (hash === null) return `event ${anchor.seq}, anchored at ${anchor.anchoredAt}, is no longer in the chain`;
  if (hash !== anchor.hash) {
    return `event ${anchor.seq} no longer has the hash anchored at ${anchor.anchoredAt}: the chain was rewritten`;
  }
  return null;
}

/** The verification as an admin asks for it. */
export async function verifyAudit({ database, actor }: Ctx): Promise<AuditVerification> {
  authorize(actor, "audit.verify");
  return verifyAuditChain(database, actor.workspaceId);
}
