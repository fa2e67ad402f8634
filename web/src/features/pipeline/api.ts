import type { z } from "zod";
import type { User } from "#contracts/people";
import type {
  CalendarList,
  CommentList,
  CreateCalendarBody,
  CreateRequestBody,
  DecisionBody,
  PipelineRequest,
  PipelineSettings,
  Priority,
  RaciTemplate,
  RaciTemplateList,
  RequestComment,
  RequestEventList,
  RequestListQuery,
  RequestSummary,
  RequestType,
  SlaPolicy,
  SlaPolicyList,
  SlaReport,
  SlaReportQuery,
  Stage,
  UpdateCalendarBody,
  UpdatePipelineSettingsBody,
  UpdateRaciBody,
  UpdateRaciTemplateBody,
  UpdateRequestBody,
  UpdateSlaPolicyBody,
  ValueReport,
  WorkCalendar,
} from "#contracts/pipeline";
import type { Tool } from "#contracts/stack";
import { api } from "../../lib/api";

type Page<T> = { items: T[]; nextCursor: string | null };

/** Filters of the backlog, as the URL keeps them. */
export type RequestFilters = Partial<
  Pick<RequestListQuery, "q" | "type" | "priority" | "teamId" | "sponsorId" | "breached" | "waitingOn">
> & { stage?: Stage | "open" | "in_flight" };

/** A page of requests in backlog order. */
export function listRequests(
  query: RequestFilters & { sort?: RequestListQuery["sort"]; cursor?: string; limit?: number },
) {
  return api<Page<RequestSummary>>("/requests", { query });
}

/** Every open request, for the board. */
export function listBoard() {
  return api<{ items: RequestSummary[] }>("/requests/board");
}

/** One request with everything its page shows. */
export function getRequest(id: string) {
  return api<PipelineRequest>(`/requests/${id}`);
}

/** Submits a request, or saves it as a draft. */
export function createRequest(body: CreateRequestBody) {
  return api<PipelineRequest>("/requests", { method: "POST", body });
}

/** Edits a request's intake, triage or planning; a stale version is answered with 409. */
export function updateRequest(id: string, body: UpdateRequestBody) {
  return api<PipelineRequest>(`/requests/${id}`, { method: "PATCH", body });
}

/** Moves a request to another stage. */
export function transitionRequest(id: string, body: { to: Stage; version: number; comment?: string }) {
  return api<PipelineRequest>(`/requests/${id}/transitions`, { method: "POST", body });
}

/** Waits on the requester (the clocks pause), or resumes. */
export function setWaiting(id: string, body: { waiting: boolean; version: number; reason?: string }) {
  return api<PipelineRequest>(`/requests/${id}/waiting`, { method: "POST", body });
}

/** Decides a request, with a reason. */
export function decideRequest(id: string, body: DecisionBody) {
  return api<PipelineRequest>(`/requests/${id}/decision`, { method: "POST", body });
}

/** The requester's single appeal. */
export function appealRequest(id: string, body: { comment: string; version: number }) {
  return api<PipelineRequest>(`/requests/${id}/appeal`, { method: "POST", body });
}

/** The requester accepts the alternative offered. */
export function acceptAlternative(id: string, version: number) {
  return api<PipelineRequest>(`/requests/${id}/accept-alternative`, { method: "POST", body: { version } });
}

/** Records the value review and closes the request. */
export function reviewRequest(id: string, body: { realisedBenefit: string; notes: string; version: number }) {
  return api<PipelineRequest>(`/requests/${id}/review`, { method: "POST", body });
}

/** Moves a request in the backlog, directly above another (or to the bottom with null). */
export function rankRequest(id: string, body: { beforeId: string | null; version: number }) {
  return api<PipelineRequest>(`/requests/${id}/rank`, { method: "POST", body });
}

/** Replaces who does what on a request. */
export function updateRaci(id: string, body: UpdateRaciBody) {
  return api<PipelineRequest>(`/requests/${id}/raci`, { method: "PUT", body });
}

/** Follows a request, or stops. */
export function setWatching(id: string, watching: boolean) {
  return api<PipelineRequest>(`/requests/${id}/watch`, { method: "POST", body: { watching } });
}

/** A request's timeline. */
export function listEvents(id: string) {
  return api<z.infer<typeof RequestEventList>>(`/requests/${id}/events`);
}

/** A request's comments. */
export function listComments(id: string) {
  return api<z.infer<typeof CommentList>>(`/requests/${id}/comments`);
}

/** Comments on a request, mentioning people. */
export function addComment(id: string, body: { body: string; mentions: string[] }) {
  return api<z.infer<typeof RequestComment>>(`/requests/${id}/comments`, { method: "POST", body });
}

/** The rules of engagement of every request type. */
export function listRaciTemplates() {
  return api<z.infer<typeof RaciTemplateList>>("/raci-templates");
}

/** Replaces a request type's rules of engagement. */
export function updateRaciTemplate(type: RequestType, body: z.infer<typeof UpdateRaciTemplateBody>) {
  return api<RaciTemplate>(`/raci-templates/${type}`, { method: "PUT", body });
}

/** The backlog's scoring formula. */
export function getSettings() {
  return api<z.infer<typeof PipelineSettings>>("/pipeline/settings");
}

/** Changes the scoring formula. */
export function updateSettings(body: z.infer<typeof UpdatePipelineSettingsBody>) {
  return api<z.infer<typeof PipelineSettings>>("/pipeline/settings", { method: "PUT", body });
}

/** Working calendars. */
export function listCalendars() {
  return api<z.infer<typeof CalendarList>>("/calendars");
}

/** Adds a working calendar. */
export function createCalendar(body: z.input<typeof CreateCalendarBody>) {
  return api<WorkCalendar>("/calendars", { method: "POST", body });
}

/** Edits a working calendar. */
export function updateCalendar(id: string, body: z.input<typeof UpdateCalendarBody>) {
  return api<WorkCalendar>(`/calendars/${id}`, { method: "PATCH", body });
}

/** Service-level targets per class. */
export function listSlaPolicies() {
  return api<z.infer<typeof SlaPolicyList>>("/sla/policies");
}

/** Changes a class's targets. */
export function updateSlaPolicy(priority: Priority, body: z.infer<typeof UpdateSlaPolicyBody>) {
  return api<SlaPolicy>(`/sla/policies/${priority}`, { method: "PATCH", body });
}

/** The service-level report. */
export function getSlaReport(query: SlaReportQuery) {
  return api<SlaReport>("/sla/report", { query });
}

/** Every page of a cursor list, capped. */
async function listAll<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>, maxPages = 20) {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let count = 0; count < maxPages; count++) {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return items;
}

/** Everyone active, for the people pickers. */
export function listPeople() {
  return listAll((cursor) => api<Page<User>>("/users", { query: { limit: 200, cursor, status: "active" } }));
}

/** Every team, for the filters. */
export function listTeams() {
  return listAll((cursor) =>
    api<Page<{ id: string; name: string; kind: string }>>("/teams", { query: { limit: 200, cursor } }),
  );
}

/** The Stack's live tools, for planning and alternatives. */
export function listTools() {
  return listAll((cursor) => api<Page<Tool>>("/tools", { query: { limit: 200, cursor } }));
}

/** Expected against realised benefit of reviewed requests, per type and per sponsor. */
export function getValueReport(query: { from?: string; to?: string; currency?: string }) {
  return api<ValueReport>("/requests/value-report", { query });
}
