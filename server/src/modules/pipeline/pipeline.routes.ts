import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams } from "../../../../contracts/common";
import {
  AppealBody,
  CalendarList,
  CommentList,
  CreateCalendarBody,
  CreateCommentBody,
  CreateRequestBody,
  DecisionBody,
  PipelineRequest,
  PipelineSettings,
  PriorityParams,
  RaciRow,
  RaciTemplate,
  RaciTemplateList,
  RankBody,
  RequestComment,
  RequestEventList,
  RequestList,
  RequestListQuery,
  RequestSummary,
  RequestTypeParams,
  ReviewBody,
  SlaPolicy,
  SlaPolicyList,
  SlaReport,
  SlaReportQuery,
  TransitionBody,
  UpdateCalendarBody,
  UpdatePipelineSettingsBody,
  UpdateRaciBody,
  UpdateRaciTemplateBody,
  UpdateRequestBody,
  UpdateSlaPolicyBody,
  ValueReport,
  ValueReportQuery,
  VersionBody,
  WaitingBody,
  WorkCalendar,
} from "../../../../contracts/pipeline";
import type { Ctx } from "../../context";
import { ctxOf } from "../../plugins/request-context";
import { judgePurchaseRequest, rejudgePurchaseRequest } from "../guardrails/guardrails.commands";
import { addComment, listRequestComments } from "./comments.service";
import { editSettings, editTemplate, getSettings, listTemplates } from "./engagement.service";
import { presentComments, presentEvents, presentSummary } from "./pipeline.presenter";
import {
  acceptAlternative,
  appealRequest,
  createRequest,
  decideRequest,
  editRequest,
  editRequestRaci,
  getRequest,
  getRequestTimeline,
  listBoard,
  listWorkspaceRequests,
  rankRequest,
  reviewRequest,
  setWaiting,
  setWatching,
  transitionRequest,
  valueReport,
} from "./pipeline.service";
import {
  createCalendar,
  editCalendar,
  editSlaPolicy,
  listSlaPolicies,
  listWorkspaceCalendars,
  slaReport,
} from "./sla.service";

const tags = ["pipeline"];

