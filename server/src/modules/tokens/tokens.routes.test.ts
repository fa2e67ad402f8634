import { describe, expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildPersona } from "../../../test/factories";

describeWithApp("API tokens", (get) => {
  async function tokenFor(scope: "read" | "read-write", role: "admin" | "member" | "viewer" = "admin") {
    const t = get();
    const persona = await buildPersona(t, { role });
    const response = await persona.request({
      method: "POST",
      url: "/api/v1/tokens",
      payload: { name: "ci", scope, expiresInDays: 30 },
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    return { t, persona, id: body.id as string, bearer: { authorization: `Bearer ${body.token}` }, body };
  }

  describe("POST /api/v1/tokens", () => {
    it("shows the secret once, stores only its hash, and never lists it", async () => {
      const { t, persona, body } = await tokenFor("read");
      expect(body.token).toMatch(/^tdm_[\w-]{43}$/);
      const stored = await t.database.query<{ token_hash: string }>("SELECT token_hash FROM api_token WHERE id = $1", [
        body.id,
      ]);
      expect(stored[0].token_hash).not.toContain(body.token);
      const list = (await persona.request({ url: "/api/v1/tokens" })).json();
      expect(list.items).toHaveLength(1);
      expect(JSON.stringify(list)).not.toContain(body.token);
    });

    it("gives a viewer read tokens only", async () => {
      const viewer = await buildPersona(get(), { role: "viewer" });
      const response = await viewer.request({
        method: "POST",
        url: "/api/v1/tokens",
        payload: { name: "x", scope: "read-write" },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().errors[0].path).toBe("scope");
    });
  });

  describe("Authorization: Bearer", () => {
    it("reads with a read token, but cannot write", async () => {
      const { t, bearer } = await tokenFor("read");
      expect((await t.app.inject({ url: "/api/v1/users", headers: bearer })).statusCode).toBe(200);
      const write = await t.app.inject({
        method: "POST",
        url: "/api/v1/teams",
        headers: bearer,
        payload: { name: "Ops" },
      });
      expect(write.statusCode).toBe(403);
    });

    it("writes with a read-write token, without CSRF, but cannot mint more tokens", async () => {
      const { t, bearer } = await tokenFor("read-write");
      const write = await t.app.inject({
        method: "POST",
        url: "/api/v1/teams",
        headers: bearer,
        payload: { name: "Ops" },
      });
      expect(write.statusCode).toBe(201);
      const mint = await t.app.inject({
        method: "POST",
        url: "/api/v1/tokens",
        headers: bearer,
        payload: { name: "more" },
      });
      expect(mint.statusCode).toBe(403);
      const me = (await t.app.inject({ url: "/api/v1/me", headers: bearer })).json();
      expect(me).toMatchObject({ auth: "token", csrfToken: null });
    });

    it("stops working when revoked or expired", async () => {
      const { t, persona, id, bearer } = await tokenFor("read");
      t.setNow(new Date(Date.now() + 31 * 24 * 3600_000));
      try {
        expect((await t.app.inject({ url: "/api/v1/me", headers: bearer })).statusCode).toBe(401);
      } finally {
        t.setNow(null);
      }
      expect((await t.app.inject({ url: "/api/v1/me", headers: bearer })).statusCode).toBe(200);
      expect((await persona.request({ method: "DELETE", url: `/api/v1/tokens/${id}` })).statusCode).toBe(200);
      expect((await t.app.inject({ url: "/api/v1/me", headers: bearer })).statusCode).toBe(401);
    });

    it("answers 401 for a malformed header", async () => {
      const response = await get().app.inject({ url: "/api/v1/me", headers: { authorization: "Basic abc" } });
      expect(response.statusCode).toBe(401);
    });
  });
});
