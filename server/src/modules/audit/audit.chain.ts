import { createHash } from "node:crypto";
import { canonicalJson } from "../../lib/canonical-json";

/** The hash of the chain before its first event. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * The hash scheme new events are written with. A stored hash names its scheme like a password hash does:
 * scheme 1 (the first chains) is bare hex; later schemes are `v<N>:` and hex. Existing chains keep verifying
 * under the scheme each event was written with, and a scheme never goes back down along a chain.
 */
export const CURRENT_HASH_SCHEME = 2;

/** The columns of an audit event that its hash covers (scheme 1 covers all but id and createdAt). */
export interface ChainedFields {
  id: string;
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
  createdAt: Date;
}

/** The scheme a stored hash was written with, or null when the text is not a hash of any known scheme. */
export function hashSchemeOf(hash: string): number | null {
  if (/^[0-9a-f]{64}$/.test(hash)) return 1;
  const match = /^v(\d{1,3}):[0-9a-f]{64}$/.exec(hash);
  const scheme = match ? Number(match[1]) : null;
  return scheme !== null && scheme >= 2 && scheme <= CURRENT_HASH_SCHEME ? scheme : null;
}

/**
 * SHA-256 over the previous hash and the event's canonical JSON. Scheme 2 covers every column of the row
 * (id, created_at and the previous hash included) and names its scheme inside what it hashes.
 */
export function computeAuditHash(prevHash: string, event: ChainedFields, scheme = CURRENT_HASH_SCHEME): string {
  const content = {
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
  };
  if (scheme === 1) return sha256(prevHash, canonicalJson(content));
  const body = canonicalJson({
    ...content,
    scheme,
    id: event.id,
    createdAt: event.createdAt.toISOString(),
    prevHash,
  });
  return `v${scheme}:${sha256(prevHash, body)}`;
}

function sha256(prevHash: string, body: string): string {
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}
