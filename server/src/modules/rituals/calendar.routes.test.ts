// The calendar routes, the person's feed, the minutes and the announcement emails, end to end: rows in a real
// database, the real app, a real SMTP server receiving the mails, and every .ics read back with ical.js.
import type { AddressInfo } from "node:net";
import ICAL from "ical.js";
import { createTransport } from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithApp, json, type TestApp } from "../../../test/app";
import { buildPersona, buildWorkspace } from "../../../test/factories";
import {
  buildAgendaItem,
  buildMeeting,
  buildOutcome,
  buildSeries,
  holdMeeting,
} from "../../../test/factories-rituals-calendar";
import { sendNotificationEmails } from "../notifications/notifications.commands";
import { insertRequest } from "../pipeline/pipeline.queries";
import { insertTool } from "../stack/stack.queries";
import { instantOf } from "./calendar.ics";
import { announceMeetings } from "./calendar.service";

interface Received {
  to: string[];
  data: string;
}
const received: Received[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    let data = "";
    stream.on("data", (chunk) => (data += chunk));
    stream.on("end", () => {
      received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), data });
      callback();
    });
  },
});
let port = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  port = (smtp.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return { calendar, events: calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent)) };
}

// The decoded text/calendar parts of a raw MIME message (nodemailer writes them base64 or quoted-printable).
function calendarParts(raw: string): { method: string | null; text: string }[] {
  const parts: { method: string | null; text: string }[] = [];
  for (const chunk of raw.split(/\r?\n--[^\r\n]+\r?\n/)) {
    const [head, ...rest] = chunk.split(/\r?\n\r?\n/);
    if (!/content-type:\s*(text|application)\/(calendar|ics)/i.test(head)) continue;
    const body = rest.join("\r\n\r\n").replace(/\r?\n--[^\r\n]*--\s*$/, "");
    const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
    const text =
      encoding === "base64"
        ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
        : encoding === "quoted-printable"
          ? Buffer.from(
              body
                .replace(/=\r?\n/g, "")
                .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
              "latin1",
            ).toString("utf8")
          : body;
    parts.push({ method: /method=([A-Z]+)/i.exec(head)?.[1] ?? null, text });
  }
  return parts;
}

// The text/plain body of a raw MIME message, decoded.
function plainText(raw: string) {
  for (const chunk of raw.split(/\r?\n--[^\r\n]+\r?\n/)) {
    const [head, ...rest] = chunk.split(/\r?\n\r?\n/);
    if (!/content-type:\s*text\/plain/i.test(head)) continue;
    const body = rest.join("\r\n\r\n");
    return /quoted-printable/i.test(head)
      ? Buffer.from(
          body
            .replace(/=\r?\n/g, "")
            .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
          "latin1",
        ).toString("utf8")
      : /base64/i.test(head)
        ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
        : body;
  }
  return "";
}

// The next Tuesday at least two days ahead, as a local date.
function nextTuesday(from: Date) {
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + 2));
  while (day.getUTCDay() !== 2) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

async function setup(t: TestApp) {
  t.setNow(null);
  const ws = await buildWorkspace(t);
  const [admin, marketer, engineer, bystander] = await Promise.all([
    buildPersona(t, { role: "admin", teamKind: "it", workspace: ws }),
    buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws }),
    buildPersona(t, { role: "member", teamKind: "it", workspace: ws }),
    buildPersona(t, { role: "viewer", teamKind: "marketing", workspace: ws }),
  ]);
  const workspaceId = ws.workspace.id;
  const series = await buildSeries(t, {
    workspaceId,
    createdById: admin.user.id,
    participantIds: [marketer.user.id, engineer.user.id],
  });
  const date = nextTuesday(new Date());
  const meeting = await buildMeeting(t, {
    workspaceId,
    seriesId: series.id,
    startsAt: instantOf(date, "10:00", "Europe/Berlin"),
    icsSequence: 2,
  });
  await buildAgendaItem(t, {
    workspaceId,
    meetingId: meeting.id,
    section: "Other business",
    position: 0,
    title: "Café budget",
    minutes: 15,
  });
  await buildAgendaItem(t, {
    workspaceId,
    meetingId: meeting.id,
    section: "Numbers",
    position: 1,
    title: "Qualified leads off track",
    minutes: 30,
    ownerId: marketer.user.id,
  });
  return { ws, workspaceId, admin, marketer, engineer, bystander, series, meeting, date };
}

