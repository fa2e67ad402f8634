// Service levels: each request's clocks (kept on the request row so lists and reports read them without
// recomputing), the job that finds breaches and at-risk requests and opens due value reviews, and the report.
// The calendars and targets themselves are edited in sla-settings.service.
import type { Priority, SlaReportQuery } from "#contracts/pipeline";
import { type CompiledCalendar, compileCalendar } from "#engines/sla";
import type { Ctx } from "../../context";
import type { Database, Tx } from "../../db/client";
import { readTogether } from "../../db/reads";
import { AppError } from "../../errors";
import { authorize } from "../../policy";
import { notify } from "../notifications/notifications.commands";
import { findSettings } from "./engagement.queries";
import { type ClockEvent, type Clocks, clockColumns, computeClocks, type Targets } from "./pipeline.clocks";
import { insertEvent, listClockEvents, type RequestRecord, setDerived } from "./pipeline.queries";
import { DEFAULT_CALENDAR, DEFAULT_SLA, DEFAULT_SLA_GOAL, referenceOf, UNCLASSIFIED_PRIORITY } from "./pipeline.rules";
import {
  type CalendarRow,
  listCalendars,
  listDueReviews,
  listPolicies,
  listRunningRequests,
  slaReportFigures,
  workspacesWithOpenRequests,
} from "./sla.queries";

// Compiled calendars keep their day tables between requests; a calendar's version names its content.
const compiled = new Map<string, CompiledCalendar>();
let fallbackCalendar: CompiledCalendar | undefined;

function compiledOf(calendar: CalendarRow): CompiledCalendar {
  const key = `${calendar.id}:${calendar.version}`;
  let found = compiled.get(key);
  if (!found) {
    if (compiled.size > 200) compiled.clear();
    found = compileCalendar({
      timeZone: calendar.timeZone,
      workingDays: calendar.workingDays,
      workingHours: { start: calendar.startTime, end: calendar.endTime },
      holidays: calendar.holidays,
    });
    compiled.set(key, found);
  }
  return found;
}

/** The targets and compiled calendar of each priority class of the workspace. */
export async function loadServiceLevels(tx: Tx, workspaceId: string) {
  const [calendars, policies] = await readTogether(tx, [
    () => listCalendars(tx, workspaceId),
    () => listPolicies(tx, workspaceId),
  ]);
  const byId = new Map(calendars.map((row) => [row.id, row]));
  const levels = new Map<Priority, { targets: Targets; calendar: CompiledCalendar }>();
  // Every workspace gets its calendar and targets when it is created; the built-in defaults stand in otherwise.
  fallbackCalendar ??= compileCalendar(DEFAULT_CALENDAR);
  const fallback = fallbackCalendar;
  for (const priority of Object.keys(DEFAULT_SLA) as Priority[]) {
    const { firstResponse, decision, delivery } = DEFAULT_SLA[priority];
    levels.set(priority, { targets: { firstResponse, decision, delivery }, calendar: fallback });
  }
  for (const policy of policies) {
    const calendar = byId.get(policy.calendarId) ?? calendars[0];
    levels.set(policy.priority, {
      targets: {
        firstResponse: policy.firstResponseMinutes,
        decision: policy.decisionMinutes,
        delivery: policy.deliveryMinutes,
      },
      calendar: calendar ? compiledOf(calendar) : fallback,
    });
  }
  return (priority: Priority | null) =>
    levels.get(priority ?? UNCLASSIFIED_PRIORITY) ?? (levels.get(UNCLASSIFIED_PRIORITY) as never);
}

export type ServiceLevels = Awaited<ReturnType<typeof loadServiceLevels>>;

/** A request's clocks now, from its row and its pause events. */
export function clocksOf(
  levels: ServiceLevels,
  request: RequestRecord,
  events: readonly ClockEvent[],
  now: Date,
): Clocks {
  const { targets, calendar } = levels(request.priority);
  return computeClocks(calendar, request, events, targets, now);
}

/** Recomputes and stores the clocks of one request (after any event that can move them). */
export async function refreshClocks(tx: Tx, request: RequestRecord, events: readonly ClockEvent[], now: Date) {
  const levels = await loadServiceLevels(tx, request.workspaceId);
  const clocks = clocksOf(levels, request, events, now);
  await setDerived(tx, request.id, clockColumns(clocks));
  return clocks;
}

/** Recomputes the clocks of every open request of the workspace; returns those newly breached. */
export async function refreshOpenClocks(tx: Tx, workspaceId: string, now: Date) {
  const levels = await loadServiceLevels(tx, workspaceId);
  const open = await listRunningRequests(tx, workspaceId);
  const events =
    open.length > 0
      ? await listClockEvents(
          tx,
          open.map((row) => row.id),
        )
      : [];
  const byRequest = new Map<string, ClockEvent[]>();
  for (const event of events) {
    const list = byRequest.get(event.requestId) ?? [];
    list.push(event);
    byRequest.set(event.requestId, list);
  }
  const breached: RequestRecord[] = [];
  const atRisk: RequestRecord[] = [];
  for (const request of open) {
    const clocks = clocksOf(levels, request, byRequest.get(request.id) ?? [], now);
    const columns = clockColumns(clocks);
    await setDerived(tx, request.id, columns);
    const states = [clocks.firstResponse, clocks.decision, clocks.delivery].map((clock) => clock.status);
    if (columns.breached && !request.breachNotifiedAt) breached.push(request);
    else if (states.includes("at_risk") && !request.atRiskNotifiedAt) atRisk.push(request);
  }
  return { breached, atRisk, open: open.length };
}

