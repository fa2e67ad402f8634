import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { spendApi } from "#contracts/api/value";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { answerImport, importOptions } from "./import-response";
import { listWorkspaceImports } from "./journeys.service";
import {
  createSpendLine,
  editSpendLine,
  importSpend,
  listWorkspaceSpend,
  removeSpendLine,
  summariseSpend,
} from "./spend.service";
import { presentImport, presentSpendLine } from "./value.presenter";

/** The spend ledger: lines, CSV import, plan vs actual, and the list of imports. */
export const spendRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(spendApi.list),
    handler: async (request) => {
      const page = await listWorkspaceSpend(ctxOf(request), request.query);
      return { items: page.items.map(presentSpendLine), nextCursor: page.nextCursor };
    },
  });

  app.route({
    ...routeOf(spendApi.create),
    handler: async (request, reply) =>
      reply.status(201).send(presentSpendLine(await createSpendLine(ctxOf(request), request.body))),
  });

  app.route({
    ...routeOf(spendApi.update),
    handler: async (request) => presentSpendLine(await editSpendLine(ctxOf(request), request.params.id, request.body)),
  });

  app.route({
    ...routeOf(spendApi.remove),
    handler: async (request) => {
      await removeSpendLine(ctxOf(request), request.params.id);
      return { ok: true as const };
    },
  });

  app.route({
    ...routeOf(spendApi.import),
    ...importOptions,
    handler: async (request, reply) =>
      answerImport(request, reply, "spend.write", (onProgress) =>
        importSpend(ctxOf(request), request.body, onProgress),
      ),
  });

  app.route({
    ...routeOf(spendApi.summary),
    handler: async (request) => summariseSpend(ctxOf(request), request.query),
  });

  app.route({
    ...routeOf(spendApi.imports),
    handler: async (request) => ({ items: (await listWorkspaceImports(ctxOf(request))).map(presentImport) }),
  });
};
