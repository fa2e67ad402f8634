import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { stackToolsApi } from "#contracts/api/stack-tools";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import {
  createIntegration,
  editIntegration,
  listWorkspaceIntegrations,
  removeIntegration,
} from "./integrations.service";
import { presentIntegration } from "./stack.presenter";

/** The Stack's integrations: which tools are connected, and how. */
export const stackIntegrationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(stackToolsApi.listIntegrations),
    handler: async (request) => {
      const page = await listWorkspaceIntegrations(ctxOf(request), request.query);
      return { items: page.items.map(presentIntegration), nextCursor: page.nextCursor };
    },
  });

  app.route({
    ...routeOf(stackToolsApi.createIntegration),
    handler: async (request, reply) =>
      reply.status(201).send(presentIntegration(await createIntegration(ctxOf(request), request.body))),
  });

  app.route({
    ...routeOf(stackToolsApi.updateIntegration),
    handler: async (request) =>
      presentIntegration(await editIntegration(ctxOf(request), request.params.id, request.body)),
  });

  app.route({
    ...routeOf(stackToolsApi.removeIntegration),
    handler: async (request) => {
      await removeIntegration(ctxOf(request), request.params.id);
      return { ok: true as const };
    },
  });
};
