// Northwind's rituals over the past year: the CMO–CIO weekly sync (Tuesdays 09:30, Berlin) and the monthly joint
// steering (first Thursday, 14:00), each occurrence held (a few cancelled over the holidays, a few with one side
// missing) with its agenda, the Pipeline's real decisions recorded in the sync where they were taken (the request's
// own reason), information noted, and action items from both sides: most kept on time, some late, a few still open
// and carried over from meeting to meeting. The next sync's agenda is then built from the live demo data through
// Rituals' commands, as the CIO would prepare it.
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { type AgendaSection, SERIES_TEMPLATES, sideOfTeamKind } from "#contracts/rituals";
import { allocateTimeBoxes } from "#engines/agenda";
import type { Database, Tx } from "../db/client";
import {
  actionItems,
  agendaItems,
  kpis,
  meetingAttendees,
  meetingOutcomes,
  meetingSeries,
  meetings,
  teams,
  users,
} from "../db/schema";
import { recordAudit } from "../modules/audit/audit.commands";
import { readDecisionsBetween } from "../modules/pipeline/pipeline.commands";
import { ensureNextOccurrence, prepareMeeting } from "../modules/rituals/rituals.commands";
import { insertSeries, replaceParticipants } from "../modules/rituals/rituals.queries";
import { type SeriesTiming, type Slot, slotsBetween } from "../modules/rituals/rituals.rules";
import { ARCHITECT, CIO, CMO, CONTENT, DATA, demoPersonCtx, MARTECH, OPS, PARTNER } from "./demo-person";

const DAY = 86_400_000;
const dateOf = (at: Date) => at.toISOString().slice(0, 10);
const uid = (id: string) => `${id}@tandem`;

const SECURITY = "security@northwind.example";
const FINANCE = "finance@northwind.example";

// What the weekly sync commits to, by owner: both sides, in their words.
const SYNC_COMMITMENTS: Array<[string, string]> = [
  [OPS, "Share the next month's launch calendar with IT"],
  [PARTNER, "Answer the requests past their first-response time"],
  [MARTECH, "Send the agency's tracking plan to the architect"],
  [ARCHITECT, "Publish the commerce platform's API limits for campaign pages"],
  [CMO, "Write the success measure for the personalisation request"],
  [DATA, "Share the warehouse cost per team for last month"],
  [OPS, "Name the data owner on the open loyalty-app requests"],
  [PARTNER, "Size the checkout test integration with the agency"],
  [CONTENT, "List the landing-page templates we still use"],
  [CIO, "Propose a release window for campaign pages"],
  [MARTECH, "Retire the unused seats of the social scheduling tool"],
  [SECURITY, "Run the security review of the chat widget"],
  [OPS, "Collect the churn survey answers for the segment KPIs"],
  [ARCHITECT, "Document the consent flag in the CDP design"],
  [CMO, "Confirm the budget line for the recommendations pilot"],
  [PARTNER, "Book the joint triage slot for campaign requests"],
  [CONTENT, "Check the glossary meaning of 'conversion' with analytics"],
  [DATA, "Fix the nightly export the dashboard reads"],
];

// What the monthly steering commits to.
const STEERING_COMMITMENTS: Array<[string, string]> = [
  [FINANCE, "Reconcile the martech spend with the ledger"],
  [CIO, "Bring the integration roadmap for next quarter"],
  [CMO, "Rank marketing's crucial requests for next quarter"],
  [SECURITY, "Report the tools without a signed DPA"],
  [MARTECH, "Prepare the renewal decisions due next quarter"],
  [ARCHITECT, "Outline the CDP rollout in three steps"],
];

const SYNC_NOTES = [
  "Checkout conversion is back on plan since the replatforming fixes shipped.",
  "IT answered every marketing request's first question within two working days this week.",
  "The agency starts on the spring campaign next Monday; tracking plan agreed.",
  "Cost per acquisition is still above target; the paid social test runs another two weeks.",
  "Marketing shares the launch calendar with IT every Monday from now on.",
  "Two requests wait on the requester: the data owner is not named yet.",
];

