import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { teamsApi } from "#contracts/api/people";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { presentTeam } from "./teams.presenter";
import { createTeam, editTeam, getTeam, listWorkspaceTeams } from "./teams.service";

/** Teams of the workspace. */
export const teamsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(teamsApi.list),
    config: { cache: ["team", "app_user"] },
    handler: async (request) => {
      const page = await listWorkspaceTeams(ctxOf(request), request.query);
      return { items: page.items.map(presentTeam), nextCursor: page.nextCursor };
    },
  });

  app.route({
    ...routeOf(teamsApi.get),
    handler: async (request) => presentTeam(await getTeam(ctxOf(request), request.params.id)),
  });

  app.route({
    ...routeOf(teamsApi.create),
    handler: async (request, reply) =>
      reply.status(201).send(presentTeam(await createTeam(ctxOf(request), request.body))),
  });

  app.route({
    ...routeOf(teamsApi.update),
    handler: async (request) => presentTeam(await editTeam(ctxOf(request), request.params.id, request.body)),
  });
};
