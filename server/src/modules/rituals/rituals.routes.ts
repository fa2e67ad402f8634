import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { Id, IdParams } from "#contracts/common";
import {
  ActionItem,
  ActionItemListQuery,
  ActionItemPage,
  Agenda,
  CompletionQuery,
  CreateActionItemBody,
  CreateAgendaItemBody,
  CreateMeetingBody,
  CreateOutcomeBody,
  CreateSeriesBody,
  Meeting,
  MeetingListQuery,
  MeetingPage,
  MeetingSeries,
  Outcome,
  OutcomeList,
  PrepareMeetingBody,
  RitualsCompletion,
  SeriesListQuery,
  SeriesPage,
  UpdateActionItemBody,
  UpdateAgendaItemBody,
  UpdateMeetingBody,
  UpdateSeriesBody,
} from "#contracts/rituals";
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

const tags = ["rituals"];
const ItemParams = z.object({ id: Id, itemId: Id });

/** Rituals: meeting series, their meetings and agendas, outcomes and action items. */
export const ritualsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/meeting-series",
    {
      schema: {
        tags,
        summary: "Meeting series, by title",
        querystring: SeriesListQuery,
        response: { 200: SeriesPage },
      },
    },
    async (request) => listWorkspaceSeries(ctxOf(request), request.query),
  );

  app.post(
    "/meeting-series",
    {
      schema: {
        tags,
        summary: "Start a meeting series from a template (its next occurrence is created with it)",
        body: CreateSeriesBody,
        response: { 201: MeetingSeries },
      },
    },
    async (request, reply) => reply.status(201).send(await createSeries(ctxOf(request), request.body)),
  );

  app.get(
    "/meeting-series/:id",
    { schema: { tags, summary: "One meeting series", params: IdParams, response: { 200: MeetingSeries } } },
    async (request) => getSeries(ctxOf(request), request.params.id),
  );

  app.patch(
    "/meeting-series/:id",
    {
      schema: {
        tags,
        summary: "Edit a meeting series (its next occurrence follows a new cadence, time or length; ended: cancelled)",
        params: IdParams,
        body: UpdateSeriesBody,
        response: { 200: MeetingSeries },
      },
    },
    async (request) => editSeries(ctxOf(request), request.params.id, request.body),
  );

  app.get(
    "/meetings",
    {
      schema: {
        tags,
        summary: "Meetings (occurrences), soonest first; latest first for when=past",
        querystring: MeetingListQuery,
        response: { 200: MeetingPage },
      },
    },
    async (request) => listWorkspaceMeetings(ctxOf(request), request.query),
  );

  app.post(
    "/meetings",
    {
      schema: {
        tags,
        summary: "Add an occurrence to a series (refused when it overlaps another of the series)",
        body: CreateMeetingBody,
        response: { 201: Meeting },
      },
    },
    async (request, reply) => reply.status(201).send(await createMeeting(ctxOf(request), request.body)),
  );

  app.get(
    "/meetings/:id",
    { schema: { tags, summary: "One meeting", params: IdParams, response: { 200: Meeting } } },
    async (request) => getMeeting(ctxOf(request), request.params.id),
  );

  app.patch(
    "/meetings/:id",
    {
      schema: {
        tags,
        summary: "Move, hold or cancel a meeting, or record who attended",
        params: IdParams,
        body: UpdateMeetingBody,
        response: { 200: Meeting },
      },
    },
    async (request) => editMeeting(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    "/meetings/:id/prepare",
    {
      schema: {
        tags,
        summary: "Build or refresh the agenda from live data (refused once the meeting has started)",
        params: IdParams,
        body: PrepareMeetingBody,
        response: { 200: Agenda },
      },
    },
    async (request) => prepareMeeting(ctxOf(request), request.params.id),
  );

  app.get(
    "/meetings/:id/agenda",
    {
      schema: {
        tags,
        summary: "A meeting's agenda by section, with time boxes and what was left off",
        params: IdParams,
        response: { 200: Agenda },
      },
    },
    async (request) => getAgenda(ctxOf(request), request.params.id),
  );

  app.post(
    "/meetings/:id/agenda",
    {
      schema: {
        tags,
        summary: "Add a manual item to a meeting's agenda",
        params: IdParams,
        body: CreateAgendaItemBody,
        response: { 201: Agenda },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addAgendaItem(ctxOf(request), request.params.id, request.body)),
  );

  app.patch(
    "/meetings/:id/agenda/:itemId",
    {
      schema: {
        tags,
        summary: "Edit an agenda item: notes, time box, owner, section, order, status",
        params: ItemParams,
        body: UpdateAgendaItemBody,
        response: { 200: Agenda },
      },
    },
    async (request) => editAgendaItem(ctxOf(request), request.params.id, request.params.itemId, request.body),
  );

  app.delete(
    "/meetings/:id/agenda/:itemId",
    {
      schema: {
        tags,
        summary: "Remove an item from an agenda",
        params: ItemParams,
        response: { 200: Agenda },
      },
    },
    async (request) => removeAgendaItem(ctxOf(request), request.params.id, request.params.itemId),
  );

  app.get(
    "/meetings/:id/outcomes",
    {
      schema: { tags, summary: "A meeting's outcomes, oldest first", params: IdParams, response: { 200: OutcomeList } },
    },
    async (request) => listMeetingOutcomes(ctxOf(request), request.params.id),
  );

  app.post(
    "/meetings/:id/outcomes",
    {
      schema: {
        tags,
        summary: "Record a decision (on a request of this workspace), information, or an action item",
        params: IdParams,
        body: CreateOutcomeBody,
        response: { 201: Outcome },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordOutcome(ctxOf(request), request.params.id, request.body)),
  );

  app.get(
    "/action-items",
    {
      schema: {
        tags,
        summary: "Action items by due date; owner=me is my commitments",
        querystring: ActionItemListQuery,
        response: { 200: ActionItemPage },
      },
    },
    async (request) => listWorkspaceActionItems(ctxOf(request), request.query),
  );

  app.post(
    "/action-items",
    {
      schema: {
        tags,
        summary: "Add an action item (due date not in the past)",
        body: CreateActionItemBody,
        response: { 201: ActionItem },
      },
    },
    async (request, reply) => reply.status(201).send(await createActionItem(ctxOf(request), request.body)),
  );

  app.get(
    "/action-items/completion",
    {
      schema: {
        tags,
        summary: "Meetings held (and with both sides) and action items completed per side over a window",
        querystring: CompletionQuery,
        response: { 200: RitualsCompletion },
      },
    },
    async (request) => readCompletion(ctxOf(request), request.query),
  );

  app.get(
    "/action-items/:id",
    { schema: { tags, summary: "One action item", params: IdParams, response: { 200: ActionItem } } },
    async (request) => getActionItem(ctxOf(request), request.params.id),
  );

  app.patch(
    "/action-items/:id",
    {
      schema: {
        tags,
        summary: "Mark an action item done or open, move its due date, reassign or reprioritise it",
        params: IdParams,
        body: UpdateActionItemBody,
        response: { 200: ActionItem },
      },
    },
    async (request) => editActionItem(ctxOf(request), request.params.id, request.body),
  );
};
