import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "#contracts/common";
import { CreateTeamBody, Team, TeamList, TeamListQuery, UpdateTeamBody } from "#contracts/people";
import { ctxOf } from "../../plugins/request-context";
import { presentTeam } from "./teams.presenter";
import { createTeam, editTeam, getTeam, listWorkspaceTeams } from "./teams.service";

/** Teams of the workspace. */
export const teamsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/teams",
    {
      config: { cache: ["team", "app_user"] },
      schema: { tags: ["people"], summary: "List teams", querystring: TeamListQuery, response: { 200: TeamList } },
    },
    async (request) => {
      const page = await listWorkspaceTeams(ctxOf(request), request.query);
      return { items: page.items.map(presentTeam), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/teams/:id",
    { schema: { tags: ["people"], summary: "One team", params: IdParams, response: { 200: Team } } },
    async (request) => presentTeam(await getTeam(ctxOf(request), request.params.id)),
  );

  app.post(
    "/teams",
    { schema: { tags: ["people"], summary: "Add a team (admins)", body: CreateTeamBody, response: { 201: Team } } },
    async (request, reply) => reply.status(201).send(presentTeam(await createTeam(ctxOf(request), request.body))),
  );

  app.patch(
    "/teams/:id",
    {
      schema: {
        tags: ["people"],
        summary: "Rename a team (admins)",
        params: IdParams,
        body: UpdateTeamBody,
        response: { 200: Team },
      },
    },
    async (request) => presentTeam(await editTeam(ctxOf(request), request.params.id, request.body)),
  );
};
