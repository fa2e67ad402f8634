import { describe, expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildPersona, buildWorkspace } from "../../../test/factories";
import { sendRenewalReminders } from "./reminders.service";
import { dueReminder } from "./stack.rules";

describe("dueReminder", () => {
  it("is the latest of 120/90/60/30 days before cancel-by that has come, and none after it", () => {
    expect(dueReminder("2026-12-31", "2026-08-01")).toBeNull();
    expect(dueReminder("2026-12-31", "2026-09-02")).toBe(120);
    expect(dueReminder("2026-12-31", "2026-11-11")).toBe(60);
    expect(dueReminder("2026-12-31", "2026-12-30")).toBe(30);
    expect(dueReminder("2026-12-31", "2026-12-31")).toBe(30);
    expect(dueReminder("2026-12-31", "2027-01-01")).toBeNull();
  });
});

describeWithApp("renewal reminders and the calendar feed", (get) => {
  async function setup() {
    const t = get();
    const ws = await buildWorkspace(t);
    const marketer = await buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws });
    const engineer = await buildPersona(t, { role: "member", teamKind: "it", workspace: ws });
    const tool = (
      await marketer.request({
        method: "POST",
        url: "/api/v1/tools",
        payload: {
          name: `Webinars ${Math.random()}`,
          vendor: "Webinar Co, Inc.",
          category: "social",
          subcategory: "Events & webinars",
          businessOwnerId: marketer.user.id,
          technicalOwnerId: engineer.user.id,
          renewalDate: "2027-03-01",
          noticeDays: 60,
          autoRenew: true,
          annualCost: { amount: "18000.00", currency: "EUR" },
        },
      })
    ).json();
    return { t, marketer, engineer, tool };
  }

  it("tells both owners once per reminder, the latest due one only", async () => {
    const { t, marketer, engineer, tool } = await setup();
    // Cancel-by 2026-12-31; on 2026-11-11 the 60-day reminder is due (120 and 90 were missed: not sent late).
    const day = new Date("2026-11-11T07:00:00Z");
    await sendRenewalReminders(t.database, day);
    await sendRenewalReminders(t.database, day);
    for (const owner of [marketer, engineer]) {
      const list = (await owner.request({ method: "GET", url: "/api/v1/notifications" })).json();
      const mine = list.items.filter((n: { link: string }) => n.link === `/stack/tools/${tool.id}`);
      expect(mine.map((n: { title: string }) => n.title)).toEqual([`${tool.name}: cancel by 2026-12-31 (50 days)`]);
    }
    const rows = await t.database.query("SELECT days_before FROM renewal_reminder WHERE tool_id = $1", [tool.id]);
    expect(rows).toEqual([{ days_before: 60 }]);
    await sendRenewalReminders(t.database, new Date("2026-12-02T07:00:00Z"));
    const after = await t.database.query("SELECT days_before FROM renewal_reminder WHERE tool_id = $1 ORDER BY 1", [
      tool.id,
    ]);
    expect(after).toEqual([{ days_before: 30 }, { days_before: 60 }]);
  });

  it("serves the renewals as iCalendar at a secret address that can be replaced and revoked", async () => {
    const { t, engineer, tool } = await setup();
    expect((await engineer.request({ method: "GET", url: "/api/v1/me/calendar-feed" })).json()).toEqual({
      active: false,
      createdAt: null,
    });
    const created = await engineer.request({ method: "POST", url: "/api/v1/me/calendar-feed" });
    expect(created.statusCode).toBe(201);
    const { path } = created.json();
    expect(path).toMatch(/^\/api\/v1\/stack\/renewals\.ics\?key=tdmcal_/);
    const feed = await t.app.inject({ url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const body = feed.body;
    expect(body.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(body.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(body).toContain(`UID:${tool.id}-cancel-by-20261231@tandem`);
    expect(body).toContain("DTSTART;VALUE=DATE:20261231");
    expect(body).toContain("DTSTART;VALUE=DATE:20270301");
    // Commas are escaped in text values; no line is longer than 75 octets.
    expect(body).toContain("Webinar Co\\, Inc.");
    for (const line of body.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const replaced = (await engineer.request({ method: "POST", url: "/api/v1/me/calendar-feed" })).json();
    expect((await t.app.inject({ url: path })).statusCode).toBe(404);
    expect((await t.app.inject({ url: replaced.path })).statusCode).toBe(200);
    await engineer.request({ method: "DELETE", url: "/api/v1/me/calendar-feed" });
    expect((await t.app.inject({ url: replaced.path })).statusCode).toBe(404);
    expect((await t.app.inject({ url: "/api/v1/stack/renewals.ics?key=tdmcal_nope" })).statusCode).toBe(404);
  });

  it("keeps one feed address when the button is pressed several times at once", async () => {
    const { t, engineer } = await setup();
    const presses = await Promise.all(
      Array.from({ length: 5 }, () => engineer.request({ method: "POST", url: "/api/v1/me/calendar-feed" })),
    );
    expect(presses.map((press) => press.statusCode)).toEqual([201, 201, 201, 201, 201]);
    const opens = await Promise.all(presses.map((press) => t.app.inject({ url: press.json().path })));
    // The last replacement wins: exactly one of the five addresses works.
    expect(opens.filter((open) => open.statusCode === 200)).toHaveLength(1);
    const rows = await t.database.query("SELECT 1 FROM calendar_feed WHERE user_id = $1", [engineer.user.id]);
    expect(rows).toHaveLength(1);
  });
});
