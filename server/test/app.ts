import type { FastifyInstance, LightMyRequestResponse, RouteOptions } from "fastify";
import { afterAll, beforeAll, describe } from "vitest";
import { buildApp } from "../src/app";
import type { Database } from "../src/db/client";
import { createTestDatabase, testDatabaseKinds } from "./database";

/** A running test app on its own database, with a settable clock. */
export interface TestApp {
  app: FastifyInstance;
  /** Every route the app registered, as "METHOD /url". */
  routes: RouteOptions[];
  database: Database;
  kind: "pglite" | "postgres";
  /** Moves the app's clock (a function is asked at every reading); `null` goes back to the wall clock. */
  setNow(date: Date | (() => Date) | null): void;
}

/**
 * Declares a suite once per test database (PGlite, and PostgreSQL when configured), each with
 * its own fresh database and app. `get()` returns the suite's app inside tests.
 */
export function describeWithApp(name: string, define: (get: () => TestApp) => void) {
  for (const kind of testDatabaseKinds()) {
    describe(`${name} [${kind}]`, () => {
      let current: TestApp | undefined;
      let drop: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        const database = await createTestDatabase(kind);
        drop = database.drop;
        let fixed: Date | (() => Date) | null = null;
        const routes: RouteOptions[] = [];
        const app = await buildApp({
          database,
          now: () => (typeof fixed === "function" ? fixed() : (fixed ?? new Date())),
          webDir: null,
          onRoute: (route) => routes.push(route),
        });
        // Tests write to the database directly between requests: let the change feed hear of those
        // writes before the next request (PostgreSQL delivers notifications a moment after commit).
        app.addHook("onRequest", async () => {
          await app.readCache?.feed.sync();
        });
        await app.ready();
        current = { app, routes, database, kind, setNow: (date) => (fixed = date) };
      });
      afterAll(async () => {
        await current?.app.close();
        await drop?.();
      });
      define(() => {
        if (!current) throw new Error("test app not ready");
        return current;
      });
    });
  }
}

/** The JSON body of a response. */
export function json<T = any>(response: LightMyRequestResponse): T {
  return response.json() as T;
}
