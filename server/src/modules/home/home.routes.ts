import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { HomeSummary } from "#contracts/home";
import { ctxOf } from "../../plugins/request-context";
import { readHome } from "./home.service";

/** Home: one request for the page people open every morning. */
export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/home",
    {
      schema: {
        tags: ["home"],
        summary:
          "What waits on me and the shared picture: service levels, decisions, value, renewals, compliance, KPIs",
        response: { 200: HomeSummary },
      },
    },
    async (request) => readHome(ctxOf(request)),
  );
};
