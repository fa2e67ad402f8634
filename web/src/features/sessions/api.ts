/** Whose sessions to list: the caller's own, or everyone's (admins). */
export type SessionScope = "mine" | "all";
