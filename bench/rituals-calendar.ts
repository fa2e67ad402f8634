// Benchmark of the Rituals calendar (issue 16, item 5): writing iCalendar with ical-generator, the zone's VTIMEZONE
// and our wall-clock conversion. Two shapes: one occurrence's invite (12 agenda items, 8 attendees, Europe/Berlin)
// and a person's feed (200 renewal entries of 100 tools and 60 meetings with their agendas). The reference, measured
// in the same run on the same data, is JSON.stringify of that data: what a plain serialisation costs.
// Budget: an invite well under 5 ms, a feed under 100 ms. Run: node --import tsx bench/rituals-calendar.ts
import {
  type IcsDayEvent,
  type IcsMeeting,
  renderMeetingInvite,
  renderPersonFeed,
} from "../server/src/modules/rituals/calendar.ics";
import { describeMachine, writeResult } from "./machine";

const INVITES = 2000;
const FEEDS = 40;
const RUNS = 5;
const BUDGET = { inviteMs: 5, feedMs: 100 };
const now = new Date("2026-11-20T08:00:00Z");

function meeting(index: number): IcsMeeting {
  const startsAt = new Date(Date.UTC(2026, 5, 2, 8) + index * 7 * 86_400_000);
  return {
    uid: `meeting-${index}@tandem`,
    recurrenceId: null,
    sequence: index % 3,
    title: "CMO–CIO weekly sync",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 45 * 60_000),
    timeZone: "Europe/Berlin",
    cancelled: index % 17 === 0,
    organizer: { name: "Priya Raman", email: "cio@northwind.example" },
    attendees: Array.from({ length: 8 }, (_, person) => ({
      name: `Person ${person}, Northwind`,
      email: `person${person}@northwind.example`,
    })),
    agenda: Array.from({ length: 12 }, (_, item) => ({
      section: ["Numbers", "Waiting on a decision", "Contracts and language", "Commitments"][item % 4],
      title: `Item ${item}: qualified leads off track; 61% of target — café budget`,
      minutes: 3 + (item % 5),
      owner: item % 3 === 0 ? null : `Person ${item % 8}`,
    })),
    url: `https://tandem.northwind.example/rituals/meetings/${index}`,
  };
}

const days: IcsDayEvent[] = Array.from({ length: 200 }, (_, index) => ({
  uid: `tool-${index >> 1}-${index % 2 ? "renewal" : "cancel-by"}@tandem`,
  date: new Date(Date.UTC(2027, 0, 1) + index * 86_400_000).toISOString().slice(0, 10),
  summary: `${index % 2 ? "Renews" : "Cancel by"}: Tool ${index >> 1}, Inc.`,
  description: `Vendor ${index}. Renews on 2027-03-01, cancel by 2026-12-31 · 12000.00 EUR a year.`,
  alarmDaysBefore: index % 2 ? null : 7,
}));
const meetings = Array.from({ length: 60 }, (_, index) => meeting(index));
const one = meeting(1);

function medianMs(run: () => void, repeat: number) {
  const times: number[] = [];
  for (let round = 0; round < RUNS; round++) {
    const started = performance.now();
    for (let i = 0; i < repeat; i++) run();
    times.push((performance.now() - started) / repeat);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

// Warm up both paths once.
renderMeetingInvite(one, now);
renderPersonFeed({ name: "Tandem", days, meetings, now });

let sink = 0;
const inviteMs = medianMs(() => {
  sink += renderMeetingInvite(one, now).length;
}, INVITES);
const inviteReferenceMs = medianMs(() => {
  sink += JSON.stringify(one).length;
}, INVITES);
const feedMs = medianMs(() => {
  sink += renderPersonFeed({ name: "Tandem · Priya Raman", days, meetings, now }).length;
}, FEEDS);
const feedReferenceMs = medianMs(() => {
  sink += JSON.stringify({ days, meetings }).length;
}, FEEDS);

const round = (value: number) => Math.round(value * 1000) / 1000;
const figures = {
  benchmark: "rituals-calendar",
  machine: describeMachine(),
  data: {
    invite: "1 occurrence, 12 agenda items, 8 attendees, Europe/Berlin with its VTIMEZONE",
    feed: "200 renewal entries (100 tools) and 60 weekly meetings with 12 agenda items and 8 attendees each",
  },
  reference: {
    name: "JSON.stringify of the same data",
    inviteMs: round(inviteReferenceMs),
    feedMs: round(feedReferenceMs),
  },
  invite: { ms: round(inviteMs), timesReference: Math.round(inviteMs / inviteReferenceMs) },
  feed: { ms: round(feedMs), timesReference: Math.round(feedMs / feedReferenceMs) },
  budget: BUDGET,
  withinBudget: inviteMs < BUDGET.inviteMs && feedMs < BUDGET.feedMs,
  checksum: sink > 0,
};
console.log(JSON.stringify(figures, null, 2));
writeResult("rituals-calendar", figures);
if (!figures.withinBudget) process.exit(1);
