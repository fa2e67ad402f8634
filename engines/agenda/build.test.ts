import { describe, expect, it } from "vitest";
import { buildAgenda, perKindLimitFor } from "./build";
import { allocateTimeBoxes } from "./time-boxes";
import type { AgendaSnapshot, ExistingItem } from "./types";

// A fixed clock: the meeting is on Tuesday 2026-03-10 at 09:00 UTC, the next one a week later.
const startsAt = new Date("2026-03-10T09:00:00Z");
const sections = [
  { title: "Carried over", kinds: ["carried_over"] as const },
  { title: "Numbers", kinds: ["kpi"] as const },
  { title: "Waiting on a decision", kinds: ["request", "review", "experiment"] as const },
  { title: "Contracts and language", kinds: ["renewal", "clash"] as const },
  { title: "Commitments", kinds: ["action_item"] as const },
  { title: "Other business", kinds: ["manual"] as const },
];

function snapshot(overrides: Partial<AgendaSnapshot> = {}): AgendaSnapshot {
  return {
    now: new Date("2026-03-09T12:00:00Z"),
    meeting: { id: "m2", startsAt, durationMinutes: 45 },
    nextStartsAt: new Date("2026-03-17T09:00:00Z"),
    sections,
    kpis: [
      {
        id: "k1",
        name: "Repeat orders",
        status: "at_risk",
        reason: "22% against a plan of 25%",
        objectiveTitle: "Grow",
        ownerId: "u1",
      },
      {
        id: "k2",
        name: "Churn",
        status: "off_track",
        reason: "9% against a plan of 5%",
        objectiveTitle: "Keep",
        ownerId: "u2",
      },
      { id: "k3", name: "Visits", status: "on_track", reason: "fine", objectiveTitle: "Grow", ownerId: "u1" },
      { id: "k4", name: "NPS", status: "no_data", reason: "no data", objectiveTitle: "Keep", ownerId: "u1" },
    ],
    requests: [
      {
        id: "r1",
        reference: "REQ-1",
        title: "Consent field",
        stage: "decision",
        priority: "secondary",
        breached: false,
        ownerId: "u1",
        nextDueAt: null,
      },
      {
        id: "r2",
        reference: "REQ-2",
        title: "CDP",
        stage: "planning",
        priority: "crucial",
        breached: true,
        ownerId: "u2",
        nextDueAt: null,
      },
      {
        id: "r3",
        reference: "REQ-3",
        title: "Logo",
        stage: "triage",
        priority: "nice_to_have",
        breached: false,
        ownerId: "u2",
        nextDueAt: null,
      },
    ],
    reviews: [
      {
        id: "v1",
        reviewerKind: "security",
        requestId: "r4",
        requestReference: "REQ-4",
        requestTitle: "Chat tool",
        dueAt: new Date("2026-03-08T17:00:00Z"),
        ownerId: null,
      },
    ],
    renewals: [
      {
        toolId: "t1",
        name: "Mailer",
        renewalDate: "2026-04-15",
        cancelBy: "2026-03-16",
        autoRenew: true,
        cost: "12000.00 EUR",
        ownerId: "u1",
      },
      {
        toolId: "t2",
        name: "CRM",
        renewalDate: "2026-06-01",
        cancelBy: "2026-03-17",
        autoRenew: false,
        cost: null,
        ownerId: "u2",
      },
      {
        toolId: "t3",
        name: "Old",
        renewalDate: "2026-03-20",
        cancelBy: "2026-03-05",
        autoRenew: true,
        cost: null,
        ownerId: "u2",
      },
    ],
    experiments: [
      { id: "e1", name: "Green button", status: "stopped", verdict: null, ownerId: "u1" },
      { id: "e2", name: "Short form", status: "running", verdict: "win", ownerId: "u1" },
      { id: "e3", name: "Long form", status: "running", verdict: "inconclusive", ownerId: "u1" },
    ],
    clashes: [
      {
        key: "cms",
        form: "CMS",
        terms: ["Content management system", "Configuration management system"],
        ownerId: null,
      },
    ],
    actionItems: [
      { id: "a1", title: "Send the DPA", ownerId: "u2", dueDate: "2026-03-09", priority: "high", fromThisSeries: true },
      {
        id: "a2",
        title: "Draft the brief",
        ownerId: "u1",
        dueDate: "2026-03-12",
        priority: "medium",
        fromThisSeries: false,
      },
      { id: "a3", title: "Plan Q3", ownerId: "u1", dueDate: "2026-04-30", priority: "low", fromThisSeries: false },
    ],
    current: [],
    previous: [
      existing({ id: "p1", kind: "manual", source: "manual", title: "Agency onboarding", status: "open" }),
      existing({ id: "p2", kind: "manual", source: "manual", title: "Done already", status: "discussed" }),
      existing({ id: "p3", kind: "kpi", source: "built", key: "kpi:k9", title: "Old KPI", status: "open" }),
    ],
    ...overrides,
  };
}

