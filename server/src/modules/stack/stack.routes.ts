import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams, Ok, Version } from "../../../../contracts/common";
import {
  ComplianceSummary,
  CreateIntegrationBody,
  CreateToolBody,
  Integration,
  IntegrationList,
  IntegrationListQuery,
  OverlapList,
  RenewalList,
  RenewalQuery,
  StackGraph,
  Taxonomy,
  Tool,
  ToolList,
  ToolListQuery,
  UpdateIntegrationBody,
  UpdateToolBody,
} from "../../../../contracts/stack";
import { ctxOf } from "../../plugins/request-context";
import {
  createIntegration,
  editIntegration,
  listWorkspaceIntegrations,
  removeIntegration,
} from "./integrations.service";
import { getStackGraph, getTaxonomy, listOverlaps, listRenewals, summariseCompliance } from "./portfolio.service";
import { presentIntegration, presentTool } from "./stack.presenter";
import { createTool, editTool, getTool, listWorkspaceTools, setToolArchived, todayOf } from "./stack.service";

const ArchiveBody = z.strictObject({ version: Version });

/** The Stack: the martech catalog, its integrations and the portfolio views. */
export const stackRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/tools",
    {
      schema: {
        tags: ["stack"],
        summary: "The catalog: search, filter, sort",
        querystring: ToolListQuery,
        response: { 200: ToolList },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const page = await listWorkspaceTools(ctx, request.query);
      return { items: page.items.map((row) => presentTool(row, todayOf(ctx))), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/tools/:id",
    { schema: { tags: ["stack"], summary: "One tool", params: IdParams, response: { 200: Tool } } },
    async (request) => {
      const ctx = ctxOf(request);
      return presentTool(await getTool(ctx, request.params.id), todayOf(ctx));
    },
  );

  app.post(
    "/tools",
    { schema: { tags: ["stack"], summary: "Add a tool", body: CreateToolBody, response: { 201: Tool } } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      return reply.status(201).send(presentTool(await createTool(ctx, request.body), todayOf(ctx)));
    },
  );

  app.patch(
    "/tools/:id",
    {
      schema: {
        tags: ["stack"],
        summary: "Edit a tool",
        params: IdParams,
        body: UpdateToolBody,
        response: { 200: Tool },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return presentTool(await editTool(ctx, request.params.id, request.body), todayOf(ctx));
    },
  );

  for (const [action, archived, summary] of [
    ["archive", true, "Archive a tool (kept, never deleted)"],
    ["restore", false, "Bring an archived tool back"],
  ] as const) {
    app.post(
      `/tools/:id/${action}`,
      { schema: { tags: ["stack"], summary, params: IdParams, body: ArchiveBody, response: { 200: Tool } } },
      async (request) => {
        const ctx = ctxOf(request);
        return presentTool(await setToolArchived(ctx, request.params.id, { ...request.body, archived }), todayOf(ctx));
      },
    );
  }

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

  app.get(
    "/stack/taxonomy",
    { schema: { tags: ["stack"], summary: "The martech taxonomy", response: { 200: Taxonomy } } },
    async () => getTaxonomy(),
  );

  app.get(
    "/stack/graph",
    {
      schema: {
        tags: ["stack"],
        summary: "Every live tool and integration, for the graph",
        response: { 200: StackGraph },
      },
    },
    async (request) => getStackGraph(ctxOf(request)),
  );

  app.get(
    "/stack/overlaps",
    { schema: { tags: ["stack"], summary: "Tools that overlap, with combined cost", response: { 200: OverlapList } } },
    async (request) => ({ items: await listOverlaps(ctxOf(request)) }),
  );

  app.get(
    "/stack/renewals",
    {
      schema: {
        tags: ["stack"],
        summary: "Contracts by cancel-by date",
        querystring: RenewalQuery,
        response: { 200: RenewalList },
      },
    },
    async (request) => ({ items: await listRenewals(ctxOf(request), request.query.withinDays) }),
  );

  app.get(
    "/stack/compliance",
    { schema: { tags: ["stack"], summary: "Compliance of every live tool", response: { 200: ComplianceSummary } } },
    async (request) => summariseCompliance(ctxOf(request)),
  );
};
