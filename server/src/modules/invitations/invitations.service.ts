import type { AcceptInvitationBody, CreateInvitationBody, InvitationListQuery } from "#contracts/people";
import type { Ctx, PublicCtx } from "../../context";
import { assertReferences } from "../../db/references";
import { AppError, assertFound } from "../../errors";
import { withUniqueField } from "../../lib/db-errors";
import { generateSecret, hashSecret } from "../../lib/secrets";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { assertAcceptablePassword, findUserByEmail, hashPassword } from "../auth/auth.commands";
import { startSession } from "../sessions/sessions.commands";
import { insertUser } from "../users/users.commands";
import {
  findInvitation,
  findPendingInvitationByHash,
  insertInvitation,
  markInvitationAccepted,
  pageInvitations,
  revokeInvitation,
  revokePendingForEmail,
} from "./invitations.queries";
import { statusOf } from "./invitations.rules";

/** An invitation link works for 7 days. */
export const INVITATION_TTL_MS = 7 * 24 * 3600_000;

/** Invitations of the workspace (admins). */
export async function listWorkspaceInvitations(ctx: Ctx, query: InvitationListQuery) {
  authorize(ctx.actor, "invitation.list");
  return pageInvitations(ctx.database.db, ctx.actor.workspaceId, { ...query, now: ctx.now });
}

/**
 * Invites someone (admins): a one-time secret link, valid 7 days, replacing any pending one. An address with an
 * account in another workspace is answered like a new one, with a link that cannot be used.
 */
export async function inviteUser(ctx: Ctx, input: CreateInvitationBody) {
  const { actor, database, now } = ctx;
  authorize(actor, "invitation.create");
  await assertReferences(database.db, actor.workspaceId, [{ path: "teamId", kind: "team", id: input.teamId }]);
  const existing = await findUserByEmail(database.db, input.email);
  if (existing?.workspaceId === actor.workspaceId) {
    throw new AppError("conflict", "Someone with this email already has an account", [
      { path: "email", message: "already has an account" },
    ]);
  }
  // An account in another workspace must not show through: the answer is the same as for a new address, but
  // the stored hash is of another secret, so the link never works (nothing is sent anywhere).
  const token = generateSecret();
  const storedSecret = existing ? generateSecret() : token;
  return database.db.transaction(async (tx) => {
    await revokePendingForEmail(tx, actor.workspaceId, input.email, now);
    const invitation = await insertInvitation(tx, {
      workspaceId: actor.workspaceId,
      email: input.email,
      role: input.role,
      teamId: input.teamId,
      invitedBy: actor.userId,
      tokenHash: hashSecret(storedSecret),
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, originOf(ctx), {
      action: "invitation.created",
      entityType: "invitation",
      entityId: invitation.id,
      after: { email: input.email, role: input.role, teamId: input.teamId },
    });
    const row = assertFound(await findInvitation(tx, actor.workspaceId, invitation.id), "Invitation");
    return { row, token };
  });
}

/** Revokes a pending invitation (admins). */
export async function cancelInvitation(ctx: Ctx, id: string) {
  const { actor, database, now } = ctx;
  const found = assertFound(await findInvitation(database.db, actor.workspaceId, id), "Invitation");
  authorize(actor, "invitation.revoke", { workspaceId: found.invitation.workspaceId });
  if (statusOf(found.invitation, now) !== "pending") {
    throw new AppError("invalid_state", `This invitation is already ${statusOf(found.invitation, now)}`);
  }
  await database.db.transaction(async (tx) => {
    await revokeInvitation(tx, actor.workspaceId, id, now);
    await recordAudit(tx, originOf(ctx), {
      action: "invitation.revoked",
      entityType: "invitation",
      entityId: id,
      before: { status: "pending" },
      after: { status: "revoked" },
    });
  });
  return assertFound(await findInvitation(database.db, actor.workspaceId, id), "Invitation");
}

/** What the invitee sees before accepting; `gone` when the link expired, was used or revoked. */
export async function previewInvitation(ctx: PublicCtx, token: string) {
  const found = await findPendingInvitationByHash(ctx.database.db, hashSecret(token), ctx.now);
  if (!found) throw new AppError("gone", "This invitation link has expired, was revoked or was already used");
  return {
    email: found.invitation.email,
    workspaceName: found.workspaceName,
    teamName: found.teamName,
    role: found.invitation.role,
    expiresAt: found.invitation.expiresAt.toISOString(),
  };
}

/** Accepts an invitation once: creates the account in its workspace and team, and signs in. */
export async function acceptInvitation(ctx: PublicCtx, input: AcceptInvitationBody) {
  const { database, now } = ctx;
  const preview = await previewInvitation(ctx, input.token);
  assertAcceptablePassword(input.password, "password", preview.email);
  const passwordHash = await hashPassword(input.password);
  return database.db.transaction(async (tx) => {
    const found = await findPendingInvitationByHash(tx, hashSecret(input.token), now, true);
    if (!found) throw new AppError("gone", "This invitation link has expired, was revoked or was already used");
    const { invitation } = found;
    const user = await withUniqueField("email", "Someone with this email already has an account", () =>
      insertUser(tx, {
        workspaceId: invitation.workspaceId,
        teamId: invitation.teamId,
        email: invitation.email,
        name: input.name,
        passwordHash,
        role: invitation.role,
        createdAt: now,
        updatedAt: now,
      }),
    );
    await markInvitationAccepted(tx, invitation.id, user.id, now);
    await recordAudit(
      tx,
      { workspaceId: invitation.workspaceId, actorId: user.id, ip: ctx.ip, at: now },
      {
        action: "invitation.accepted",
        entityType: "user",
        entityId: user.id,
        after: {
          email: user.email,
          name: user.name,
          role: user.role,
          teamId: user.teamId,
          invitationId: invitation.id,
        },
      },
    );
    return startSession(tx, user, ctx);
  });
}