const STEERING_NOTES = [
  "The quarter's crucial requests are on track; one moved to next quarter by agreement.",
  "The renewal of the email platform is decided before its cancel-by date.",
  "The shadow-IT spend share keeps falling since the purchase policy went live.",
  "Both teams agreed the scorecard's joint objectives for the half-year.",
];

// A stable number from 0 to 99 for a pair of indexes.
const pick = (a: number, b: number) => (a * 37 + b * 61 + 11) % 100;

interface PersonRow {
  id: string;
  email: string;
  side: "marketing" | "it" | "other";
}

function holiday(date: string) {
  const md = date.slice(5);
  return md >= "12-22" || md <= "01-02" || (md >= "08-10" && md <= "08-16");
}

/** Seeds the demo company's rituals (after the Scorecard, so that the next agenda reads its KPIs); returns counts. */
export async function seedDemoRituals(database: Database, workspaceId: string, now: Date) {
  const peopleRows = await database.db
    .select({ id: users.id, email: users.email, kind: teams.kind })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .where(eq(users.workspaceId, workspaceId));
  const people = new Map<string, PersonRow>(
    peopleRows.map((row) => [row.email, { id: row.id, email: row.email, side: sideOfTeamKind(row.kind) }]),
  );
  const person = (email: string) => {
    const found = people.get(email);
    if (!found) throw new Error(`demo person ${email} missing`);
    return found;
  };
  const cio = await demoPersonCtx(database, workspaceId, CIO, now);

  // The Pipeline's decisions of the past year, each recorded in the sync where it was taken.
  const decided = (await readDecisionsBetween(cio, { from: new Date(now.getTime() - 400 * DAY), to: now })).flatMap(
    (row) =>
      row.decidedAt && row.decision
        ? [
            {
              id: row.id,
              reference: `REQ-${row.number}`,
              title: row.title,
              outcome: row.decision,
              reason: row.reason ?? "",
              at: row.decidedAt,
            },
          ]
        : [],
  );
  const kpiRows = await database.db
    .select({ id: kpis.id, name: kpis.name })
    .from(kpis)
    .where(eq(kpis.workspaceId, workspaceId))
    .orderBy(kpis.name);

  const start = new Date(now.getTime() - 365 * DAY);
  const weekly = SERIES_TEMPLATES.cmo_cio_weekly_sync;
  const steering = SERIES_TEMPLATES.joint_steering_monthly;
  const plans = [
    {
      key: "sync" as const,
      template: "cmo_cio_weekly_sync" as const,
      title: weekly.title,
      description: weekly.description,
      timing: {
        cadence: { kind: "weekly", weekday: "tuesday" },
        startDate: dateOf(start),
        endDate: null,
        startTime: "09:30",
        timeZone: "Europe/Berlin",
        durationMinutes: 45,
      } satisfies SeriesTiming,
      sections: weekly.sections,
      participants: [CMO, CIO, OPS, PARTNER],
      commitments: SYNC_COMMITMENTS,
      notes: SYNC_NOTES,
    },
    {
      key: "steering" as const,
      template: "joint_steering_monthly" as const,
      title: steering.title,
      description: steering.description,
      timing: {
        cadence: { kind: "monthly_nth_weekday", nth: 1, weekday: "thursday" },
        startDate: dateOf(start),
        endDate: null,
        startTime: "14:00",
        timeZone: "Europe/Berlin",
        durationMinutes: 90,
      } satisfies SeriesTiming,
      sections: steering.sections,
      participants: [CMO, CIO, MARTECH, ARCHITECT, FINANCE, SECURITY],
      commitments: STEERING_COMMITMENTS,
      notes: STEERING_NOTES,
    },
  ];

  const counts = { meetings: 0, held: 0, decisions: 0, actionItems: 0, open: 0, late: 0 };
  const batch: Batch = { meetings: [], attendees: [], agendaItems: [], actionItems: [], outcomes: [] };
  const seriesIds: Record<"sync" | "steering", string> = { sync: "", steering: "" };
  await database.db.transaction(async (tx: Tx) => {
    for (const plan of plans) {
      const seriesId = randomUUID();
      seriesIds[plan.key] = seriesId;
      await insertSeries(tx, {
        id: seriesId,
        workspaceId,
        template: plan.template,
        title: plan.title,
        description: plan.description,
        ...plan.timing,
        sections: plan.sections,
        icsUid: uid(seriesId),
        createdById: person(plan.participants[0]).id,
        createdAt: start,
        updatedAt: start,
      });
      await replaceParticipants(
        tx,
        workspaceId,
        seriesId,
        plan.participants.map((email) => person(email).id),
        start,
      );
      // Past occurrences only: the next one is made by Rituals itself below.
      const slots = slotsBetween(plan.timing, start, now).filter((slot) => slot.endsAt.getTime() < now.getTime());
      const open: OpenItem[] = [];
      for (const [index, slot] of slots.entries()) {
        const meetingId = randomUUID();
        const cancelled = holiday(dateOf(slot.startsAt));
        batch.meetings.push({
          id: meetingId,
          workspaceId,
          seriesId,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          status: cancelled ? "cancelled" : "held",
          preparedAt: new Date(slot.startsAt.getTime() - DAY),
          attendanceRecorded: !cancelled,
          icsUid: uid(meetingId),
          createdAt: new Date(slot.startsAt.getTime() - 7 * DAY),
          updatedAt: slot.endsAt,
        });
        counts.meetings++;
        if (cancelled) continue;
        counts.held++;
        // A few syncs without IT (an incident, a release night), one without marketing.
        const missing =
          plan.key === "sync" && [9, 23, 37].includes(index)
            ? "it"
            : plan.key === "sync" && index === 30
              ? "marketing"
              : null;
        for (const p of plan.participants.map((email) => person(email)).filter((p) => p.side !== missing)) {
          batch.attendees.push({ workspaceId, meetingId, userId: p.id, side: p.side, createdAt: slot.startsAt });
        }
        seedMeeting(batch, {
          workspaceId,
          meetingId,
          slot,
          index,
          plan,
          open,
          decided: plan.key === "sync" ? decided.filter((d) => inSlotWeek(d.at, slot)) : [],
          kpi: kpiRows.length > 0 ? kpiRows[(index * 7) % kpiRows.length] : null,
          last: index === slots.length - 1,
          person,
          now,
          counts,
        });
      }
    }
    // In a few statements: meetings, attendees, agenda items, action items, then the outcomes naming them.
    const chunks = <T>(rows: T[]) =>
      Array.from({ length: Math.ceil(rows.length / 500) }, (_, i) => rows.slice(i * 500, i * 500 + 500));
    for (const rows of chunks(batch.meetings)) await tx.insert(meetings).values(rows);
    for (const rows of chunks(batch.attendees)) await tx.insert(meetingAttendees).values(rows);
    for (const rows of chunks(batch.agendaItems)) await tx.insert(agendaItems).values(rows);
    for (const rows of chunks(batch.actionItems)) await tx.insert(actionItems).values(rows);
    for (const rows of chunks(batch.outcomes)) await tx.insert(meetingOutcomes).values(rows);
    await recordAudit(
      tx,
      { workspaceId, actorId: null, actorLabel: "demo seed", ip: null, at: now },
      { action: "rituals.seeded", entityType: "workspace", entityId: workspaceId, after: counts },
    );
  });

  // The next occurrences, by Rituals itself; the sync's agenda built from live data as the CIO prepares it.
  const created = await database.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(meetingSeries)
      .where(
        and(
          eq(meetingSeries.workspaceId, workspaceId),
          inArray(meetingSeries.id, [seriesIds.sync, seriesIds.steering]),
        ),
      );
    const made: Record<string, string> = {};
    for (const row of rows) {
      const meeting = await ensureNextOccurrence(tx, row, now);
      if (meeting) made[row.id] = meeting.id;
    }
    return made;
  });
  const nextSync = created[seriesIds.sync];
  if (nextSync) await prepareMeeting(await demoPersonCtx(database, workspaceId, CIO, now), nextSync);
  return { ...counts, nextSyncId: nextSync ?? null };
}

