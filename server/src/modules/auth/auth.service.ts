import type { LoginBody, Me, SetupBody } from "#contracts/auth";
import type { TeamKind } from "#contracts/people";
import type { Ctx, PublicCtx } from "../../context";
import type { Db, Tx } from "../../db/client";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/audit.commands";
import { resolveSessionActor, revokeSession, startSession } from "../sessions/sessions.commands";
import { countWorkspaces, createWorkspace } from "../workspaces/workspaces.commands";
import {
  clearLoginFailures,
  countLoginFailures,
  deleteLoginFailures,
  findUserByEmail,
  insertAdminUser,
  insertLoginFailures,
  lockLoginAccount,
} from "./auth.queries";
import { assertAcceptablePassword, hashPassword, verifyAgainstDummy, verifyPassword } from "./passwords";
import { judgeAccount, judgeIp, LOGIN_WINDOW_MS } from "./sign-in-limits";

// Any fixed number: concurrent setups queue behind it, so only one can create the first workspace.
const SETUP_LOCK = 7_346_222;

/** Whether the installation still has no workspace. */
export async function getSetupStatus(database: PublicCtx["database"]) {
  return { needsSetup: (await countWorkspaces(database.db)) === 0 };
}

/** Creates the first workspace and its first admin, and signs them in. Refused once any workspace exists. */
export async function setUpInstallation(ctx: PublicCtx, input: SetupBody) {
  assertAcceptablePassword(input.password, "password", input.email);
  const passwordHash = await hashPassword(input.password);
  return ctx.database.db.transaction(async (tx) => {
    await tx.execute(`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`);
    if ((await countWorkspaces(tx)) > 0) {
      throw new AppError(
        "already_set_up",
        "This installation already has a workspace; ask its admin for an invitation",
      );
    }
    const created = await createWorkspaceWithAdmin(tx, { ...input, passwordHash }, ctx.now);
    await recordAudit(
      tx,
      { workspaceId: created.workspace.id, actorId: created.user.id, ip: ctx.ip, at: ctx.now },
      {
        action: "workspace.created",
        entityType: "workspace",
        entityId: created.workspace.id,
        after: { name: input.workspaceName, admin: input.email },
      },
    );
    const { token, session } = await startSession(tx, created.user, ctx);
    return { ...created, token, session };
  });
}

/** Creates a workspace (with every module's defaults) and an admin in the chosen team (IT by default). */
export async function createWorkspaceWithAdmin(
  tx: Tx,
  input: { workspaceName: string; name: string; email: string; passwordHash: string; teamKind?: TeamKind },
  now: Date,
) {
  const { workspace, teams } = await createWorkspace(tx, input.workspaceName, now);
  const team = teams.find((t) => t.kind === (input.teamKind ?? "it")) ?? teams[0];
  if (await findUserByEmail(tx, input.email)) {
    throw new AppError("conflict", "A user with this email already exists", [
      { path: "email", message: "is already in use" },
    ]);
  }
  const user = await insertAdminUser(tx, {
    workspaceId: workspace.id,
    teamId: team.id,
    email: input.email,
    name: input.name,
    passwordHash: input.passwordHash,
    createdAt: now,
    updatedAt: now,
  });
  return { workspace, user };
}

/**
 * Signs in with email and password. The attempt is reserved (counted as a failure) before the password is
 * checked, under the account's lock, so parallel guesses cannot slip past the count; a success withdraws it.
 * Limits per account and per IP: `sign-in-limits.ts`. A new session (a fresh token: rotation) on success.
 */
