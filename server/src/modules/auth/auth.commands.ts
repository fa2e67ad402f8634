// Auth's public door for other modules: passwords (checked, hashed, verified), a user by email, and `/me` for a
// session just started (an accepted invitation signs the person in as setup and sign-in do).
import type { Tx } from "../../db/client";
import { deleteOldLoginFailures } from "./auth.queries";
import { LOGIN_WINDOW_MS } from "./sign-in-limits";

export { findUserByEmail } from "./auth.queries";
/** A new workspace with its first admin (setup, and `tandem create-admin --new-workspace`). */
export { createWorkspaceWithAdmin, readNewSessionMe } from "./auth.service";
export { assertAcceptablePassword, hashPassword, verifyPassword } from "./passwords";

/** Deletes the sign-in failures older than the sign-in window (the purge job): they can no longer lock anyone out. */
export async function purgeOldLoginFailures(tx: Tx, now: Date) {
  return deleteOldLoginFailures(tx, new Date(now.getTime() - LOGIN_WINDOW_MS));
}
