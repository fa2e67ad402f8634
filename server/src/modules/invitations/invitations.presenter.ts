import type { Invitation } from "#contracts/people";
import type { invitations, teams } from "../../db/schema";
import { statusOf } from "./invitations.rules";

/** An invitation row as admins see it (never its token). */
export function presentInvitation(
  row: {
    invitation: typeof invitations.$inferSelect;
    team: Pick<typeof teams.$inferSelect, "id" | "name" | "kind">;
    inviterName: string | null;
  },
  now: Date,
): Invitation {
  const { invitation, team } = row;
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    team: { id: team.id, name: team.name, kind: team.kind },
    invitedBy: invitation.invitedBy ? { id: invitation.invitedBy, name: row.inviterName ?? "(unknown)" } : null,
    status: statusOf(invitation, now),
    expiresAt: invitation.expiresAt.toISOString(),
    createdAt: invitation.createdAt.toISOString(),
  };
}
