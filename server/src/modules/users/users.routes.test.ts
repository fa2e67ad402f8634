import { describe, expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildPersona, buildWorkspace } from "../../../test/factories";

describeWithApp("users", (get) => {
  describe("GET /api/v1/users", () => {
    it("pages through a sorted list with cursors, without gaps or repeats", async () => {
      const t = get();
      const ws = await buildWorkspace(t);
      const admin = await buildPersona(t, { role: "admin", workspace: ws });
      for (let i = 0; i < 11; i++) await buildPersona(t, { workspace: ws });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const response = await admin.request({
          url: `/api/v1/users?limit=5&sort=-name${cursor ? `&cursor=${cursor}` : ""}`,
        });
        expect(response.statusCode).toBe(200);
        const page = response.json();
        seen.push(...page.items.map((u: { name: string }) => u.name));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(12);
      expect(seen).toEqual([...seen].sort().reverse());
    });

    it("filters by role and searches by name or email", async () => {
      const t = get();
      const ws = await buildWorkspace(t);
      const admin = await buildPersona(t, { role: "admin", workspace: ws });
      const viewer = await buildPersona(t, { role: "viewer", workspace: ws });
      const byRole = (await admin.request({ url: "/api/v1/users?role=viewer" })).json();
      expect(byRole.items.map((u: { id: string }) => u.id)).toEqual([viewer.user.id]);
      const byEmail = (await admin.request({ url: `/api/v1/users?q=${viewer.user.email.slice(0, 12)}` })).json();
      expect(byEmail.items.map((u: { id: string }) => u.id)).toEqual([viewer.user.id]);
    });

    it("answers 400 naming the field for a bad sort or a forged cursor", async () => {
      const admin = await buildPersona(get(), { role: "admin" });
      const sort = await admin.request({ url: "/api/v1/users?sort=password" });
      expect(sort.statusCode).toBe(400);
      expect(sort.json().errors[0].path).toBe("querystring.sort");
      const cursor = await admin.request({ url: "/api/v1/users?cursor=WyJ4IiwieSJd" });
      expect(cursor.statusCode).toBe(400);
      expect(cursor.json().errors[0].path).toBe("cursor");
    });
  });

  describe("PATCH /api/v1/users/:id", () => {
    it("lets each person, and only that person, choose whether their notifications are emailed", async () => {
      const t = get();
      const ws = await buildWorkspace(t);
      const admin = await buildPersona(t, { role: "admin", workspace: ws });
      const member = await buildPersona(t, { workspace: ws });
      expect((await member.request({ url: `/api/v1/users/${member.user.id}` })).json().emailNotifications).toBe(true);
      const own = await member.request({
        method: "PATCH",
        url: `/api/v1/users/${member.user.id}`,
        payload: { version: 1, emailNotifications: false },
      });
      expect(own.statusCode).toBe(200);
      expect(own.json()).toMatchObject({ emailNotifications: false, version: 2 });
      const byAdmin = await admin.request({
        method: "PATCH",
        url: `/api/v1/users/${member.user.id}`,
        payload: { version: 2, emailNotifications: true },
      });
      expect(byAdmin.statusCode).toBe(403);
      expect((await admin.request({ url: `/api/v1/users/${member.user.id}` })).json().emailNotifications).toBe(false);
    });

    it("lets an admin change a role, audits before and after, and refuses a stale version", async () => {
      const t = get();
      const ws = await buildWorkspace(t);
      const admin = await buildPersona(t, { role: "admin", workspace: ws });
      const member = await buildPersona(t, { workspace: ws });
      const response = await admin.request({
        method: "PATCH",
        url: `/api/v1/users/${member.user.id}`,
        payload: { version: 1, role: "viewer" },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ role: "viewer", version: 2 });
      const [event] = await t.database.query<{ before: { role: string }; after: { role: string }; actor_id: string }>(
        "SELECT before, after, actor_id FROM audit_event WHERE entity_id = $1 AND action = 'user.updated'",
        [member.user.id],
      );
      expect(event).toMatchObject({ before: { role: "member" }, after: { role: "viewer" }, actor_id: admin.user.id });
      const stale = await admin.request({
        method: "PATCH",
        url: `/api/v1/users/${member.user.id}`,
        payload: { version: 1, role: "admin" },
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe("conflict");
    });

    it("refuses demoting the last active admin as a state rule naming the field, not as a stale edit", async () => {
      const t = get();
      const ws = await buildWorkspace(t);
      const [a, b] = [
        await buildPersona(t, { role: "admin", workspace: ws }),
        await buildPersona(t, { role: "admin", workspace: ws }),
      ];
      // Each demotes the other at once: the first wins, the second would leave nobody in charge.
      const demote = (by: typeof a, whom: typeof a) =>
        by.request({ method: "PATCH", url: `/api/v1/users/${whom.user.id}`, payload: { version: 1, role: "member" } });
      const answers = (await Promise.all([demote(a, b), demote(b, a)])).map((response) => response.json());
      // One wins. The other is refused: by the state rule when both got past authorization (409 invalid_state,
      // naming the field, not a stale edit), or as no longer an admin when the first had already finished (403).
      expect(answers.filter((answer) => answer.role === "member")).toHaveLength(1);
      const [refused] = answers.filter((answer) => answer.status >= 400);
      if (refused.status === 409) {
        expect(refused).toMatchObject({
          code: "invalid_state",
          errors: [{ path: "role", message: "would leave the workspace without an admin" }],
        });
      } else expect(refused.code).toBe("forbidden");
    });

    it("lets a member rename themself but not change their own role", async () => {
      const member = await buildPersona(get());
      const rename = await member.request({
        method: "PATCH",
        url: `/api/v1/users/${member.user.id}`,
        payload: { version: 1, name: "Renamed" },
      });
      expect(rename.statusCode).toBe(200);
      const promote = await member.request({
        method: "PATCH",
        url: `/api/v1/users/${member.user.id}`,
        payload: { version: 2, role: "admin" },
      });
      expect(promote.statusCode).toBe(403);
      expect(promote.json().errors).toEqual([{ path: "role", message: "may not be changed by you" }]);
    });

    it("refuses unknown fields instead of assigning them", async () => {
      const member = await buildPersona(get());
      const response = await member.request({
        method: "PATCH",
        url: `/api/v1/users/${member.user.id}`,
        payload: { version: 1, name: "X", workspaceId: "00000000-0000-0000-0000-000000000000" },
      });
      expect(response.statusCode).toBe(400);
      expect(JSON.stringify(response.json().errors)).toContain("workspaceId");
    });

    it("keeps an active admin when two admins demote each other at once", async () => {
      const t = get();
      const ws = await buildWorkspace(t);
      const a = await buildPersona(t, { role: "admin", workspace: ws });
      const b = await buildPersona(t, { role: "admin", workspace: ws });
      const self = await a.request({
        method: "PATCH",
        url: `/api/v1/users/${a.user.id}`,
        payload: { version: 1, role: "member" },
      });
      expect(self.statusCode).toBe(403);
      const responses = await Promise.all([
        a.request({ method: "PATCH", url: `/api/v1/users/${b.user.id}`, payload: { version: 1, role: "member" } }),
        b.request({ method: "PATCH", url: `/api/v1/users/${a.user.id}`, payload: { version: 1, role: "member" } }),
      ]);
      expect(responses.map((r) => r.statusCode).filter((status) => status === 200)).toHaveLength(1);
      const admins = await t.database.query(
        "SELECT id FROM app_user WHERE workspace_id = $1 AND role = 'admin' AND status = 'active'",
        [ws.workspace.id],
      );
      expect(admins).toHaveLength(1);
    });

    it("deactivation ends the person's sessions and API tokens at once", async () => {
      const t = get();
      const ws = await buildWorkspace(t);
      const admin = await buildPersona(t, { role: "admin", workspace: ws });
      const member = await buildPersona(t, { workspace: ws });
      const created = await member.request({ method: "POST", url: "/api/v1/tokens", payload: { name: "script" } });
      const bearer = { authorization: `Bearer ${created.json().token}` };
      expect((await t.app.inject({ url: "/api/v1/me", headers: bearer })).statusCode).toBe(200);
      const response = await admin.request({
        method: "PATCH",
        url: `/api/v1/users/${member.user.id}`,
        payload: { version: 1, status: "deactivated" },
      });
      expect(response.statusCode).toBe(200);
      expect((await member.request({ url: "/api/v1/me" })).statusCode).toBe(401);
      expect((await t.app.inject({ url: "/api/v1/me", headers: bearer })).statusCode).toBe(401);
      const login = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: member.user.email, password: "correct horse battery staple 42" },
      });
      expect(login.statusCode).toBe(401);
    });

    it("answers 404 for another workspace's user", async () => {
      const t = get();
      const admin = await buildPersona(t, { role: "admin" });
      const stranger = await buildPersona(t);
      const response = await admin.request({
        method: "PATCH",
        url: `/api/v1/users/${stranger.user.id}`,
        payload: { version: 1, name: "x" },
      });
      expect(response.statusCode).toBe(404);
    });
  });
});
