// One held meeting of the demo's year, written as rows into a batch: its attendees, agenda (time-boxed), the
// Pipeline's decisions of its week, notes, and action items from both sides (most kept, some late, a few open and
// carried over). seed-demo-rituals.ts walks the year's occurrences with it.
import { randomUUID } from "node:crypto";
import type { AgendaSection } from "#contracts/rituals";
import { allocateTimeBoxes } from "#engines/agenda";
import type { actionItems, agendaItems, meetingAttendees, meetingOutcomes, meetings } from "../db/schema";
import type { SeriesTiming, Slot } from "../modules/rituals/rituals.rules";
import { CIO, CMO, OPS } from "./demo-person";

export const DAY = 86_400_000;
export const dateOf = (at: Date) => at.toISOString().slice(0, 10);

// A stable number from 0 to 99 for a pair of indexes.
const pick = (a: number, b: number) => (a * 37 + b * 61 + 11) % 100;

export interface PersonRow {
  id: string;
  email: string;
  side: "marketing" | "it" | "other";
}

// A decision belongs to the sync of its week: taken from the Wednesday before the meeting to the Tuesday after.
export function inSlotWeek(at: Date, slot: Slot) {
  const from = slot.startsAt.getTime() - 6 * DAY;
  return at.getTime() > from && at.getTime() <= slot.startsAt.getTime() + DAY;
}

export interface OpenItem {
  id: string;
  title: string;
  ownerId: string;
  dueDate: string;
  doneAt: Date | null;
  row: typeof actionItems.$inferInsert;
}

export interface Batch {
  meetings: (typeof meetings.$inferInsert)[];
  attendees: (typeof meetingAttendees.$inferInsert)[];
  agendaItems: (typeof agendaItems.$inferInsert)[];
  actionItems: (typeof actionItems.$inferInsert)[];
  outcomes: (typeof meetingOutcomes.$inferInsert)[];
}

export function seedMeeting(
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
