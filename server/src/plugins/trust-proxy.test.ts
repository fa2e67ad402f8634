import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithApp } from "../../test/app";
import { buildPersona, TEST_PASSWORD } from "../../test/factories";
import { buildApp } from "../app";
import { parseEnv } from "../env";

describeWithApp("TRUST_PROXY", (get) => {
  const apps = new Map<string, FastifyInstance>();
  beforeAll(async () => {
    // One app per setting, on the suite's database: the setting reaches Fastify exactly as main.ts passes it.
    for (const setting of ["1", "2", "10.0.0.0/8,127.0.0.1", "true"]) {
      const app = await buildApp({
        database: get().database,
        webDir: null,
        cacheMegabytes: 0,
        trustProxy: parseEnv({ TRUST_PROXY: setting }).TRUST_PROXY,
      });
      await app.ready();
      apps.set(setting, app);
    }
  });
  afterAll(async () => {
    for (const app of apps.values()) await app.close();
  });

  async function signInIp(setting: string, forwardedFor: string, remoteAddress = "10.0.0.2") {
    const t = get();
    const persona = await buildPersona(t);
    const app = apps.get(setting);
    if (!app) throw new Error(`no app for ${setting}`);
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: persona.user.email, password: TEST_PASSWORD },
      headers: { "x-forwarded-for": forwardedFor },
      remoteAddress,
    });
    expect(response.statusCode).toBe(200);
    const [row] = await t.database.query<{ ip: string }>(
      "SELECT ip FROM session WHERE user_id = $1 ORDER BY created_at DESC, ip LIMIT 1",
      [persona.user.id],
    );
    const [audit] = await t.database.query<{ ip: string }>(
      "SELECT ip FROM audit_event WHERE action = 'auth.login' AND actor_id = $1",
      [persona.user.id],
    );
    expect(audit.ip).toBe(row.ip);
    return row.ip;
  }

  it("with 1, takes the address the one proxy added, whatever the client put in front", async () => {
    expect(await signInIp("1", "6.6.6.6, 203.0.113.7")).toBe("203.0.113.7");
    expect(await signInIp("1", "7.7.7.7, 203.0.113.7")).toBe("203.0.113.7");
  });

  it("reads true as one hop, never as trusting every hop", async () => {
    expect(await signInIp("true", "6.6.6.6, 203.0.113.8")).toBe("203.0.113.8");
  });

  it("with 2, skips exactly two proxies", async () => {
    expect(await signInIp("2", "6.6.6.6, 203.0.113.9, 10.0.0.3")).toBe("203.0.113.9");
  });

  it("with a list, trusts only the listed proxies", async () => {
    expect(await signInIp("10.0.0.0/8,127.0.0.1", "6.6.6.6, 203.0.113.10, 10.0.0.3")).toBe("203.0.113.10");
    // A connection from an unlisted address is the client itself, whatever it forwards.
    expect(await signInIp("10.0.0.0/8,127.0.0.1", "6.6.6.6", "198.51.100.4")).toBe("198.51.100.4");
  });
});