/**
 * The service-level job: recomputes every open clock, tells the requester and the IT partner about each new
 * breach, and warns them once when a clock is at risk.
 */
export async function scanServiceLevels(database: Database, now: Date) {
  let breached = 0;
  let atRisk = 0;
  for (const workspaceId of await workspacesWithOpenRequests(database.db)) {
    await database.db.transaction(async (tx) => {
      const found = await refreshOpenClocks(tx, workspaceId, now);
      const origin = { workspaceId, actorId: null, now };
      for (const request of found.breached) {
        await notify(tx, origin, [request.requesterId, request.itPartnerId], {
          kind: "sla.breached",
          title: `${referenceOf(request.number)} missed its service level`,
          body: request.title,
          link: `/pipeline/requests/${request.id}`,
        });
        await setDerived(tx, request.id, { breachNotifiedAt: now });
      }
      for (const request of found.atRisk) {
        await notify(tx, origin, [request.requesterId, request.itPartnerId], {
          kind: "sla.at_risk",
          title: `${referenceOf(request.number)} is close to its service level`,
          body: request.title,
          link: `/pipeline/requests/${request.id}`,
        });
        await setDerived(tx, request.id, { atRiskNotifiedAt: now });
      }
      breached += found.breached.length;
      atRisk += found.atRisk.length;
    });
  }
  return { breached, atRisk };
}

/** Moves delivered requests whose review date came to the value review, and tells the requester and sponsor. */
export async function openDueReviews(database: Database, now: Date) {
  const due = await listDueReviews(database.db, now.toISOString().slice(0, 10));
  for (const request of due) {
    await database.db.transaction(async (tx) => {
      await setDerived(tx, request.id, {
        stage: "value_review",
        stageChangedAt: now,
        updatedAt: now,
        version: request.version + 1,
      });
      await insertEvent(tx, {
        workspaceId: request.workspaceId,
        requestId: request.id,
        kind: "stage",
        fromStage: "delivered",
        toStage: "value_review",
        actorId: null,
        at: now,
        data: { reason: "The review date came" },
      });
      await notify(
        tx,
        { workspaceId: request.workspaceId, actorId: null, now },
        [request.requesterId, request.sponsorId],
        {
          kind: "request.review_due",
          title: `${referenceOf(request.number)} is due for its value review`,
          body: request.title,
          link: `/pipeline/requests/${request.id}`,
        },
      );
    });
  }
  return due.length;
}

const shareOf = ({ met, total }: { met: number; total: number }) => ({
  met,
  total,
  share: total === 0 ? null : met / total,
});
const hours = (minutes: number | null) => (minutes === null ? null : Math.round((minutes / 60) * 10) / 10);

/** The service-level report: within-target shares per class and stage, time to decision, the monthly trend. */
export async function slaReport(ctx: Ctx, query: SlaReportQuery) {
  authorize(ctx.actor, "sla.read");
  const to = query.to ?? ctx.now.toISOString().slice(0, 10);
  const from = query.from ?? new Date(Date.parse(to) - 365 * 86_400_000).toISOString().slice(0, 10);
  if (from > to) {
    throw new AppError("validation_failed", "The report's start is after its end", [
      { path: "from", message: "must be on or before to" },
    ]);
  }
  const figures = await slaReportFigures(ctx.database.db, ctx.actor.workspaceId, {
    from: new Date(`${from}T00:00:00Z`),
    to: new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000),
    type: query.type,
  });
  const settings = await findSettings(ctx.database.db, ctx.actor.workspaceId);
  const order: Priority[] = ["crucial", "secondary", "nice_to_have"];
  return {
    from,
    to,
    goal: settings?.slaGoal ?? DEFAULT_SLA_GOAL,
    byClass: order.map((priority) => {
      const row = figures.byClass.find((entry) => entry.priority === priority);
      const empty = { met: 0, total: 0 };
      return {
        priority,
        firstResponse: shareOf(row?.firstResponse ?? empty),
        decision: shareOf(row?.decision ?? empty),
        delivery: shareOf(row?.delivery ?? empty),
      };
    }),
    overall: {
      firstResponse: shareOf(figures.overall.firstResponse),
      decision: shareOf(figures.overall.decision),
      delivery: shareOf(figures.overall.delivery),
    },
    timeToDecision: {
      median: hours(figures.decision.median),
      p90: hours(figures.decision.p90),
      count: figures.decision.count,
    },
    trend: figures.trend.map((row) => ({
      month: row.month,
      submitted: row.submitted,
      firstResponseShare: shareOf(row.firstResponse).share,
      decisionShare: shareOf(row.decision).share,
      deliveryShare: shareOf(row.delivery).share,
      medianDecisionHours: hours(row.median),
    })),
    open: { total: figures.open.total, breached: figures.open.breached, waitingOnRequester: figures.open.waiting },
  };
}
