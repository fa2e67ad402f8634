import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AnalyzeBody, ExperimentAnalysis, SampleSize, SampleSizeBody } from "#contracts/experiments";
import { ctxOf } from "../../plugins/request-context";
import { analyzeStats, planSampleSize } from "./stats.service";

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

  app.post(
    "/stats/sample-size",
    {
      schema: {
        tags: ["experiments"],
        summary: "Plan a test: units per variant and days needed to detect an effect (nothing is stored)",
        body: SampleSizeBody,
        response: { 200: SampleSize },
      },
    },
    async (request) => planSampleSize(ctxOf(request), request.body),
  );
};
