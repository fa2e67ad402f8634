import type { ChangePasswordBody, PasswordChanged, UpdateUserBody, UserListQuery } from "#contracts/people";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { assertReferences } from "../../db/references";
import { AppError, assertFound, staleEdit } from "../../errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { assertAcceptablePassword, hashPassword, verifyPassword } from "../auth/auth.commands";
import { revokePendingInvitedBy } from "../invitations/invitations.commands";
import { revokeAllOfUser } from "../sessions/sessions.commands";
import { deleteCalendarFeed } from "../stack/stack.commands";
import {
  findUser,
  findUserCredentials,
  lockActiveAdmins,
  pageUsers,
  type UserRecord,
  updateUser,
} from "./users.queries";

/** The fields of a user kept in the audit log. */
function auditedUser(user: UserRecord) {
  return {
    name: user.name,
    email: user.email,
    role: user.role,
    status: user.status,
    teamId: user.teamId,
    emailNotifications: user.emailNotifications,
  };
}

/** People of the workspace. */
export async function listWorkspaceUsers(ctx: Ctx, query: UserListQuery) {
  authorize(ctx.actor, "user.list");
  return pageUsers(ctx.database.db, ctx.actor.workspaceId, query);
}

/** One person. */
export async function getUser(ctx: Ctx, id: string) {
  authorize(ctx.actor, "user.read");
  return assertFound(await findUser(ctx.database.db, ctx.actor.workspaceId, id), "User");
}

/**
 * Edits a person. Field rules come from the policy; the last active admin cannot be demoted or
 * deactivated; deactivation ends the person's sessions and API tokens at once.
 */
export async function editUser(ctx: Ctx, id: string, input: UpdateUserBody) {
  const { actor, database, now } = ctx;
  const current = assertFound(await findUser(database.db, actor.workspaceId, id), "User");
  const { version, ...changes } = input;
  const changed = (Object.keys(changes) as (keyof typeof changes)[]).filter(
    (field) =>
      changes[field] !== undefined &&
      changes[field] !== (field === "teamId" ? current.user.teamId : current.user[field]),
  );
  authorize(actor, "user.update", { workspaceId: current.user.workspaceId, userId: id }, changed);
  await assertReferences(database.db, actor.workspaceId, [{ path: "teamId", kind: "team", id: changes.teamId }]);
  return database.db.transaction(async (tx) => {
    const losesAdmin =
      current.user.role === "admin" && ((changes.role && changes.role !== "admin") || changes.status === "deactivated");
    if (losesAdmin) {
      const admins = await lockActiveAdmins(tx, actor.workspaceId);
      if (admins.length <= 1) {
        throw new AppError("invalid_state", "The workspace needs at least one active admin", [
          { path: changes.role ? "role" : "status", message: "would leave the workspace without an admin" },
        ]);
      }
    }
    const user = await updateUser(tx, actor.workspaceId, id, version, changes, now);
    if (!user) throw staleEdit("person");
    if (changes.status === "deactivated" && current.user.status !== "deactivated") {
      await revokeAllOfUser(tx, id, now, { alsoTokens: true });
    }
    // Inviting is an admin's power: the links a former admin sent stop working with it.
    if (losesAdmin) await revokeInvitationsOf(ctx, tx, id);
    await recordAudit(tx, originOf(ctx), {
      action: changes.status === "deactivated" ? "user.deactivated" : "user.updated",
      entityType: "user",
      entityId: id,
      before: auditedUser(current.user),
      after: auditedUser(user),
    });
    return assertFound(await findUser(tx, actor.workspaceId, id), "User");
  });
}

async function revokeInvitationsOf(ctx: Ctx, tx: Tx, inviterId: string) {
  const revoked = await revokePendingInvitedBy(tx, ctx.actor.workspaceId, inviterId, ctx.now);
  for (const invitation of revoked) {
    await recordAudit(tx, originOf(ctx), {
      action: "invitation.revoked",
      entityType: "invitation",
      entityId: invitation.id,
      before: { status: "pending" },
      after: { status: "revoked", reason: "the inviter is no longer an admin" },
    });
  }
}

/**
 * Changes the signed-in user's own password and ends every other way in that the old one may have let someone
 * make: the other sessions (this one stays), the API tokens and the calendar-feed address. Says how many.
 */
export async function changeOwnPassword(ctx: Ctx, input: ChangePasswordBody): Promise<PasswordChanged> {
  const { actor, database, now } = ctx;
  authorize(actor, "user.changePassword", { userId: actor.userId });
  const current = assertFound(await findUserCredentials(database.db, actor.workspaceId, actor.userId), "User");
  if (!(await verifyPassword(current.passwordHash, input.currentPassword))) {
    throw new AppError("validation_failed", "The current password is wrong", [
      { path: "currentPassword", message: "is wrong" },
    ]);
  }
  assertAcceptablePassword(input.newPassword, "newPassword", actor.email);
  const passwordHash = await hashPassword(input.newPassword);
  return database.db.transaction(async (tx) => {
    const updated = await updateUser(tx, actor.workspaceId, actor.userId, current.version, { passwordHash }, now);
    if (!updated) throw new AppError("conflict", "Your account changed meanwhile; try again");
    const revoked = await revokeAllOfUser(tx, actor.userId, now, { alsoTokens: true, keepSessionId: actor.sessionId });
    const calendarFeedRevoked = await deleteCalendarFeed(tx, actor.userId);
    const outcome = {
      ok: true as const,
      endedSessions: revoked.sessions,
      revokedTokens: revoked.tokens,
      calendarFeedRevoked,
    };
    await recordAudit(tx, originOf(ctx), {
      action: "user.password_changed",
      entityType: "user",
      entityId: actor.userId,
      after: { endedSessions: outcome.endedSessions, revokedTokens: outcome.revokedTokens, calendarFeedRevoked },
    });
    return outcome;
  });
}
