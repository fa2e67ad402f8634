import { expect, it } from "vitest";
import { describeWithApp } from "../../test/app";
import { buildPersona } from "../../test/factories";
import { purgeExpired } from "./purge-expired";

describeWithApp("purge-expired job", (get) => {
  it("deletes dead sessions, stale invitations and old sign-in failures, and keeps live ones", async () => {
    const t = get();
    const live = await buildPersona(t, { role: "admin" });
    const dead = await buildPersona(t);
    await dead.request({ method: "POST", url: "/api/v1/auth/logout" });
    await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "nobody@x.test", password: "nope" },
    });
    const invited = await live.request({
      method: "POST",
      url: "/api/v1/invitations",
      payload: { email: "late@x.test", teamId: live.user.teamId },
    });
    expect(invited.statusCode).toBe(201);
    const later = new Date(Date.now() + 40 * 24 * 3600_000);
    const purged = await purgeExpired(t.database, later);
    expect(purged.sessions).toBeGreaterThanOrEqual(2);
    expect(purged.invitations).toBeGreaterThanOrEqual(1);
    expect(purged.loginFailures).toBeGreaterThanOrEqual(1);
    const soon = await purgeExpired(t.database, new Date());
    expect(soon).toEqual({ sessions: 0, invitations: 0, loginFailures: 0 });
  });
});
