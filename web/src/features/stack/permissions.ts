import type { User } from "#contracts/people";
import type { Tool } from "#contracts/stack";

/** What the signed-in person may change on tools, mirroring the server's field rules. */
export interface StackPermissions {
  canWrite: boolean;
  canSanction: boolean;
  canSetFunctionalFit: (tool: Pick<Tool, "businessOwner"> | null) => boolean;
}

/** Field rules: IT/security sanction and score technical fit; marketing and the business owner score functional fit. */
export function stackPermissionsOf(
  me: { id: string; role: "admin" | "member" | "viewer" },
  people: User[] | undefined,
): StackPermissions {
  const kind = people?.find((person) => person.id === me.id)?.team.kind;
  const isAdmin = me.role === "admin";
  const isMember = me.role === "member";
  return {
    canWrite: me.role !== "viewer",
    canSanction: isAdmin || (isMember && (kind === "it" || kind === "security")),
    canSetFunctionalFit: (tool) =>
      isAdmin || (isMember && kind === "marketing") || (isMember && tool?.businessOwner?.id === me.id),
  };
}
