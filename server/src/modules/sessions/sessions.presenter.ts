import type { Session } from "#contracts/people";
import type { sessions } from "../../db/schema";

/** A session row as the API shows it (never its token or CSRF secret). */
export function presentSession(
  row: { session: typeof sessions.$inferSelect; userName: string },
  currentSessionId: string | null,
): Session {
  const { session } = row;
  return {
    id: session.id,
    user: { id: session.userId, name: row.userName },
    ip: session.ip,
    userAgent: session.userAgent,
    current: session.id === currentSessionId,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    idleExpiresAt: session.idleExpiresAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
  };
}
