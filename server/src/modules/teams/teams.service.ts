import type { CreateTeamBody, TeamListQuery, UpdateTeamBody } from "../../../../contracts/people";
import type { Ctx } from "../../context";
import { keyset } from "../../db/keyset";
import { teams } from "../../db/schema";
import { AppError, assertFound } from "../../errors";
import { takePage } from "../../lib/cursor";
import { withUniqueField } from "../../lib/db-errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.service";
import { findTeamWithCount, insertTeam, listTeams, updateTeam } from "./teams.queries";

const sortable = { name: teams.name, createdAt: teams.createdAt };

/** Teams of the workspace. */
export async function listWorkspaceTeams(ctx: Ctx, query: TeamListQuery) {
  authorize(ctx.actor, "team.list");
  const page = keyset(sortable, teams.id, query.sort, query.cursor);
  const rows = await listTeams(ctx.database.db, ctx.actor.workspaceId, query, page);
  return takePage(rows, query.limit, (row) => page.cursorAfter(row.team[page.field], row.team.id));
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
    if (!team) throw new AppError("conflict", "Someone changed this team meanwhile; reload and try again");
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
