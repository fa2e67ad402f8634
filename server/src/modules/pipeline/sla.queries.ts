// Service levels: working calendars, targets per priority class, the clocks' job reads and the report's figures.
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Priority, RequestType } from "#contracts/pipeline";
import type { Tx } from "../../db/client";
import { requests, slaPolicies, workCalendars } from "../../db/schema";
import { updateVersioned } from "../../db/versioned";
import { DEFAULT_CALENDAR, DEFAULT_SLA, OPEN_STAGES } from "./pipeline.rules";

export type CalendarRow = typeof workCalendars.$inferSelect;
export type PolicyRow = typeof slaPolicies.$inferSelect;

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
