import type { ChangePasswordBody, UpdateUserBody, UserListQuery } from "../../../../contracts/people";
import type { Ctx } from "../../context";
import { keyset } from "../../db/keyset";
import { users } from "../../db/schema";
import { AppError, assertFound } from "../../errors";
import { takePage } from "../../lib/cursor";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.service";
import { assertAcceptablePassword, hashPassword, verifyPassword } from "../auth/passwords";
import { revokeAllOfUser } from "../sessions/sessions.queries";
import { findTeam } from "../teams/teams.queries";
import { auditedUser } from "./users.presenter";
import { findUser, findUserCredentials, listUsers, lockActiveAdmins, updateUser } from "./users.queries";

const sortable = { name: users.name, email: users.email, createdAt: users.createdAt };

/** People of the workspace. */
export async function listWorkspaceUsers(ctx: Ctx, query: UserListQuery) {
  authorize(ctx.actor, "user.list");
  const page = keyset(sortable, users.id, query.sort, query.cursor);
  const rows = await listUsers(ctx.database.db, ctx.actor.workspaceId, query, page);
  return takePage(rows, query.limit, (row) => page.cursorAfter(row.user[page.field], row.user.id));
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
  if (changes.teamId && !(await findTeam(database.db, actor.workspaceId, changes.teamId))) {
    throw new AppError("validation_failed", "No such team", [
      { path: "teamId", message: "is not a team of this workspace" },
    ]);
  }
  return database.db.transaction(async (tx) => {
    const losesAdmin =
      current.user.role === "admin" && ((changes.role && changes.role !== "admin") || changes.status === "deactivated");
    if (losesAdmin) {
      const admins = await lockActiveAdmins(tx, actor.workspaceId);
      if (admins.length <= 1) {
        throw new AppError("conflict", "The workspace needs at least one active admin", [
          { path: changes.role ? "role" : "status", message: "would leave the workspace without an admin" },
        ]);
      }
    }
    const user = await updateUser(tx, actor.workspaceId, id, version, changes, now);
    if (!user) throw new AppError("conflict", "Someone changed this person meanwhile; reload and try again");
    if (changes.status === "deactivated" && current.user.status !== "deactivated") {
      await revokeAllOfUser(tx, id, now, { alsoTokens: true });
    }
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

/** Changes the signed-in user's own password and ends their other sessions (this one stays). */
export async function changeOwnPassword(ctx: Ctx, input: ChangePasswordBody) {
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
  await database.db.transaction(async (tx) => {
    const updated = await updateUser(tx, actor.workspaceId, actor.userId, current.version, { passwordHash }, now);
    if (!updated) throw new AppError("conflict", "Your account changed meanwhile; try again");
    await revokeAllOfUser(tx, actor.userId, now, { alsoTokens: false, keepSessionId: actor.sessionId });
    await recordAudit(tx, originOf(ctx), {
      action: "user.password_changed",
      entityType: "user",
      entityId: actor.userId,
    });
  });
}
