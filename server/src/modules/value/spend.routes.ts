import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, Ok } from "#contracts/common";
import {
  CreateSpendBody,
  ImportBody,
  SpendLine,
  SpendList,
  SpendListQuery,
  SpendSummary,
  SpendSummaryQuery,
  UpdateSpendBody,
  ValueImportList,
} from "#contracts/value";
import { ctxOf } from "../../plugins/request-context";
import { answerImport, importRoute } from "./import-response";
import { listWorkspaceImports } from "./journeys.service";
import {
  createSpendLine,
  editSpendLine,
  importSpend,
  listWorkspaceSpend,
  removeSpendLine,
  summariseSpend,
} from "./spend.service";

/** The spend ledger: lines, CSV import, plan vs actual, and the list of imports. */
export const spendRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/spend",
    {
      schema: {
        tags: ["value"],
        summary: "The spend ledger",
        querystring: SpendListQuery,
        response: { 200: SpendList },
      },
    },
    async (request) => listWorkspaceSpend(ctxOf(request), request.query),
  );

  app.post(
    "/spend",
    { schema: { tags: ["value"], summary: "Add a spend line", body: CreateSpendBody, response: { 201: SpendLine } } },
    async (request, reply) => reply.status(201).send(await createSpendLine(ctxOf(request), request.body)),
  );

  app.patch(
    "/spend/:id",
    {
      schema: {
        tags: ["value"],
        summary: "Edit a spend line",
        params: IdParams,
        body: UpdateSpendBody,
        response: { 200: SpendLine },
      },
    },
    async (request) => editSpendLine(ctxOf(request), request.params.id, request.body),
  );

  app.delete(
    "/spend/:id",
    { schema: { tags: ["value"], summary: "Remove a spend line", params: IdParams, response: { 200: Ok } } },
    async (request) => {
      await removeSpendLine(ctxOf(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.post("/spend/import", importRoute("Import spend from CSV", ImportBody), async (request, reply) =>
    answerImport(request, reply, "spend.write", (onProgress) =>
      importSpend(ctxOf(request), request.body as ImportBody, onProgress),
    ),
  );

  app.get(
    "/spend/summary",
    {
      schema: {
        tags: ["value"],
        summary: "Plan vs actual by month, channel and initiative",
        querystring: SpendSummaryQuery,
        response: { 200: SpendSummary },
      },
    },
    async (request) => summariseSpend(ctxOf(request), request.query),
  );

  app.get(
    "/value/imports",
    { schema: { tags: ["value"], summary: "Recent imports", response: { 200: ValueImportList } } },
    async (request) => ({ items: await listWorkspaceImports(ctxOf(request)) }),
  );
};
