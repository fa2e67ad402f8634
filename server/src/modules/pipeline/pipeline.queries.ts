import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { RequestListQuery } from "#contracts/pipeline";
import { lockName } from "../../db/advisory";
import type { Db, Tx } from "../../db/client";
import { type Keyset, keyset } from "../../db/keyset";
import { escapeLike } from "../../db/like";
import { prepareOnce } from "../../db/prepared";
import { requestEvents, requests, teams, tools, users } from "../../db/schema";
import { updateVersioned } from "../../db/versioned";
import { takePage } from "../../lib/cursor";
import { IN_FLIGHT_STAGES, OPEN_STAGES } from "./pipeline.rules";

const requester = alias(users, "requester");
const sponsor = alias(users, "sponsor");
const itPartner = alias(users, "it_partner");

const requestWithPeople = {
  request: requests,
  requester: { id: requester.id, name: requester.name },
  sponsor: { id: sponsor.id, name: sponsor.name },
  itPartner: { id: itPartner.id, name: itPartner.name },
  team: { id: teams.id, name: teams.name },
};

/** A request row with the names of its people and team, as the presenter takes it. */
export type RequestRow = NonNullable<Awaited<ReturnType<typeof findRequest>>>;
/** A request as stored. */
export type RequestRecord = typeof requests.$inferSelect;
/** Columns of a request to write. */
export type RequestChanges = Partial<typeof requests.$inferInsert>;

function selectRequests(db: Tx) {
  return db
    .select(requestWithPeople)
    .from(requests)
    .innerJoin(requester, eq(requester.id, requests.requesterId))
    .leftJoin(sponsor, eq(sponsor.id, requests.sponsorId))
    .leftJoin(itPartner, eq(itPartner.id, requests.itPartnerId))
    .leftJoin(teams, eq(teams.id, requests.teamId));
}

/** One request of the workspace with its people, or null. */
export async function findRequest(tx: Tx, workspaceId: string, id: string) {
  const [row] = await selectRequests(tx).where(and(eq(requests.workspaceId, workspaceId), eq(requests.id, id)));
  return row ?? null;
}

/** The same, locked for the rest of the transaction (two deciders queue here; the second sees the new version). */
export async function lockRequest(tx: Tx, workspaceId: string, id: string) {
  const [row] = await tx
    .select({ id: requests.id, version: requests.version, stage: requests.stage })
    .from(requests)
    .where(and(eq(requests.workspaceId, workspaceId), eq(requests.id, id)))
    .for("no key update");
  return row ?? null;
}

const sortable = { rank: requests.rank, updatedAt: requests.updatedAt, number: requests.number };

/** One page of the workspace's requests, filtered and sorted, after `cursor`. */
export async function pageRequests(db: Db, workspaceId: string, userId: string, query: RequestListQuery) {
  const page = keyset(sortable, requests.id, query.sort, query.cursor);
  const rows = await listRequests(db, workspaceId, userId, query, page);
  return takePage(rows, query.limit, (row) => page.cursorAfter(row.request[page.field], row.request.id));
}

