import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RouteSpec } from "#contracts/route";
import { createTestDatabase } from "../test/database";
import { buildApp } from "./app";

// Every API route is declared once in contracts/api and registered from that declaration (`routeOf`), so the
// web client, which calls the same declarations, cannot drift from the server: same path, method, inputs and
// answer. A route registered by hand, or a declaration no route uses, fails here.
const apiDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../contracts/api");

function isSpec(value: unknown): value is RouteSpec {
  return typeof value === "object" && value !== null && "method" in value && "path" in value && "response" in value;
}

async function declaredRoutes(): Promise<Map<string, RouteSpec>> {
  const declared = new Map<string, RouteSpec>();
  for (const file of fs
    .readdirSync(apiDir)
    .filter((name) => name.endsWith(".ts"))
    .sort()) {
    const module = (await import(path.join(apiDir, file))) as Record<string, unknown>;
    for (const group of Object.values(module)) {
      for (const spec of Object.values(group as Record<string, unknown>).filter(isSpec)) {
        const key = `${spec.method} /api/v1${spec.path}`;
        expect(declared.has(key), `${key} is declared twice`).toBe(false);
        declared.set(key, spec);
      }
    }
  }
  return declared;
}

describe("route declarations", () => {
  // Read as each route is added, before the route contract documents its error answers in a copy.
  const routes: { url: string; method: string | string[]; response: unknown }[] = [];
  let close: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase("pglite");
    const app = await buildApp({
      database,
      webDir: null,
      onRoute: (route) => void routes.push({ url: route.url, method: route.method, response: route.schema?.response }),
    });
    await app.ready();
    close = async () => {
      await app.close();
      await database.drop();
    };
  });
  afterAll(() => close());

  it("registers every API route from its declaration in contracts/api, and every declaration as a route", async () => {
    const declared = await declaredRoutes();
    const registered = new Set<string>();
    for (const route of routes) {
      const methods = ([] as string[]).concat(route.method).filter((method) => method !== "HEAD");
      for (const method of methods) {
        const key = `${method} ${route.url}`;
        if (!route.url.startsWith("/api/v1/")) continue;
        registered.add(key);
        const spec = declared.get(key);
        expect(spec, `${key} is not declared in contracts/api`).toBeDefined();
        // The same schema objects: registered through routeOf, not copied by hand.
        expect(route.response, `${key} is not registered from its declaration`).toBe(spec?.response);
      }
    }
    expect([...declared.keys()].filter((key) => !registered.has(key))).toEqual([]);
    expect(registered.size).toBeGreaterThan(200);
  });
});
