import { and, eq, gt, ilike, isNotNull, isNull, lte, or, type Placeholder, type SQL, sql } from "drizzle-orm";
import type { InvitationListQuery } from "#contracts/people";
import type { Db, Tx } from "../../db/client";
import { type Keyset, keyset } from "../../db/keyset";
import { escapeLike } from "../../db/like";
import { prepareOnce } from "../../db/prepared";
import { invitations, teams, users, workspaces } from "../../db/schema";
import { takePage } from "../../lib/cursor";

const invitationWithNames = {
  invitation: invitations,
  team: { id: teams.id, name: teams.name, kind: teams.kind },
  inviterName: users.name,
};

/** The states an invitation can be in. */
export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

/** The status of an invitation at `now`, as SQL conditions. */
export function invitationStatusIs(status: InvitationStatus, now: Date | Placeholder): SQL | undefined {
  switch (status) {
    case "accepted":
      return isNotNull(invitations.acceptedAt);
    case "revoked":
      return and(isNull(invitations.acceptedAt), isNotNull(invitations.revokedAt));
    case "expired":
      return and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), lte(invitations.expiresAt, now));
    case "pending":
      return and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now));
  }
}

/** One invitation of the workspace with its team and inviter, or null. */
export async function findInvitation(tx: Tx, workspaceId: string, id: string) {
  const [row] = await tx
    .select(invitationWithNames)
    .from(invitations)
    .innerJoin(teams, eq(teams.id, invitations.teamId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, id)));
  return row ?? null;
}

const invitationSortable = { createdAt: invitations.createdAt, email: invitations.email };

/** One page of the workspace's invitations, in `sort` order after `cursor`. */
export async function pageInvitations(
  db: Db,
  workspaceId: string,
  filter: { status?: InvitationStatus; q?: string; now: Date; limit: number } & Pick<
    InvitationListQuery,
    "sort" | "cursor"
  >,
) {
  const page = keyset(invitationSortable, invitations.id, filter.sort, filter.cursor);
  const rows = await listInvitations(db, workspaceId, filter, page);
  return takePage(rows, filter.limit, (row) => page.cursorAfter(row.invitation[page.field], row.invitation.id));
}

/** Invitations of the workspace, keyset-paged (prepared per shape). */
export function listInvitations(
  db: Db,
  workspaceId: string,
  filter: { status?: InvitationStatus; q?: string; now: Date; limit: number },
  page: Keyset,
) {
  const shape = `${page.shape}|${filter.status ?? ""}|${filter.q ? "q" : ""}`;
  const statement = prepareOnce(db, "list_invitations", shape, (name) =>
    db
      .select(invitationWithNames)
      .from(invitations)
      .innerJoin(teams, eq(teams.id, invitations.teamId))
      .leftJoin(users, eq(users.id, invitations.invitedBy))
      .where(
        and(
          eq(invitations.workspaceId, sql.placeholder("workspaceId")),
          filter.status ? invitationStatusIs(filter.status, sql.placeholder("now")) : undefined,
          filter.q ? ilike(invitations.email, sql.placeholder("q")) : undefined,
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(sql.placeholder("limit"))
      .prepare(name),
  );
  return statement.execute({
    workspaceId,
    now: filter.now,
    q: filter.q ? `%${escapeLike(filter.q)}%` : undefined,
    limit: filter.limit + 1,
    ...page.params,
  });
}

/** A pending invitation by its token hash, with its workspace and team, locked when `lock` is set. */
export async function findPendingInvitationByHash(tx: Tx, tokenHash: string, now: Date, lock = false) {
  const query = tx
    .select({ invitation: invitations, workspaceName: workspaces.name, teamName: teams.name })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .innerJoin(teams, eq(teams.id, invitations.teamId))
    .where(and(eq(invitations.tokenHash, tokenHash), invitationStatusIs("pending", now)));
  const [row] = lock ? await query.for("update", { of: invitations }) : await query;
  return row ?? null;
}

/** Stores a new invitation. */
export async function insertInvitation(tx: Tx, values: typeof invitations.$inferInsert) {
  const [row] = await tx.insert(invitations).values(values).returning();
  return row;
}

/** Revokes the still-pending invitations for an email in a workspace (a new one replaces them). */
export async function revokePendingForEmail(tx: Tx, workspaceId: string, email: string, now: Date) {
  await tx
    .update(invitations)
    .set({ revokedAt: now, updatedAt: now })
    .where(
      and(eq(invitations.workspaceId, workspaceId), eq(invitations.email, email), invitationStatusIs("pending", now)),
    );
}

/** Revokes the still-pending invitations a person sent; returns their ids. */
export async function revokePendingInvitedBy(tx: Tx, workspaceId: string, userId: string, now: Date) {
  return tx
    .update(invitations)
    .set({ revokedAt: now, updatedAt: now })
    .where(
      and(
        eq(invitations.workspaceId, workspaceId),
        eq(invitations.invitedBy, userId),
        invitationStatusIs("pending", now),
      ),
    )
    .returning({ id: invitations.id, email: invitations.email });
}

/** Marks one invitation revoked. */
export async function revokeInvitation(tx: Tx, workspaceId: string, id: string, now: Date) {
  await tx
    .update(invitations)
    .set({ revokedAt: now, updatedAt: now })
    .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, id)));
}

/** Marks one invitation accepted by the user it created. */
export async function markInvitationAccepted(tx: Tx, id: string, userId: string, now: Date) {
  await tx
    .update(invitations)
    .set({ acceptedAt: now, acceptedUserId: userId, updatedAt: now })
    .where(eq(invitations.id, id));
}

/** Deletes invitations that expired or were revoked more than 30 days ago (accepted ones stay). */
export async function deleteStaleInvitations(tx: Tx, now: Date) {
  const cutoff = new Date(now.getTime() - 30 * 24 * 3600_000);
  const deleted = await tx
    .delete(invitations)
    .where(
      and(isNull(invitations.acceptedAt), or(lte(invitations.expiresAt, cutoff), lte(invitations.revokedAt, cutoff))),
    )
    .returning({ id: invitations.id });
  return deleted.length;
}