/** Requests of the workspace, filtered and keyset-paged (prepared per shape). Drafts are only their requester's. */
export function listRequests(db: Db, workspaceId: string, userId: string, filter: RequestListQuery, page: Keyset) {
  const shape = [
    page.shape,
    filter.q && "q",
    filter.stage && (filter.stage === "open" || filter.stage === "in_flight" ? filter.stage : "stage"),
    filter.type && "type",
    filter.priority && "priority",
    filter.teamId && "team",
    filter.sponsorId && "sponsor",
    filter.breached,
    filter.waitingOn,
  ].join("|");
  const me = sql.placeholder("userId");
  const statement = prepareOnce(db, "list_requests", shape, (name) =>
    selectRequests(db)
      .where(
        and(
          eq(requests.workspaceId, sql.placeholder("workspaceId")),
          or(ne(requests.stage, "draft"), eq(requests.requesterId, me)),
          filter.q
            ? or(
                sql`${requests.title} ilike ${sql.placeholder("q")}`,
                sql`${requests.problem} ilike ${sql.placeholder("q")}`,
                sql`${requests.number}::text = ${sql.placeholder("number")}`,
              )
            : undefined,
          filter.stage === "open"
            ? inArray(requests.stage, [...OPEN_STAGES])
            : filter.stage === "in_flight"
              ? inArray(requests.stage, [...IN_FLIGHT_STAGES])
              : filter.stage
                ? eq(requests.stage, sql.placeholder("stage"))
                : undefined,
          filter.type ? eq(requests.type, sql.placeholder("type")) : undefined,
          filter.priority ? eq(requests.priority, sql.placeholder("priority")) : undefined,
          filter.teamId ? eq(requests.teamId, sql.placeholder("teamId")) : undefined,
          filter.sponsorId ? eq(requests.sponsorId, sql.placeholder("sponsorId")) : undefined,
          filter.breached ? eq(requests.breached, filter.breached === "true") : undefined,
          filter.waitingOn === "me" ? waitsOn(me) : undefined,
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(sql.placeholder("limit"))
      .prepare(name),
  );
  const number = filter.q?.replace(/^REQ-/i, "");
  return statement.execute({
    workspaceId,
    userId,
    q: filter.q ? `%${escapeLike(filter.q)}%` : undefined,
    number: number && /^\d+$/.test(number) ? number : undefined,
    stage: filter.stage,
    type: filter.type,
    priority: filter.priority,
    teamId: filter.teamId,
    sponsorId: filter.sponsorId,
    limit: filter.limit + 1,
    ...page.params,
  });
}

// What waits on a person: their drafts and what waits on them as requester; as IT partner, the open work not
// waiting on the requester; as sponsor, the decision and the value review; as a reviewer, an open purchase review
// of their team's kind.
function waitsOn(me: ReturnType<typeof sql.placeholder>) {
  return or(
    and(
      eq(requests.requesterId, me),
      or(
        eq(requests.stage, "draft"),
        eq(requests.waitingOnRequester, true),
        and(eq(requests.stage, "declined"), isNull(requests.appealedAt), isNull(requests.alternativeAcceptedAt)),
      ),
    ),
    and(
      eq(requests.itPartnerId, me),
      eq(requests.waitingOnRequester, false),
      inArray(requests.stage, ["submitted", "triage", "planning", "decision", "delivery"]),
    ),
    and(eq(requests.sponsorId, me), inArray(requests.stage, ["decision", "value_review"])),
    // A purchase review of the person's team kind still open (issue 15: reviewers act from "my work").
    sql`exists (select 1 from purchase_review pr join app_user u on u.id = ${me} join team tm on tm.id = u.team_id
      where pr.request_id = ${requests.id} and pr.status = 'open' and pr.kind = tm.kind)`,
  );
}

/** Every open request of the workspace, for the board (a workspace's open work is thousands, not millions). */
export function listOpenRequests(db: Tx, workspaceId: string) {
  return selectRequests(db)
    .where(and(eq(requests.workspaceId, workspaceId), inArray(requests.stage, [...OPEN_STAGES])))
    .orderBy(asc(requests.rank), asc(requests.number));
}

/** The next request number of the workspace; the advisory lock serialises concurrent submissions. */
export async function nextRequestNumber(tx: Tx, workspaceId: string): Promise<number> {
  await lockName(tx, "request-number", workspaceId);
  const [row] = await tx
    .select({ max: sql<number | null>`max(${requests.number})` })
    .from(requests)
    .where(eq(requests.workspaceId, workspaceId));
  return Number(row?.max ?? 0) + 1;
}

export async function insertRequest(tx: Tx, values: typeof requests.$inferInsert) {
  const [row] = await tx.insert(requests).values(values).returning({ id: requests.id });
  return row;
}

/** Updates a request if its version still matches; false when it changed meanwhile. */
export async function updateRequest(tx: Tx, workspaceId: string, id: string, version: number, changes: RequestChanges) {
  return updateVersioned(tx, requests, { workspaceId, id, version }, changes);
}

/** Stores derived columns (clocks, rank) without touching the version a person edits against. */
export async function setDerived(tx: Tx, id: string, changes: RequestChanges) {
  await tx.update(requests).set(changes).where(eq(requests.id, id));
}

/** The ranks directly around a position of the backlog. */
export async function rankOf(tx: Tx, workspaceId: string, id: string) {
  const [row] = await tx
    .select({ rank: requests.rank })
    .from(requests)
    .where(and(eq(requests.workspaceId, workspaceId), eq(requests.id, id)));
  return row?.rank ?? null;
}

/** The rank of the request just above the given rank (the previous in backlog order), or null at the top. */
export async function rankAbove(tx: Tx, workspaceId: string, rank: string, excludeId: string) {
  const [row] = await tx
    .select({ rank: requests.rank })
    .from(requests)
    .where(
      and(
        eq(requests.workspaceId, workspaceId),
        sql`${requests.rank} < ${rank}`,
        ne(requests.id, excludeId),
        inArray(requests.stage, [...OPEN_STAGES]),
      ),
    )
    .orderBy(desc(requests.rank))
    .limit(1);
  return row?.rank ?? null;
}

/** The largest rank of the open backlog (the bottom), or null when it is empty. */
export async function bottomRank(tx: Tx, workspaceId: string, excludeId?: string) {
  const [row] = await tx
    .select({ rank: sql<string | null>`max(${requests.rank})` })
    .from(requests)
    .where(
      and(
        eq(requests.workspaceId, workspaceId),
        excludeId ? ne(requests.id, excludeId) : undefined,
        inArray(requests.stage, [...OPEN_STAGES]),
      ),
    );
  return row?.rank ?? null;
}

/** Whether the request has an event of this kind (e.g. a hand edit of its who-does-what). */
export async function hasEvent(tx: Tx, requestId: string, kind: (typeof requestEvents.$inferSelect)["kind"]) {
  const [row] = await tx
    .select({ id: requestEvents.id })
    .from(requestEvents)
    .where(and(eq(requestEvents.requestId, requestId), eq(requestEvents.kind, kind)))
    .limit(1);
  return row !== undefined;
}

export async function insertEvent(tx: Tx, values: typeof requestEvents.$inferInsert) {
  await tx.insert(requestEvents).values(values);
}

/** A request's events in the order they happened, with who acted. */
export function listEvents(tx: Tx, requestId: string) {
  return tx
    .select({ event: requestEvents, actor: { id: users.id, name: users.name } })
    .from(requestEvents)
    .leftJoin(users, eq(users.id, requestEvents.actorId))
    .where(eq(requestEvents.requestId, requestId))
    .orderBy(asc(requestEvents.at), asc(requestEvents.id));
}

/** The events the clocks read (waits on the requester), for many requests at once (in chunks under the bind-parameter limit). */
export async function listClockEvents(tx: Tx, requestIds: string[]) {
  const rows: { requestId: string; kind: string; toStage: string | null; at: Date }[] = [];
  for (let i = 0; i < requestIds.length; i += 10_000) {
    const chunk = await tx
      .select({
        requestId: requestEvents.requestId,
        kind: requestEvents.kind,
        toStage: requestEvents.toStage,
        at: requestEvents.at,
      })
      .from(requestEvents)
      .where(
        and(
          inArray(requestEvents.requestId, requestIds.slice(i, i + 10_000)),
          inArray(requestEvents.kind, ["paused", "resumed"]),
        ),
      )
      .orderBy(asc(requestEvents.requestId), asc(requestEvents.at), asc(requestEvents.id));
    rows.push(...chunk);
  }
  return rows;
}

/** Which of the ids are active people of the workspace, with their team kind. */
export async function findPeople(tx: Tx, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, { name: string; status: string; teamKind: string }>();
  const rows = await tx
    .select({ id: users.id, name: users.name, status: users.status, teamKind: teams.kind })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, ids)));
  return new Map(rows.map((row) => [row.id, row]));
}

