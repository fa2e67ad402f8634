import { expect, it } from "vitest";
import { CadenceLimits } from "#contracts/health";
import { CADENCE_MAX_LENGTH_DAYS, PULSES_PER_QUARTER } from "#engines/alignment";
import { describeWithApp, type TestApp } from "../../../test/app";
import { buildHealthWorld } from "../../../test/factories-health";
import { runHealthPulses } from "../../jobs/health-pulses";
import { launchScheduledPulses } from "./health.commands";

// A fixed clock: Monday 5 January 2026, 09:00 UTC (before the sessions the factories start, so they stay valid).
const NOW = new Date("2026-01-05T09:00:00Z");
const DAY = 86_400_000;
const at = (days: number, hour = 9) => new Date(NOW.getTime() + days * DAY + (hour - 9) * 3_600_000);

const settings = { cadence: "every_2_weeks", startsOn: "2026-01-05", k: 5, itemsPerPulse: 6, lengthDays: 10 };

async function scheduledPulses(t: TestApp, workspaceId: string) {
  return t.database.query<{ id: string; scheduled_on: string; closes_on: string; status: string; k: number }>(
    `SELECT id, scheduled_on::text, closes_on::text, status, k FROM health_survey
     WHERE workspace_id = $1 AND scheduled_on IS NOT NULL ORDER BY scheduled_on`,
    [workspaceId],
  );
}

async function itemsOf(t: TestApp, surveyId: string) {
  return t.database.query<{ item_id: string; criterion: string }>(
    `SELECT si.item_id, i.criterion FROM health_survey_item si JOIN health_item i ON i.id = si.item_id
     WHERE si.survey_id = $1`,
    [surveyId],
  );
}

