// The Sessions' public door: starting a session (sign-in, setup, an accepted invitation), reading one back, and
// ending them (sign-out, a changed password).
export { revokeAllOfUser, revokeSession } from "./sessions.queries";
export { resolveSessionActor, SESSION_ABSOLUTE_MS, startSession } from "./sessions.service";
