// A request's three service-level clocks, from its recorded events: time to first response, to decision and
// to delivery, each counted from submission in business minutes of the workspace calendar, paused while the
// request waits on its requester. The arithmetic is engines/sla's; this file only says which events count.
import type { SlaClock } from "#contracts/pipeline";
import { type CompiledCalendar, clock, type Interval } from "#engines/sla";

export interface ClockEvent {
  kind: string;
  toStage: string | null;
  at: Date;
}

export interface ClockFacts {
  submittedAt: Date | null;
  firstResponseAt: Date | null;
  decidedAt: Date | null;
  deliveredAt: Date | null;
  stage: string;
  waitingOnRequester: boolean;
}

export interface Targets {
  firstResponse: number;
  decision: number;
  delivery: number;
}

/** The stored form of the clocks: what the request row keeps so reports and lists need no recomputation. */
export interface ClockColumns {
  firstResponseMinutes: number | null;
  decisionMinutes: number | null;
  deliveryMinutes: number | null;
  firstResponseMet: boolean | null;
  decisionMet: boolean | null;
  deliveryMet: boolean | null;
  firstResponseDueAt: Date | null;
  decisionDueAt: Date | null;
  deliveryDueAt: Date | null;
  breached: boolean;
}

/** The intervals the request waited on its requester; an open one runs to `now`. */
export function pausesOf(events: readonly ClockEvent[], now: Date): Interval[] {
  const pauses: Interval[] = [];
  let open: number | null = null;
  for (const event of events) {
    if (event.kind === "paused" && open === null) open = event.at.getTime();
    if (event.kind === "resumed" && open !== null) {
      pauses.push({ start: open, end: Math.max(open, event.at.getTime()) });
      open = null;
    }
  }
  if (open !== null) pauses.push({ start: open, end: Math.max(open, now.getTime()) });
  return pauses;
}

const ENDED_WITHOUT = new Set(["withdrawn", "declined", "closed"]);

function oneClock(
  calendar: CompiledCalendar,
  facts: ClockFacts,
  stop: Date | null,
  target: number,
  pauses: Interval[],
  now: Date,
): SlaClock {
  if (!facts.submittedAt) {
    return { targetMinutes: target, elapsedMinutes: 0, status: "none", dueAt: null, stoppedAt: null };
  }
  // A request withdrawn or declined before the clock's event will never stop it: the clock no longer counts.
  if (!stop && ENDED_WITHOUT.has(facts.stage)) {
    return { targetMinutes: target, elapsedMinutes: 0, status: "none", dueAt: null, stoppedAt: null };
  }
  const result = clock(calendar, {
    start: facts.submittedAt.getTime(),
    stop: stop ? stop.getTime() : null,
    pauses,
    now: now.getTime(),
    targetMinutes: target,
  });
  const paused = !stop && facts.waitingOnRequester && result.status !== "breached";
  return {
    targetMinutes: target,
    elapsedMinutes: Math.round(result.elapsedMinutes * 10) / 10,
    status: paused ? "paused" : result.status,
    dueAt: paused || stop ? null : new Date(result.dueAt).toISOString(),
    stoppedAt: stop ? stop.toISOString() : null,
  };
}

/** The three clocks of a request as its page shows them. */
export function computeClocks(
  calendar: CompiledCalendar,
  facts: ClockFacts,
  events: readonly ClockEvent[],
  targets: Targets,
  now: Date,
) {
  const pauses = pausesOf(events, now);
  return {
    firstResponse: oneClock(calendar, facts, facts.firstResponseAt, targets.firstResponse, pauses, now),
    decision: oneClock(calendar, facts, facts.decidedAt, targets.decision, pauses, now),
    delivery: oneClock(calendar, facts, facts.deliveredAt, targets.delivery, pauses, now),
  };
}

export type Clocks = ReturnType<typeof computeClocks>;

/** What the request row stores of its clocks. */
export function clockColumns(clocks: Clocks): ClockColumns {
  const stored = (c: SlaClock) => ({
    minutes: c.stoppedAt ? c.elapsedMinutes : null,
    met: c.status === "met" ? true : c.status === "breached" ? false : null,
    dueAt: c.dueAt ? new Date(c.dueAt) : null,
  });
  const first = stored(clocks.firstResponse);
  const decision = stored(clocks.decision);
  const delivery = stored(clocks.delivery);
  return {
    firstResponseMinutes: first.minutes,
    decisionMinutes: decision.minutes,
    deliveryMinutes: delivery.minutes,
    firstResponseMet: first.met,
    decisionMet: decision.met,
    deliveryMet: delivery.met,
    firstResponseDueAt: first.dueAt,
    decisionDueAt: decision.dueAt,
    deliveryDueAt: delivery.dueAt,
    breached: [first, decision, delivery].some((c) => c.met === false),
  };
}

/** The earliest instant one of the running clocks falls due, or null. */
export function nextDue(columns: Pick<ClockColumns, "firstResponseDueAt" | "decisionDueAt" | "deliveryDueAt">) {
  const due = [columns.firstResponseDueAt, columns.decisionDueAt, columns.deliveryDueAt].filter(
    (at): at is Date => at !== null,
  );
  return due.length === 0 ? null : new Date(Math.min(...due.map((at) => at.getTime())));
}
