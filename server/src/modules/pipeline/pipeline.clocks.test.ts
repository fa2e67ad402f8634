import { describe, expect, it } from "vitest";
import { compileCalendar } from "#engines/sla";
import { clockColumns, computeClocks, nextDue, pausesOf } from "./pipeline.clocks";

const calendar = compileCalendar({
  timeZone: "UTC",
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: "09:00", end: "17:00" },
  holidays: [],
});
const at = (iso: string) => new Date(iso);
const targets = { firstResponse: 240, decision: 960, delivery: 4800 };

describe("pausesOf", () => {
  it("pairs waits with resumptions and runs an open wait to now; stray resumptions are ignored", () => {
    const events = [
      { kind: "resumed", toStage: null, at: at("2026-11-16T08:00:00Z") },
      { kind: "paused", toStage: null, at: at("2026-11-16T10:00:00Z") },
      { kind: "paused", toStage: null, at: at("2026-11-16T10:30:00Z") },
      { kind: "resumed", toStage: null, at: at("2026-11-16T11:00:00Z") },
      { kind: "paused", toStage: null, at: at("2026-11-16T15:00:00Z") },
    ];
    expect(pausesOf(events, at("2026-11-16T16:00:00Z"))).toEqual([
      { start: Date.parse("2026-11-16T10:00:00Z"), end: Date.parse("2026-11-16T11:00:00Z") },
      { start: Date.parse("2026-11-16T15:00:00Z"), end: Date.parse("2026-11-16T16:00:00Z") },
    ]);
  });
});

describe("computeClocks", () => {
  const base = {
    submittedAt: at("2026-11-16T09:00:00Z"),
    firstResponseAt: null,
    decidedAt: null,
    deliveredAt: null,
    stage: "submitted",
    waitingOnRequester: false,
  };

  it("a met first response, a running decision clock with its due time, nothing stored for running clocks", () => {
    const facts = { ...base, stage: "triage", firstResponseAt: at("2026-11-16T12:00:00Z") };
    const clocks = computeClocks(calendar, facts, [], targets, at("2026-11-16T15:00:00Z"));
    expect(clocks.firstResponse).toMatchObject({ status: "met", elapsedMinutes: 180, dueAt: null });
    expect(clocks.decision).toMatchObject({
      status: "running",
      elapsedMinutes: 360,
      dueAt: "2026-11-17T17:00:00.000Z",
    });
    const columns = clockColumns(clocks);
    expect(columns).toMatchObject({
      firstResponseMinutes: 180,
      firstResponseMet: true,
      decisionMinutes: null,
      decisionMet: null,
      breached: false,
    });
    expect(nextDue(columns)?.toISOString()).toBe("2026-11-17T17:00:00.000Z");
  });

  it("a late first response is a breach; a running clock past due is breached and stored as not met", () => {
    const facts = { ...base, stage: "triage", firstResponseAt: at("2026-11-16T14:00:00Z") };
    const clocks = computeClocks(calendar, facts, [], targets, at("2026-11-18T12:00:00Z"));
    expect(clocks.firstResponse.status).toBe("breached");
    expect(clocks.decision.status).toBe("breached");
    expect(clockColumns(clocks)).toMatchObject({ firstResponseMet: false, decisionMet: false, breached: true });
  });

  it("a request waiting on its requester shows its running clocks as paused, without a due time", () => {
    const events = [{ kind: "paused", toStage: null, at: at("2026-11-16T10:00:00Z") }];
    const clocks = computeClocks(
      calendar,
      { ...base, waitingOnRequester: true },
      events,
      targets,
      at("2026-11-17T10:00:00Z"),
    );
    expect(clocks.firstResponse).toMatchObject({ status: "paused", elapsedMinutes: 60, dueAt: null });
  });

  it("clocks of a withdrawn request that never reached their event no longer count; a draft has none", () => {
    const withdrawn = computeClocks(calendar, { ...base, stage: "withdrawn" }, [], targets, at("2026-11-30T10:00:00Z"));
    expect(withdrawn.decision.status).toBe("none");
    expect(clockColumns(withdrawn).breached).toBe(false);
    const draft = computeClocks(
      calendar,
      { ...base, submittedAt: null, stage: "draft" },
      [],
      targets,
      at("2026-11-30T10:00:00Z"),
    );
    expect(draft.firstResponse.status).toBe("none");
  });
});
