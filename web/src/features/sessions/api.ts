import type { Session } from "#contracts/people";
import { api } from "../../lib/api";

/** Whose sessions to list: the caller's own, or everyone's (admins). */
export type SessionScope = "mine" | "all";

/** A page of live sessions. */
export function listSessions(scope: SessionScope, cursor?: string) {
  return api<{ items: Session[]; nextCursor: string | null }>("/sessions", {
    query: { userId: scope === "all" ? "all" : undefined, cursor, limit: 50 },
  });
}

/** Ends a session at once. */
export function revokeSession(id: string) {
  return api<{ ok: true }>(`/sessions/${id}`, { method: "DELETE" });
}
