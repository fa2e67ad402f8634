import type { User } from "#contracts/people";
import type { teams, users } from "../../db/schema";

/** A user row as the API shows it (never the password hash). */
export function presentUser(row: {
  user: Omit<typeof users.$inferSelect, "passwordHash">;
  team: Pick<typeof teams.$inferSelect, "id" | "name" | "kind">;
}): User {
  const { user, team } = row;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    status: user.status,
    team: { id: team.id, name: team.name, kind: team.kind },
    lastSeenAt: user.lastSeenAt?.toISOString() ?? null,
    emailNotifications: user.emailNotifications,
    version: user.version,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
