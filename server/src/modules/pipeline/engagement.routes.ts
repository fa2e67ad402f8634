// Who does what on a request and the rules of engagement: RACI, comments, watching, templates, the scoring settings.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { engagementApi } from "#contracts/api/pipeline-engagement";
import { routeOf } from "../../lib/route";
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
import { presentComments, presentRequest } from "./pipeline.presenter";
import { getRequest } from "./request-view.service";

/** Who does what: a request's RACI, comments and watchers, the templates and the backlog's formula. */
export const engagementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(engagementApi.raci),
    handler: async (request) => {
      const view = presentRequest(await getRequest(ctxOf(request), request.params.id));
      return { items: view.raci, problems: view.raciProblems };
    },
  });

  app.route({
    ...routeOf(engagementApi.updateRaci),
    handler: async (request) => presentRequest(await editRequestRaci(ctxOf(request), request.params.id, request.body)),
  });

  app.route({
    ...routeOf(engagementApi.comments),
    handler: async (request) => {
      const { rows, names } = await listRequestComments(ctxOf(request), request.params.id);
      return { items: presentComments(rows, names) };
    },
  });

  app.route({
    ...routeOf(engagementApi.addComment),
    handler: async (request, reply) => {
      const ctx = ctxOf(request);
      const id = await addComment(ctx, request.params.id, request.body);
      const { rows, names } = await listRequestComments(ctx, request.params.id);
      const created = presentComments(
        rows.filter(({ comment }) => comment.id === id),
        names,
      )[0];
      return reply.status(201).send(created);
    },
  });

  app.route({
    ...routeOf(engagementApi.watch),
    handler: async (request) =>
      presentRequest(await setWatching(ctxOf(request), request.params.id, request.body.watching)),
  });

  app.route({
    ...routeOf(engagementApi.templates),
    handler: async (request) => listTemplates(ctxOf(request)),
  });

  app.route({
    ...routeOf(engagementApi.updateTemplate),
    handler: async (request) => editTemplate(ctxOf(request), request.params.type, request.body),
  });

  app.route({
    ...routeOf(engagementApi.settings),
    handler: async (request) => getSettings(ctxOf(request)),
  });

  app.route({
    ...routeOf(engagementApi.updateSettings),
    handler: async (request) => editSettings(ctxOf(request), request.body),
  });
};
