// Renewal reminders and the calendar feed: both owners of a tool are told 120, 90, 60 and 30 days before its
// cancel-by date (once each, however many processes run the job), and anyone can subscribe a calendar app to
// the workspace's renewals through a secret address of their own.
import type { Ctx } from "../../context";
import type { Database } from "../../db/client";
import { AppError } from "../../errors";
import { generateSecret, hashSecret } from "../../lib/secrets";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { notify } from "../notifications/notifications.commands";
import {
  claimReminder,
  deleteCalendarFeed,
  findCalendarFeed,
  findFeedBySecret,
  replaceCalendarFeed,
  toolsWithRenewals,
} from "./reminders.queries";
import { cancelByDate, daysBetween, dueReminder } from "./stack.rules";

/** Sends the renewal reminders due today; each (tool, cancel-by, days) is sent at most once. */
export async function sendRenewalReminders(database: Database, now: Date) {
  const today = now.toISOString().slice(0, 10);
  let sent = 0;
  for (const tool of await toolsWithRenewals(database.db)) {
    const cancelBy = cancelByDate(tool.renewalDate, tool.noticeDays) as string;
    const days = dueReminder(cancelBy, today);
    if (days === null) continue;
    await database.db.transaction(async (tx) => {
      const claimed = await claimReminder(tx, {
        workspaceId: tool.workspaceId,
        toolId: tool.id,
        cancelBy,
        daysBefore: days,
        sentAt: now,
      });
      if (!claimed) return;
      const left = daysBetween(today, cancelBy);
      await notify(
        tx,
        { workspaceId: tool.workspaceId, actorId: null, now },
        [tool.businessOwnerId, tool.technicalOwnerId],
        {
          kind: "stack.renewal",
          title: `${tool.name}: cancel by ${cancelBy} (${left} days)`,
          body: `${tool.autoRenew ? "Renews automatically" : "Renews"} on ${tool.renewalDate}${
            tool.annualCost ? ` for ${tool.annualCost} ${tool.currency} a year` : ""
          }. Decide together whether to keep, renegotiate or cancel it.`,
          link: `/stack/tools/${tool.id}`,
        },
      );
      sent++;
    });
  }
  return sent;
}

/** Whether the signed-in person has a calendar feed. */
export async function getCalendarFeed(ctx: Ctx) {
  authorize(ctx.actor, "calendarFeed.manage");
  const feed = await findCalendarFeed(ctx.database.db, ctx.actor.userId);
  return { active: Boolean(feed), createdAt: feed ? feed.createdAt.toISOString() : null };
}

/** Creates (or replaces) the person's secret feed address; the secret is shown once. */
export async function rotateCalendarFeed(ctx: Ctx) {
  authorize(ctx.actor, "calendarFeed.manage");
  const secret = generateSecret("tdmcal_");
  await ctx.database.db.transaction(async (tx) => {
    await replaceCalendarFeed(tx, {
      workspaceId: ctx.actor.workspaceId,
      userId: ctx.actor.userId,
      secretHash: hashSecret(secret),
      createdAt: ctx.now,
    });
    await recordAudit(tx, originOf(ctx), {
      action: "calendar_feed.created",
      entityType: "user",
      entityId: ctx.actor.userId,
    });
  });
  return {
    path: `/api/v1/stack/renewals.ics?key=${secret}`,
    // The same secret opens the person's whole calendar: the renewals and their meetings (Rituals' feed).
    calendarPath: `/api/v1/calendar.ics?key=${secret}`,
    createdAt: ctx.now.toISOString(),
  };
}

export async function revokeCalendarFeed(ctx: Ctx) {
  authorize(ctx.actor, "calendarFeed.manage");
  await ctx.database.db.transaction(async (tx) => {
    await deleteCalendarFeed(tx, ctx.actor.userId);
    await recordAudit(tx, originOf(ctx), {
      action: "calendar_feed.revoked",
      entityType: "user",
      entityId: ctx.actor.userId,
    });
  });
  return { ok: true as const };
}

