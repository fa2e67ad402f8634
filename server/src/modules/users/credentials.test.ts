import { describe, expect, it } from "vitest";
import { describeWithApp, json } from "../../../test/app";
import { buildPersona, buildWorkspace, TEST_PASSWORD, unique } from "../../../test/factories";

describeWithApp("credentials that end with their grant", (get) => {
  describe("POST /api/v1/me/password", () => {
    it("revokes the person's API tokens and calendar feed too, and says so", async () => {
      const t = get();
      const persona = await buildPersona(t);
      const bystander = await buildPersona(t);
      const token = json(
        await persona.request({ method: "POST", url: "/api/v1/tokens", payload: { name: "script", scope: "read" } }),
      ).token as string;
      const otherToken = json(
        await bystander.request({ method: "POST", url: "/api/v1/tokens", payload: { name: "x", scope: "read" } }),
      ).token as string;
      const feed = json(await persona.request({ method: "POST", url: "/api/v1/me/calendar-feed" })).path as string;
      const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
      expect((await t.app.inject({ url: "/api/v1/me", headers: bearer(token) })).statusCode).toBe(200);
      expect((await t.app.inject({ url: feed })).statusCode).toBe(200);

      const change = await persona.request({
        method: "POST",
        url: "/api/v1/me/password",
        payload: { currentPassword: TEST_PASSWORD, newPassword: "a completely new passphrase" },
      });
      expect(change.statusCode).toBe(200);
      expect(json(change)).toEqual({ ok: true, endedSessions: 0, revokedTokens: 1, calendarFeedRevoked: true });
      expect((await t.app.inject({ url: "/api/v1/me", headers: bearer(token) })).statusCode).toBe(401);
      expect((await t.app.inject({ url: feed })).statusCode).toBe(404);
      // This session stays; another person's token is untouched.
      expect((await persona.request({ url: "/api/v1/me" })).statusCode).toBe(200);
      expect((await t.app.inject({ url: "/api/v1/me", headers: bearer(otherToken) })).statusCode).toBe(200);
      const [audit] = await t.database.query<{ after: unknown }>(
        "SELECT after FROM audit_event WHERE action = 'user.password_changed' AND entity_id = $1",
        [persona.user.id],
      );
      expect(audit.after).toEqual({ endedSessions: 0, revokedTokens: 1, calendarFeedRevoked: true });
    });
  });

  describe("PATCH /api/v1/users/:id", () => {
    it("revokes the pending invitations of an admin who is demoted, and only theirs", async () => {
      const t = get();
      const ws = await buildWorkspace(t);
      const leaving = await buildPersona(t, { role: "admin", workspace: ws });
      const staying = await buildPersona(t, { role: "admin", workspace: ws });
      const invite = async (by: typeof leaving) =>
        json(
          await by.request({
            method: "POST",
            url: "/api/v1/invitations",
            payload: { email: `${unique("inv-")}@example.com`, role: "admin", teamId: ws.teamOf("it").id },
          }),
        ) as { id: string; token: string };
      const sent = await invite(leaving);
      const kept = await invite(staying);
      const preview = (token: string) =>
        t.app.inject({ method: "POST", url: "/api/v1/invitations/preview", payload: { token } });
      expect((await preview(sent.token)).statusCode).toBe(200);

      const demote = await staying.request({
        method: "PATCH",
        url: `/api/v1/users/${leaving.user.id}`,
        payload: { version: 1, role: "member" },
      });
      expect(demote.statusCode).toBe(200);
      expect((await preview(sent.token)).statusCode).toBe(410);
      expect((await preview(kept.token)).statusCode).toBe(200);
      const accept = await t.app.inject({
        method: "POST",
        url: "/api/v1/invitations/accept",
        payload: { token: sent.token, name: "Too late", password: "a long unusual passphrase" },
      });
      expect(accept.statusCode).toBe(410);
      const audit = await t.database.query<{ after: { reason: string } }>(
        "SELECT after FROM audit_event WHERE action = 'invitation.revoked' AND entity_id = $1",
        [sent.id],
      );
      expect(audit).toHaveLength(1);
      expect(audit[0].after.reason).toContain("no longer an admin");
    });
  });
});
