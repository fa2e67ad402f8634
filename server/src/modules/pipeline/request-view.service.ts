// The request as its page and the lists read it: loading with the draft rule, who the actor is to it, the page's
// view with its clocks (stored after a change), the backlog, board and timeline, and the value report. The other
// request services build on these helpers.

import type { RequestListQuery, Scoring, Stage } from "#contracts/pipeline";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { readTogether } from "../../db/reads";
import { AppError } from "../../errors";
import { authorize, isItSide } from "../../policy";
import { findMeantTerms, type MeantTerm } from "../glossary/glossary.commands";
import { findSettings, listRaci, listWatchers } from "./engagement.queries";
import { type ClockEvent, type Clocks, clockColumns } from "./pipeline.clocks";
import {
  findPeople,
  findRequest,
  findToolNames,
  listEvents,
  listOpenRequests,
  pageRequests,
  type RequestRecord,
  type RequestRow,
  setDerived,
  valueReportFigures,
} from "./pipeline.queries";
import {
  DEFAULT_SCORING,
  type Relation,
  raciProblems,
  scoreInputsOf,
  scoreRequest,
  TRANSITIONS,
  transitionRefusal,
} from "./pipeline.rules";
import { clocksOf, loadServiceLevels } from "./sla.service";

/** What a request's page shows beside its row: who does what, its clocks, the moves open to the actor. */
export interface RequestDetails {
  raci: Awaited<ReturnType<typeof listRaci>>;
  raciProblems: string[];
  toolNames: Map<string, string>;
  decidedBy: { id: string; name: string } | null;
  clocks: Clocks;
  allowedTransitions: Stage[];
  watching: boolean;
  scoreExplanation: string | null;
  /** The glossary terms the request's intended meanings name, by id. */
  meantTerms: Map<string, MeantTerm>;
}

/** A request with everything its page shows, for its route to present. */
export interface RequestView {
  row: RequestRow;
  details: RequestDetails;
}

/** Who a notice of this change is from. */
export const originOfNotice = (ctx: Ctx) => ({
  workspaceId: ctx.actor.workspaceId,
  actorId: ctx.actor.userId,
  now: ctx.now,
});

/** Who the actor is to the request. */
export function relationOf(ctx: Ctx, request: RequestRecord): Relation {
  return {
    isRequester: request.requesterId === ctx.actor.userId,
    isSponsor: request.sponsorId === ctx.actor.userId,
    isItPartner: request.itPartnerId === ctx.actor.userId,
    isItSide: isItSide(ctx.actor),
    isAdmin: ctx.actor.role === "admin",
  };
}

/** The request as the authorization rules read it. */
export const subjectOf = (request: RequestRecord) => ({
  workspaceId: request.workspaceId,
  requesterId: request.requesterId,
  sponsorId: request.sponsorId,
  itPartnerId: request.itPartnerId,
});

/** A request of the workspace; someone else's draft is not found. */
export async function loadRequest(tx: Tx, ctx: Ctx, id: string): Promise<RequestRow> {
  const row = await findRequest(tx, ctx.actor.workspaceId, id);
  if (!row || (row.request.stage === "draft" && row.request.requesterId !== ctx.actor.userId)) {
    throw new AppError("not_found", "Request not found");
  }
  return row;
}

/** The workspace's scoring formula, or the default one. */
export async function scoringOf(tx: Tx, workspaceId: string): Promise<Scoring> {
  const settings = await findSettings(tx, workspaceId);
  return settings ? (settings.scoring as Scoring) : DEFAULT_SCORING;
}

/** The stages this actor may move the request to by a plain transition. */
export function allowedTransitions(ctx: Ctx, request: RequestRecord): Stage[] {
  const who = relationOf(ctx, request);
  return TRANSITIONS[request.stage].filter((to) => transitionRefusal(request.stage, to, who) === null);
}

/**
 * A refusal by the request's stage or state (409 `invalid_state`, never the stale-version `conflict`), with the
 * stages this actor may still move it to, when there are some, as the problem's `stage` entry.
 */
export function refusedInState(ctx: Ctx, request: RequestRecord, message: string): AppError {
  const allowed = allowedTransitions(ctx, request);
  return new AppError(
    "invalid_state",
    message,
    allowed.length > 0
      ? [{ path: "stage", message: `allowed moves from ${request.stage}: ${allowed.join(", ")}` }]
      : undefined,
  );
}

/**
 * Everything a request's page shows, in the caller's transaction. After a change (`store`), the clocks computed for
 * the page are also written to the row, so lists and reports read them as they are now.
 */
