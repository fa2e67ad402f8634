import type { AuditEvent } from "#contracts/audit";
import type { auditEvents } from "../../db/schema";

/** An audit event row as the API shows it. */
export function presentAuditEvent(row: {
  event: typeof auditEvents.$inferSelect;
  actorName: string | null;
}): AuditEvent {
  const { event } = row;
  return {
    id: event.id,
    seq: event.seq,
    at: event.at.toISOString(),
    actor: event.actorId ? { id: event.actorId, name: row.actorName ?? "(unknown)" } : null,
    actorLabel: event.actorLabel,
    ip: event.ip,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before ?? null,
    after: event.after ?? null,
    hash: event.hash,
  };
}
