import type { FastifyInstance, RouteOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../../test/app";
import { createTestDatabase, testDatabaseKinds } from "../../test/database";
import { buildPersona, buildWorkspace, type Persona } from "../../test/factories";
import { buildKpi, buildScorecardWorld } from "../../test/factories-scorecard";
import { buildApp } from "../app";
import { ANNOUNCED_TABLES, TABLE_NAMES } from "../db/change-feed";
import { openDatabase } from "../db/client";

/** The tables a statement names: quoted identifiers (Drizzle) or bare words (raw SQL) that are tables. */
function tablesOf(sql: string): string[] {
  const words = sql.match(/"[a-z_]+"|\b[a-z_]+\b/g) ?? [];
  return words.map((word) => word.replaceAll('"', "")).filter((word) => TABLE_NAMES.has(word));
}

for (const kind of testDatabaseKinds()) {
  describe(`read cache [${kind}]`, () => {
    const statements: string[] = [];
    let t: TestApp;
    let app: FastifyInstance;
    let drop: () => Promise<void>;
    const cachedRoutes: RouteOptions[] = [];

    beforeAll(async () => {
      const database = await createTestDatabase(kind, { onQuery: (sql) => statements.push(sql) });
      drop = database.drop;
      app = await buildApp({
        database,
        webDir: null,
        onRoute: (route) => {
          if (route.config?.cache && route.method === "GET") cachedRoutes.push(route);
        },
      });
      await app.ready();
      t = { app, routes: [], database, kind, setNow: () => {} };
    });
    afterAll(async () => {
      await app.close();
      await drop();
    });

    // Changes written straight to the database arrive through the feed; wait for them as a later request would.
    const read = async (persona: Persona, url: string) => {
      await app.readCache?.feed.sync();
      return persona.request({ url });
    };

    it("names, on every cached route, each table its answer is read from, and answers again without the database", async () => {
      // Routes with parameters, read by someone who may: a sample URL each (written first: new people and
      // sessions announce changes that would make the first reads below resolve their session again).
      const scorecard = await buildScorecardWorld(t);
      const kpi = await buildKpi(scorecard.marketing, scorecard.objective.id);
      const admin = await buildPersona(t, { role: "admin" });
      await read(scorecard.marketing, "/api/v1/me");
      await read(admin, "/api/v1/me");
      expect(cachedRoutes.length).toBeGreaterThanOrEqual(4);
      const samples: Record<string, { persona: Persona; url: string }> = {
        "/api/v1/kpis/:id/series": { persona: scorecard.marketing, url: `/api/v1/kpis/${kpi.id}/series` },
      };
      for (const route of cachedRoutes) {
        const sample = route.url.includes(":") ? samples[route.url] : { persona: admin, url: route.url };
        expect(sample, `${route.url}: a cached route with parameters needs a sample URL in this test`).toBeDefined();
        statements.length = 0;
        const first = await read(sample.persona, sample.url);
        expect(first.statusCode, route.url).toBe(200);
        expect(first.headers["x-tandem-cache"], route.url).toBe("miss");
        const read_ = new Set(statements.flatMap(tablesOf));
        expect(
          [...read_].filter((table) => !route.config?.cache?.includes(table)),
          route.url,
        ).toEqual([]);
        statements.length = 0;
        const again = await read(sample.persona, sample.url);
        expect(again.headers["x-tandem-cache"], route.url).toBe("hit");
        expect(again.body).toBe(first.body);
        expect(statements, `${route.url} read the database on a hit`).toEqual([]);
      }
    });

    it("shows a change made through the API at once, and one written by another process once announced", async () => {
      const admin = await buildPersona(t, { role: "admin" });
      const names = async () =>
        (await read(admin, "/api/v1/teams?limit=100")).json().items.map((team: { name: string }) => team.name);
      expect(await names()).not.toContain("Brand studio");
      expect((await read(admin, "/api/v1/teams?limit=100")).headers["x-tandem-cache"]).toBe("hit");
      const created = await admin.request({ method: "POST", url: "/api/v1/teams", payload: { name: "Brand studio" } });
      expect(created.statusCode).toBe(201);
      expect(await names()).toContain("Brand studio");

      // Another process: its own connection (PostgreSQL) or, embedded, a statement outside any request.
      const other = kind === "postgres" ? await openDatabase({ url: await urlOf(t) }) : t.database;
      await other.query(
        "UPDATE team SET name = 'Brand and content studio' WHERE name = 'Brand studio' AND workspace_id = $1",
        [admin.user.workspaceId],
      );
      if (other !== t.database) await other.close();
      expect(await names()).toContain("Brand and content studio");
    });

    it("keeps answers per person, and ends a deactivated person's cached session at once", async () => {
      const ws = await buildWorkspace(t);
      const admin = await buildPersona(t, { role: "admin", workspace: ws });
      const member = await buildPersona(t, { workspace: ws });
      expect((await read(admin, "/api/v1/users?limit=5")).headers["x-tandem-cache"]).toBe("miss");
      const mine = await read(member, "/api/v1/users?limit=5");
      expect(mine.headers["x-tandem-cache"]).toBe("miss");
      expect((await read(member, "/api/v1/teams")).statusCode).toBe(200);
      const deactivated = await admin.request({
        method: "PATCH",
        url: `/api/v1/users/${member.user.id}`,
        payload: { version: 1, status: "deactivated" },
      });
      expect(deactivated.statusCode).toBe(200);
      expect((await read(member, "/api/v1/teams")).statusCode).toBe(401);
    });

    it("does not count a last-seen touch as a change, but does count a revocation", async () => {
      const member = await buildPersona(t);
      await read(member, "/api/v1/me");
      const feed = app.readCache?.feed;
      if (!feed) throw new Error("the cache is on by default");
      const stamp = feed.stamp();
      await t.database.query("UPDATE session SET last_seen_at = now(), idle_expires_at = now() + interval '1 hour'");
      await t.database.query("UPDATE app_user SET last_seen_at = now()");
      await feed.sync();
      expect(feed.changedSince(["session", "app_user"], stamp)).toBe(false);
      await t.database.query("UPDATE session SET revoked_at = now() WHERE user_id = $1", [member.user.id]);
      await feed.sync();
      expect(feed.changedSince(["session"], stamp)).toBe(true);
      expect(feed.changedSince(["tool"], stamp)).toBe(false);
      expect((await read(member, "/api/v1/me")).statusCode).toBe(401);
    });

    it("announces changes to exactly the tables caches read, and keeps an announcement to its commit", async () => {
      const withTrigger = await t.database.query<{ relname: string }>(
        `SELECT DISTINCT c.relname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
         WHERE g.tgname LIKE 'tandem_change%' ORDER BY c.relname`,
      );
      expect(withTrigger.map((row) => row.relname)).toEqual([...ANNOUNCED_TABLES].sort());
      const feed = app.readCache?.feed;
      if (!feed) throw new Error("the cache is on by default");
      const stamp = feed.stamp();
      await t.database.query("UPDATE tool SET name = name WHERE false");
      expect(await feed.sync()).toBe(true);
      // A statement that touched no row is still a change of the table: announced, harmlessly.
      expect(feed.changedSince(["tool"], stamp)).toBe(true);
      expect(feed.changedSince(["team"], stamp)).toBe(false);
    });

    it("never takes a token's secret for a session, nor serves a cached person a write", async () => {
      const ws = await buildWorkspace(t);
      const member = await buildPersona(t, { workspace: ws });
      const created = await member.request({
        method: "POST",
        url: "/api/v1/tokens",
        payload: { name: "read script", scope: "read", expiresInDays: 30 },
      });
      expect(created.statusCode).toBe(201);
      const secret = created.json().token as string;
      const bearer = { authorization: `Bearer ${secret}` };
      expect((await app.inject({ url: "/api/v1/teams", headers: bearer })).statusCode).toBe(200);
      expect((await app.inject({ url: "/api/v1/teams", headers: bearer })).headers["x-tandem-cache"]).toBe("hit");
      const asCookie = await app.inject({
        method: "POST",
        url: "/api/v1/teams",
        headers: { cookie: `__Host-tandem_session=${secret}`, "x-csrf-token": "" },
        payload: { name: "Smuggled" },
      });
      expect(asCookie.statusCode).toBe(401);
      expect(
        (await app.inject({ url: "/api/v1/me", headers: { cookie: `__Host-tandem_session=${secret}` } })).statusCode,
      ).toBe(401);
      const write = await app.inject({
        method: "POST",
        url: "/api/v1/teams",
        headers: bearer,
        payload: { name: "Nope" },
      });
      expect(write.statusCode).toBe(403);
    });

    it("keys answers by the validated query, so unknown parameters do not make new entries", async () => {
      const admin = await buildPersona(t, { role: "admin" });
      expect((await read(admin, "/api/v1/teams?limit=7")).headers["x-tandem-cache"]).toBe("miss");
      expect((await read(admin, "/api/v1/teams?limit=7&junk=1")).headers["x-tandem-cache"]).toBe("hit");
      expect((await read(admin, "/api/v1/stack/graph?anything=2")).headers["x-tandem-cache"]).toBe("miss");
      expect((await read(admin, "/api/v1/stack/graph?anything=3")).headers["x-tandem-cache"]).toBe("hit");
      expect((await read(admin, "/api/v1/teams?limit=8")).headers["x-tandem-cache"]).toBe("miss");
    });
  });
}

async function urlOf(t: TestApp): Promise<string> {
  const [{ current_database }] = await t.database.query<{ current_database: string }>("SELECT current_database()");
  const url = new URL(process.env.TANDEM_TEST_DATABASE_URL as string);
  url.pathname = `/${current_database}`;
  return url.toString();
}
