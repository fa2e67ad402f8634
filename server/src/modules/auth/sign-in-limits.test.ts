import { describe, expect, it } from "vitest";
import { describeWithApp, json, type TestApp } from "../../../test/app";
import { buildPersona, TEST_PASSWORD, unique } from "../../../test/factories";
import { LOGIN_MAX_FAILURES, LOGIN_MAX_IP_FAILURES } from "./sign-in-limits";

function randomIp() {
  const byte = () => 1 + Math.floor(Math.random() * 250);
  return `10.${byte()}.${byte()}.${byte()}`;
}

function attempt(t: TestApp, email: string, password: string, ip: string) {
  return t.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { email, password },
    remoteAddress: ip,
  });
}

async function countChecks(t: TestApp, userId: string) {
  const rows = await t.database.query(
    "SELECT 1 FROM audit_event WHERE action = 'auth.login_failed' AND entity_id = $1",
    [userId],
  );
  return rows.length;
}

describeWithApp("sign-in limits", (get) => {
  describe("per IP", () => {
    it("never refuses another account's correct password after five failures from the same IP", async () => {
      const t = get();
      const ip = randomIp();
      const victim = await buildPersona(t);
      const colleague = await buildPersona(t);
      for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
        expect((await attempt(t, `${unique()}@nowhere.test`, "wrong password!!", ip)).statusCode).toBe(401);
      }
      expect((await attempt(t, victim.user.email, TEST_PASSWORD, ip)).statusCode).toBe(200);
      expect((await attempt(t, colleague.user.email, TEST_PASSWORD, ip)).statusCode).toBe(200);
    });

    it("answers 429 to wrong passwords past the IP's threshold, yet signs in a correct one", async () => {
      const t = get();
      const ip = randomIp();
      const persona = await buildPersona(t);
      for (let i = 0; i < LOGIN_MAX_IP_FAILURES; i++) {
        expect((await attempt(t, `${unique()}@nowhere.test`, "x", ip)).statusCode).toBe(401);
      }
      const wrong = await attempt(t, `${unique()}@nowhere.test`, "x", ip);
      expect(wrong.statusCode).toBe(429);
      expect(Number(wrong.headers["retry-after"])).toBeGreaterThan(0);
      expect((await attempt(t, persona.user.email, TEST_PASSWORD, ip)).statusCode).toBe(200);
    });
  });

  describe("per account", () => {
    it("slows an account down after 3 failures, locks it at 5 even for the right password, then lifts", async () => {
      const t = get();
      const persona = await buildPersona(t);
      const start = Date.now();
      const at = (seconds: number) => t.setNow(new Date(start + seconds * 1000));
      try {
        at(0);
        for (let i = 0; i < 3; i++) {
          expect((await attempt(t, persona.user.email, "wrong password!!", randomIp())).statusCode).toBe(401);
        }
        // The fourth attempt must wait 2 seconds after the third failure, from any IP.
        const early = await attempt(t, persona.user.email, TEST_PASSWORD, randomIp());
        expect(early.statusCode).toBe(429);
        expect(early.headers["retry-after"]).toBe("2");
        at(2);
        expect((await attempt(t, persona.user.email, "wrong password!!", randomIp())).statusCode).toBe(401);
        at(10);
        expect((await attempt(t, persona.user.email, "wrong password!!", randomIp())).statusCode).toBe(401);
        // Locked: the right password from a fresh IP is refused until the oldest failure ages out.
        at(60);
        const locked = await attempt(t, persona.user.email, TEST_PASSWORD, randomIp());
        expect(locked.statusCode).toBe(429);
        expect(json(locked).detail).toContain("this account");
        expect(Number(locked.headers["retry-after"])).toBe(15 * 60 - 60);
        at(15 * 60 + 1);
        expect((await attempt(t, persona.user.email, TEST_PASSWORD, randomIp())).statusCode).toBe(200);
      } finally {
        t.setNow(null);
      }
      expect(await countChecks(t, persona.user.id)).toBe(5);
    });

    it("forgets an account's failures when it signs in", async () => {
      const t = get();
      const persona = await buildPersona(t);
      const ip = randomIp();
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < 3; i++) expect((await attempt(t, persona.user.email, "wrong!!", ip)).statusCode).toBe(401);
        t.setNow(new Date(Date.now() + (round + 1) * 60_000));
        try {
          expect((await attempt(t, persona.user.email, TEST_PASSWORD, ip)).statusCode).toBe(200);
        } finally {
          t.setNow(null);
        }
      }
    });

    it("lets no more than the allowed password checks through 40 parallel wrong attempts", async () => {
      const t = get();
      const persona = await buildPersona(t);
      t.setNow(new Date());
      const responses = await Promise.all(
        Array.from({ length: 40 }, () => attempt(t, persona.user.email, "wrong password!!", randomIp())),
      ).finally(() => t.setNow(null));
      const statuses = responses.map((r) => r.statusCode);
      // 503 is a busy server (every pooled connection waited on past its limit on a loaded machine), not a check.
      expect(statuses.filter((s) => s !== 401 && s !== 429 && s !== 503)).toEqual([]);
      // Three failures, then the slow-down refuses the rest until 2 seconds have passed.
      const checks = await countChecks(t, persona.user.id);
      expect(checks).toBe(3);
      expect(statuses.filter((s) => s === 401)).toHaveLength(checks);
    });
  });
});