export async function viewRequest(
  tx: Tx,
  ctx: Ctx,
  id: string,
  options: { store?: boolean } = {},
): Promise<RequestView> {
  const row = await loadRequest(tx, ctx, id);
  const r = row.request;
  const [raci, events, watcherIds, scoring, levels] = await readTogether(tx, [
    () => listRaci(tx, r.id),
    () => listEvents(tx, r.id),
    () => listWatchers(tx, r.id),
    () => scoringOf(tx, r.workspaceId),
    () => loadServiceLevels(tx, r.workspaceId),
  ]);
  const alternatives = r.alternatives as { toolId: string | null }[];
  const toolIds = [...r.toolIds, ...alternatives.map((a) => a.toolId).filter((a): a is string => a !== null)];
  const [toolNames, people, meantTerms] = await readTogether(tx, [
    () => findToolNames(tx, r.workspaceId, toolIds),
    () => findPeople(tx, r.workspaceId, r.decidedById ? [r.decidedById] : []),
    () =>
      findMeantTerms(
        tx,
        r.workspaceId,
        r.termMeanings.map((meaning) => meaning.termId),
      ),
  ]);
  const decider = r.decidedById ? people.get(r.decidedById) : undefined;
  const clocks = clocksOf(levels, r, clockEventsOf(events), ctx.now);
  if (options.store) {
    const columns = clockColumns(clocks);
    await setDerived(tx, r.id, columns);
    Object.assign(r, columns);
  }
  const details: RequestDetails = {
    raci,
    // What blocks the move to decision, as the page lists it.
    raciProblems: [
      ...(r.priority === null ? ["The request has no priority class yet"] : []),
      ...raciProblems(raci.map(({ row: entry }) => entry)),
    ],
    toolNames,
    decidedBy: decider && r.decidedById ? { id: r.decidedById, name: decider.name } : null,
    clocks,
    allowedTransitions: allowedTransitions(ctx, r),
    watching: watcherIds.includes(ctx.actor.userId),
    scoreExplanation: scoreRequest(scoring, scoreInputsOf(r)).explanation,
    meantTerms,
  };
  return { row, details };
}

const clockEventsOf = (rows: Awaited<ReturnType<typeof listEvents>>): ClockEvent[] =>
  rows.map(({ event }) => ({ kind: event.kind, toStage: event.toStage, at: event.at }));

/** After a change: the page's view, with the clocks recomputed from the stored events and stored. */
export const settle = (tx: Tx, ctx: Ctx, id: string) => viewRequest(tx, ctx, id, { store: true });

/** The backlog and every other list of requests. */
export async function listWorkspaceRequests(ctx: Ctx, query: RequestListQuery) {
  authorize(ctx.actor, "request.read");
  return pageRequests(ctx.database.db, ctx.actor.workspaceId, ctx.actor.userId, query);
}

/** Every open request, for the board. */
export async function listBoard(ctx: Ctx) {
  authorize(ctx.actor, "request.read");
  return listOpenRequests(ctx.database.db, ctx.actor.workspaceId);
}

/** One request, as its page shows it. */
export async function getRequest(ctx: Ctx, id: string) {
  authorize(ctx.actor, "request.read");
  return viewRequest(ctx.database.db, ctx, id);
}

/** A request's timeline. */
export async function getRequestTimeline(ctx: Ctx, id: string) {
  authorize(ctx.actor, "request.read");
  await loadRequest(ctx.database.db, ctx, id);
  return listEvents(ctx.database.db, id);
}

const figuresOf = (row: { reviewed: unknown; expected: unknown; realised: unknown }) => {
  const expected = Number(row.expected ?? 0);
  const realised = Number(row.realised ?? 0);
  return {
    reviewed: Number(row.reviewed),
    expected,
    realised,
    ratio: expected > 0 ? Math.round((realised / expected) * 1000) / 1000 : null,
  };
};

/** Did delivered requests bring what they promised? Expected against realised, per type and per sponsor. */
export async function valueReport(ctx: Ctx, query: { from?: string; to?: string; currency: string }) {
  authorize(ctx.actor, "request.read");
  const to = query.to ?? ctx.now.toISOString().slice(0, 10);
  const from = query.from ?? new Date(Date.parse(to) - 365 * 86_400_000).toISOString().slice(0, 10);
  if (from > to) {
    throw new AppError("validation_failed", "The report's start is after its end", [
      { path: "from", message: "must be on or before to" },
    ]);
  }
  const figures = await valueReportFigures(ctx.database.db, ctx.actor.workspaceId, {
    from: new Date(`${from}T00:00:00Z`),
    to: new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000),
    currency: query.currency,
  });
  const sum = (key: "reviewed" | "expected" | "realised") =>
    figures.byType.reduce((total, row) => total + Number(row[key] ?? 0), 0);
  return {
    from,
    to,
    currency: query.currency,
    overall: figuresOf({ reviewed: sum("reviewed"), expected: sum("expected"), realised: sum("realised") }),
    byType: figures.byType.map((row) => ({ type: row.type, ...figuresOf(row) })),
    bySponsor: figures.bySponsor
      .map((row) => ({
        sponsor: row.sponsorId && row.sponsorName ? { id: row.sponsorId, name: row.sponsorName } : null,
        ...figuresOf(row),
      }))
      .sort((a, b) => b.realised - a.realised),
    pendingReviews: figures.pending,
  };
}
