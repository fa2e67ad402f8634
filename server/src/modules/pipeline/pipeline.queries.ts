import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Priority, RequestListQuery, RequestType } from "../../../../contracts/pipeline";
import type { Db, Tx } from "../../db/client";
import type { Keyset } from "../../db/keyset";
import { escapeLike } from "../../db/like";
import { prepareOnce } from "../../db/prepared";
import {
  comments,
  pipelineSettings,
  raciTemplates,
  requestEvents,
  requestRaci,
  requests,
  slaPolicies,
  teams,
  tools,
  users,
  watchers,
  workCalendars,
} from "../../db/schema";
import { updateVersioned } from "../../db/versioned";
import { DEFAULT_CALENDAR, DEFAULT_SLA, OPEN_STAGES } from "./pipeline.rules";

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
    .for("update");
  return row ?? null;
}

/** Requests of the workspace, filtered and keyset-paged (prepared per shape). Drafts are only their requester's. */
export function listRequests(db: Db, workspaceId: string, userId: string, filter: RequestListQuery, page: Keyset) {
  const shape = [
    page.shape,
    filter.q && "q",
    filter.stage && (filter.stage === "open" ? "open" : "stage"),
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
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`request-number:${workspaceId}`}))`);
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
export async function updateRequest(
  tx: Tx,
  workspaceId: string,
  id: string,
  version: number,
  changes: Partial<typeof requests.$inferInsert>,
) {
  return updateVersioned(tx, requests, { workspaceId, id, version }, changes);
}

/** Stores derived columns (clocks, rank) without touching the version a person edits against. */
export async function setDerived(tx: Tx, id: string, changes: Partial<typeof requests.$inferInsert>) {
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

const raciUser = alias(users, "raci_user");
const raciTeam = alias(teams, "raci_team");

/** A request's who-does-what, in template order. */
export function listRaci(tx: Tx, requestId: string) {
  return tx
    .select({
      row: requestRaci,
      user: { id: raciUser.id, name: raciUser.name },
      team: { id: raciTeam.id, name: raciTeam.name },
    })
    .from(requestRaci)
    .leftJoin(raciUser, eq(raciUser.id, requestRaci.userId))
    .leftJoin(raciTeam, eq(raciTeam.id, requestRaci.teamId))
    .where(eq(requestRaci.requestId, requestId))
    .orderBy(asc(requestRaci.position));
}

export async function replaceRaci(
  tx: Tx,
  workspaceId: string,
  requestId: string,
  rows: { activity: string; role: "R" | "A" | "C" | "I"; teamId: string | null; userId: string | null }[],
) {
  await tx.delete(requestRaci).where(eq(requestRaci.requestId, requestId));
  if (rows.length === 0) return;
  await tx.insert(requestRaci).values(rows.map((row, position) => ({ ...row, workspaceId, requestId, position })));
}

export function listRaciTemplates(tx: Tx, workspaceId: string) {
  return tx.select().from(raciTemplates).where(eq(raciTemplates.workspaceId, workspaceId));
}

export async function findRaciTemplate(tx: Tx, workspaceId: string, type: RequestType) {
  const [row] = await tx
    .select()
    .from(raciTemplates)
    .where(and(eq(raciTemplates.workspaceId, workspaceId), eq(raciTemplates.requestType, type)));
  return row ?? null;
}

/** Stores a template: inserted at version 1 when `version` is 0 (the built-in default), else only at that version. */
export async function saveRaciTemplate(
  tx: Tx,
  workspaceId: string,
  type: RequestType,
  version: number,
  activities: unknown,
  now: Date,
) {
  if (version === 0) {
    const rows = await tx
      .insert(raciTemplates)
      .values({ workspaceId, requestType: type, activities, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning({ id: raciTemplates.id });
    return rows.length > 0;
  }
  const rows = await tx
    .update(raciTemplates)
    .set({ activities, updatedAt: now, version: version + 1 })
    .where(
      and(
        eq(raciTemplates.workspaceId, workspaceId),
        eq(raciTemplates.requestType, type),
        eq(raciTemplates.version, version),
      ),
    )
    .returning({ id: raciTemplates.id });
  return rows.length > 0;
}

/** The workspace's team of each kind (the first by name). */
export async function teamsByKind(tx: Tx, workspaceId: string) {
  const rows = await tx
    .select({ id: teams.id, kind: teams.kind })
    .from(teams)
    .where(eq(teams.workspaceId, workspaceId))
    .orderBy(asc(teams.name));
  const byKind: Record<string, string> = {};
  for (const row of rows) byKind[row.kind] ??= row.id;
  return byKind;
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

export async function insertComment(tx: Tx, values: typeof comments.$inferInsert) {
  const [row] = await tx.insert(comments).values(values).returning({ id: comments.id });
  return row;
}

export function listComments(tx: Tx, requestId: string) {
  return tx
    .select({ comment: comments, author: { id: users.id, name: users.name } })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.requestId, requestId))
    .orderBy(asc(comments.createdAt), asc(comments.id));
}

export async function addWatchers(tx: Tx, requestId: string, userIds: string[]) {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  await tx
    .insert(watchers)
    .values(unique.map((userId) => ({ requestId, userId })))
    .onConflictDoNothing();
}

export async function removeWatcher(tx: Tx, requestId: string, userId: string) {
  await tx.delete(watchers).where(and(eq(watchers.requestId, requestId), eq(watchers.userId, userId)));
}

export async function listWatchers(tx: Tx, requestId: string) {
  const rows = await tx.select({ userId: watchers.userId }).from(watchers).where(eq(watchers.requestId, requestId));
  return rows.map((row) => row.userId);
}

export async function findSettings(tx: Tx, workspaceId: string) {
  const [row] = await tx.select().from(pipelineSettings).where(eq(pipelineSettings.workspaceId, workspaceId));
  return row ?? null;
}

export async function saveSettings(tx: Tx, workspaceId: string, version: number, scoring: unknown, now: Date) {
  if (version === 0) {
    const rows = await tx
      .insert(pipelineSettings)
      .values({ workspaceId, scoring, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning({ id: pipelineSettings.workspaceId });
    return rows.length > 0;
  }
  const rows = await tx
    .update(pipelineSettings)
    .set({ scoring, updatedAt: now, version: version + 1 })
    .where(and(eq(pipelineSettings.workspaceId, workspaceId), eq(pipelineSettings.version, version)))
    .returning({ id: pipelineSettings.workspaceId });
  return rows.length > 0;
}

export function listCalendars(tx: Tx, workspaceId: string) {
  return tx
    .select()
    .from(workCalendars)
    .where(eq(workCalendars.workspaceId, workspaceId))
    .orderBy(desc(workCalendars.isDefault), asc(workCalendars.name));
}

export async function findCalendar(tx: Tx, workspaceId: string, id: string) {
  const [row] = await tx
    .select()
    .from(workCalendars)
    .where(and(eq(workCalendars.workspaceId, workspaceId), eq(workCalendars.id, id)));
  return row ?? null;
}

export async function insertCalendar(tx: Tx, values: typeof workCalendars.$inferInsert) {
  const [row] = await tx.insert(workCalendars).values(values).returning({ id: workCalendars.id });
  return row;
}

export async function updateCalendar(
  tx: Tx,
  workspaceId: string,
  id: string,
  version: number,
  changes: Partial<typeof workCalendars.$inferInsert>,
) {
  return updateVersioned(tx, workCalendars, { workspaceId, id, version }, changes);
}

/** Makes no calendar of the workspace the default (before another becomes it). */
export async function clearDefaultCalendar(tx: Tx, workspaceId: string) {
  await tx
    .update(workCalendars)
    .set({ isDefault: false })
    .where(and(eq(workCalendars.workspaceId, workspaceId), eq(workCalendars.isDefault, true)));
}

export function listPolicies(tx: Tx, workspaceId: string) {
  return tx.select().from(slaPolicies).where(eq(slaPolicies.workspaceId, workspaceId));
}

export async function insertPolicies(tx: Tx, values: (typeof slaPolicies.$inferInsert)[]) {
  await tx.insert(slaPolicies).values(values).onConflictDoNothing();
}

export async function updatePolicy(
  tx: Tx,
  workspaceId: string,
  priority: Priority,
  version: number,
  changes: Partial<typeof slaPolicies.$inferInsert>,
) {
  const rows = await tx
    .update(slaPolicies)
    .set({ ...changes, version: version + 1 })
    .where(
      and(
        eq(slaPolicies.workspaceId, workspaceId),
        eq(slaPolicies.priority, priority),
        eq(slaPolicies.version, version),
      ),
    )
    .returning({ priority: slaPolicies.priority });
  return rows.length > 0;
}

/** Open requests with a running clock: what the service-level job watches. */
export function listRunningRequests(tx: Tx, workspaceId: string) {
  return tx
    .select()
    .from(requests)
    .where(and(eq(requests.workspaceId, workspaceId), inArray(requests.stage, [...OPEN_STAGES])));
}

/** Every workspace that has open requests. */
export async function workspacesWithOpenRequests(tx: Tx) {
  const rows = await tx
    .selectDistinct({ workspaceId: requests.workspaceId })
    .from(requests)
    .where(inArray(requests.stage, [...OPEN_STAGES]));
  return rows.map((row) => row.workspaceId);
}

const share = (met: unknown, total: unknown) => ({ met: Number(met ?? 0), total: Number(total ?? 0) });

/**
 * The service-level report straight from the stored clocks: shares within target per class, the median and
 * 90th percentile of business minutes to decision, and the monthly trend — one pass of SQL aggregates.
 */
export async function slaReportFigures(
  tx: Tx,
  workspaceId: string,
  range: { from: Date; to: Date; type?: RequestType },
) {
  const where = and(
    eq(requests.workspaceId, workspaceId),
    sql`${requests.submittedAt} >= ${range.from.toISOString()}::timestamptz`,
    sql`${requests.submittedAt} < ${range.to.toISOString()}::timestamptz`,
    range.type ? eq(requests.type, range.type) : undefined,
  );
  const counted = {
    firstResponseMet: sql<number>`count(*) filter (where ${requests.firstResponseMet})`,
    firstResponseTotal: sql<number>`count(${requests.firstResponseMet})`,
    decisionMet: sql<number>`count(*) filter (where ${requests.decisionMet})`,
    decisionTotal: sql<number>`count(${requests.decisionMet})`,
    deliveryMet: sql<number>`count(*) filter (where ${requests.deliveryMet})`,
    deliveryTotal: sql<number>`count(${requests.deliveryMet})`,
  };
  const [byClass, [overall], trend, [open]] = await Promise.all([
    tx
      .select({ priority: sql<Priority>`coalesce(${requests.priority}, 'secondary')`, ...counted })
      .from(requests)
      .where(where)
      .groupBy(sql`1`),
    tx
      .select({
        ...counted,
        median: sql<number | null>`percentile_cont(0.5) within group (order by ${requests.decisionMinutes})`,
        p90: sql<number | null>`percentile_cont(0.9) within group (order by ${requests.decisionMinutes})`,
        decided: sql<number>`count(${requests.decisionMinutes})`,
      })
      .from(requests)
      .where(where),
    tx
      .select({
        month: sql<string>`to_char(date_trunc('month', ${requests.submittedAt} at time zone 'UTC'), 'YYYY-MM')`,
        submitted: sql<number>`count(*)`,
        ...counted,
        median: sql<number | null>`percentile_cont(0.5) within group (order by ${requests.decisionMinutes})`,
      })
      .from(requests)
      .where(where)
      .groupBy(sql`1`)
      .orderBy(sql`1`),
    tx
      .select({
        total: sql<number>`count(*)`,
        breached: sql<number>`count(*) filter (where ${requests.breached})`,
        waiting: sql<number>`count(*) filter (where ${requests.waitingOnRequester})`,
      })
      .from(requests)
      .where(and(eq(requests.workspaceId, workspaceId), inArray(requests.stage, [...OPEN_STAGES]))),
  ]);
  type Counted = {
    firstResponseMet: unknown;
    firstResponseTotal: unknown;
    decisionMet: unknown;
    decisionTotal: unknown;
    deliveryMet: unknown;
    deliveryTotal: unknown;
  };
  const shares = (row: Counted) => ({
    firstResponse: share(row.firstResponseMet, row.firstResponseTotal),
    decision: share(row.decisionMet, row.decisionTotal),
    delivery: share(row.deliveryMet, row.deliveryTotal),
  });
  return {
    byClass: byClass.map((row) => ({ priority: row.priority, ...shares(row) })),
    overall: shares(overall),
    decision: {
      median: overall.median === null ? null : Number(overall.median),
      p90: overall.p90 === null ? null : Number(overall.p90),
      count: Number(overall.decided),
    },
    trend: trend.map((row) => ({
      month: row.month,
      submitted: Number(row.submitted),
      ...shares(row),
      median: row.median === null ? null : Number(row.median),
    })),
    open: { total: Number(open.total), breached: Number(open.breached), waiting: Number(open.waiting) },
  };
}

/** Delivered requests whose value review fell due (on or before the date). */
export function listDueReviews(tx: Tx, today: string) {
  return tx
    .select()
    .from(requests)
    .where(and(eq(requests.stage, "delivered"), sql`${requests.reviewDueOn} <= ${today}::date`));
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

/** A new workspace's working calendar and service levels (the defaults, until an admin changes them). */
export async function insertSlaDefaults(tx: Tx, workspaceId: string, now: Date) {
  const [calendar] = await tx
    .insert(workCalendars)
    .values({
      workspaceId,
      name: DEFAULT_CALENDAR.name,
      timeZone: DEFAULT_CALENDAR.timeZone,
      workingDays: DEFAULT_CALENDAR.workingDays,
      startTime: DEFAULT_CALENDAR.workingHours.start,
      endTime: DEFAULT_CALENDAR.workingHours.end,
      holidays: DEFAULT_CALENDAR.holidays,
      isDefault: true,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: workCalendars.id });
  await tx.insert(slaPolicies).values(
    (Object.keys(DEFAULT_SLA) as Priority[]).map((priority) => ({
      workspaceId,
      priority,
      calendarId: calendar.id,
      firstResponseMinutes: DEFAULT_SLA[priority].firstResponse,
      decisionMinutes: DEFAULT_SLA[priority].decision,
      deliveryMinutes: DEFAULT_SLA[priority].delivery,
      createdAt: now,
      updatedAt: now,
    })),
  );
}
