import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { discoveryApi } from "#contracts/api/stack-discovery";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { judgePurchaseRequest } from "../guardrails/guardrails.commands";
import { importExpenses, listExpenseImports } from "./discovery.service";
import { adoptCandidate, dismissCandidate, listCandidates } from "./discovery-candidates.service";

/** Shadow-IT discovery: expense statements in, candidates out, adopted into the catalog or dismissed. */
export const stackDiscoveryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(discoveryApi.importExpenses),
    bodyLimit: 17 * 1024 * 1024,
    config: { csvUpload: { maxBytes: 16 * 1024 * 1024, fileNameField: "fileName" } },
    handler: async (request) => importExpenses(ctxOf(request), request.body),
  });

  app.route({
    ...routeOf(discoveryApi.imports),
    handler: async (request) => listExpenseImports(ctxOf(request)),
  });

  app.route({
    ...routeOf(discoveryApi.candidates),
    handler: async (request) => listCandidates(ctxOf(request)),
  });

  app.route({
    ...routeOf(discoveryApi.adoptCandidate),
    handler: async (request, reply) => {
      const adopted = await adoptCandidate(ctxOf(request), request.body);
      // The retroactive purchase request is judged by the purchase policy like any other (issue 15 item 9).
      await judgePurchaseRequest(ctxOf(request), adopted.requestId);
      return reply.status(201).send(adopted);
    },
  });

  app.route({
    ...routeOf(discoveryApi.dismissCandidate),
    handler: async (request) => dismissCandidate(ctxOf(request), request.body),
  });
};
