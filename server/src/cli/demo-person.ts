import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import type { Database } from "../db/client";
import { teams, users, workspaces } from "../db/schema";

/** A demo person acting through a module's commands, as if signed in (the seeds audit as the people who acted). */
export async function demoPersonCtx(database: Database, workspaceId: string, email: string, now: Date): Promise<Ctx> {
  const [row] = await database.db
    .select({ user: users, team: teams, workspaceName: workspaces.name })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
    .where(and(eq(users.workspaceId, workspaceId), eq(users.email, email)));
  if (!row) throw new Error(`demo person ${email} missing`);
  return {
    database,
    ip: null,
    now,
    actor: {
      userId: row.user.id,
      workspaceId,
      name: row.user.name,
      email: row.user.email,
      role: row.user.role,
      teamId: row.team.id,
      teamName: row.team.name,
      teamKind: row.team.kind,
      workspaceName: row.workspaceName,
      via: "session",
      sessionId: null,
      tokenId: null,
      tokenScope: null,
    },
  };
}

/** The demo company's people the seeds act as, by their part (README lists the accounts). */
export const CMO = "cmo@northwind.example";
export const CIO = "cio@northwind.example";
export const OPS = "marketing.ops@northwind.example";
export const MARTECH = "martech@northwind.example";
export const CONTENT = "content@northwind.example";
export const PARTNER = "it.partner@northwind.example";
export const ARCHITECT = "architect@northwind.example";
export const DATA = "data.engineer@northwind.example";
