import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { stackToolsApi } from "#contracts/api/stack-tools";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { listRecordHistory, presentAuditEvent } from "../audit/audit.commands";
import { presentTool } from "./stack.presenter";
import { createTool, editTool, getTool, listWorkspaceTools, setToolArchived, todayOf } from "./stack.service";
import { exportToolsCsv, importToolsCsv } from "./tools-csv.service";

/** The Stack's catalog: tools, their CSV import and export, their history, archiving. */
export const stackToolsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(stackToolsApi.listTools),
    config: { cache: ["tool", "app_user", "team"] },
    handler: async (request) => {
      const ctx = ctxOf(request);
      const page = await listWorkspaceTools(ctx, request.query);
      return { items: page.items.map((row) => presentTool(row, todayOf(ctx))), nextCursor: page.nextCursor };
    },
  });

  app.route({
    ...routeOf(stackToolsApi.exportTools),
    handler: async (request, reply) => {
      const csv = await exportToolsCsv(ctxOf(request), { ...request.query, limit: 200 });
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="tandem-stack.csv"')
        .send(csv);
    },
  });

  app.route({
    ...routeOf(stackToolsApi.importTools),
    bodyLimit: 5 * 1024 * 1024,
    config: { csvUpload: { maxBytes: 4 * 1024 * 1024, booleans: ["dryRun", "onlyValid"] } },
    handler: async (request) => importToolsCsv(ctxOf(request), request.body),
  });

  app.route({
    ...routeOf(stackToolsApi.getTool),
    handler: async (request) => {
      const ctx = ctxOf(request);
      return presentTool(await getTool(ctx, request.params.id), todayOf(ctx));
    },
  });

  app.route({
    ...routeOf(stackToolsApi.toolHistory),
    handler: async (request) => {
      const ctx = ctxOf(request);
      await getTool(ctx, request.params.id);
      const page = await listRecordHistory(ctx, request.params.id, request.query);
      return { items: page.items.map(presentAuditEvent), nextCursor: page.nextCursor };
    },
  });

  app.route({
    ...routeOf(stackToolsApi.createTool),
    handler: async (request, reply) => {
      const ctx = ctxOf(request);
      return reply.status(201).send(presentTool(await createTool(ctx, request.body), todayOf(ctx)));
    },
  });

  app.route({
    ...routeOf(stackToolsApi.updateTool),
    handler: async (request) => {
      const ctx = ctxOf(request);
      return presentTool(await editTool(ctx, request.params.id, request.body), todayOf(ctx));
    },
  });

  for (const [spec, archived] of [
    [stackToolsApi.archiveTool, true],
    [stackToolsApi.restoreTool, false],
  ] as const) {
    app.route({
      ...routeOf(spec),
      handler: async (request) => {
        const ctx = ctxOf(request);
        return presentTool(await setToolArchived(ctx, request.params.id, { ...request.body, archived }), todayOf(ctx));
      },
    });
  }
};