export async function signIn(ctx: PublicCtx, input: LoginBody) {
  const { database, now, ip } = ctx;
  const accountKey = `account:${input.email}`;
  const reservation = await reserveAttempt(database.db, accountKey, ip ? `ip:${ip}` : null, now);
  if (!reservation.admitted) throw tooManyFailures(reservation.retryAfterMs, reservation.locked);
  const user = await findUserByEmail(database.db, input.email);
  let valid = false;
  if (user) valid = await verifyPassword(user.passwordHash, input.password);
  else await verifyAgainstDummy(input.password);
  if (!user || !valid || user.status !== "active") {
    if (user) {
      await database.db.transaction(async (tx) => {
        await recordAudit(
          tx,
          { workspaceId: user.workspaceId, actorId: null, actorLabel: input.email, ip, at: now },
          {
            action: "auth.login_failed",
            entityType: "user",
            entityId: user.id,
            after: { reason: !valid ? "wrong password" : "deactivated" },
          },
        );
      });
    }
    // An IP past its threshold hears 429 for a wrong answer; its correct answers still sign in.
    if (reservation.ip.blocked) throw tooManyFailures(reservation.ip.retryAfterMs, false);
    throw new AppError("invalid_credentials", "Email or password is wrong");
  }
  return database.db.transaction(async (tx) => {
    await clearLoginFailures(tx, accountKey);
    await deleteLoginFailures(tx, reservation.ids);
    const started = await startSession(tx, user, ctx);
    await recordAudit(
      tx,
      { workspaceId: user.workspaceId, actorId: user.id, ip, at: now },
      { action: "auth.login", entityType: "session", entityId: started.session.id },
    );
    return started;
  });
}

// Under the account's lock: judge the account, then record this attempt as a failure of the account and the IP.
async function reserveAttempt(db: Db, accountKey: string, ipKey: string | null, now: Date) {
  return db.transaction(async (tx) => {
    await lockLoginAccount(tx, accountKey);
    const keys = ipKey ? [accountKey, ipKey] : [accountKey];
    const failures = await countLoginFailures(tx, keys, new Date(now.getTime() - LOGIN_WINDOW_MS));
    const account = judgeAccount(failures.get(accountKey), now);
    if (!account.admitted) return account;
    const ipVerdict = judgeIp(ipKey ? failures.get(ipKey) : undefined, now);
    const reserved = await insertLoginFailures(tx, keys, now);
    return { admitted: true as const, ids: reserved.map((row) => row.id), ip: ipVerdict };
  });
}

function tooManyFailures(retryAfterMs: number, locked: boolean) {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const wait = seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return new AppError(
    "rate_limited",
    locked
      ? `Too many failed sign-ins to this account. Try again in ${wait}.`
      : `Too many failed sign-ins. Try again in ${wait}.`,
    undefined,
    { "retry-after": String(seconds) },
  );
}

/** Ends the current session. */
export async function signOut(ctx: Ctx) {
  const { actor, database, now } = ctx;
  if (!actor.sessionId) return;
  const sessionId = actor.sessionId;
  await database.db.transaction(async (tx) => {
    await revokeSession(tx, actor.workspaceId, sessionId, now);
    await recordAudit(
      tx,
      { workspaceId: actor.workspaceId, actorId: actor.userId, ip: ctx.ip, at: now },
      { action: "auth.logout", entityType: "session", entityId: sessionId },
    );
  });
}

/** `/me` for a session just started (sign-in, setup, an accepted invitation), read back as the next request will. */
export async function readNewSessionMe(ctx: PublicCtx, token: string): Promise<Me> {
  const resolved = await resolveSessionActor(ctx.database, token, ctx.now);
  if (!resolved) throw new AppError("internal_error", "The new session could not be read back");
  return getMe({ database: ctx.database, actor: resolved.actor, ip: ctx.ip, now: ctx.now }, resolved);
}

/** The signed-in user with their team, workspace and CSRF token (all known from the session lookup). */
export function getMe({ actor }: Ctx, session: { csrfToken: string; expiresAt: Date } | null): Me {
  return {
    user: { id: actor.userId, name: actor.name, email: actor.email, role: actor.role },
    team: { id: actor.teamId, name: actor.teamName, kind: actor.teamKind },
    workspace: { id: actor.workspaceId, name: actor.workspaceName },
    csrfToken: session?.csrfToken ?? null,
    auth: actor.via,
    sessionExpiresAt: session?.expiresAt.toISOString() ?? null,
  };
}
