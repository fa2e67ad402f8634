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
} from "./action-items.service";
import { addAgendaItem, editAgendaItem, getAgenda, prepareMeeting, removeAgendaItem } from "./agenda.service";
import {
  createMeeting,
  createSeries,
  editMeeting,
  editSeries,
  getMeeting,
  getSeries,
  listWorkspaceMeetings,
  listWorkspaceSeries,
} from "./meetings.service";

/** Rituals: meeting series, their meetings and agendas, outcomes and action items. */
export const ritualsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(ritualsApi.listSeries),
    handler: async (request) => listWorkspaceSeries(ctxOf(request), request.query),
  });

  app.route({
    ...routeOf(ritualsApi.createSeries),
    handler: async (request, reply) => reply.status(201).send(await createSeries(ctxOf(request), request.body)),
  });

  app.route({
    ...routeOf(ritualsApi.getSeries),
    handler: async (request) => getSeries(ctxOf(request), request.params.id),
  });

  app.route({
    ...routeOf(ritualsApi.updateSeries),
    handler: async (request) => editSeries(ctxOf(request), request.params.id, request.body),
  });

  app.route({
    ...routeOf(ritualsApi.listMeetings),
    handler: async (request) => listWorkspaceMeetings(ctxOf(request), request.query),
  });

  app.route({
    ...routeOf(ritualsApi.createMeeting),
    handler: async (request, reply) => reply.status(201).send(await createMeeting(ctxOf(request), request.body)),
  });

  app.route({
    ...routeOf(ritualsApi.getMeeting),
    handler: async (request) => getMeeting(ctxOf(request), request.params.id),
  });

  app.route({
    ...routeOf(ritualsApi.updateMeeting),
    handler: async (request) => editMeeting(ctxOf(request), request.params.id, request.body),
  });

  app.route({
    ...routeOf(ritualsApi.prepareMeeting),
    handler: async (request) => prepareMeeting(ctxOf(request), request.params.id),
  });

  app.route({
    ...routeOf(ritualsApi.getAgenda),
    handler: async (request) => getAgenda(ctxOf(request), request.params.id),
  });

  app.route({
    ...routeOf(ritualsApi.addAgendaItem),
    handler: async (request, reply) =>
      reply.status(201).send(await addAgendaItem(ctxOf(request), request.params.id, request.body)),
  });

  app.route({
    ...routeOf(ritualsApi.updateAgendaItem),
    handler: async (request) => editAgendaItem(ctxOf(request), request.params.id, request.params.itemId, request.body),
  });

  app.route({
    ...routeOf(ritualsApi.removeAgendaItem),
    handler: async (request) => removeAgendaItem(ctxOf(request), request.params.id, request.params.itemId),
  });

  app.route({
    ...routeOf(ritualsApi.listOutcomes),
    handler: async (request) => listMeetingOutcomes(ctxOf(request), request.params.id),
  });

  app.route({
    ...routeOf(ritualsApi.recordOutcome),
    handler: async (request, reply) =>
      reply.status(201).send(await recordOutcome(ctxOf(request), request.params.id, request.body)),
  });

  app.route({
    ...routeOf(ritualsApi.listActionItems),
    handler: async (request) => listWorkspaceActionItems(ctxOf(request), request.query),
  });

  app.route({
    ...routeOf(ritualsApi.createActionItem),
    handler: async (request, reply) => reply.status(201).send(await createActionItem(ctxOf(request), request.body)),
  });

  app.route({
    ...routeOf(ritualsApi.getCompletion),
    handler: async (request) => readCompletion(ctxOf(request), request.query),
  });

  app.route({
    ...routeOf(ritualsApi.getActionItem),
    handler: async (request) => getActionItem(ctxOf(request), request.params.id),
  });

  app.route({
    ...routeOf(ritualsApi.updateActionItem),
    handler: async (request) => editActionItem(ctxOf(request), request.params.id, request.body),
  });
};
