import { expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildPersona, buildWorkspace } from "../../../test/factories";
import { openDueReviews, scanServiceLevels } from "./sla.service";

describeWithApp("service-level job", (get) => {
  it("warns once when a clock is at risk, notifies the requester and IT partner once on breach, and opens due reviews", async () => {
    const t = get();
    const ws = await buildWorkspace(t);
    const marketer = await buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws });
    const engineer = await buildPersona(t, { role: "member", teamKind: "it", workspace: ws });
    // Monday 09:00 UTC; the unclassified request is held to the secondary targets (first response: 8 business hours).
    t.setNow(new Date("2026-11-16T09:00:00Z"));
    const created = (
      await marketer.request({
        method: "POST",
        url: "/api/v1/requests",
        payload: { type: "data", title: "Churn report" },
      })
    ).json();
    await engineer.request({
      method: "PATCH",
      url: `/api/v1/requests/${created.id}`,
      payload: { version: created.version, itPartnerId: engineer.user.id },
    });
    const titles = async (persona: typeof marketer) =>
      (await persona.request({ url: "/api/v1/notifications" })).json().items.map((n: { title: string }) => n.title);

    // 15:00: 6 of 8 hours used → at risk (75%).
    await scanServiceLevels(t.database, new Date("2026-11-16T15:00:00Z"));
    await scanServiceLevels(t.database, new Date("2026-11-16T15:30:00Z"));
    expect(
      (await titles(marketer)).filter((title: string) => title.includes("close to its service level")),
    ).toHaveLength(1);
    // Tuesday 10:00: 9 business hours → breached, told once to both.
    await scanServiceLevels(t.database, new Date("2026-11-17T10:00:00Z"));
    const again = await scanServiceLevels(t.database, new Date("2026-11-17T11:00:00Z"));
    expect(again.breached).toBe(0);
    for (const persona of [marketer, engineer]) {
      expect(
        (await titles(persona)).filter((title: string) => title.includes("missed its service level")),
      ).toHaveLength(1);
    }
    const listed = (await marketer.request({ url: "/api/v1/requests?breached=true" })).json();
    expect(listed.items.map((r: { id: string }) => r.id)).toContain(created.id);

    // A delivered request whose review date came moves to the value review.
    await t.database.query(
      "UPDATE request SET stage = 'delivered', review_due_on = '2026-11-20', delivered_at = now() WHERE id = $1",
      [created.id],
    );
    expect(await openDueReviews(t.database, new Date("2026-11-19T08:00:00Z"))).toBe(0);
    expect(await openDueReviews(t.database, new Date("2026-11-20T08:00:00Z"))).toBe(1);
    const reviewed = (await marketer.request({ url: `/api/v1/requests/${created.id}` })).json();
    expect(reviewed.stage).toBe("value_review");
    expect(await titles(marketer)).toContain(`${created.reference} is due for its value review`);
    t.setNow(null);
  });
});
