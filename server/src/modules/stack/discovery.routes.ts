import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { Ok } from "#contracts/common";
import {
  AdoptCandidateBody,
  AdoptCandidateResult,
  DismissCandidateBody,
  ExpenseImportList,
  ImportExpensesBody,
  ImportExpensesResult,
  ShadowCandidateList,
} from "#contracts/stack";
import { ctxOf } from "../../plugins/request-context";
import { judgePurchaseRequest } from "../guardrails/guardrails.commands";
import {
  adoptCandidate,
  dismissCandidate,
  importExpenses,
  listCandidates,
  listExpenseImports,
} from "./discovery.service";

/** Shadow-IT discovery: expense statements in, candidates out, adopted into the catalog or dismissed. */
export const stackDiscoveryRoutes: FastifyPluginAsyncZod = async (app) => {
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
