import type { Invitation } from "#contracts/people";
import type { invitations } from "../../db/schema";

/** The status of an invitation at `now`. */
export function statusOf(invitation: typeof invitations.$inferSelect, now: Date): Invitation["status"] {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  return invitation.expiresAt <= now ? "expired" : "pending";
}