// A decision belongs to the sync of its week: taken from the Wednesday before the meeting to the Tuesday after.
function inSlotWeek(at: Date, slot: Slot) {
  const from = slot.startsAt.getTime() - 6 * DAY;
  return at.getTime() > from && at.getTime() <= slot.startsAt.getTime() + DAY;
}

interface OpenItem {
  id: string;
  title: string;
  ownerId: string;
  dueDate: string;
  doneAt: Date | null;
  row: typeof actionItems.$inferInsert;
}

interface Batch {
  meetings: (typeof meetings.$inferInsert)[];
  attendees: (typeof meetingAttendees.$inferInsert)[];
  agendaItems: (typeof agendaItems.$inferInsert)[];
  actionItems: (typeof actionItems.$inferInsert)[];
  outcomes: (typeof meetingOutcomes.$inferInsert)[];
}

function seedMeeting(
  batch: Batch,
  input: {
    workspaceId: string;
    meetingId: string;
    slot: Slot;
    index: number;
    plan: {
      key: "sync" | "steering";
      sections: AgendaSection[];
      timing: SeriesTiming;
      commitments: Array<[string, string]>;
      notes: string[];
    };
    open: OpenItem[];
    decided: Array<{ id: string; reference: string; title: string; outcome: string; reason: string }>;
    kpi: { id: string; name: string } | null;
    /** The latest held occurrence: its last point stays unfinished (the next agenda carries it over). */
    last: boolean;
    person: (email: string) => PersonRow;
    now: Date;
    counts: { decisions: number; actionItems: number; open: number; late: number };
  },
) {
  const { workspaceId, meetingId, slot, index, plan, counts } = input;
  const at = slot.startsAt;
  const sectionOf = (kind: string) =>
    plan.sections.find((section) => section.kinds.includes(kind as never))?.title ?? plan.sections[0].title;
  type Row = typeof agendaItems.$inferInsert;
  const rows: Row[] = [];
  const base = { workspaceId, meetingId, status: "discussed" as const, createdAt: at, updatedAt: at };
  // Carried over: the commitments still open when this meeting met.
  const carried = input.open.filter((item) => item.doneAt === null || item.doneAt > at);
  for (const item of carried) {
    rows.push({
      ...base,
      kind: "carried_over",
      originKind: "action_item",
      source: "carried_over",
      sourceKey: `carried:action:${item.id}`,
      section: sectionOf("carried_over"),
      title: item.title,
      detail: `Action item, due ${item.dueDate}: carried over until done`,
      link: { type: "action_item", id: item.id, label: item.title, href: `/rituals/commitments?item=${item.id}` },
      ownerId: item.ownerId,
    });
  }
  if (input.kpi) {
    rows.push({
      ...base,
      kind: "kpi",
      source: "built",
      sourceKey: `kpi:${input.kpi.id}`,
      section: sectionOf("kpi"),
      title: input.kpi.name,
      detail: "Check-in reviewed together",
      link: { type: "kpi", id: input.kpi.id, label: input.kpi.name, href: `/scorecard/kpis/${input.kpi.id}` },
    });
  }
  const requestItems = input.decided.map((request) => ({
    request,
    row: {
      ...base,
      id: randomUUID(),
      kind: "request" as const,
      source: "built" as const,
      sourceKey: `request:${request.id}`,
      section: sectionOf("request"),
      title: `${request.reference} ${request.title}`,
      detail: "Waiting on a decision",
      link: {
        type: "request" as const,
        id: request.id,
        label: request.reference,
        href: `/pipeline/requests/${request.id}`,
      },
    },
  }));
  rows.push(...requestItems.map((entry) => entry.row));
  const manualTitle = plan.key === "sync" ? "Round the table" : "Budget and priorities for next month";
  rows.push({ ...base, kind: "manual", source: "manual", section: sectionOf("manual"), title: manualTitle });
  // The latest sync ran out of time for one point: it is carried over to the next one.
  if (input.last && plan.key === "sync") {
    rows.push({
      ...base,
      status: "open",
      kind: "manual",
      source: "manual",
      section: sectionOf("manual"),
      title: "Agency onboarding for the autumn campaign",
      detail: "Who gives the agency access to the analytics and tag manager, and when",
      ownerId: input.person(OPS).id,
    });
  }
  const minutes = allocateTimeBoxes(
    plan.timing.durationMinutes,
    rows.map((row) => ({ kind: row.kind, fixedMinutes: null })),
  );
  batch.agendaItems.push(...rows.map((row, position) => ({ ...row, position, timeBoxMinutes: minutes[position] })));
  for (const { request, row } of requestItems) {
    const verb = {
      approved: "Approved",
      declined: "Declined",
      deferred: "Deferred",
      alternative: "Alternative offered",
    };
    batch.outcomes.push({
      workspaceId,
      meetingId,
      agendaItemId: row.id,
      type: "decision",
      summary: `${verb[request.outcome as keyof typeof verb] ?? "Decided"}: ${request.reference} ${request.title}`,
      requestId: request.id,
      reason: request.reason || "Agreed in the meeting",
      createdAt: at,
      updatedAt: at,
    });
    counts.decisions++;
  }
  if (index % 2 === 0) {
    batch.outcomes.push({
      workspaceId,
      meetingId,
      type: "information",
      summary: plan.notes[(index / 2) % plan.notes.length],
      createdAt: at,
      updatedAt: at,
    });
  }
  // Commitments: one or two a meeting, both sides; most kept on time, some late, a few still open.
  const howMany = plan.key === "steering" ? 2 : index % 3 === 0 ? 2 : 1;
  for (let j = 0; j < howMany; j++) {
    const [email, title] = plan.commitments[(index * 2 + j) % plan.commitments.length];
    const owner = input.person(email);
    const due = new Date(at.getTime() + (plan.key === "steering" ? 21 : 7) * DAY);
    const dueDate = dateOf(due);
    const roll = pick(index, j);
    // Old ones: 3 in 100 never done (still open), 17 late by 2–9 days, the rest done 1–3 days before due.
    let doneAt: Date | null;
    if (roll < 3) doneAt = null;
    else if (roll < 20) doneAt = new Date(due.getTime() + (2 + (roll % 8)) * DAY + 10 * 3_600_000);
    else doneAt = new Date(due.getTime() - (1 + (roll % 3)) * DAY + 15 * 3_600_000);
    // Not yet due: open unless it was done already.
    if (doneAt && doneAt.getTime() > input.now.getTime()) doneAt = null;
    const actionId = randomUUID();
    const createdAtMeeting = new Date(slot.endsAt.getTime() - 5 * 60_000);
    const actionRow: typeof actionItems.$inferInsert = {
      id: actionId,
      workspaceId,
      title,
      ownerId: owner.id,
      side: owner.side,
      dueDate,
      priority: roll % 5 === 0 ? "high" : roll % 5 === 4 ? "low" : "medium",
      status: doneAt ? "done" : "open",
      completedAt: doneAt,
      sourceMeetingId: meetingId,
      carriedOverCount: 0,
      remindedForDue: due.getTime() - 2 * DAY <= input.now.getTime() ? dueDate : null,
      createdById: input.person(plan.key === "sync" ? CIO : CMO).id,
      createdAt: createdAtMeeting,
      updatedAt: doneAt ?? createdAtMeeting,
    };
    batch.actionItems.push(actionRow);
    batch.outcomes.push({
      workspaceId,
      meetingId,
      type: "action_item",
      summary: title,
      actionItemId: actionId,
      createdAt: createdAtMeeting,
      updatedAt: createdAtMeeting,
    });
    input.open.push({ id: actionId, title, ownerId: owner.id, dueDate, doneAt, row: actionRow });
    counts.actionItems++;
    if (!doneAt) counts.open++;
    else if (dateOf(doneAt) > dueDate) counts.late++;
  }
  // Each carried commitment counts this meeting once (the seeded rows, as the builder counts them).
  for (const item of carried) item.row.carriedOverCount = (item.row.carriedOverCount ?? 0) + 1;
}