function existing(fields: Partial<ExistingItem> & Pick<ExistingItem, "id" | "kind" | "source">): ExistingItem {
  return {
    title: "",
    originKind: null,
    key: null,
    section: "Other business",
    position: 0,
    detail: "",
    link: null,
    ownerId: null,
    status: "open",
    fixedMinutes: null,
    hasNotes: false,
    carriedFromItemId: null,
    ...fields,
  };
}

describe("buildAgenda", () => {
  it("puts each source's pressing records in its section, most pressing first, and nothing else", () => {
    const agenda = buildAgenda(snapshot());
    const keys = agenda.items.map((item) => `${item.section}|${item.kind}|${item.key}`);
    expect(keys).toEqual([
      "Carried over|carried_over|carried:p1",
      "Carried over|carried_over|carried:action:a1",
      "Numbers|kpi|kpi:k2",
      "Numbers|kpi|kpi:k1",
      "Waiting on a decision|request|request:r2",
      "Waiting on a decision|request|request:r1",
      "Waiting on a decision|review|review:v1",
      "Waiting on a decision|experiment|experiment:e1",
      "Waiting on a decision|experiment|experiment:e2",
      "Contracts and language|renewal|renewal:t3:2026-03-05",
      "Contracts and language|renewal|renewal:t1:2026-03-16",
      "Contracts and language|clash|clash:cms",
      "Commitments|action_item|action:a2",
    ]);
    expect(agenda.items.map((item) => item.position)).toEqual(agenda.items.map((_, index) => index));
    expect(agenda.missingSources).toEqual([]);
    expect(agenda.removedIds).toEqual([]);
  });

  it("gives every item a link and the owner the data names, with the reason in words", () => {
    const { items } = buildAgenda(snapshot());
    const churn = items.find((item) => item.key === "kpi:k2");
    expect(churn?.link).toEqual({ type: "kpi", id: "k2", label: "Churn", href: "/scorecard/kpis/k2" });
    expect(churn?.ownerId).toBe("u2");
    expect(churn?.detail).toBe("Off track: 9% against a plan of 5% (Keep)");
    expect(items.find((item) => item.key === "request:r2")?.detail).toBe("Service level breached, in planning");
    expect(items.find((item) => item.key === "review:v1")?.detail).toBe("Overdue since 2026-03-08");
    expect(items.find((item) => item.key === "renewal:t3:2026-03-05")?.detail).toMatch(
      /^The cancel-by date has passed/,
    );
    const carried = items.find((item) => item.key === "carried:action:a1");
    expect(carried).toMatchObject({ originKind: "action_item", actionItemId: "a1", ownerId: "u2" });
    expect(items.find((item) => item.key === "carried:p1")).toMatchObject({
      carriedFromItemId: "p1",
      originKind: "manual",
    });
    expect(items.every((item) => item.link !== null || item.kind === "carried_over")).toBe(true);
  });

  it("takes renewals whose cancel-by date falls before the next occurrence only", () => {
    const later = buildAgenda(snapshot({ nextStartsAt: new Date("2026-03-18T09:00:00Z") }));
    expect(later.items.filter((item) => item.kind === "renewal").map((item) => item.key)).toContain(
      "renewal:t2:2026-03-17",
    );
    const none = buildAgenda(snapshot({ nextStartsAt: null }));
    // Without a next occurrence the horizon is a week after the meeting (2026-03-17, exclusive).
    expect(none.items.filter((item) => item.kind === "renewal")).toHaveLength(2);
  });

  it("adds up the time boxes to the meeting's length", () => {
    for (const durationMinutes of [5, 30, 45, 61, 90, 480]) {
      const agenda = buildAgenda(snapshot({ meeting: { id: "m2", startsAt, durationMinutes } }));
      expect(agenda.totalMinutes).toBe(durationMinutes);
      expect(agenda.items.reduce((sum, item) => sum + item.timeBoxMinutes, 0)).toBe(durationMinutes);
    }
  });

  it("keeps the minutes a person set and shares the rest", () => {
    const current = [
      existing({ id: "c1", kind: "kpi", source: "built", key: "kpi:k2", section: "Numbers", fixedMinutes: 20 }),
    ];
    const agenda = buildAgenda(snapshot({ current }));
    const churn = agenda.items.find((item) => item.key === "kpi:k2");
    expect(churn).toMatchObject({ id: "c1", timeBoxMinutes: 20, fixedMinutes: 20 });
    expect(agenda.totalMinutes).toBe(45);
  });

  it("keeps manual items and built ones written on; drops built ones the data no longer names", () => {
    const current = [
      existing({ id: "c1", kind: "manual", source: "manual", title: "Budget", section: "Gone section", position: 3 }),
      existing({ id: "c2", kind: "kpi", source: "built", key: "kpi:k8", section: "Numbers", hasNotes: true }),
      existing({ id: "c3", kind: "kpi", source: "built", key: "kpi:k7", section: "Numbers" }),
      existing({ id: "c4", kind: "kpi", source: "built", key: "kpi:k1", section: "Numbers", title: "stale title" }),
    ];
    const agenda = buildAgenda(snapshot({ current }));
    expect(agenda.removedIds).toEqual(["c3"]);
    expect(agenda.items.find((item) => item.id === "c1")?.section).toBe("Other business");
    expect(agenda.items.find((item) => item.id === "c2")).toBeDefined();
    expect(agenda.items.find((item) => item.id === "c4")?.title).toBe("Repeat orders");
  });

  it("limits each built kind by the meeting's length and counts the rest", () => {
    const kpis = Array.from({ length: 30 }, (_, index) => ({
      id: `k${String(index).padStart(2, "0")}`,
      name: `KPI ${String(index).padStart(2, "0")}`,
      status: "off_track" as const,
      reason: "low",
      objectiveTitle: "O",
      ownerId: null,
    }));
    const agenda = buildAgenda(snapshot({ kpis }));
    expect(perKindLimitFor(45)).toBe(3);
    expect(agenda.items.filter((item) => item.kind === "kpi").map((item) => item.title)).toEqual([
      "KPI 00",
      "KPI 01",
      "KPI 02",
    ]);
    expect(agenda.more).toContainEqual({ kind: "kpi", count: 27, atLeast: false });
    const truncated = buildAgenda(snapshot({ kpis, truncated: { kpi: true } }));
    expect(truncated.more).toContainEqual({ kind: "kpi", count: 27, atLeast: true });
  });

  it("names the sources that are missing and builds from the others", () => {
    const agenda = buildAgenda(snapshot({ kpis: null, clashes: null, experiments: null }));
    expect(agenda.missingSources).toEqual(["kpi", "experiment", "clash"]);
    expect(agenda.items.some((item) => item.kind === "kpi")).toBe(false);
    expect(agenda.totalMinutes).toBe(45);
  });

  it("lists a carried item once however many times it was carried", () => {
    const previous = [
      existing({
        id: "p9",
        kind: "carried_over",
        originKind: "manual",
        source: "carried_over",
        key: "carried:p0",
        title: "Agency onboarding",
        detail: "Not finished last time",
      }),
      existing({
        id: "p8",
        kind: "carried_over",
        originKind: "action_item",
        source: "carried_over",
        key: "carried:action:a1",
        title: "x",
      }),
    ];
    const agenda = buildAgenda(snapshot({ previous }));
    const carried = agenda.items.filter((item) => item.kind === "carried_over");
    expect(carried.map((item) => item.key)).toEqual(["carried:p0", "carried:action:a1"]);
    expect(carried[0]).toMatchObject({ carriedFromItemId: "p9", detail: "Not finished last time" });
  });

  it("builds an empty agenda for an empty workspace", () => {
    const agenda = buildAgenda(
      snapshot({
        kpis: [],
        requests: [],
        reviews: [],
        renewals: [],
        experiments: [],
        clashes: [],
        actionItems: [],
        previous: null,
      }),
    );
    expect(agenda.items).toEqual([]);
    expect(agenda.totalMinutes).toBe(0);
  });
});

