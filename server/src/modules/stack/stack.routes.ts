import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AuditList } from "../../../../contracts/audit";
import { IdParams, ListQuery, Ok, Version } from "../../../../contracts/common";
import {
  AdoptCandidateBody,
  AdoptCandidateResult,
  CalendarFeedCreated,
  CalendarFeedQuery,
  CalendarFeedStatus,
  ComplianceSummary,
  CreateIntegrationBody,
  CreateToolBody,
  DismissCandidateBody,
  ExpenseImportList,
  ImportExpensesBody,
  ImportExpensesResult,
  ImportToolsBody,
  ImportToolsResult,
  Integration,
  IntegrationList,
  IntegrationListQuery,
  OverlapList,
  RenewalList,
  RenewalQuery,
  ShadowCandidateList,
  StackGraph,
  Taxonomy,
  Tool,
  ToolExportQuery,
  ToolList,
  ToolListQuery,
  UpdateIntegrationBody,
  UpdateTaxonomyBody,
  UpdateToolBody,
} from "../../../../contracts/stack";
import { ctxOf, publicCtxOf } from "../../plugins/request-context";
import { presentAuditEvent } from "../audit/audit.presenter";
import { listRecordHistory } from "../audit/audit.service";
import { judgePurchaseRequest } from "../guardrails/guardrails.commands";
import {
  adoptCandidate,
  dismissCandidate,
  importExpenses,
  listCandidates,
  listExpenseImports,
} from "./discovery.service";
import {
  createIntegration,
  editIntegration,
  listWorkspaceIntegrations,
  removeIntegration,
} from "./integrations.service";
import {
  editTaxonomy,
  getStackGraph,
  getTaxonomy,
  listOverlaps,
  listRenewals,
  summariseCompliance,
} from "./portfolio.service";
import {
  feedNotFound,
  getCalendarFeed,
  renderRenewalsFeed,
  revokeCalendarFeed,
  rotateCalendarFeed,
} from "./reminders.service";
import { presentIntegration, presentTool } from "./stack.presenter";
import { createTool, editTool, getTool, listWorkspaceTools, setToolArchived, todayOf } from "./stack.service";
import { exportToolsCsv, importToolsCsv } from "./tools-csv.service";

const ArchiveBody = z.strictObject({ version: Version });