// RFC 5545: escape text values and fold lines longer than 75 octets.
function escapeText(value: string) {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}
function fold(line: string) {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(bytes.length, start + (start === 0 ? 75 : 74));
    // Never cut a UTF-8 character in two.
    while (end < bytes.length && (bytes[end] & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(start, end).toString("utf8"));
    start = end;
  }
  return parts.join("\r\n ");
}
const compactDate = (date: string) => date.replaceAll("-", "");
const stamp = (at: Date) => `${at.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;

/** An all-day entry of a calendar feed: a tool's cancel-by date (with a reminder a week before) or its renewal. */
export interface RenewalCalendarEntry {
  uid: string;
  date: string;
  summary: string;
  description: string;
  /** Days before the date a calendar app reminds, or null. */
  alarmDaysBefore: number | null;
}

/** The workspace's renewals as calendar entries: each live tool's cancel-by date and renewal date, by date. */
export async function renewalCalendarEntries(database: Database, workspaceId: string): Promise<RenewalCalendarEntry[]> {
  const rows = await toolsWithRenewals(database.db, workspaceId);
  rows.sort((a, b) => (a.renewalDate as string).localeCompare(b.renewalDate as string) || a.name.localeCompare(b.name));
  return rows.flatMap((tool) => {
    const renewal = tool.renewalDate as string;
    const cancelBy = cancelByDate(renewal, tool.noticeDays) as string;
    const cost = tool.annualCost ? ` · ${tool.annualCost} ${tool.currency} a year` : "";
    const description = `${tool.vendor ? `${tool.vendor}. ` : ""}Renews on ${renewal}, cancel by ${cancelBy}${cost}.`;
    return [
      {
        uid: `${tool.id}-cancel-by-${compactDate(cancelBy)}@tandem`,
        date: cancelBy,
        summary: `Cancel by: ${tool.name}`,
        description,
        alarmDaysBefore: 7,
      },
      {
        uid: `${tool.id}-renewal-${compactDate(renewal)}@tandem`,
        date: renewal,
        summary: `${tool.autoRenew ? "Auto-renews" : "Renews"}: ${tool.name}`,
        description,
        alarmDaysBefore: null,
      },
    ];
  });
}

/** The person and workspace a feed secret opens (an active person's), or null. */
export async function openCalendarFeed(database: Database, secret: string) {
  const feed = await findFeedBySecret(database.db, hashSecret(secret));
  if (feed?.status !== "active") return null;
  return { workspaceId: feed.workspaceId, userId: feed.userId, name: feed.name };
}

/** The workspace's renewals as an iCalendar feed, for the holder of a feed secret; null when the secret is unknown. */
export async function renderRenewalsFeed(database: Database, secret: string, now: Date): Promise<string | null> {
  const feed = await openCalendarFeed(database, secret);
  if (!feed) return null;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Tandem//Stack renewals//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "X-WR-CALNAME:Tandem · renewals",
  ];
  for (const entry of await renewalCalendarEntries(database, feed.workspaceId)) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${entry.uid}`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART;VALUE=DATE:${compactDate(entry.date)}`,
      `SUMMARY:${escapeText(entry.summary)}`,
      `DESCRIPTION:${escapeText(entry.description)}`,
      "TRANSP:TRANSPARENT",
    );
    if (entry.alarmDaysBefore !== null) {
      lines.push(
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        `DESCRIPTION:${escapeText(entry.summary)}`,
        `TRIGGER:-P${entry.alarmDaysBefore}D`,
        "END:VALARM",
      );
    }
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(fold).join("\r\n")}\r\n`;
}

/** 404 for an unknown or revoked feed address. */
export function feedNotFound() {
  return new AppError("not_found", "This calendar address is not valid (it may have been replaced or revoked)");
}
