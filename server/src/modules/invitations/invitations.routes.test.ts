import { describe, expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildPersona, buildWorkspace, unique } from "../../../test/factories";

describeWithApp("invitations", (get) => {
  async function invite() {
    const t = get();
    const ws = await buildWorkspace(t);
    const admin = await buildPersona(t, { role: "admin", workspace: ws });
    const email = `${unique("new-")}@example.com`;
    const response = await admin.request({
      method: "POST",
      url: "/api/v1/invitations",
      payload: { email: email.toUpperCase(), role: "member", teamId: ws.teamOf("marketing").id },
    });
    expect(response.statusCode).toBe(201);
    return { t, ws, admin, email, invitation: response.json() };
  }

  describe("POST /api/v1/invitations", () => {
    it("gives a one-time link with the secret in the fragment, stored only hashed", async () => {
      const { t, invitation, email } = await invite();
      expect(invitation).toMatchObject({ email, role: "member", status: "pending" });
      expect(invitation.url).toMatch(/\/accept-invite#token=[\w-]{43}$/);
      const stored = await t.database.query<{ token_hash: string }>("SELECT token_hash FROM invitation WHERE id = $1", [
        invitation.id,
      ]);
      expect(stored[0].token_hash).not.toBe(invitation.token);
      const listed = await (await buildPersona(t)).request({ url: "/api/v1/invitations" });
      expect(listed.statusCode).toBe(403);
    });

    it("refuses an email that already has an account, naming the field", async () => {
      const t = get();
      const ws = await buildWorkspace(t);
      const admin = await buildPersona(t, { role: "admin", workspace: ws });
      const response = await admin.request({
        method: "POST",
        url: "/api/v1/invitations",
        payload: { email: admin.user.email, teamId: ws.teamOf("it").id },
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().errors[0].path).toBe("email");
    });

    it("answers an email with an account in another workspace as a new one, with a link that cannot be used", async () => {
      const t = get();
      const ws = await buildWorkspace(t);
      const admin = await buildPersona(t, { role: "admin", workspace: ws });
      const elsewhere = await buildPersona(t);
      const invite = (email: string) =>
        admin.request({
          method: "POST",
          url: "/api/v1/invitations",
          payload: { email, role: "member", teamId: ws.teamOf("it").id },
        });
      const taken = await invite(elsewhere.user.email);
      const fresh = await invite(`${unique("new-")}@example.com`);
      expect(taken.statusCode).toBe(fresh.statusCode);
      expect(Object.keys(taken.json()).sort()).toEqual(Object.keys(fresh.json()).sort());
      expect(taken.json()).toMatchObject({ email: elsewhere.user.email, status: "pending" });
      const accept = await t.app.inject({
        method: "POST",
        url: "/api/v1/invitations/accept",
        payload: { token: taken.json().token, name: "Taken", password: "a long unusual passphrase" },
      });
      expect(accept.statusCode).toBe(410);
      const [owner] = await t.database.query<{ workspace_id: string }>(
        "SELECT workspace_id FROM app_user WHERE email = $1",
        [elsewhere.user.email],
      );
      expect(owner.workspace_id).toBe(elsewhere.user.workspaceId);
    });

    it("refuses a team of another workspace", async () => {
      const t = get();
      const admin = await buildPersona(t, { role: "admin" });
      const elsewhere = await buildWorkspace(t);
      const response = await admin.request({
        method: "POST",
        url: "/api/v1/invitations",
        payload: { email: "a@b.test", teamId: elsewhere.teamOf("it").id },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].path).toBe("teamId");
    });
  });

  describe("accepting", () => {
    it("previews, accepts once into the right team and role, and signs in", async () => {
      const { t, ws, invitation, email } = await invite();
      const preview = await t.app.inject({
        method: "POST",
        url: "/api/v1/invitations/preview",
        payload: { token: invitation.token },
      });
      expect(preview.json()).toMatchObject({
        email,
        teamName: "Marketing",
        role: "member",
        workspaceName: ws.workspace.name,
      });
      const accepted = await t.app.inject({
        method: "POST",
        url: "/api/v1/invitations/accept",
        payload: { token: invitation.token, name: "Nora New", password: "a long unusual passphrase" },
      });
      expect(accepted.statusCode).toBe(201);
      expect(accepted.json()).toMatchObject({
        user: { email, role: "member" },
        team: { kind: "marketing" },
        workspace: { id: ws.workspace.id },
      });
      expect(accepted.headers["set-cookie"]).toMatch(/^__Host-tandem_session=/);
      const again = await t.app.inject({
        method: "POST",
        url: "/api/v1/invitations/accept",
        payload: { token: invitation.token, name: "Nora Again", password: "a long unusual passphrase" },
      });
      expect(again.statusCode).toBe(410);
      const login = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email, password: "a long unusual passphrase" },
      });
      expect(login.statusCode).toBe(200);
    });

    it("expires after 7 days", async () => {
      const { t, invitation } = await invite();
      t.setNow(new Date(Date.now() + 7 * 24 * 3600_000 + 1000));
      try {
        const preview = await t.app.inject({
          method: "POST",
          url: "/api/v1/invitations/preview",
          payload: { token: invitation.token },
        });
        expect(preview.statusCode).toBe(410);
        expect(preview.json().code).toBe("gone");
      } finally {
        t.setNow(null);
      }
    });

    it("stops working once revoked", async () => {
      const { t, admin, invitation } = await invite();
      const revoked = await admin.request({ method: "DELETE", url: `/api/v1/invitations/${invitation.id}` });
      expect(revoked.json().status).toBe("revoked");
      const accept = await t.app.inject({
        method: "POST",
        url: "/api/v1/invitations/accept",
        payload: { token: invitation.token, name: "Late", password: "a long unusual passphrase" },
      });
      expect(accept.statusCode).toBe(410);
      expect((await admin.request({ method: "DELETE", url: `/api/v1/invitations/${invitation.id}` })).statusCode).toBe(
        409,
      );
    });

    it("refuses a weak password, naming the field, and keeps the invitation usable", async () => {
      const { t, invitation } = await invite();
      const weak = await t.app.inject({
        method: "POST",
        url: "/api/v1/invitations/accept",
        payload: { token: invitation.token, name: "N", password: "short" },
      });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().errors[0].path).toBe("password");
      const preview = await t.app.inject({
        method: "POST",
        url: "/api/v1/invitations/preview",
        payload: { token: invitation.token },
      });
      expect(preview.statusCode).toBe(200);
    });
  });
});
