import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, Ok } from "#contracts/common";
import {
  CreateIntegrationBody,
  Integration,
  IntegrationList,
  IntegrationListQuery,
  UpdateIntegrationBody,
} from "#contracts/stack";
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
  app.get(
    "/integrations",
    {
      schema: {
        tags: ["stack"],
        summary: "Integrations between tools",
        querystring: IntegrationListQuery,
        response: { 200: IntegrationList },
      },
    },
    async (request) => {
      const page = await listWorkspaceIntegrations(ctxOf(request), request.query);
      return { items: page.items.map(presentIntegration), nextCursor: page.nextCursor };
    },
  );

  app.post(
    "/integrations",
    {
      schema: {
        tags: ["stack"],
        summary: "Connect two tools",
        body: CreateIntegrationBody,
        response: { 201: Integration },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentIntegration(await createIntegration(ctxOf(request), request.body))),
  );

  app.patch(
    "/integrations/:id",
    {
      schema: {
        tags: ["stack"],
        summary: "Edit an integration",
        params: IdParams,
        body: UpdateIntegrationBody,
        response: { 200: Integration },
      },
    },
    async (request) => presentIntegration(await editIntegration(ctxOf(request), request.params.id, request.body)),
  );

  app.delete(
    "/integrations/:id",
    { schema: { tags: ["stack"], summary: "Remove an integration", params: IdParams, response: { 200: Ok } } },
    async (request) => {
      await removeIntegration(ctxOf(request), request.params.id);
      return { ok: true as const };
    },
  );
};