/** Which of the ids are teams of the workspace. */
export async function findTeams(tx: Tx, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), inArray(teams.id, ids)));
  return new Set(rows.map((row) => row.id));
}

/** The names of the workspace's tools among the ids. */
export async function findToolNames(tx: Tx, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await tx
    .select({ id: tools.id, name: tools.name })
    .from(tools)
    .where(and(eq(tools.workspaceId, workspaceId), inArray(tools.id, ids)));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * Expected (hard benefit + soft hours × rate) against realised benefit of the requests reviewed in the range
 * (by review date), grouped by type and by sponsor.
 */
export async function valueReportFigures(
  tx: Tx,
  workspaceId: string,
  range: { from: Date; to: Date; currency: string },
) {
  const expected = sql<string>`sum(coalesce(${requests.expectedBenefit}, 0) + coalesce(${requests.softHours} * ${requests.hourlyRate}, 0))`;
  const realised = sql<string>`sum(${requests.realisedBenefit})`;
  const reviewed = sql<number>`count(*)`;
  const where = and(
    eq(requests.workspaceId, workspaceId),
    sql`${requests.reviewedAt} >= ${range.from.toISOString()}::timestamptz`,
    sql`${requests.reviewedAt} < ${range.to.toISOString()}::timestamptz`,
    eq(requests.currency, range.currency),
  );
  const [byType, bySponsor, [pending]] = await Promise.all([
    tx.select({ type: requests.type, reviewed, expected, realised }).from(requests).where(where).groupBy(requests.type),
    tx
      .select({ sponsorId: requests.sponsorId, sponsorName: sponsor.name, reviewed, expected, realised })
      .from(requests)
      .leftJoin(sponsor, eq(sponsor.id, requests.sponsorId))
      .where(where)
      .groupBy(requests.sponsorId, sponsor.name),
    tx
      .select({ count: sql<number>`count(*)` })
      .from(requests)
      .where(and(eq(requests.workspaceId, workspaceId), inArray(requests.stage, ["delivered", "value_review"]))),
  ]);
  return { byType, bySponsor, pending: Number(pending.count) };
}

/**
 * The requests decided in a date range (UTC days), with what Health's signals count of each: its type and
 * decision, whether it named both a sponsor and an IT partner, whether IT was involved before the decision (an IT
 * partner or IT's notes in the case), and whether its value review was due by the range's end and done.
 */
export async function listDecidedBetween(db: Db, workspaceId: string, range: { from: string; to: string }) {
  return db
    .select({
      id: requests.id,
      type: requests.type,
      decision: requests.decision,
      bothSides: sql<boolean>`(${requests.sponsorId} is not null and ${requests.itPartnerId} is not null)`,
      itInvolved: sql<boolean>`(${requests.itPartnerId} is not null or ${requests.architectureNotes} <> ''
        or ${requests.integrationNotes} <> '' or ${requests.securityNotes} <> '' or ${requests.complianceNotes} <> '')`,
      reviewDue: sql<boolean>`(${requests.reviewDueOn} is not null and ${requests.reviewDueOn} <= ${range.to})`,
      reviewed: sql<boolean>`(${requests.reviewedAt} is not null)`,
    })
    .from(requests)
    .where(
      and(
        eq(requests.workspaceId, workspaceId),
        sql`${requests.decidedAt} >= ${`${range.from}T00:00:00Z`}::timestamptz`,
        sql`${requests.decidedAt} < (${range.to}::date + 1)::timestamptz`,
      ),
    );
}

/** The requests decided in a window, with their decision, reason and time, oldest first. */
export async function listDecisionsBetween(db: Db, workspaceId: string, range: { from: Date; to: Date }) {
  return db
    .select({
      id: requests.id,
      number: requests.number,
      title: requests.title,
      decision: requests.decision,
      reason: requests.decisionReason,
      decidedAt: requests.decidedAt,
    })
    .from(requests)
    .where(
      and(
        eq(requests.workspaceId, workspaceId),
        sql`${requests.decidedAt} >= ${range.from.toISOString()}::timestamptz`,
        sql`${requests.decidedAt} < ${range.to.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(requests.decidedAt);
}