describe("allocateTimeBoxes", () => {
  it("shares by weight in whole minutes that add up", () => {
    expect(
      allocateTimeBoxes(10, [
        { kind: "request", fixedMinutes: null },
        { kind: "action_item", fixedMinutes: null },
      ]),
    ).toEqual([8, 2]);
    expect(
      allocateTimeBoxes(7, [
        { kind: "kpi", fixedMinutes: null },
        { kind: "kpi", fixedMinutes: null },
      ]),
    ).toEqual([4, 3]);
  });

  it("gives sharing items nothing when fixed minutes take the whole meeting", () => {
    expect(
      allocateTimeBoxes(30, [
        { kind: "kpi", fixedMinutes: 40 },
        { kind: "kpi", fixedMinutes: null },
      ]),
    ).toEqual([40, 0]);
  });

  it("adds up for any length and any mix", () => {
    const kinds = ["kpi", "request", "action_item", "manual", "clash"] as const;
    for (let duration = 5; duration <= 480; duration += 17) {
      for (let count = 1; count <= 40; count += 7) {
        const items = Array.from({ length: count }, (_, index) => ({
          kind: kinds[index % kinds.length],
          fixedMinutes: index % 9 === 4 ? 1 : null,
        }));
        const minutes = allocateTimeBoxes(duration, items);
        expect(minutes.reduce((sum, value) => sum + value, 0)).toBe(
          Math.max(duration, minutes.filter((_, i) => items[i].fixedMinutes !== null).length),
        );
        expect(minutes.every((value) => Number.isInteger(value) && value >= 0)).toBe(true);
      }
    }
  });
});
