import type { AuditEvent, AuditVerification } from "#contracts/audit";
import { api } from "../../lib/api";

/** A page of audit events, newest first. */
export function listAudit(filters: { action?: string }, cursor?: string) {
  return api<{ items: AuditEvent[]; nextCursor: string | null }>("/audit", {
    query: { action: filters.action, cursor, limit: 50 },
  });
}

/** Re-computes the workspace's hash chain on the server. */
export function verifyAudit() {
  return api<AuditVerification>("/audit/verify");
}

/** Every action the workspace's log holds, for the filter. */
export function listAuditActions() {
  return api<{ items: string[] }>("/audit/actions");
}
