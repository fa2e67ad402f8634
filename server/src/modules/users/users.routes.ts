import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "#contracts/common";
import { UpdateUserBody, User, UserList, UserListQuery } from "#contracts/people";
import { ctxOf } from "../../plugins/request-context";
import { presentUser } from "./users.presenter";
import { editUser, getUser, listWorkspaceUsers } from "./users.service";

/** People of the workspace. */
export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/users",
    {
      config: { cache: ["app_user", "team"] },
      schema: { tags: ["people"], summary: "List people", querystring: UserListQuery, response: { 200: UserList } },
    },
    async (request) => {
      const page = await listWorkspaceUsers(ctxOf(request), request.query);
      return { items: page.items.map(presentUser), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/users/:id",
    { schema: { tags: ["people"], summary: "One person", params: IdParams, response: { 200: User } } },
    async (request) => presentUser(await getUser(ctxOf(request), request.params.id)),
  );

  app.patch(
    "/users/:id",
    {
      schema: {
        tags: ["people"],
        summary: "Edit a person: name (self or admin); team, role, status (admin)",
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: User },
      },
    },
    async (request) => presentUser(await editUser(ctxOf(request), request.params.id, request.body)),
  );
};
