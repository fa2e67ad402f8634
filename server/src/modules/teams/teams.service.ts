import type { CreateTeamBody, TeamKind, TeamListQuery, UpdateTeamBody } from "#contracts/people";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { assertFound, staleEdit } from "../../errors";
import { withUniqueField } from "../../lib/db-errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { findTeamWithCount, insertTeam, insertTeams, pageTeams, updateTeam } from "./teams.queries";

/** The teams every new workspace starts with. */
export const DEFAULT_TEAMS: readonly { name: string; kind: TeamKind }[] = [
  { name: "Marketing", kind: "marketing" },
  { name: "IT", kind: "it" },
  { name: "Security", kind: "security" },
  { name: "Legal", kind: "legal" },
  { name: "Finance", kind: "finance" },
];

/** A new workspace's default teams (its creation calls this); the created rows, in `DEFAULT_TEAMS` order. */
export async function seedTeamDefaults(tx: Tx, workspaceId: string, now: Date) {
  return insertTeams(
    tx,
    DEFAULT_TEAMS.map((team) => ({ ...team, workspaceId, createdAt: now, updatedAt: now })),
  );
}

/** Teams of the workspace. */
export async function listWorkspaceTeams(ctx: Ctx, query: TeamListQuery) {
  authorize(ctx.actor, "team.list");
  return pageTeams(ctx.database.db, ctx.actor.workspaceId, query);
}

/** One team. */
export async function getTeam(ctx: Ctx, id: string) {
  authorize(ctx.actor, "team.list");
  return assertFound(await findTeamWithCount(ctx.database.db, ctx.actor.workspaceId, id), "Team");
}

/** Adds a team (admins). */
export async function createTeam(ctx: Ctx, input: CreateTeamBody) {
  authorize(ctx.actor, "team.create");
  return ctx.database.db.transaction(async (tx) => {
    const team = await withUniqueField("name", "A team with this name already exists", () =>
      insertTeam(tx, { ...input, workspaceId: ctx.actor.workspaceId, createdAt: ctx.now, updatedAt: ctx.now }),
    );
    await recordAudit(tx, originOf(ctx), {
      action: "team.created",
      entityType: "team",
      entityId: team.id,
      after: input,
    });
    return { team, memberCount: 0 };
  });
}

/** Renames a team or changes its kind (admins), refusing a stale version. */
export async function editTeam(ctx: Ctx, id: string, input: UpdateTeamBody) {
  const current = assertFound(await findTeamWithCount(ctx.database.db, ctx.actor.workspaceId, id), "Team");
  authorize(ctx.actor, "team.update", { workspaceId: current.team.workspaceId });
  const { version, ...changes } = input;
  return ctx.database.db.transaction(async (tx) => {
    const team = await withUniqueField("name", "A team with this name already exists", () =>
      updateTeam(tx, ctx.actor.workspaceId, id, version, changes, ctx.now),
    );
    if (!team) throw staleEdit("team");
    await recordAudit(tx, originOf(ctx), {
      action: "team.updated",
      entityType: "team",
      entityId: id,
      before: { name: current.team.name, kind: current.team.kind },
      after: { name: team.name, kind: team.kind },
    });
    return { team, memberCount: current.memberCount };
  });
}
