import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "#contracts/common";
import {
  AsOfQuery,
  BusinessReview,
  BusinessReviewQuery,
  CreateObjectiveBody,
  CreateSegmentBody,
  MeasuredSideBySide,
  Objective,
  ObjectiveList,
  ObjectiveListQuery,
  Segment,
  SegmentList,
  UpdateObjectiveBody,
  UpdateSegmentBody,
} from "#contracts/scorecard";
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
import { exportBusinessReviewCsv, getBusinessReview, getMeasuredSideBySide } from "./review.service";
import { presentSegment } from "./scorecard.presenter";

const tags = ["scorecard"];

/** The Scorecard's objectives, customer segments and the pages built on them. */
export const scorecardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/objectives",
    {
      schema: {
        tags,
        summary: "Objectives by period",
        querystring: ObjectiveListQuery,
        response: { 200: ObjectiveList },
      },
    },
    async (request) => listWorkspaceObjectives(ctxOf(request), request.query),
  );

  app.post(
    "/objectives",
    { schema: { tags, summary: "Add an objective", body: CreateObjectiveBody, response: { 201: Objective } } },
    async (request, reply) => reply.status(201).send(await createObjective(ctxOf(request), request.body)),
  );

  app.get(
    "/objectives/:id",
    { schema: { tags, summary: "One objective", params: IdParams, response: { 200: Objective } } },
    async (request) => getObjective(ctxOf(request), request.params.id),
  );

  app.patch(
    "/objectives/:id",
    {
      schema: {
        tags,
        summary: "Edit an objective",
        params: IdParams,
        body: UpdateObjectiveBody,
        response: { 200: Objective },
      },
    },
    async (request) => editObjective(ctxOf(request), request.params.id, request.body),
  );

  app.get(
    "/segments",
    { schema: { tags, summary: "Customer segments, most important first", response: { 200: SegmentList } } },
    async (request) => ({ items: (await listWorkspaceSegments(ctxOf(request))).map(presentSegment) }),
  );

  app.post(
    "/segments",
    { schema: { tags, summary: "Add a customer segment", body: CreateSegmentBody, response: { 201: Segment } } },
    async (request, reply) => reply.status(201).send(presentSegment(await createSegment(ctxOf(request), request.body))),
  );

  app.patch(
    "/segments/:id",
    {
      schema: {
        tags,
        summary: "Edit a customer segment",
        params: IdParams,
        body: UpdateSegmentBody,
        response: { 200: Segment },
      },
    },
    async (request) => presentSegment(await editSegment(ctxOf(request), request.params.id, request.body)),
  );

  app.get(
    "/scorecard/measured",
    {
      schema: {
        tags,
        summary: "How each of us is measured: marketing's and IT's KPIs side by side, with the gaps",
        querystring: AsOfQuery,
        response: { 200: MeasuredSideBySide },
      },
    },
    async (request) => getMeasuredSideBySide(ctxOf(request), request.query),
  );

  app.get(
    "/scorecard/review",
    {
      // Every objective and KPI with its trend: kept per person (and day) until any of what it reads changes.
      config: { cache: ["objective", "kpi", "kpi_measurement", "app_user", "team", "customer_segment"] },
      schema: {
        tags,
        summary: "The business review: every objective, both owners, KPI status and trend, top risks",
        querystring: BusinessReviewQuery,
        response: { 200: BusinessReview },
      },
    },
    async (request) => getBusinessReview(ctxOf(request), request.query),
  );

  app.get(
    "/scorecard/review.csv",
    { schema: { tags, summary: "The business review as a CSV file", querystring: BusinessReviewQuery } },
    async (request, reply) => {
      const csv = await exportBusinessReviewCsv(ctxOf(request), request.query);
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="tandem-business-review.csv"')
        .send(csv);
    },
  );
};
