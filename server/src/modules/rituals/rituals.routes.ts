import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ritualsApi } from "#contracts/api/rituals";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import {
  createActionItem,
  editActionItem,
  getActionItem,
  listMeetingOutcomes,
  listWorkspaceActionItems,
  readCompletion,
  recordOutcome,
  todayOf,
} from "./action-items.service";
import { getAgenda, prepareMeeting } from "./agenda.service";
import { addAgendaItem, editAgendaItem, removeAgendaItem } from "./agenda-items.service";
import { createMeeting, editMeeting, getMeeting, listWorkspaceMeetings } from "./meetings.service";
import { presentActionItem, presentAgenda, presentMeeting, presentOutcome, presentSeries } from "./rituals.presenter";
import { createSeries, editSeries, getSeries, listWorkspaceSeries } from "./series.service";

/** Rituals: meeting series, their meetings and agendas, outcomes and action items. */
export const ritualsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(ritualsApi.listSeries),
    handler: async (request) => {
      const page = await listWorkspaceSeries(ctxOf(request), request.query);
      return { items: page.items.map(presentSeries), nextCursor: page.nextCursor };
    },
  });

  app.route({
    ...routeOf(ritualsApi.createSeries),
    handler: async (request, reply) =>
      reply.status(201).send(presentSeries(await createSeries(ctxOf(request), request.body))),
  });

  app.route({
    ...routeOf(ritualsApi.getSeries),
    handler: async (request) => presentSeries(await getSeries(ctxOf(request), request.params.id)),
  });

  app.route({
    ...routeOf(ritualsApi.updateSeries),
    handler: async (request) => presentSeries(await editSeries(ctxOf(request), request.params.id, request.body)),
  });

  app.route({
    ...routeOf(ritualsApi.listMeetings),
    handler: async (request) => {
      const ctx = ctxOf(request);
      const page = await listWorkspaceMeetings(ctx, request.query);
      return { items: page.items.map((view) => presentMeeting(view, ctx.now)), nextCursor: page.nextCursor };
    },
  });

  app.route({
    ...routeOf(ritualsApi.createMeeting),
    handler: async (request, reply) => {
      const ctx = ctxOf(request);
      return reply.status(201).send(presentMeeting(await createMeeting(ctx, request.body), ctx.now));
    },
  });

  app.route({
    ...routeOf(ritualsApi.getMeeting),
    handler: async (request) => {
      const ctx = ctxOf(request);
      return presentMeeting(await getMeeting(ctx, request.params.id), ctx.now);
    },
  });

  app.route({
    ...routeOf(ritualsApi.updateMeeting),
    handler: async (request) => {
      const ctx = ctxOf(request);
      return presentMeeting(await editMeeting(ctx, request.params.id, request.body), ctx.now);
    },
  });

  app.route({
    ...routeOf(ritualsApi.prepareMeeting),
    handler: async (request) => {
      const ctx = ctxOf(request);
      return presentAgenda(await prepareMeeting(ctx, request.params.id), ctx.now);
    },
  });

  app.route({
    ...routeOf(ritualsApi.getAgenda),
    handler: async (request) => {
      const ctx = ctxOf(request);
      return presentAgenda(await getAgenda(ctx, request.params.id), ctx.now);
    },
  });

  app.route({
    ...routeOf(ritualsApi.addAgendaItem),
    handler: async (request, reply) => {
      const ctx = ctxOf(request);
      return reply.status(201).send(presentAgenda(await addAgendaItem(ctx, request.params.id, request.body), ctx.now));
    },
  });

  app.route({
    ...routeOf(ritualsApi.updateAgendaItem),
    handler: async (request) => {
      const ctx = ctxOf(request);
      const { id, itemId } = request.params;
      return presentAgenda(await editAgendaItem(ctx, id, itemId, request.body), ctx.now);
    },
  });

  app.route({
    ...routeOf(ritualsApi.removeAgendaItem),
    handler: async (request) => {
      const ctx = ctxOf(request);
      return presentAgenda(await removeAgendaItem(ctx, request.params.id, request.params.itemId), ctx.now);
    },
  });

  app.route({
    ...routeOf(ritualsApi.listOutcomes),
    handler: async (request) => {
      const list = await listMeetingOutcomes(ctxOf(request), request.params.id);
      return { items: list.items.map(presentOutcome) };
    },
  });

  app.route({
    ...routeOf(ritualsApi.recordOutcome),
    handler: async (request, reply) =>
      reply.status(201).send(presentOutcome(await recordOutcome(ctxOf(request), request.params.id, request.body))),
  });

  app.route({
    ...routeOf(ritualsApi.listActionItems),
    handler: async (request) => {
      const ctx = ctxOf(request);
      const page = await listWorkspaceActionItems(ctx, request.query);
      return { items: page.items.map((row) => presentActionItem(row, todayOf(ctx))), nextCursor: page.nextCursor };
    },
  });

  app.route({
    ...routeOf(ritualsApi.createActionItem),
    handler: async (request, reply) => {
      const ctx = ctxOf(request);
      return reply.status(201).send(presentActionItem(await createActionItem(ctx, request.body), todayOf(ctx)));
    },
  });

  app.route({
    ...routeOf(ritualsApi.getCompletion),
    handler: async (request) => readCompletion(ctxOf(request), request.query),
  });

  app.route({
    ...routeOf(ritualsApi.getActionItem),
    handler: async (request) => {
      const ctx = ctxOf(request);
      return presentActionItem(await getActionItem(ctx, request.params.id), todayOf(ctx));
    },
  });

  app.route({
    ...routeOf(ritualsApi.updateActionItem),
    handler: async (request) => {
      const ctx = ctxOf(request);
      return presentActionItem(await editActionItem(ctx, request.params.id, request.body), todayOf(ctx));
    },
  });
};
