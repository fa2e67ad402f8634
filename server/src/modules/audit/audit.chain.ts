import { createHash } from "node:crypto";
import { canonicalJson } from "../../lib/canonical-json";

/** The hash of the chain before its first event. */
export const GENESIS_HASH = "0".repeat(64);

/** The fields of an audit event that its hash covers. */
export interface ChainedFields {
  workspaceId: string;
  seq: number;
  at: Date;
  actorId: string | null;
  actorLabel: string | null;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** SHA-256 over the previous hash and the event's canonical JSON. */
export function computeAuditHash(prevHash: string, event: ChainedFields): string {
  const body = canonicalJson({
    workspaceId: event.workspaceId,
    seq: event.seq,
    at: event.at.toISOString(),
    actorId: event.actorId,
    actorLabel: event.actorLabel,
    ip: event.ip,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before ?? null,
    after: event.after ?? null,
  });
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}
