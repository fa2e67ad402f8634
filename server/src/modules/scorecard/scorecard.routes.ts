import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { scorecardApi } from "#contracts/api/scorecard";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import {
  createObjective,
  createSegment,
  editObjective,
  editSegment,
  getObjective,
  listWorkspaceObjectives,
  listWorkspaceSegments,
} from "./objectives.service";
import { getBusinessReview, getMeasuredSideBySide } from "./review.service";
import {
  presentBusinessReview,
  presentBusinessReviewCsv,
  presentMeasuredSideBySide,
  presentObjective,
  presentObjectivePage,
  presentSegment,
} from "./scorecard.presenter";

/** The Scorecard's objectives, customer segments and the pages built on them. */
export const scorecardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(scorecardApi.listObjectives),
    handler: async (request) => presentObjectivePage(await listWorkspaceObjectives(ctxOf(request), request.query)),
  });

  app.route({
    ...routeOf(scorecardApi.createObjective),
    handler: async (request, reply) =>
      reply.status(201).send(presentObjective(await createObjective(ctxOf(request), request.body))),
  });

  app.route({
    ...routeOf(scorecardApi.getObjective),
    handler: async (request) => presentObjective(await getObjective(ctxOf(request), request.params.id)),
  });

  app.route({
    ...routeOf(scorecardApi.editObjective),
    handler: async (request) => presentObjective(await editObjective(ctxOf(request), request.params.id, request.body)),
  });

  app.route({
    ...routeOf(scorecardApi.listSegments),
    handler: async (request) => ({ items: (await listWorkspaceSegments(ctxOf(request))).map(presentSegment) }),
  });

  app.route({
    ...routeOf(scorecardApi.createSegment),
    handler: async (request, reply) =>
      reply.status(201).send(presentSegment(await createSegment(ctxOf(request), request.body))),
  });

  app.route({
    ...routeOf(scorecardApi.editSegment),
    handler: async (request) => presentSegment(await editSegment(ctxOf(request), request.params.id, request.body)),
  });

  app.route({
    ...routeOf(scorecardApi.measured),
    handler: async (request) => presentMeasuredSideBySide(await getMeasuredSideBySide(ctxOf(request), request.query)),
  });

  app.route({
    ...routeOf(scorecardApi.review),
    // Every objective and KPI with its trend: kept per person (and day) until any of what it reads changes.
    config: { cache: ["objective", "kpi", "kpi_measurement", "app_user", "team", "customer_segment"] },
    handler: async (request) => presentBusinessReview(await getBusinessReview(ctxOf(request), request.query)),
  });

  app.route({
    ...routeOf(scorecardApi.reviewCsv),
    handler: async (request, reply) => {
      const csv = presentBusinessReviewCsv(
        presentBusinessReview(await getBusinessReview(ctxOf(request), request.query)),
      );
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="tandem-business-review.csv"')
        .send(csv);
    },
  });
};
