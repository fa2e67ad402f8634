import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { stackApi } from "#contracts/api/stack";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import {
  editTaxonomy,
  getStackGraph,
  getTaxonomy,
  listOverlaps,
  listRenewals,
  summariseCompliance,
} from "./portfolio.service";

/** The Stack's portfolio views: the taxonomy, the graph, overlaps, renewals and compliance. */
export const stackPortfolioRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(stackApi.taxonomy),
    handler: async (request) => getTaxonomy(ctxOf(request)),
  });

  app.route({
    ...routeOf(stackApi.updateTaxonomy),
    handler: async (request) => editTaxonomy(ctxOf(request), request.body),
  });

  app.route({
    ...routeOf(stackApi.graph),
    config: { cache: ["tool", "integration", "app_user"] },
    handler: async (request) => getStackGraph(ctxOf(request)),
  });

  app.route({
    ...routeOf(stackApi.overlaps),
    handler: async (request) => ({ items: await listOverlaps(ctxOf(request)) }),
  });

  app.route({
    ...routeOf(stackApi.renewals),
    handler: async (request) => ({ items: await listRenewals(ctxOf(request), request.query.withinDays) }),
  });

  app.route({
    ...routeOf(stackApi.compliance),
    handler: async (request) => summariseCompliance(ctxOf(request)),
  });
};
