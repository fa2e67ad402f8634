import { expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildPersona, buildWorkspace, TEST_PASSWORD } from "../../../test/factories";

describeWithApp("sessions", (get) => {
  it("lists one's live sessions, marks the current one, and revokes another", async () => {
    const t = get();
    const persona = await buildPersona(t);
    const login = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: persona.user.email, password: TEST_PASSWORD },
    });
    const otherCookie = (login.headers["set-cookie"] as string).split(";")[0];
    const list = (await persona.request({ url: "/api/v1/sessions" })).json();
    expect(list.items).toHaveLength(2);
    expect(list.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const other = list.items.find((s: { current: boolean }) => !s.current);
    expect((await persona.request({ method: "DELETE", url: `/api/v1/sessions/${other.id}` })).statusCode).toBe(200);
    expect((await t.app.inject({ url: "/api/v1/me", headers: { cookie: otherCookie } })).statusCode).toBe(401);
    expect((await persona.request({ url: "/api/v1/me" })).statusCode).toBe(200);
  });

  it("lets an admin list everyone's sessions and end one", async () => {
    const t = get();
    const ws = await buildWorkspace(t);
    const admin = await buildPersona(t, { role: "admin", workspace: ws });
    const member = await buildPersona(t, { workspace: ws });
    const all = (await admin.request({ url: "/api/v1/sessions?userId=all" })).json();
    expect(all.items.map((s: { user: { id: string } }) => s.user.id).sort()).toEqual(
      [admin.user.id, member.user.id].sort(),
    );
    const memberSession = all.items.find((s: { user: { id: string } }) => s.user.id === member.user.id);
    expect((await admin.request({ method: "DELETE", url: `/api/v1/sessions/${memberSession.id}` })).statusCode).toBe(
      200,
    );
    expect((await member.request({ url: "/api/v1/me" })).statusCode).toBe(401);
    expect((await member.request({ url: "/api/v1/sessions?userId=all" })).statusCode).toBe(401);
  });

  it("rotates: signing in creates a new token; changing the password ends the other sessions", async () => {
    const t = get();
    const persona = await buildPersona(t);
    const login = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: persona.user.email, password: TEST_PASSWORD },
    });
    const second = (login.headers["set-cookie"] as string).split(";")[0];
    expect(second).not.toBe(persona.cookie);
    const change = await persona.request({
      method: "POST",
      url: "/api/v1/me/password",
      payload: { currentPassword: TEST_PASSWORD, newPassword: "a completely new passphrase" },
    });
    expect(change.statusCode).toBe(200);
    expect((await persona.request({ url: "/api/v1/me" })).statusCode).toBe(200);
    expect((await t.app.inject({ url: "/api/v1/me", headers: { cookie: second } })).statusCode).toBe(401);
    const wrong = await persona.request({
      method: "POST",
      url: "/api/v1/me/password",
      payload: { currentPassword: "not the password", newPassword: "yet another new passphrase" },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe("currentPassword");
  });
});
