import { expect, it } from "vitest";
import { describeWithApp } from "../../test/app";
import { DEMO_ADMIN, seedDemo } from "./seed-demo";

type Item = {
  id: string;
  kind: string;
  title: string;
  link: { type: string; id: string } | null;
  timeBoxMinutes: number;
};

describeWithApp("demo rituals", (get) => {
  it("a year of weekly syncs and monthly steering, decisions as the Pipeline took them, commitments mostly kept, the next agenda live", async () => {
    const t = get();
    const now = new Date();
    await seedDemo(t.database, now);
    const login = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: DEMO_ADMIN });
    const cookie = (login.headers["set-cookie"] as string).split(";")[0];
    const read = async (url: string) => {
      const response = await t.app.inject({ url, headers: { cookie } });
      expect(response.statusCode, url).toBe(200);
      return response.json();
    };
    const series = (await read("/api/v1/meeting-series")).items as Array<{
      id: string;
      title: string;
      oneSided: boolean;
      nextMeeting: { id: string; startsAt: string } | null;
    }>;
    expect(series.map((s) => s.title).sort()).toEqual(["CMO–CIO weekly sync", "Monthly joint steering"]);
    expect(series.every((s) => !s.oneSided && s.nextMeeting !== null)).toBe(true);
    const sync = series.find((s) => s.title === "CMO–CIO weekly sync") as (typeof series)[number];

    const past = (await read(`/api/v1/meetings?seriesId=${sync.id}&when=past&limit=200`)).items as Array<{
      id: string;
      status: string;
      attendedByBothSides: boolean;
      outcomeCount: number;
    }>;
    expect(past.length).toBeGreaterThanOrEqual(50);
    expect(past.length).toBeLessThanOrEqual(53);
    const held = past.filter((m) => m.status === "held");
    expect(past.some((m) => m.status === "cancelled")).toBe(true);
    expect(held.filter((m) => !m.attendedByBothSides).length).toBeGreaterThan(0);
    expect(held.filter((m) => m.attendedByBothSides).length).toBeGreaterThan(held.length * 0.9);

    // Every recorded decision is the Pipeline's own decision of that request, with its reason.
    let decisions = 0;
    for (const meeting of held.filter((m) => m.outcomeCount > 0).slice(0, 60)) {
      for (const outcome of (await read(`/api/v1/meetings/${meeting.id}/outcomes`)).items) {
        if (outcome.type !== "decision") continue;
        decisions++;
        const request = await read(`/api/v1/requests/${outcome.request.id}`);
        expect(request.decision.reason).toBe(outcome.reason);
      }
    }
    expect(decisions).toBeGreaterThan(0);

    // Commitments: most kept on time, some late, a few old ones still open.
    const all: Array<{ status: string; late: boolean; dueDate: string; side: string; carriedOverCount: number }> = [];
    let cursor: string | null = null;
    do {
      const page = await read(`/api/v1/action-items?status=all&limit=200${cursor ? `&cursor=${cursor}` : ""}`);
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const today = now.toISOString().slice(0, 10);
    const done = all.filter((item) => item.status === "done");
    const late = done.filter((item) => item.late);
    const overdue = all.filter((item) => item.status === "open" && item.dueDate < today);
    expect(all.length).toBeGreaterThan(60);
    expect(done.length - late.length).toBeGreaterThan(all.length * 0.6);
    expect(late.length).toBeGreaterThan(0);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThan(all.length * 0.1);
    expect(overdue.every((item) => item.carriedOverCount > 0)).toBe(true);
    expect(new Set(all.map((item) => item.side))).toEqual(new Set(["marketing", "it", "other"]));

    // The completion figures agree with the list.
    const from = [today, ...all.map((item) => item.dueDate)].sort()[0];
    const completion = await read(`/api/v1/action-items/completion?from=${from}&to=${today}`);
    for (const side of completion.sides as Array<{ side: string; due: number; done: number }>) {
      const mine = all.filter((item) => item.side === side.side && item.dueDate <= today);
      expect(side.due, side.side).toBe(mine.length);
      expect(side.done, side.side).toBe(mine.filter((item) => item.status === "done").length);
    }

    // The next sync's agenda, built from the live demo data.
    const agenda = await read(`/api/v1/meetings/${sync.nextMeeting?.id}/agenda`);
    const items = agenda.sections.flatMap((section: { items: Item[] }) => section.items) as Item[];
    expect(agenda.builtAt).not.toBeNull();
    expect(agenda.totalMinutes).toBe(45);
    const kinds = new Set(items.map((item) => item.kind));
    expect(kinds.has("carried_over")).toBe(true);
    expect(items.some((item) => item.title === "Agency onboarding for the autumn campaign")).toBe(true);
    expect(["kpi", "request", "review", "renewal", "clash"].filter((kind) => kinds.has(kind)).length).toBeGreaterThan(
      2,
    );
    for (const item of items.filter((i) => ["kpi", "request", "renewal", "clash", "review"].includes(i.kind))) {
      expect(item.link, item.title).not.toBeNull();
    }
    // A KPI on the agenda is one the Scorecard shows at risk or off track today.
    for (const item of items.filter((i) => i.kind === "kpi")) {
      const kpi = await read(`/api/v1/kpis/${item.link?.id}`);
      expect(["at_risk", "off_track"]).toContain(kpi.status);
    }
  }, 300_000);
});