describeWithApp("the pulse cadence", (get) => {
  it("GET and PUT /api/v1/pulse-cadence: off until set, admins only, bad settings refused by field, stale version 409", async () => {
    const t = get();
    t.setNow(NOW);
    const { admin, marketing } = await buildHealthWorld(t, { marketing: 1, it: 0 });
    expect((await t.app.inject({ url: "/api/v1/pulse-cadence" })).statusCode).toBe(401);
    const initial = await marketing[0]?.request({ url: "/api/v1/pulse-cadence" });
    expect(initial?.statusCode).toBe(200);
    expect(initial?.json()).toMatchObject({
      cadence: "off",
      startsOn: null,
      k: 5,
      itemsPerPulse: 8,
      lengthDays: 10,
      nextPulseOn: null,
      coverage: { items: 30, pulsesToCover: 4, pulsesPerQuarter: null, coveredInQuarter: null },
      version: 1,
    });
    const put = (payload: object, persona = admin) =>
      persona.request({ method: "PUT", url: "/api/v1/pulse-cadence", payload });
    expect((await put({ ...settings, version: 1 }, marketing[0])).statusCode).toBe(403);
    const cases: Array<[object, string]> = [
      [{ ...settings, startsOn: null }, "startsOn"],
      [{ ...settings, lengthDays: 15 }, "lengthDays"],
      [{ ...settings, cadence: "monthly", lengthDays: 29 }, "lengthDays"],
      [{ ...settings, k: 2 }, "k"],
      [{ ...settings, itemsPerPulse: 9 }, "itemsPerPulse"],
      [{ ...settings, cadence: "weekly" }, "cadence"],
      [{ ...settings, startsOn: "2026-02-30" }, "startsOn"],
    ];
    for (const [payload, field] of cases) {
      const response = await put({ ...payload, version: 1 });
      expect(response.statusCode, field).toBe(400);
      expect(response.json().errors.map((error: { path: string }) => error.path)).toContain(field);
    }
    const saved = await put({ ...settings, cadence: "monthly", itemsPerPulse: 8, version: 1 });
    expect(saved.statusCode).toBe(200);
    // Monthly: three pulses a quarter ask at most 24 of the 30 items; the bank takes four pulses.
    expect(saved.json()).toMatchObject({
      cadence: "monthly",
      nextPulseOn: "2026-01-05",
      coverage: { items: 30, pulsesToCover: 4, pulsesPerQuarter: 3, coveredInQuarter: false },
      version: 2,
    });
    expect((await put({ ...settings, version: 1 })).statusCode).toBe(409);
    const biweekly = await put({ ...settings, version: 2 });
    expect(biweekly.json()).toMatchObject({
      coverage: { pulsesToCover: 5, pulsesPerQuarter: 6, coveredInQuarter: true },
      version: 3,
    });
    const audit = await t.database.query<{ action: string }>(
      "SELECT action FROM audit_event WHERE workspace_id = $1 AND action = 'pulse_cadence.updated'",
      [admin.user.workspaceId],
    );
    expect(audit).toHaveLength(2);
    // The form's arithmetic and the engine count the same launches.
    expect(CadenceLimits.pulsesPerQuarter).toEqual(PULSES_PER_QUARTER);
    expect(CadenceLimits.lengthDaysMax).toEqual(CADENCE_MAX_LENGTH_DAYS);
    // Turning it off keeps the other settings.
    const off = await put({ ...settings, cadence: "off", startsOn: null, version: 3 });
    expect(off.json()).toMatchObject({ cadence: "off", nextPulseOn: null, itemsPerPulse: 6 });
  });

  it("the hourly job launches each launch day's pulse once, with the settings' k, items and length, rotating the bank", async () => {
    const t = get();
    t.setNow(NOW);
    const { admin, marketing, it: itPeople } = await buildHealthWorld(t, { marketing: 2, it: 1 });
    const workspaceId = admin.user.workspaceId;
    const saved = await admin.request({
      method: "PUT",
      url: "/api/v1/pulse-cadence",
      payload: { ...settings, startsOn: "2026-01-06", k: 3, version: 1 },
    });
    expect(saved.json().nextPulseOn).toBe("2026-01-06");
    // The day before the start: nothing.
    await launchScheduledPulses(t.database, at(0));
    expect(await scheduledPulses(t, workspaceId)).toEqual([]);
    // The start day, then every hour of it, and a retry: one pulse.
    await launchScheduledPulses(t.database, at(1, 0));
    await launchScheduledPulses(t.database, at(1, 1));
    await launchScheduledPulses(t.database, at(1, 23));
    const first = await scheduledPulses(t, workspaceId);
    expect(first).toMatchObject([{ scheduled_on: "2026-01-06", closes_on: "2026-01-15", status: "open", k: 3 }]);
    const items = await itemsOf(t, first[0]?.id as string);
    expect(items).toHaveLength(7);
    expect(new Set(items.map((item) => item.criterion)).size).toBe(7);
    const [invited] = await t.database.query<{ invited_marketing: number; invited_it: number; launched_on: string }>(
      "SELECT invited_marketing, invited_it, launched_on::text FROM health_survey WHERE id = $1",
      [first[0]?.id],
    );
    // The admin is in IT: 2 marketing and 2 IT people (legal answers for neither side).
    expect(invited).toEqual({ invited_marketing: 2, invited_it: 2, launched_on: "2026-01-06" });
    const audit = await t.database.query<{ actor_id: string | null; actor_label: string }>(
      "SELECT actor_id, actor_label FROM audit_event WHERE entity_id = $1 AND action = 'survey.launched'",
      [first[0]?.id],
    );
    expect(audit).toEqual([{ actor_id: null, actor_label: "Tandem (the pulse cadence)" }]);
    // The pulse is on the pulses page and people may answer it.
    t.setNow(at(2));
    const pulse = (await marketing[0]?.request({ url: `/api/v1/surveys/${first[0]?.id}` }))?.json();
    expect(pulse).toMatchObject({ status: "open", scheduledOn: "2026-01-06", me: { canAnswer: true } });
    expect(itPeople).toHaveLength(1);
    expect((await admin.request({ url: "/api/v1/pulse-cadence" })).json().nextPulseOn).toBe("2026-01-20");
    // Two weeks on: the first pulse closed (its last day passed), the second launched with other items.
    await runHealthPulses(t.database, at(15, 10));
    const second = await scheduledPulses(t, workspaceId);
    expect(second.map((pulse) => [pulse.scheduled_on, pulse.status])).toEqual([
      ["2026-01-06", "closed"],
      ["2026-01-20", "open"],
    ]);
    const secondItems = await itemsOf(t, second[1]?.id as string);
    const firstIds = new Set(items.filter((item) => item.criterion !== "outcome").map((item) => item.item_id));
    expect(secondItems.filter((item) => firstIds.has(item.item_id))).toEqual([]);
  });

  it("two processes launching at once make one pulse", async () => {
    const t = get();
    const { admin } = await buildHealthWorld(t, { marketing: 1, it: 1 });
    t.setNow(NOW);
    await admin.request({ method: "PUT", url: "/api/v1/pulse-cadence", payload: { ...settings, version: 1 } });
    // Both runs read "not launched yet" and insert; the unique key lets one through (PostgreSQL runs them at once).
    const runs = await Promise.all([
      launchScheduledPulses(t.database, at(0)),
      launchScheduledPulses(t.database, at(0)),
      launchScheduledPulses(t.database, at(0)),
    ]);
    const pulses = await scheduledPulses(t, admin.user.workspaceId);
    expect(pulses).toHaveLength(1);
    const items = await itemsOf(t, pulses[0]?.id as string);
    expect(items).toHaveLength(7);
    const audit = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = 'survey.launched'",
      [pulses[0]?.id],
    );
    expect(audit[0]?.n).toBe(1);
    expect(runs.length).toBe(3);
  });

  it("a launch day whose pulse would already have closed is let go, and a pulse of the cadence still open waits", async () => {
    const t = get();
    const { admin } = await buildHealthWorld(t, { marketing: 1, it: 1 });
    t.setNow(NOW);
    await admin.request({
      method: "PUT",
      url: "/api/v1/pulse-cadence",
      payload: { ...settings, startsOn: "2025-12-08", lengthDays: 3, version: 1 },
    });
    // The day before: 2025-12-22 was the last launch day and its three days ended on 2025-12-24: nothing launches.
    // 2026-01-05 is itself a launch day (every 14 days from 2025-12-08).
    await launchScheduledPulses(t.database, at(-1));
    expect(await scheduledPulses(t, admin.user.workspaceId)).toEqual([]);
    await launchScheduledPulses(t.database, at(0));
    expect((await scheduledPulses(t, admin.user.workspaceId)).map((p) => p.scheduled_on)).toEqual(["2026-01-05"]);
  });
});
