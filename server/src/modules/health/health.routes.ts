import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "#contracts/common";
import {
  Alignment,
  AlignmentQuery,
  CreateSurveyBody,
  CreateSurveyItemBody,
  ResponseBody,
  ResponseReceipt,
  Survey,
  SurveyItem,
  SurveyItemList,
  SurveyListQuery,
  SurveyPage,
  SurveyResults,
  SurveyTransitionBody,
  UpdateSurveyBody,
  UpdateSurveyItemBody,
} from "#contracts/health";
import { ctxOf } from "../../plugins/request-context";
import { readAlignment } from "./alignment.service";
import { cadenceRoutes } from "./cadence.routes";
import {
  closePulse,
  createItem,
  createPulse,
  editItem,
  editPulse,
  getPulse,
  launchPulse,
  listBank,
  listPulses,
  pulseResults,
  respond,
} from "./health.service";

const tags = ["health"];

/** Health: the item bank, pulses, anonymous responses and their results, and the Alignment Index. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(cadenceRoutes);

  app.get(
    "/survey-items",
    { schema: { tags, summary: "The item bank", response: { 200: SurveyItemList } } },
    async (request) => listBank(ctxOf(request)),
  );

  app.post(
    "/survey-items",
    { schema: { tags, summary: "Add an item to the bank", body: CreateSurveyItemBody, response: { 201: SurveyItem } } },
    async (request, reply) => reply.status(201).send(await createItem(ctxOf(request), request.body)),
  );

  app.patch(
    "/survey-items/:id",
    {
      schema: {
        tags,
        summary: "Reword (never once asked) or retire an item",
        params: IdParams,
        body: UpdateSurveyItemBody,
        response: { 200: SurveyItem },
      },
    },
    async (request) => editItem(ctxOf(request), request.params.id, request.body),
  );

  app.get(
    "/surveys",
    { schema: { tags, summary: "Pulses, newest first", querystring: SurveyListQuery, response: { 200: SurveyPage } } },
    async (request) => listPulses(ctxOf(request), request.query),
  );

  app.post(
    "/surveys",
    {
      schema: {
        tags,
        summary: "Create a draft pulse for both teams",
        body: CreateSurveyBody,
        response: { 201: Survey },
      },
    },
    async (request, reply) => reply.status(201).send(await createPulse(ctxOf(request), request.body)),
  );

  app.get(
    "/surveys/:id",
    { schema: { tags, summary: "One pulse", params: IdParams, response: { 200: Survey } } },
    async (request) => getPulse(ctxOf(request), request.params.id),
  );

  app.patch(
    "/surveys/:id",
    {
      schema: {
        tags,
        summary: "Edit a draft pulse",
        params: IdParams,
        body: UpdateSurveyBody,
        response: { 200: Survey },
      },
    },
    async (request) => editPulse(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    "/surveys/:id/launch",
    {
      schema: {
        tags,
        summary: "Launch a draft pulse (k locked)",
        params: IdParams,
        body: SurveyTransitionBody,
        response: { 200: Survey },
      },
    },
    async (request) => launchPulse(ctxOf(request), request.params.id, request.body.version),
  );

  app.post(
    "/surveys/:id/close",
    {
      schema: {
        tags,
        summary: "Close an open pulse",
        params: IdParams,
        body: SurveyTransitionBody,
        response: { 200: Survey },
      },
    },
    async (request) => closePulse(ctxOf(request), request.params.id, request.body.version),
  );

  app.post(
    "/surveys/:id/responses",
    {
      schema: {
        tags,
        summary: "Answer a pulse (once; stored without the person or a time)",
        params: IdParams,
        body: ResponseBody,
        response: { 201: ResponseReceipt },
      },
    },
    async (request, reply) => reply.status(201).send(await respond(ctxOf(request), request.params.id, request.body)),
  );

  app.get(
    "/surveys/:id/responses",
    {
      schema: {
        tags,
        summary: "A pulse's aggregated results (groups below k suppressed)",
        params: IdParams,
        querystring: AlignmentQuery,
        response: { 200: SurveyResults },
      },
    },
    async (request) => pulseResults(ctxOf(request), request.params.id, request.query.team),
  );

  app.get(
    "/alignment",
    { schema: { tags, summary: "The Alignment Index", querystring: AlignmentQuery, response: { 200: Alignment } } },
    async (request) => readAlignment(ctxOf(request), request.query),
  );
};
