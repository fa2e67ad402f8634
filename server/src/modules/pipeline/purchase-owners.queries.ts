// What a purchase's owners in the Stack are chosen from (issue 15 item 8): the people the request names, its
// who-does-what, and the workspace's active IT people.
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { requestRaci, teams, users } from "../../db/schema";

/** People the request names (requester, sponsor, IT partner) with their team kind and status. */
export async function findNamedPeople(tx: Tx, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: users.id, status: users.status, role: users.role, teamKind: teams.kind })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, ids)));
}

/** The people (not teams) Responsible or Accountable in the request's who-does-what, in its order. */
export async function listRaciPeople(tx: Tx, workspaceId: string, requestId: string) {
  return tx
    .select({ userId: users.id, role: requestRaci.role, status: users.status, teamKind: teams.kind })
    .from(requestRaci)
    .innerJoin(users, eq(users.id, requestRaci.userId))
    .innerJoin(teams, eq(teams.id, users.teamId))
    .where(
      and(
        eq(requestRaci.workspaceId, workspaceId),
        eq(requestRaci.requestId, requestId),
        isNotNull(requestRaci.userId),
        inArray(requestRaci.role, ["R", "A"]),
      ),
    )
    .orderBy(asc(requestRaci.position));
}

/** The workspace's active people of IT teams who may act (admins first: the IT lead), then by name. */
export async function listItPeople(tx: Tx, workspaceId: string) {
  return tx
    .select({ id: users.id, role: users.role })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .where(
      and(
        eq(users.workspaceId, workspaceId),
        eq(teams.kind, "it"),
        eq(users.status, "active"),
        inArray(users.role, ["admin", "member"]),
      ),
    )
    .orderBy(sql`${users.role} = 'admin' desc`, asc(users.name), asc(users.id))
    .limit(5);
}
