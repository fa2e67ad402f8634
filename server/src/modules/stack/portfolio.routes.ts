import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ComplianceSummary,
  OverlapList,
  RenewalList,
  RenewalQuery,
  StackGraph,
  Taxonomy,
  UpdateTaxonomyBody,
} from "#contracts/stack";
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
  app.get(
    "/stack/taxonomy",
    { schema: { tags: ["stack"], summary: "The martech taxonomy", response: { 200: Taxonomy } } },
    async (request) => getTaxonomy(ctxOf(request)),
  );

  app.put(
    "/stack/taxonomy",
    {
      schema: {
        tags: ["stack"],
        summary: "Replace the workspace's subcategories",
        body: UpdateTaxonomyBody,
        response: { 200: Taxonomy },
      },
    },
    async (request) => editTaxonomy(ctxOf(request), request.body),
  );

  app.get(
    "/stack/graph",
    {
      config: { cache: ["tool", "integration", "app_user"] },
      schema: {
        tags: ["stack"],
        summary: "Every live tool and integration, for the graph",
        response: { 200: StackGraph },
      },
    },
    async (request) => getStackGraph(ctxOf(request)),
  );

  app.get(
    "/stack/overlaps",
    { schema: { tags: ["stack"], summary: "Tools that overlap, with combined cost", response: { 200: OverlapList } } },
    async (request) => ({ items: await listOverlaps(ctxOf(request)) }),
  );

  app.get(
    "/stack/renewals",
    {
      schema: {
        tags: ["stack"],
        summary: "Contracts by cancel-by date",
        querystring: RenewalQuery,
        response: { 200: RenewalList },
      },
    },
    async (request) => ({ items: await listRenewals(ctxOf(request), request.query.withinDays) }),
  );

  app.get(
    "/stack/compliance",
    { schema: { tags: ["stack"], summary: "Compliance of every live tool", response: { 200: ComplianceSummary } } },
    async (request) => summariseCompliance(ctxOf(request)),
  );
};
