import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AuditList } from "#contracts/audit";
import { IdParams, ListQuery, Version } from "#contracts/common";
import {
  CreateToolBody,
  ImportToolsBody,
  ImportToolsResult,
  Tool,
  ToolExportQuery,
  ToolList,
  ToolListQuery,
  UpdateToolBody,
} from "#contracts/stack";
import { ctxOf } from "../../plugins/request-context";
import { listRecordHistory, presentAuditEvent } from "../audit/audit.commands";
import { presentTool } from "./stack.presenter";
import { createTool, editTool, getTool, listWorkspaceTools, setToolArchived, todayOf } from "./stack.service";
import { exportToolsCsv, importToolsCsv } from "./tools-csv.service";

const ArchiveBody = z.strictObject({ version: Version });

/** The Stack's catalog: tools, their CSV import and export, their history, archiving. */
export const stackToolsRoutes: FastifyPluginAsyncZod = async (app) => {
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
};
