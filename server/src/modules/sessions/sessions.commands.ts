// The Sessions' public door: starting a session (sign-in, setup, an accepted invitation), reading one back, and
// ending them (sign-out, a changed password).
// The purge job deletes the sessions that ended or expired.
export { deleteDeadSessions, revokeAllOfUser, revokeSession } from "./sessions.queries";
export { resolveSessionActor, SESSION_ABSOLUTE_MS, startSession } from "./sessions.service";
