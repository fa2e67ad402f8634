import { describe, expect, it } from "vitest";
import { describeWithApp, json } from "../../../test/app";
import { buildPersona, TEST_PASSWORD } from "../../../test/factories";
import { verifyAuditChain } from "../audit/audit.commands";

describeWithApp("auth", (get) => {
  describe("POST /api/v1/setup", () => {
    it("refuses a common password, naming the field", async () => {
      const { app } = get();
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/setup",
        payload: { workspaceName: "Acme", name: "Ada", email: "ada@acme.test", password: "password1234" },
      });
      expect(response.statusCode).toBe(400);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(json(response).errors).toEqual([expect.objectContaining({ path: "password" })]);
    });

    it("creates the first workspace and its admin, signs in, then answers 409", async () => {
      const { app, database } = get();
      const body = {
        workspaceName: "Acme",
        name: "Ada Admin",
        email: "Ada@Acme.test",
        password: "a long and unusual passphrase",
      };
      const first = await app.inject({ method: "POST", url: "/api/v1/setup", payload: body });
      expect(first.statusCode).toBe(201);
      const me = json(first);
      expect(me.user).toMatchObject({ email: "ada@acme.test", role: "admin" });
      expect(me.team.kind).toBe("it");
      expect(me.csrfToken).toEqual(expect.any(String));
      const cookie = first.headers["set-cookie"] as string;
      expect(cookie).toMatch(/^__Host-tandem_session=[\w-]{43};/);
      expect(cookie).toContain("HttpOnly");
      expect(cookie).toContain("SameSite=Lax");
      expect(cookie).toContain("Secure");
      const teams = await database.query<{ kind: string }>(
        "SELECT kind FROM team WHERE workspace_id = $1 ORDER BY kind",
        [me.workspace.id],
      );
      expect(teams.map((t) => t.kind)).toEqual(["finance", "it", "legal", "marketing", "security"]);
      const again = await app.inject({
        method: "POST",
        url: "/api/v1/setup",
        payload: { ...body, email: "b@acme.test" },
      });
      expect(again.statusCode).toBe(409);
      expect(json(again).code).toBe("already_set_up");
      expect((await verifyAuditChain(database, me.workspace.id)).intact).toBe(true);
    });
  });

  describe("POST /api/v1/auth/login", () => {
    it("signs in with the right password, storing only the token's hash", async () => {
      const t = get();
      const persona = await buildPersona(t);
      const response = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: persona.user.email.toUpperCase(), password: TEST_PASSWORD },
      });
      expect(response.statusCode).toBe(200);
      const token = /=([^;]+)/.exec(response.headers["set-cookie"] as string)?.[1] ?? "";
      const stored = await t.database.query<{ token_hash: string }>(
        "SELECT token_hash FROM session WHERE user_id = $1",
        [persona.user.id],
      );
      expect(stored.length).toBe(2);
      expect(stored.map((s) => s.token_hash)).not.toContain(token);
      const me = await t.app.inject({ url: "/api/v1/me", headers: { cookie: `__Host-tandem_session=${token}` } });
      expect(json(me).user.id).toBe(persona.user.id);
    });

    it("refuses a cross-site sign-in", async () => {
      const { app } = get();
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        headers: { origin: "https://evil.example" },
        payload: { email: "x@y.test", password: "whatever whatever" },
      });
      expect(response.statusCode).toBe(403);
      expect(json(response).code).toBe("csrf_failed");
    });
  });

  describe("signed-out writes from an opaque origin", () => {
    it("refuses a sign-in with Origin: null", async () => {
      const t = get();
      const persona = await buildPersona(t);
      const response = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        headers: { origin: "null" },
        payload: { email: persona.user.email, password: TEST_PASSWORD },
      });
      expect(response.statusCode).toBe(403);
      expect(json(response).code).toBe("csrf_failed");
      expect(response.headers["set-cookie"]).toBeUndefined();
    });
  });

  describe("GET /api/v1/me and CSRF", () => {
    it("answers 401 without a session", async () => {
      const response = await get().app.inject({ url: "/api/v1/me" });
      expect(response.statusCode).toBe(401);
      expect(json(response).code).toBe("unauthenticated");
    });

    it("refuses a cookie-authenticated write without the CSRF token", async () => {
      const t = get();
      const admin = await buildPersona(t, { role: "admin" });
      const response = await t.app.inject({
        method: "POST",
        url: "/api/v1/teams",
        headers: { cookie: admin.cookie },
        payload: { name: "Data" },
      });
      expect(response.statusCode).toBe(403);
      expect(json(response).code).toBe("csrf_failed");
      const ok = await admin.request({ method: "POST", url: "/api/v1/teams", payload: { name: "Data" } });
      expect(ok.statusCode).toBe(201);
    });

    it("signs out: the session stops working at once", async () => {
      const t = get();
      const persona = await buildPersona(t);
      expect((await persona.request({ method: "POST", url: "/api/v1/auth/logout" })).statusCode).toBe(200);
      expect((await persona.request({ url: "/api/v1/me" })).statusCode).toBe(401);
    });

    it("ends a session after 8 idle hours", async () => {
      const t = get();
      const persona = await buildPersona(t);
      t.setNow(new Date(Date.now() + 8 * 3600_000 + 60_000));
      try {
        expect((await persona.request({ url: "/api/v1/me" })).statusCode).toBe(401);
      } finally {
        t.setNow(null);
      }
    });
  });
});
