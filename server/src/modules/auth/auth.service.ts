import type { LoginBody, Me, SetupBody } from "../../../../contracts/auth";
import type { TeamKind } from "../../../../contracts/people";
import type { Ctx, PublicCtx } from "../../context";
import type { Tx } from "../../db/client";
import { users } from "../../db/schema";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/audit.service";
import { revokeSession } from "../sessions/sessions.queries";
import { startSession } from "../sessions/sessions.service";
import {
  clearLoginFailures,
  countLoginFailures,
  countWorkspaces,
  findUserByEmail,
  insertLoginFailures,
  insertWorkspace,
} from "./auth.queries";
import { assertAcceptablePassword, hashPassword, verifyAgainstDummy, verifyPassword } from "./passwords";

/** Failures counted over this window… */
export const LOGIN_WINDOW_MS = 15 * 60_000;
/** …and this many of them, per account or per IP, block sign-in until the oldest ages out. */
export const LOGIN_MAX_FAILURES = 5;

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

/** Creates a workspace, its default teams and an admin in the chosen team (IT by default). */
export async function createWorkspaceWithAdmin(
  tx: Tx,
  input: { workspaceName: string; name: string; email: string; passwordHash: string; teamKind?: TeamKind },
  now: Date,
) {
  const { workspace, teams } = await insertWorkspace(tx, input.workspaceName, now);
  const team = teams.find((t) => t.kind === (input.teamKind ?? "it")) ?? teams[0];
  if (await findUserByEmail(tx, input.email)) {
    throw new AppError("conflict", "A user with this email already exists", [
      { path: "email", message: "is already in use" },
    ]);
  }
  const [user] = await tx
    .insert(users)
    .values({
      workspaceId: workspace.id,
      teamId: team.id,
      email: input.email,
      name: input.name,
      passwordHash: input.passwordHash,
      role: "admin",
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return { workspace, user };
}

/**
 * Signs in with email and password: rate-limited per account and per IP, every failure recorded,
 * a new session (a fresh token: rotation) on success.
 */
export async function signIn(ctx: PublicCtx, input: LoginBody) {
  const { database, now, ip } = ctx;
  const accountKey = `account:${input.email}`;
  const keys = ip ? [accountKey, `ip:${ip}`] : [accountKey];
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const failures = await countLoginFailures(database.db, keys, since);
  const blocking = [...failures.values()].filter((f) => f.n >= LOGIN_MAX_FAILURES);
  if (blocking.length > 0) {
    const until = Math.max(...blocking.map((f) => f.oldest.getTime() + LOGIN_WINDOW_MS));
    const seconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
    throw new AppError(
      "rate_limited",
      `Too many failed sign-ins. Try again in ${Math.ceil(seconds / 60)} minutes.`,
      undefined,
      {
        "retry-after": String(seconds),
      },
    );
  }
  const user = await findUserByEmail(database.db, input.email);
  let valid = false;
  if (user) valid = await verifyPassword(user.passwordHash, input.password);
  else await verifyAgainstDummy(input.password);
  if (!user || !valid || user.status !== "active") {
    await database.db.transaction(async (tx) => {
      await insertLoginFailures(tx, keys, now);
      if (user) {
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
      }
    });
    throw new AppError("invalid_credentials", "Email or password is wrong");
  }
  return database.db.transaction(async (tx) => {
    await clearLoginFailures(tx, accountKey);
    const started = await startSession(tx, user, ctx);
    await recordAudit(
      tx,
      { workspaceId: user.workspaceId, actorId: user.id, ip, at: now },
      { action: "auth.login", entityType: "session", entityId: started.session.id },
    );
    return started;
  });
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