describeWithApp("the Rituals calendar", (get) => {
  it("serves an occurrence's invite: stable UID, SEQUENCE, zone, attendees, organizer and the agenda", async () => {
    const t = get();
    const { marketer, engineer, admin, meeting, series, date } = await setup(t);
    const response = await marketer.request({ url: `/api/v1/meetings/${meeting.id}/invite.ics` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const { calendar, events } = parse(response.body);
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    const [event] = events;
    // An instance of the series' rule: the series' UID, with the instance it stands for.
    expect(event.uid).toBe(`${series.id}@tandem`);
    expect(event.recurrenceId?.toString()).toBe(`${date}T10:00:00`);
    expect(event.sequence).toBe(2);
    expect(event.summary).toBe("CMO–CIO weekly sync");
    expect(event.startDate.zone?.tzid).toBe("Europe/Berlin");
    expect(event.startDate.toString()).toBe(`${date}T10:00:00`);
    expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe(45 * 60_000);
    expect(event.organizer).toBe(`mailto:${admin.user.email}`);
    expect(event.attendees.map((attendee) => String(attendee.getFirstValue()).toLowerCase()).sort()).toEqual(
      [`mailto:${marketer.user.email}`, `mailto:${engineer.user.email}`].sort(),
    );
    // The agenda in the series' section order, with time boxes and owners.
    expect(event.description).toBe(
      [
        "Agenda",
        "",
        "Numbers",
        `- Qualified leads off track (30 min, ${marketer.user.name})`,
        "",
        "Other business",
        "- Café budget (15 min)",
      ].join("\n"),
    );

    // Cancelled: the same UID, the next SEQUENCE, METHOD:CANCEL.
    await t.database.query("UPDATE meeting SET status = 'cancelled', ics_sequence = 3 WHERE id = $1", [meeting.id]);
    const cancelled = parse((await marketer.request({ url: `/api/v1/meetings/${meeting.id}/invite.ics` })).body);
    expect(cancelled.calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(cancelled.events[0].uid).toBe(`${series.id}@tandem`);
    expect(cancelled.events[0].recurrenceId?.toString()).toBe(`${date}T10:00:00`);
    expect(cancelled.events[0].sequence).toBe(3);
    expect(cancelled.events[0].component.getFirstPropertyValue("status")).toBe("CANCELLED");
  });

  it("serves a series as one recurring event with its RRULE and the cancelled dates excluded", async () => {
    const t = get();
    const { marketer, series, meeting, date, workspaceId } = await setup(t);
    await t.database.query("UPDATE meeting SET status = 'cancelled' WHERE id = $1", [meeting.id]);
    const monthly = await buildSeries(t, {
      workspaceId,
      createdById: null,
      participantIds: [marketer.user.id],
      title: "Monthly joint steering",
      cadence: { kind: "monthly_nth_weekday", nth: -1, weekday: "thursday" },
      startDate: "2026-01-01",
      startTime: "16:30",
      timeZone: "America/New_York",
      durationMinutes: 90,
    });
    const weekly = await marketer.request({ url: `/api/v1/meeting-series/${series.id}/calendar.ics` });
    expect(weekly.statusCode, weekly.body).toBe(200);
    const [event] = parse(weekly.body).events;
    expect(event.uid).toBe(`${series.id}@tandem`);
    const rule = event.component.getFirstPropertyValue("rrule") as ICAL.Recur;
    expect(rule.freq).toBe("WEEKLY");
    expect(rule.parts.BYDAY).toEqual(["TU"]);
    // 2026-01-01 is a Thursday: the first Tuesday on or after it starts the series.
    expect(event.startDate.toString()).toBe("2026-01-06T10:00:00");
    const excluded = event.component.getAllProperties("exdate").map((property) => String(property.getFirstValue()));
    expect(excluded).toEqual([`${date}T10:00:00`]);

    const [steering] = parse(
      (await marketer.request({ url: `/api/v1/meeting-series/${monthly.id}/calendar.ics` })).body,
    ).events;
    expect(steering.startDate.zone?.tzid).toBe("America/New_York");
    expect(steering.startDate.toString()).toBe("2026-01-29T16:30:00");
    const iterator = steering.iterator();
    const starts = [1, 2, 3].map(() => iterator.next().toString());
    expect(starts).toEqual(["2026-01-29T16:30:00", "2026-02-26T16:30:00", "2026-03-26T16:30:00"]);
    expect(steering.organizer).toBeFalsy();
  });

  it("gives the series file, each occurrence's invite and the person's feed one calendar identity", async () => {
    const t = get();
    const { admin, marketer, engineer } = await setup(t);
    const created = await admin.request({
      method: "POST",
      url: "/api/v1/meeting-series",
      payload: {
        template: "cmo_cio_weekly_sync",
        startDate: new Date().toISOString().slice(0, 10),
        timeZone: "Europe/Berlin",
        participantIds: [marketer.user.id, engineer.user.id],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const series = json(created);
    const seriesFile = async () => {
      const answer = await marketer.request({ url: `/api/v1/meeting-series/${series.id}/calendar.ics` });
      expect(answer.statusCode, answer.body).toBe(200);
      const { events } = parse(answer.body);
      const master = events.find((event) => event.recurrenceId === null || event.recurrenceId === undefined);
      expect(master?.uid).toBe(`${series.id}@tandem`);
      return { events, master: master as ICAL.Event };
    };
    const invite = async (id: string) =>
      parse((await marketer.request({ url: `/api/v1/meetings/${id}/invite.ics` })).body);
    // The instances the series' RRULE produces (EXDATEs aside), as local times in its zone.
    const { master } = await seriesFile();
    const rule = master.component.getFirstPropertyValue("rrule") as ICAL.Recur;
    const expansion = rule.iterator(master.startDate);
    const instances = new Set<string>();
    for (let next = expansion.next(); next && instances.size < 120; next = expansion.next())
      instances.add(next.toString());

    // The next occurrence's invite is that series event's instance: same UID, a RECURRENCE-ID the RRULE produces.
    const first = json(await admin.request({ url: `/api/v1/meetings/${series.nextMeeting.id}` }));
    const planned = (await invite(first.id)).events[0];
    expect(planned.uid).toBe(`${series.id}@tandem`);
    const instance = planned.recurrenceId?.toString() as string;
    expect(instances.has(instance)).toBe(true);
    expect(planned.startDate.toString()).toBe(instance);

    // Moved two hours later: the same instance, a higher SEQUENCE, and an override of it in the series file.
    const later = new Date(Date.parse(first.startsAt) + 2 * 3_600_000);
    const moved = await admin.request({
      method: "PATCH",
      url: `/api/v1/meetings/${first.id}`,
      payload: { version: first.version, startsAt: later.toISOString() },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const movedInvite = (await invite(first.id)).events[0];
    expect(movedInvite.uid).toBe(`${series.id}@tandem`);
    expect(movedInvite.recurrenceId?.toString()).toBe(instance);
    expect(movedInvite.startDate.toJSDate().getTime()).toBe(later.getTime());
    expect(movedInvite.sequence).toBeGreaterThan(planned.sequence);
    const withOverride = await seriesFile();
    const override = withOverride.events.find((event) => event.recurrenceId?.toString() === instance);
    expect(override?.uid).toBe(`${series.id}@tandem`);
    expect(override?.startDate.toJSDate().getTime()).toBe(later.getTime());
    expect(override?.sequence).toBe(movedInvite.sequence);

    // The person's feed carries the same event: the series' UID and the instance, never a UID of its own.
    const { path } = json(await marketer.request({ method: "POST", url: "/api/v1/me/calendar-feed" }));
    const key = new URL(path, "http://x").searchParams.get("key");
    const feed = parse((await t.app.inject({ url: `/api/v1/calendar.ics?key=${key}` })).body).events;
    const inFeed = feed.find((event) => event.uid === `${series.id}@tandem`);
    expect(inFeed?.recurrenceId?.toString()).toBe(instance);
    expect(inFeed?.sequence).toBe(movedInvite.sequence);
    expect(feed.map((event) => event.uid)).not.toContain(`${first.id}@tandem`);

    // Cancelled: METHOD:CANCEL for the same instance, and an EXDATE (not an override) in the series file.
    const current = json(await admin.request({ url: `/api/v1/meetings/${first.id}` }));
    await admin.request({
      method: "PATCH",
      url: `/api/v1/meetings/${first.id}`,
      payload: { version: current.version, status: "cancelled" },
    });
    const cancel = await invite(first.id);
    expect(cancel.calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(cancel.events[0].uid).toBe(`${series.id}@tandem`);
    expect(cancel.events[0].recurrenceId?.toString()).toBe(instance);
    expect(cancel.events[0].sequence).toBeGreaterThan(movedInvite.sequence);
    const afterCancel = await seriesFile();
    const excluded = afterCancel.master.component
      .getAllProperties("exdate")
      .map((property) => String(property.getFirstValue()));
    expect(excluded).toEqual([instance]);
    expect(afterCancel.events.filter((event) => event.recurrenceId)).toHaveLength(0);
    // The cadence's next occurrence is the rule's next instance.
    const refreshed = json(await admin.request({ url: `/api/v1/meeting-series/${series.id}` }));
    const next = (await invite(refreshed.nextMeeting.id)).events[0];
    expect(next.uid).toBe(`${series.id}@tandem`);
    expect(instances.has(next.recurrenceId?.toString() as string)).toBe(true);
    expect(next.recurrenceId?.toString()).not.toBe(instance);

    // An occurrence added off the cadence (a Wednesday) is an event of its own, in its invite and the series file.
    const wednesday = new Date(Date.parse(refreshed.nextMeeting.startsAt) + 86_400_000);
    const extra = await admin.request({
      method: "POST",
      url: "/api/v1/meetings",
      payload: { seriesId: series.id, startsAt: wednesday.toISOString() },
    });
    expect(extra.statusCode, extra.body).toBe(201);
    const extraId = json(extra).id;
    const single = (await invite(extraId)).events[0];
    expect(single.uid).toBe(`${extraId}@tandem`);
    expect(single.recurrenceId ?? null).toBeNull();
    expect((await seriesFile()).events.map((event) => event.uid)).toContain(`${extraId}@tandem`);
  });

  it("refuses others: 401 signed out, 404 for another workspace's or an unknown record, 400 for a bad id", async () => {
    const t = get();
    const { meeting, series } = await setup(t);
    const outsider = await buildPersona(t, { role: "admin", teamKind: "it" });
    for (const url of [
      `/api/v1/meetings/${meeting.id}/invite.ics`,
      `/api/v1/meeting-series/${series.id}/calendar.ics`,
      `/api/v1/meetings/${meeting.id}/minutes`,
    ]) {
      expect((await t.app.inject({ url })).statusCode, url).toBe(401);
      const hidden = await outsider.request({ url });
      expect(hidden.statusCode, url).toBe(404);
      expect(hidden.body).not.toContain("CMO");
    }
    const bad = await outsider.request({ url: "/api/v1/meetings/not-a-uuid/invite.ics" });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).errors[0].path).toBe("params.id");
  });

  it("gives each person one feed with the renewals and their own meetings, at a secret address", async () => {
    const t = get();
    const { marketer, bystander, meeting, series, workspaceId } = await setup(t);
    await insertTool(t.database.db, {
      workspaceId,
      name: "Webinar Co, Inc.",
      category: "content",
      subcategory: "Webinars",
      status: "sanctioned",
      lifecycle: "active",
      renewalDate: "2027-03-01",
      noticeDays: 60,
    });
    const { path, calendarPath } = json(await marketer.request({ method: "POST", url: "/api/v1/me/calendar-feed" }));
    const key = new URL(path, "http://x").searchParams.get("key");
    expect(calendarPath).toBe(`/api/v1/calendar.ics?key=${key}`);
    const feed = await t.app.inject({ url: calendarPath });
    expect(feed.statusCode, feed.body).toBe(200);
    expect(feed.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const { calendar, events } = parse(feed.body);
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    const uids = events.map((event) => event.uid);
    expect(uids).toContain(`${series.id}@tandem`);
    expect(uids).not.toContain(`${meeting.id}@tandem`);
    const cancelBy = events.find((event) => event.summary === "Cancel by: Webinar Co, Inc.");
    expect(cancelBy?.startDate.toString()).toBe("2026-12-31");
    expect(events.find((event) => event.summary === "Renews: Webinar Co, Inc.")?.startDate.toString()).toBe(
      "2027-03-01",
    );
    // The renewals-only feed at the same secret keeps working as before.
    expect((await t.app.inject({ url: path })).statusCode).toBe(200);

    // Someone who takes part in no meeting gets the renewals only.
    const other = json(await bystander.request({ method: "POST", url: "/api/v1/me/calendar-feed" }));
    const otherKey = new URL(other.path, "http://x").searchParams.get("key");
    const theirs = parse((await t.app.inject({ url: `/api/v1/calendar.ics?key=${otherKey}` })).body).events;
    expect(theirs.map((event) => event.uid)).not.toContain(`${series.id}@tandem`);
    expect(theirs.length).toBe(2);

    expect((await t.app.inject({ url: "/api/v1/calendar.ics?key=tdmcal_nope" })).statusCode).toBe(404);
    expect((await t.app.inject({ url: "/api/v1/calendar.ics" })).statusCode).toBe(400);
    await marketer.request({ method: "DELETE", url: "/api/v1/me/calendar-feed" });
    expect((await t.app.inject({ url: `/api/v1/calendar.ics?key=${key}` })).statusCode).toBe(404);
  });

  it("writes the minutes of a held meeting: decisions with reasons, action items with owners, links", async () => {
    const t = get();
    const { workspaceId, marketer, engineer, admin, series } = await setup(t);
    const held = await buildMeeting(t, {
      workspaceId,
      seriesId: series.id,
      startsAt: instantOf("2026-06-02", "10:00", "Europe/Berlin"),
      status: "scheduled",
    });
    const request = await insertRequest(t.database.db, {
      workspaceId,
      number: 7,
      type: "purchase",
      title: "Buy a webinar tool",
      requesterId: marketer.user.id,
      stage: "decision",
      stageChangedAt: new Date(),
    });
    const item = await buildAgendaItem(t, {
      workspaceId,
      meetingId: held.id,
      section: "Waiting on a decision",
      position: 0,
      title: "REQ-7 Buy a webinar tool",
      minutes: 20,
      notes: "Security review done; SSO included.",
      link: {
        type: "request",
        id: request.id,
        label: "REQ-7 Buy a webinar tool",
        href: `/pipeline/requests/${request.id}`,
      },
    });
    await buildOutcome(t, {
      workspaceId,
      meetingId: held.id,
      agendaItemId: item.id,
      type: "decision",
      summary: "Approve the webinar tool",
      requestId: request.id,
      reason: "It replaces two tools we pay for",
    });
    await buildOutcome(t, { workspaceId, meetingId: held.id, type: "information", summary: "Q3 budget is frozen" });
    const { actionItemId } = await buildOutcome(t, {
      workspaceId,
      meetingId: held.id,
      type: "action_item",
      summary: "Sign the order form",
      ownerId: engineer.user.id,
      dueDate: "2026-06-09",
      priority: "high",
    });
    await holdMeeting(
      t,
      {
        workspaceId,
        meetingId: held.id,
        attendees: [
          { userId: marketer.user.id, side: "marketing" },
          { userId: engineer.user.id, side: "it" },
        ],
      },
      new Date(),
    );
    const response = await admin.request({ url: `/api/v1/meetings/${held.id}/minutes` });
    expect(response.statusCode, response.body).toBe(200);
    const minutes = json(response);
    expect(minutes.meeting).toMatchObject({ id: held.id, title: "CMO–CIO weekly sync", status: "held" });
    expect(
      minutes.attendees.map((person: { name: string; side: string }) => [person.name, person.side]).sort(),
    ).toEqual(
      [
        [engineer.user.name, "it"],
        [marketer.user.name, "marketing"],
      ].sort(),
    );
    expect(minutes.decisions).toEqual([
      {
        id: expect.any(String),
        summary: "Approve the webinar tool",
        reason: "It replaces two tools we pay for",
        request: { id: request.id, number: 7, title: "Buy a webinar tool", href: `/pipeline/requests/${request.id}` },
        agendaItemTitle: "REQ-7 Buy a webinar tool",
      },
    ]);
    expect(minutes.actionItems).toEqual([
      {
        id: actionItemId,
        title: "Sign the order form",
        owner: { id: engineer.user.id, name: engineer.user.name },
        dueDate: "2026-06-09",
        priority: "high",
        status: "open",
        href: `/rituals/commitments?item=${actionItemId}`,
      },
    ]);
    expect(minutes.information.map((info: { summary: string }) => info.summary)).toEqual(["Q3 budget is frozen"]);
    expect(minutes.notes).toEqual([
      {
        section: "Waiting on a decision",
        title: "REQ-7 Buy a webinar tool",
        notes: "Security review done; SSO included.",
      },
    ]);
    expect(minutes.links.map((link: { href: string }) => link.href)).toEqual([`/pipeline/requests/${request.id}`]);
    expect(minutes.text).toContain(
      "- Approve the webinar tool (REQ-7 Buy a webinar tool). Why: It replaces two tools we pay for",
    );
    expect(minutes.text).toContain(`- Sign the order form: ${engineer.user.name}, due 2026-06-09 (high priority)`);
  });

  it("emails the invite with its .ics and the agenda, the cancellation, and the minutes once held, each once", async () => {
    const t = get();
    const { workspaceId, marketer, engineer, meeting, series, date } = await setup(t);
    const transport = createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
    const settings = { from: "Tandem <tandem@acme.test>", publicUrl: "https://tandem.acme.test" };
    const now = new Date();
    const mailsTo = (person: { user: { email: string } }) =>
      received.filter((mail) => mail.to.includes(person.user.email));

    const first = await announceMeetings(t.database, now, settings.publicUrl);
    expect(first.invites).toBeGreaterThanOrEqual(1);
    await sendNotificationEmails(t.database, transport, settings, now);
    const [invite] = mailsTo(engineer);
    expect(invite, "the engineer got the invite").toBeDefined();
    expect(invite.data).toMatch(/Subject: Updated invitation: CMO=E2=80=93CIO weekly sync|Subject: =\?UTF-8\?/);
    expect(plainText(invite.data)).toContain(`- Qualified leads off track (30 min, ${marketer.user.name})`);
    const parts = calendarParts(invite.data);
    expect(parts.length).toBeGreaterThanOrEqual(1);
    expect(parts.some((part) => part.method === "REQUEST")).toBe(true);
    const { calendar, events } = parse(parts[0].text);
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(events[0].uid).toBe(`${series.id}@tandem`);
    expect(events[0].sequence).toBe(2);
    expect(events[0].startDate.toString()).toBe(`${date}T10:00:00`);
    expect(events[0].component.getFirstPropertyValue("url")).toBe(
      `https://tandem.acme.test/rituals/meetings/${meeting.id}`,
    );
    expect(mailsTo(marketer)).toHaveLength(1);

    // Nothing changed: nothing more goes out.
    expect(await announceMeetings(t.database, now, settings.publicUrl)).toEqual({
      invites: 0,
      cancellations: 0,
      minutes: 0,
    });

    // Cancelled (the next SEQUENCE): a METHOD:CANCEL to the same people.
    await t.database.query("UPDATE meeting SET status = 'cancelled', ics_sequence = 3 WHERE id = $1", [meeting.id]);
    expect((await announceMeetings(t.database, now, settings.publicUrl)).cancellations).toBe(1);
    await sendNotificationEmails(t.database, transport, settings, now);
    const cancel = mailsTo(engineer)[1];
    const cancelPart = calendarParts(cancel.data)[0];
    const cancelled = parse(cancelPart.text);
    expect(cancelled.calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(cancelled.events[0].uid).toBe(`${series.id}@tandem`);
    expect(cancelled.events[0].sequence).toBe(3);

    // A meeting closed (held): its minutes to the attendees, once.
    const past = await buildMeeting(t, {
      workspaceId,
      seriesId: series.id,
      startsAt: new Date(now.getTime() - 3 * 3_600_000),
    });
    await buildOutcome(t, { workspaceId, meetingId: past.id, type: "information", summary: "Churn is down 2 points" });
    await holdMeeting(
      t,
      { workspaceId, meetingId: past.id, attendees: [{ userId: marketer.user.id, side: "marketing" }] },
      now,
    );
    // A meeting of a month ago closed only now (an import, the demo's year) is not minuted by email.
    const old = await buildMeeting(t, {
      workspaceId,
      seriesId: series.id,
      startsAt: new Date(now.getTime() - 30 * 86_400_000),
    });
    await holdMeeting(
      t,
      { workspaceId, meetingId: old.id, attendees: [{ userId: marketer.user.id, side: "marketing" }] },
      now,
    );
    expect((await announceMeetings(t.database, now, settings.publicUrl)).minutes).toBe(1);
    expect((await announceMeetings(t.database, now, settings.publicUrl)).minutes).toBe(0);
    await sendNotificationEmails(t.database, transport, settings, now);
    const minutesMail = mailsTo(marketer).find((mail) => plainText(mail.data).includes("Churn is down 2 points"));
    expect(minutesMail, "the attendee got the minutes").toBeDefined();
    expect(plainText(minutesMail?.data ?? "")).toContain(
      `https://tandem.acme.test/rituals/meetings/${past.id}/minutes`,
    );
    expect(mailsTo(engineer).some((mail) => plainText(mail.data).includes("Churn is down"))).toBe(false);
    transport.close();
  });

  it("follows the series and meetings made through the Rituals API: invite, agenda, move, cancel", async () => {
    const t = get();
    t.setNow(null);
    const ws = await buildWorkspace(t);
    const [lead, marketer, engineer] = await Promise.all([
      buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws }),
      buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws }),
      buildPersona(t, { role: "member", teamKind: "it", workspace: ws }),
    ]);
    const created = await lead.request({
      method: "POST",
      url: "/api/v1/meeting-series",
      payload: {
        template: "cmo_cio_weekly_sync",
        startDate: new Date().toISOString().slice(0, 10),
        startTime: "09:30",
        timeZone: "Europe/Berlin",
        participantIds: [lead.user.id, marketer.user.id, engineer.user.id],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const series = json(created);
    const meetingId = series.nextMeeting.id as string;
    const now = new Date();
    const announced = async () => {
      const counts = await announceMeetings(t.database, now, null);
      const rows = await t.database.query<{ kind: string; title: string; attachment: { content: string } | null }>(
        "SELECT kind, title, attachment FROM notification WHERE user_id = $1 AND kind LIKE 'rituals.%' ORDER BY created_at, title",
        [engineer.user.id],
      );
      return { counts, rows };
    };
    // The new occurrence: an invite to every participant, the one who made it too.
    const first = await announced();
    expect(first.counts.invites).toBe(1);
    const [leadInvite] = await t.database.query<{ title: string }>(
      "SELECT title FROM notification WHERE user_id = $1 AND kind = 'rituals.invite'",
      [lead.user.id],
    );
    expect(leadInvite.title).toContain("Invitation: CMO–CIO weekly sync");
    const invite = parse(first.rows[0].attachment?.content ?? "");
    expect(invite.events[0].uid).toBe(`${series.id}@tandem`);
    expect(invite.events[0].startDate.toString()).toMatch(/T09:30:00$/);

    // Its agenda is built: the invite goes once more, with the agenda.
    const prepared = await lead.request({ method: "POST", url: `/api/v1/meetings/${meetingId}/prepare`, payload: {} });
    expect(prepared.statusCode, prepared.body).toBeLessThan(300);
    expect((await announced()).counts.invites).toBe(1);
    expect((await announced()).counts).toEqual({ invites: 0, cancellations: 0, minutes: 0 });

    // Moved (an hour later, an hour long instead of 45 minutes): the next SEQUENCE, an updated invite, and the
    // agenda built before is rebuilt for the new slot (its time boxes share the new length).
    const added = await lead.request({
      method: "POST",
      url: `/api/v1/meetings/${meetingId}/agenda`,
      payload: { title: "Roadmap for the spring launch" },
    });
    expect(added.statusCode, added.body).toBe(201);
    const builtAgenda = json(await lead.request({ url: `/api/v1/meetings/${meetingId}/agenda` }));
    expect(builtAgenda.totalMinutes).toBe(45);
    const meeting = json(await lead.request({ url: `/api/v1/meetings/${meetingId}` }));
    const later = new Date(new Date(meeting.startsAt).getTime() + 3_600_000);
    const moved = await lead.request({
      method: "PATCH",
      url: `/api/v1/meetings/${meetingId}`,
      payload: {
        version: meeting.version,
        startsAt: later.toISOString(),
        endsAt: new Date(later.getTime() + 3_600_000).toISOString(),
      },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const rebuilt = json(await lead.request({ url: `/api/v1/meetings/${meetingId}/agenda` }));
    expect(rebuilt.durationMinutes).toBe(60);
    expect(rebuilt.totalMinutes).toBe(60);
    const boxes = rebuilt.sections.flatMap((section: { items: { timeBoxMinutes: number }[] }) => section.items);
    expect(boxes.reduce((sum: number, item: { timeBoxMinutes: number }) => sum + item.timeBoxMinutes, 0)).toBe(60);
    const afterMove = await announced();
    expect(afterMove.counts.invites).toBe(1);
    const updated = afterMove.rows.at(-1);
    expect(updated?.title).toContain("Updated invitation");
    const movedEvent = parse(updated?.attachment?.content ?? "").events[0];
    expect(movedEvent.sequence).toBeGreaterThan(invite.events[0].sequence);
    expect(movedEvent.startDate.toJSDate().toISOString()).toBe(later.toISOString());

    // Cancelled: METHOD:CANCEL with the same UID.
    const current = json(await lead.request({ url: `/api/v1/meetings/${meetingId}` }));
    const cancelled = await lead.request({
      method: "PATCH",
      url: `/api/v1/meetings/${meetingId}`,
      payload: { version: current.version, status: "cancelled" },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const afterCancel = await announced();
    expect(afterCancel.counts.cancellations).toBe(1);
    const cancel = afterCancel.rows.find((row) => row.kind === "rituals.cancelled");
    const cancelCalendar = parse(cancel?.attachment?.content ?? "");
    expect(cancelCalendar.calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(cancelCalendar.events[0].uid).toBe(`${series.id}@tandem`);
  });
});