/** The Stack: the martech catalog, its integrations and the portfolio views. */
export const stackRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/tools",
    {
      config: { cache: ["tool", "app_user", "team"] },
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
    "/tools/export.csv",
    {
      schema: { tags: ["stack"], summary: "The catalog (as filtered) as a CSV file", querystring: ToolExportQuery },
    },
    async (request, reply) => {
      const csv = await exportToolsCsv(ctxOf(request), { ...request.query, limit: 200 });
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="tandem-stack.csv"')
        .send(csv);
    },
  );

  app.post(
    "/tools/import",
    {
      bodyLimit: 5 * 1024 * 1024,
      config: { csvUpload: { maxBytes: 4 * 1024 * 1024, booleans: ["dryRun", "onlyValid"] } },
      schema: {
        tags: ["stack"],
        summary: "Check (dry run) or import a catalog CSV file: all lines or none",
        body: ImportToolsBody,
        response: { 200: ImportToolsResult },
      },
    },
    async (request) => importToolsCsv(ctxOf(request), request.body),
  );

  app.get(
    "/tools/:id",
    { schema: { tags: ["stack"], summary: "One tool", params: IdParams, response: { 200: Tool } } },
    async (request) => {
      const ctx = ctxOf(request);
      return presentTool(await getTool(ctx, request.params.id), todayOf(ctx));
    },
  );

  app.get(
    "/tools/:id/history",
    {
      schema: {
        tags: ["stack"],
        summary: "Who changed a tool, what and when",
        params: IdParams,
        querystring: ListQuery.pick({ limit: true, cursor: true }),
        response: { 200: AuditList },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      await getTool(ctx, request.params.id);
      const page = await listRecordHistory(ctx, request.params.id, request.query);
      return { items: page.items.map(presentAuditEvent), nextCursor: page.nextCursor };
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
    async (request) => getTaxonomy(ctxOf(request)),
  );

  app.put(
    "/stack/taxonomy",
    {
      schema: {
        tags: ["stack"],
        summary: "Replace the workspace's subcategories",
        body: UpdateTaxonomyBody,
        response: { 200: Taxonomy },
      },
    },
    async (request) => editTaxonomy(ctxOf(request), request.body),
  );

  app.get(
    "/stack/graph",
    {
      config: { cache: ["tool", "integration", "app_user"] },
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

  app.get(
    "/me/calendar-feed",
    {
      schema: {
        tags: ["stack"],
        summary: "Whether I have a renewals calendar feed",
        response: { 200: CalendarFeedStatus },
      },
    },
    async (request) => getCalendarFeed(ctxOf(request)),
  );

  app.post(
    "/me/calendar-feed",
    {
      schema: {
        tags: ["stack"],
        summary: "Create (or replace) my secret renewals calendar address",
        response: { 201: CalendarFeedCreated },
      },
    },
    async (request, reply) => reply.status(201).send(await rotateCalendarFeed(ctxOf(request))),
  );

  app.delete(
    "/me/calendar-feed",
    { schema: { tags: ["stack"], summary: "Revoke my renewals calendar address", response: { 200: Ok } } },
    async (request) => revokeCalendarFeed(ctxOf(request)),
  );

  app.get(
    "/stack/renewals.ics",
    {
      config: { access: "public" },
      schema: {
        tags: ["stack"],
        summary: "The renewals as an iCalendar feed (the secret address from POST /me/calendar-feed)",
        querystring: CalendarFeedQuery,
      },
    },
    async (request, reply) => {
      const { database, now } = publicCtxOf(request);
      const feed = await renderRenewalsFeed(database, request.query.key, now);
      if (feed === null) throw feedNotFound();
      return reply
        .header("content-type", "text/calendar; charset=utf-8")
        .header("cache-control", "no-store")
        .header("content-disposition", 'inline; filename="tandem-renewals.ics"')
        .send(feed);
    },
  );

  app.post(
    "/stack/discovery/imports",
    {
      bodyLimit: 17 * 1024 * 1024,
      config: { csvUpload: { maxBytes: 16 * 1024 * 1024, fileNameField: "fileName" } },
      schema: {
        tags: ["stack"],
        summary: "Check (dry run) or import an expense statement for shadow-IT discovery",
        body: ImportExpensesBody,
        response: { 200: ImportExpensesResult },
      },
    },
    async (request) => importExpenses(ctxOf(request), request.body),
  );

  app.get(
    "/stack/discovery/imports",
    { schema: { tags: ["stack"], summary: "Imported statements", response: { 200: ExpenseImportList } } },
    async (request) => listExpenseImports(ctxOf(request)),
  );

  app.get(
    "/stack/discovery/candidates",
    {
      schema: {
        tags: ["stack"],
        summary: "Shadow-IT candidates: software-like spend on merchants in no catalog tool",
        response: { 200: ShadowCandidateList },
      },
    },
    async (request) => listCandidates(ctxOf(request)),
  );

  app.post(
    "/stack/discovery/candidates/adopt",
    {
      schema: {
        tags: ["stack"],
        summary: "Bring a candidate into the catalog as shadow, and open its purchase review",
        body: AdoptCandidateBody,
        response: { 201: AdoptCandidateResult },
      },
    },
    async (request, reply) => {
      const adopted = await adoptCandidate(ctxOf(request), request.body);
      // The retroactive purchase request is judged by the purchase policy like any other (issue 15 item 9).
      await judgePurchaseRequest(ctxOf(request), adopted.requestId);
      return reply.status(201).send(adopted);
    },
  );

  app.post(
    "/stack/discovery/candidates/dismiss",
    {
      schema: {
        tags: ["stack"],
        summary: "Stop proposing a merchant",
        body: DismissCandidateBody,
        response: { 200: Ok },
      },
    },
    async (request) => dismissCandidate(ctxOf(request), request.body),
  );
};
