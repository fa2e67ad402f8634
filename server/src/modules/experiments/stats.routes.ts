import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AnalyzeBody, ExperimentAnalysis } from "../../../../contracts/experiments";
import { ctxOf } from "../../plugins/request-context";
import { analyzeStats } from "./stats.service";

/** Stateless experiment statistics. */
export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/stats/analyze",
    {
      schema: {
        tags: ["experiments"],
        summary: "Analyse experiment results (frequentist, sequential or Bayesian; nothing is stored)",
        body: AnalyzeBody,
        response: { 200: ExperimentAnalysis },
      },
    },
    async (request) => analyzeStats(ctxOf(request), request.body),
  );
};