/** The Pipeline: one intake for requests, rules of engagement, and IT's service levels. */
export const pipelineRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/requests",
    {
      schema: {
        tags,
        summary: "Requests: the ranked backlog, filtered",
        querystring: RequestListQuery,
        response: { 200: RequestList },
      },
    },
    async (request) => {
      const page = await listWorkspaceRequests(ctxOf(request), request.query);
      return { items: page.items.map(presentSummary), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/requests/board",
    {
      schema: {
        tags,
        summary: "Every open request, for the board",
        response: { 200: z.object({ items: z.array(RequestSummary) }) },
      },
    },
    async (request) => ({ items: (await listBoard(ctxOf(request))).map(presentSummary) }),
  );

  app.post(
    "/requests",
    {
      schema: {
        tags,
        summary: "Submit a request (or save a draft)",
        body: CreateRequestBody,
        response: { 201: PipelineRequest },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withJudgement(ctxOf(request), await createRequest(ctxOf(request), request.body))),
  );

  app.get(
    "/requests/value-report",
    {
      schema: {
        tags,
        summary: "Expected against realised benefit of reviewed requests, per type and sponsor",
        querystring: ValueReportQuery,
        response: { 200: ValueReport },
      },
    },
    async (request) => valueReport(ctxOf(request), request.query),
  );

  app.get(
    "/requests/:id",
    { schema: { tags, summary: "One request", params: IdParams, response: { 200: PipelineRequest } } },
    async (request) => getRequest(ctxOf(request), request.params.id),
  );

  app.patch(
    "/requests/:id",
    {
      schema: {
        tags,
        summary: "Edit a request's intake, triage or planning",
        params: IdParams,
        body: UpdateRequestBody,
        response: { 200: PipelineRequest },
      },
    },
    async (request) =>
      withJudgementAgain(ctxOf(request), await editRequest(ctxOf(request), request.params.id, request.body)),
  );

  app.get(
    "/requests/:id/events",
    {
      schema: {
        tags,
        summary: "A request's timeline",
        params: IdParams,
        response: { 200: RequestEventList },
      },
    },
    async (request) => ({ items: presentEvents(await getRequestTimeline(ctxOf(request), request.params.id)) }),
  );

  app.post(
    "/requests/:id/transitions",
    {
      schema: {
        tags,
        summary: "Move a request to another stage",
        params: IdParams,
        body: TransitionBody,
        response: { 200: PipelineRequest },
      },
    },
    async (request) =>
      withJudgement(ctxOf(request), await transitionRequest(ctxOf(request), request.params.id, request.body)),
  );

  app.post(
    "/requests/:id/waiting",
    {
      schema: {
        tags,
        summary: "Wait on the requester (the clocks pause), or resume",
        params: IdParams,
        body: WaitingBody,
        response: { 200: PipelineRequest },
      },
    },
    async (request) => setWaiting(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    "/requests/:id/decision",
    {
      schema: {
        tags,
        summary: "Decide: approve, decline, defer or propose an alternative, with a reason",
        params: IdParams,
        body: DecisionBody,
        response: { 200: PipelineRequest },
      },
    },
    async (request) => decideRequest(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    "/requests/:id/appeal",
    {
      schema: {
        tags,
        summary: "Appeal a decline or an alternative, once",
        params: IdParams,
        body: AppealBody,
        response: { 200: PipelineRequest },
      },
    },
    async (request) => appealRequest(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    "/requests/:id/accept-alternative",
    {
      schema: {
        tags,
        summary: "Accept the alternative offered",
        params: IdParams,
        body: VersionBody,
        response: { 200: PipelineRequest },
      },
    },
    async (request) => acceptAlternative(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    "/requests/:id/review",
    {
      schema: {
        tags,
        summary: "Record the value review (realised benefit) and close",
        params: IdParams,
        body: ReviewBody,
        response: { 200: PipelineRequest },
      },
    },
    async (request) => reviewRequest(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    "/requests/:id/rank",
    {
      schema: {
        tags,
        summary: "Move a request in the ranked backlog",
        params: IdParams,
        body: RankBody,
        response: { 200: PipelineRequest },
      },
    },
    async (request) => rankRequest(ctxOf(request), request.params.id, request.body),
  );

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

  app.get(
    "/calendars",
    { schema: { tags: ["service levels"], summary: "Working calendars", response: { 200: CalendarList } } },
    async (request) => listWorkspaceCalendars(ctxOf(request)),
  );

  app.post(
    "/calendars",
    {
      schema: {
        tags: ["service levels"],
        summary: "Add a working calendar",
        body: CreateCalendarBody,
        response: { 201: WorkCalendar },
      },
    },
    async (request, reply) => reply.status(201).send(await createCalendar(ctxOf(request), request.body)),
  );

  app.patch(
    "/calendars/:id",
    {
      schema: {
        tags: ["service levels"],
        summary: "Edit a working calendar (open clocks are recounted)",
        params: IdParams,
        body: UpdateCalendarBody,
        response: { 200: WorkCalendar },
      },
    },
    async (request) => editCalendar(ctxOf(request), request.params.id, request.body),
  );

  app.get(
    "/sla/policies",
    {
      schema: {
        tags: ["service levels"],
        summary: "Service-level targets per priority class",
        response: { 200: SlaPolicyList },
      },
    },
    async (request) => listSlaPolicies(ctxOf(request)),
  );

  app.patch(
    "/sla/policies/:priority",
    {
      schema: {
        tags: ["service levels"],
        summary: "Change a priority class's targets (open clocks are recounted)",
        params: PriorityParams,
        body: UpdateSlaPolicyBody,
        response: { 200: SlaPolicy },
      },
    },
    async (request) => editSlaPolicy(ctxOf(request), request.params.priority, request.body),
  );

  app.get(
    "/sla/report",
    {
      schema: {
        tags: ["service levels"],
        summary: "Within-target shares, time to decision and the monthly trend",
        querystring: SlaReportQuery,
        response: { 200: SlaReport },
      },
    },
    async (request) => slaReport(ctxOf(request), request.query),
  );
};

/**
 * A purchase request just submitted is judged at once by the workspace's purchase policy (issue 15 item 6): the
 * answer comes back with the request, as it stands after the policy's decision or the reviews it opened.
 */
async function withJudgement(ctx: Ctx, view: PipelineRequest): Promise<PipelineRequest> {
  if (view.type !== "purchase" || view.stage !== "submitted" || view.purchase === null) return view;
  const judgement = await judgePurchaseRequest(ctx, view.id);
  if (!judgement) return view;
  return { ...(await getRequest(ctx, view.id)), policyJudgement: judgement };
}

/** A purchase edited before its decision is judged again when what the policy reads of it changed (issue 15). */
async function withJudgementAgain(ctx: Ctx, view: PipelineRequest): Promise<PipelineRequest> {
  if (view.type !== "purchase" || view.purchase === null || view.stage === "draft") return view;
  const judgement = await rejudgePurchaseRequest(ctx, view.id);
  if (!judgement) return view;
  return { ...(await getRequest(ctx, view.id)), policyJudgement: judgement };
}
