import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { usersApi } from "#contracts/api/people";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { presentUser } from "./users.presenter";
import { editUser, getUser, listWorkspaceUsers } from "./users.service";

/** People of the workspace. */
export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(usersApi.list),
    config: { cache: ["app_user", "team"] },
    handler: async (request) => {
      const page = await listWorkspaceUsers(ctxOf(request), request.query);
      return { items: page.items.map(presentUser), nextCursor: page.nextCursor };
    },
  });

  app.route({
    ...routeOf(usersApi.get),
    handler: async (request) => presentUser(await getUser(ctxOf(request), request.params.id)),
  });

  app.route({
    ...routeOf(usersApi.update),
    handler: async (request) => presentUser(await editUser(ctxOf(request), request.params.id, request.body)),
  });
};
