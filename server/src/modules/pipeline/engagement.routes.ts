// Who does what on a request and the rules of engagement: RACI, comments, watching, templates, the scoring settings.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams } from "#contracts/common";
import {
  CommentList,
  CreateCommentBody,
  PipelineRequest,
  PipelineSettings,
  RaciRow,
  RaciTemplate,
  RaciTemplateList,
  RequestComment,
  RequestTypeParams,
  UpdatePipelineSettingsBody,
  UpdateRaciBody,
  UpdateRaciTemplateBody,
} from "#contracts/pipeline";
import { ctxOf } from "../../plugins/request-context";
import { addComment, listRequestComments } from "./comments.service";
import {
  editRequestRaci,
  editSettings,
  editTemplate,
  getSettings,
  listTemplates,
  setWatching,
} from "./engagement.service";
import { presentComments } from "./pipeline.presenter";
import { getRequest } from "./request-view.service";

const tags = ["pipeline"];

/** Who does what: a request's RACI, comments and watchers, the templates and the backlog's formula. */
export const engagementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/requests/:id/raci",
    {
      schema: {
        tags,
        summary: "Who does what on a request",
        params: IdParams,
        response: { 200: z.object({ items: z.array(RaciRow), problems: z.array(z.string()) }) },
      },
    },
    async (request) => {
      const view = await getRequest(ctxOf(request), request.params.id);
      return { items: view.raci, problems: view.raciProblems };
    },
  );

  app.put(
    "/requests/:id/raci",
    {
      schema: {
        tags,
        summary: "Replace who does what on a request",
        params: IdParams,
        body: UpdateRaciBody,
        response: { 200: PipelineRequest },
      },
    },
    async (request) => editRequestRaci(ctxOf(request), request.params.id, request.body),
  );

  app.get(
    "/requests/:id/comments",
    { schema: { tags, summary: "A request's comments", params: IdParams, response: { 200: CommentList } } },
    async (request) => {
      const { rows, names } = await listRequestComments(ctxOf(request), request.params.id);
      return { items: presentComments(rows, names) };
    },
  );

  app.post(
    "/requests/:id/comments",
    {
      schema: {
        tags,
        summary: "Comment on a request (with @mentions)",
        params: IdParams,
        body: CreateCommentBody,
        response: { 201: RequestComment },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const id = await addComment(ctx, request.params.id, request.body);
      const { rows, names } = await listRequestComments(ctx, request.params.id);
      const created = presentComments(
        rows.filter(({ comment }) => comment.id === id),
        names,
      )[0];
      return reply.status(201).send(created);
    },
  );

  app.post(
    "/requests/:id/watch",
    {
      schema: {
        tags,
        summary: "Follow a request, or stop",
        params: IdParams,
        body: z.strictObject({ watching: z.boolean() }),
        response: { 200: PipelineRequest },
      },
    },
    async (request) => setWatching(ctxOf(request), request.params.id, request.body.watching),
  );

  app.get(
    "/raci-templates",
    {
      schema: {
        tags,
        summary: "Rules of engagement: who does what, per request type",
        response: { 200: RaciTemplateList },
      },
    },
    async (request) => listTemplates(ctxOf(request)),
  );

  app.put(
    "/raci-templates/:type",
    {
      schema: {
        tags,
        summary: "Replace a request type's rules of engagement",
        params: RequestTypeParams,
        body: UpdateRaciTemplateBody,
        response: { 200: RaciTemplate },
      },
    },
    async (request) => editTemplate(ctxOf(request), request.params.type, request.body),
  );

  app.get(
    "/pipeline/settings",
    { schema: { tags, summary: "The backlog's scoring formula", response: { 200: PipelineSettings } } },
    async (request) => getSettings(ctxOf(request)),
  );

  app.put(
    "/pipeline/settings",
    {
      schema: {
        tags,
        summary: "Change the backlog's scoring formula (re-scores open requests)",
        body: UpdatePipelineSettingsBody,
        response: { 200: PipelineSettings },
      },
    },
    async (request) => editSettings(ctxOf(request), request.body),
  );
};
