// Rituals records for the permission matrix and the route tests: a weekly series with a marketing and an IT
// participant, its next meeting (tomorrow) with one manual agenda item, and an open action item.
import { randomUUID } from "node:crypto";
import { SERIES_TEMPLATES } from "#contracts/rituals";
import { icsUidOf } from "../src/modules/rituals/meetings.service";
import {
  insertActionItem,
  insertAgendaItems,
  insertMeeting,
  insertSeries,
  replaceParticipants,
} from "../src/modules/rituals/rituals.queries";
import type { TestApp } from "./app";

export async function buildRituals(
  t: TestApp,
  workspaceId: string,
  people: { marketingId: string; itId: string; ownerId: string },
) {
  const db = t.database.db;
  const now = new Date();
  const template = SERIES_TEMPLATES.cmo_cio_weekly_sync;
  const seriesId = randomUUID();
  const series = await insertSeries(db, {
    id: seriesId,
    workspaceId,
    template: "cmo_cio_weekly_sync",
    title: template.title,
    description: template.description,
    cadence: template.cadence,
    startDate: now.toISOString().slice(0, 10),
    startTime: "09:00",
    timeZone: "UTC",
    durationMinutes: template.durationMinutes,
    sections: template.sections,
    icsUid: icsUidOf(seriesId),
  });
  await replaceParticipants(db, workspaceId, seriesId, [people.marketingId, people.itId], now);
  const meetingId = randomUUID();
  const startsAt = new Date(Math.ceil(now.getTime() / 3_600_000) * 3_600_000 + 86_400_000);
  const meeting = await insertMeeting(db, {
    id: meetingId,
    workspaceId,
    seriesId,
    startsAt,
    endsAt: new Date(startsAt.getTime() + template.durationMinutes * 60_000),
    icsUid: icsUidOf(meetingId),
  });
  const [agendaItem] = await insertAgendaItems(db, [
    {
      workspaceId,
      meetingId,
      kind: "manual",
      source: "manual",
      section: "Other business",
      title: "Agency onboarding",
      timeBoxMinutes: template.durationMinutes,
    },
  ]);
  const actionItem = await insertActionItem(db, {
    workspaceId,
    title: "Send the data processing agreement",
    ownerId: people.ownerId,
    side: "marketing",
    dueDate: new Date(now.getTime() + 3 * 86_400_000).toISOString().slice(0, 10),
    sourceMeetingId: meetingId,
  });
  return { series, meeting, agendaItemId: agendaItem.id, actionItemId: actionItem.id };
}
