import { z } from "zod";
import { Id, ListQuery, page, Timestamp } from "./common";

/** One entry of the append-only, hash-chained audit log. */
export const AuditEvent = z.object({
  id: Id,
  seq: z.number().int(),
  at: Timestamp,
  actor: z.object({ id: Id, name: z.string() }).nullable(),
  actorLabel: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditList = page(AuditEvent);
export const AuditListQuery = ListQuery.extend({
  action: z.string().max(80).optional(),
  entityType: z.string().max(80).optional(),
  actorId: Id.optional(),
  entityId: z.string().max(80).optional(),
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;

/** The result of re-computing the audit hash chain. */
export const AuditVerification = z.object({
  intact: z.boolean(),
  checked: z.number().int(),
  /** The first event whose hash or link does not match, when the chain is broken. */
  firstBrokenSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
  /** The chain's last event when intact: note it somewhere else to notice a re-hashed chain later. */
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;

/** Every action the workspace's audit log holds, for the filter. */
export const AuditActions = z.object({ items: z.array(z.string()) });
