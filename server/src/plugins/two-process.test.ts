import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../../test/app";
import { createTestDatabase } from "../../test/database";
import { buildPersona, buildWorkspace, unique } from "../../test/factories";
import { buildApp } from "../app";
import { type Database, openDatabase } from "../db/client";
import { parseEnv } from "../env";

// Two Tandem processes on one PostgreSQL database: each its own pool, read cache and change feed. What one
// revokes, the other refuses within 100 ms for reads (its cache hears the change) and at once for writes
// (writes never use a cached session or token).
const READ_DEADLINE_MS = 100;

describe.skipIf(!parseEnv().TANDEM_TEST_DATABASE_URL)("two processes on one PostgreSQL [postgres]", () => {
  let first: TestApp;
  let second: FastifyInstance;
  let secondDatabase: Database;
  const secondQueries: string[] = [];
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const database = await createTestDatabase("postgres");
    drop = database.drop;
    if (!database.url) throw new Error("the PostgreSQL test database has no URL");
    const app = await buildApp({ database, webDir: null });
    await app.ready();
    first = { app, routes: [], database, kind: "postgres", setNow: () => {} };
    secondDatabase = await openDatabase(
      { url: database.url },
      { poolSize: 5, onQuery: (sql) => secondQueries.push(sql) },
    );
    second = await buildApp({ database: secondDatabase, webDir: null });
    await second.ready();
  });
  afterAll(async () => {
    await second?.close();
    await secondDatabase?.close();
    await first?.app.close();
    await drop?.();
  });

  // Polls the second process until it refuses; how long that took after `since`.
  async function msUntilRefused(request: () => Promise<LightMyRequestResponse>, since: number) {
    for (;;) {
      const response = await request();
      const elapsed = performance.now() - since;
      if (response.statusCode === 401) return elapsed;
      expect(response.statusCode).toBe(200);
      if (elapsed > 2_000) return elapsed;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  // The second process's first read looks the credential up; once its own activity update is announced
  // (a session's first use moves its idle expiry), later reads are answered from its cache.
  async function expectCachedRead(request: () => Promise<LightMyRequestResponse>, table: string) {
    const lookups = () => secondQueries.filter((sql) => /^select/i.test(sql) && sql.includes(`from "${table}"`));
    secondQueries.length = 0;
    expect((await request()).statusCode).toBe(200);
    expect(lookups().length).toBeGreaterThan(0);
    let cachedAfter = 0;
    while (cachedAfter < 5) {
      cachedAfter++;
      secondQueries.length = 0;
      await second.readCache?.feed.sync();
      expect((await request()).statusCode).toBe(200);
      if (lookups().length === 0) break;
    }
    expect(lookups()).toEqual([]);
  }

  it("refuses a token revoked through the other process: reads within 100 ms, writes at once", async () => {
    const ws = await buildWorkspace(first);
    const admin = await buildPersona(first, { role: "admin", workspace: ws });
    const created = await admin.request({
      method: "POST",
      url: "/api/v1/tokens",
      payload: { name: "script", scope: "read-write" },
    });
    const { id, token } = created.json() as { id: string; token: string };
    const headers = { authorization: `Bearer ${token}` };
    const read = () => second.inject({ url: "/api/v1/me", headers });
    const write = () =>
      second.inject({ method: "POST", url: "/api/v1/teams", headers, payload: { name: unique("Team ") } });
    await expectCachedRead(read, "api_token");
    expect((await write()).statusCode).toBe(201);

    const revoked = await admin.request({ method: "DELETE", url: `/api/v1/tokens/${id}` });
    expect(revoked.statusCode).toBe(200);
    // Reads are polled from the moment the revocation answered; the write is checked after (its own time would
    // otherwise count against the reads' deadline).
    const elapsed = await msUntilRefused(read, performance.now());
    expect((await write()).statusCode).toBe(401);
    console.info(`two processes: revoked token refused for reads after ${elapsed.toFixed(1)} ms`);
    expect(elapsed).toBeLessThan(READ_DEADLINE_MS);
  });

  it("refuses a person deactivated through the other process: reads within 100 ms, writes at once", async () => {
    const ws = await buildWorkspace(first);
    const admin = await buildPersona(first, { role: "admin", workspace: ws });
    const leaver = await buildPersona(first, { role: "admin", workspace: ws });
    const headers = { cookie: leaver.cookie };
    const read = () => second.inject({ url: "/api/v1/me", headers });
    const write = () =>
      second.inject({
        method: "POST",
        url: "/api/v1/teams",
        headers: { ...headers, "x-csrf-token": leaver.csrf },
        payload: { name: unique("Team ") },
      });
    await expectCachedRead(read, "session");
    expect((await write()).statusCode).toBe(201);

    const deactivated = await admin.request({
      method: "PATCH",
      url: `/api/v1/users/${leaver.user.id}`,
      payload: { version: 1, status: "deactivated" },
    });
    expect(deactivated.statusCode).toBe(200);
    // Reads are polled from the moment the revocation answered; the write is checked after (its own time would
    // otherwise count against the reads' deadline).
    const elapsed = await msUntilRefused(read, performance.now());
    expect((await write()).statusCode).toBe(401);
    console.info(`two processes: deactivated person refused for reads after ${elapsed.toFixed(1)} ms`);
    expect(elapsed).toBeLessThan(READ_DEADLINE_MS);
  });

  it("refuses writes at once even when the change is never announced", async () => {
    const ws = await buildWorkspace(first);
    const admin = await buildPersona(first, { role: "admin", workspace: ws });
    const created = await admin.request({
      method: "POST",
      url: "/api/v1/tokens",
      payload: { name: "script", scope: "read-write" },
    });
    const { id, token } = created.json() as { id: string; token: string };
    const headers = { authorization: `Bearer ${token}` };
    await expectCachedRead(() => second.inject({ url: "/api/v1/me", headers }), "api_token");
    // A revocation whose announcement never arrives: triggers (and so NOTIFY) are off in replica mode.
    await first.database.exec(
      `BEGIN; SET LOCAL session_replication_role = replica; UPDATE api_token SET revoked_at = now() WHERE id = '${id}'; COMMIT;`,
    );
    const write = await second.inject({
      method: "POST",
      url: "/api/v1/teams",
      headers,
      payload: { name: unique("Team ") },
    });
    expect(write.statusCode).toBe(401);
  });
});
