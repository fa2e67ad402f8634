import { IdParams } from "../common";
import { defineRoute } from "../route";
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
} from "../scorecard";

const tags = ["scorecard"];

/**
 * The Scorecard's objectives, customer segments and the pages built on them. The business review's CSV answers
 * text/csv, so it declares no JSON answer (only its errors are documented).
 */
export const scorecardApi = {
  listObjectives: defineRoute({
    method: "GET",
    path: "/objectives",
    tags,
    summary: "Objectives by period",
    query: ObjectiveListQuery,
    response: { 200: ObjectiveList },
  }),
  createObjective: defineRoute({
    method: "POST",
    path: "/objectives",
    tags,
    summary: "Add an objective",
    body: CreateObjectiveBody,
    response: { 201: Objective },
  }),
  getObjective: defineRoute({
    method: "GET",
    path: "/objectives/:id",
    tags,
    summary: "One objective",
    params: IdParams,
    response: { 200: Objective },
  }),
  editObjective: defineRoute({
    method: "PATCH",
    path: "/objectives/:id",
    tags,
    summary: "Edit an objective",
    params: IdParams,
    body: UpdateObjectiveBody,
    response: { 200: Objective },
  }),
  listSegments: defineRoute({
    method: "GET",
    path: "/segments",
    tags,
    summary: "Customer segments, most important first",
    response: { 200: SegmentList },
  }),
  createSegment: defineRoute({
    method: "POST",
    path: "/segments",
    tags,
    summary: "Add a customer segment",
    body: CreateSegmentBody,
    response: { 201: Segment },
  }),
  editSegment: defineRoute({
    method: "PATCH",
    path: "/segments/:id",
    tags,
    summary: "Edit a customer segment",
    params: IdParams,
    body: UpdateSegmentBody,
    response: { 200: Segment },
  }),
  measured: defineRoute({
    method: "GET",
    path: "/scorecard/measured",
    tags,
    summary: "How each of us is measured: marketing's and IT's KPIs side by side, with the gaps",
    query: AsOfQuery,
    response: { 200: MeasuredSideBySide },
  }),
  review: defineRoute({
    method: "GET",
    path: "/scorecard/review",
    tags,
    summary: "The business review: every objective, both owners, KPI status and trend, top risks",
    query: BusinessReviewQuery,
    response: { 200: BusinessReview },
  }),
  reviewCsv: defineRoute({
    method: "GET",
    path: "/scorecard/review.csv",
    tags,
    summary: "The business review as a CSV file",
    query: BusinessReviewQuery,
    response: {},
  }),
};
