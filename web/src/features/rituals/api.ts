import type {
  CreateJobSwapBody,
  JobSwap,
  JobSwapListQuery,
  JobSwapPage,
  WriteJobSwapReflectionBody,
} from "#contracts/job-swaps";
import type { MeetingMinutes } from "#contracts/minutes";
import type { User } from "#contracts/people";
import type {
  ActionItem,
  ActionItemListQuery,
  ActionItemPage,
  Agenda,
  CreateAgendaItemBody,
  CreateOutcomeBody,
  CreateSeriesBody,
  Meeting,
  MeetingListQuery,
  MeetingPage,
  MeetingSeries,
  Outcome,
  OutcomeList,
  RitualsCompletion,
  UpdateActionItemBody,
  UpdateAgendaItemBody,
  UpdateMeetingBody,
  UpdateSeriesBody,
} from "#contracts/rituals";
import { api } from "../../lib/api";

type Page<T> = { items: T[]; nextCursor: string | null };

/** Reads every page of a short list (series of a workspace, active people). */
async function listAll<T>(path: string, query: Record<string, string | undefined> = {}): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let count = 0; count < 20; count++) {
    const page = await api<Page<T>>(path, { query: { ...query, limit: 200, cursor } });
    items.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return items;
}

/** Every series (active by default). */
export function listSeries(status: "active" | "ended" | "all" = "active") {
  return listAll<MeetingSeries>("/meeting-series", { status });
}

/** One series. */
export function getSeries(id: string) {
  return api<MeetingSeries>(`/meeting-series/${id}`);
}

/** Creates a series from a template; the next occurrence comes with it. */
export function createSeries(body: CreateSeriesBody) {
  return api<MeetingSeries>("/meeting-series", { method: "POST", body });
}

/** Edits (or ends) a series. */
export function updateSeries(id: string, body: UpdateSeriesBody) {
  return api<MeetingSeries>(`/meeting-series/${id}`, { method: "PATCH", body });
}

/** A page of meetings (upcoming soonest first, past latest first). */
export function listMeetings(query: Partial<MeetingListQuery> & { cursor?: string }) {
  return api<MeetingPage>("/meetings", { query: { limit: 20, ...query } });
}

/** One meeting. */
export function getMeeting(id: string) {
  return api<Meeting>(`/meetings/${id}`);
}

/** Moves, holds (closes) or cancels a meeting. */
export function updateMeeting(id: string, body: UpdateMeetingBody) {
  return api<Meeting>(`/meetings/${id}`, { method: "PATCH", body });
}

/** A meeting's agenda, grouped by section. */
export function getAgenda(id: string) {
  return api<Agenda>(`/meetings/${id}/agenda`);
}

/** Builds (or refreshes) a scheduled meeting's agenda from live data. */
export function prepareAgenda(id: string) {
  return api<Agenda>(`/meetings/${id}/prepare`, { method: "POST", body: {} });
}

/** Adds a manual item to a meeting's agenda; answers the agenda as it now stands. */
export function createAgendaItem(meetingId: string, body: CreateAgendaItemBody) {
  return api<Agenda>(`/meetings/${meetingId}/agenda`, { method: "POST", body });
}

/** Edits an agenda item: notes, time box, owner, section, order, status; answers the agenda. */
export function updateAgendaItem(meetingId: string, itemId: string, body: UpdateAgendaItemBody) {
  return api<Agenda>(`/meetings/${meetingId}/agenda/${itemId}`, { method: "PATCH", body });
}

/** Removes an item from an agenda; answers the agenda. */
export function removeAgendaItem(meetingId: string, itemId: string) {
  return api<Agenda>(`/meetings/${meetingId}/agenda/${itemId}`, { method: "DELETE" });
}

/** A meeting's outcomes. */
export function listOutcomes(meetingId: string) {
  return api<OutcomeList>(`/meetings/${meetingId}/outcomes`);
}

/** Records an outcome: a decision, information or an action item. */
export function createOutcome(meetingId: string, body: CreateOutcomeBody) {
  return api<Outcome>(`/meetings/${meetingId}/outcomes`, { method: "POST", body });
}

/** A page of action items (sorted by due date). */
export function listActionItems(query: Partial<ActionItemListQuery> & { cursor?: string }) {
  return api<ActionItemPage>("/action-items", { query: { limit: 50, ...query } });
}

/** Marks an action item done (or open again), moves its due date, reassigns it. */
export function updateActionItem(id: string, body: UpdateActionItemBody) {
  return api<ActionItem>(`/action-items/${id}`, { method: "PATCH", body });
}

/** Completion of action items per side over a window (default: the last 90 days). */
export function getCompletion(query: { from?: string; to?: string } = {}) {
  return api<RitualsCompletion>("/action-items/completion", { query });
}

/** Active people with their teams, for participant and owner pickers. */
export function listPeople() {
  return listAll<User>("/users", { status: "active" });
}

/** A meeting's minutes: decisions with reasons, action items, information, notes and links. */
export function getMinutes(meetingId: string) {
  return api<MeetingMinutes>(`/meetings/${meetingId}/minutes`);
}

/** The address of a meeting's invite (ICS). */
export function inviteUrl(meetingId: string) {
  return `/api/v1/meetings/${meetingId}/invite.ics`;
}

/** The address of a series' calendar (ICS, every occurrence). */
export function seriesCalendarUrl(seriesId: string) {
  return `/api/v1/meeting-series/${seriesId}/calendar.ics`;
}

/** A page of job swaps in one phase (past latest first, current and planned soonest first). */
export function listJobSwaps(query: Partial<JobSwapListQuery> & { cursor?: string }) {
  return api<JobSwapPage>("/job-swaps", { query: { limit: 50, ...query } });
}

/** Pairs a marketing person with an IT person for a period with goals. */
export function createJobSwap(body: CreateJobSwapBody) {
  return api<JobSwap>("/job-swaps", { method: "POST", body });
}

/** Writes (or rewrites) the signed-in person's reflection on a swap that ended. */
export function writeJobSwapReflection(id: string, body: WriteJobSwapReflectionBody) {
  return api<JobSwap>(`/job-swaps/${id}/reflection`, { method: "PUT", body });
}
