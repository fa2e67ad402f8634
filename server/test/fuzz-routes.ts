import fc from "fast-check";
import type { RouteOptions } from "fastify";
import { expect, it } from "vitest";
import { z } from "zod";
import { Problem } from "#contracts/common";
import { parseEnv } from "../src/env";
import { describeWithApp } from "./app";
import { buildWorld } from "./world";

// ≥ 200 runs per route in CI; TANDEM_FUZZ_RUNS raises it for a deeper search.
const RUNS = parseEnv().TANDEM_FUZZ_RUNS;

const LEAKS = [
  /\bat .+\.(ts|js):\d+/,
  /node_modules/,
  /\bSELECT\b|\bINSERT INTO\b|\bUPDATE .+ SET\b/i,
  /syntax error/i,
  /violates .* constraint/i,
];

function shapeKeys(schema: unknown): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

// Values that stress validation: wrong types, huge and odd strings, prototype keys, nested junk.
const nasty = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.string({ maxLength: 300 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "'; DROP TABLE app_user; --",
    "../../etc/passwd",
    "x".repeat(5000),
    "00000000-0000-0000-0000-000000000000",
    "-createdAt",
    "name",
  ),
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, true, [], {}, { __proto__: { admin: true } }),
);

function bodyFor(keys: string[]) {
  return fc.oneof(
    fc.dictionary(fc.constantFrom(...keys, "__proto__", "constructor", "role", "workspaceId", "id"), nasty, {
      maxKeys: keys.length + 2,
    }),
    nasty,
  );
}

function queryFor(keys: string[]) {
  return fc.dictionary(
    fc.constantFrom(...keys, "limit", "cursor", "sort", "q"),
    fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.constantFrom(
        "-1",
        "0",
        "201",
        "1e9",
        "NaN",
        "eyJ4IjoxfQ",
        "WyJhIiwiYiJd",
        "WzEsIjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMCJd",
      ),
    ),
    { maxKeys: 4 },
  );
}

/**
 * Fuzzes one share of the JSON routes (those whose place in the sorted list is `part` modulo `parts`), so the
 * shares run side by side in the suite's workers; together the parts cover every route.
 */
export function fuzzRoutes(part: number, parts: number) {
  describeWithApp(`fuzzing every JSON route (part ${part + 1} of ${parts})`, (get) => {
    it("never answers 5xx, leaks internals, or breaks its schema", async () => {
      const t = get();
      const every = t.routes
        .filter((route: RouteOptions) => route.url.startsWith("/api/v1/") && route.method !== "HEAD")
        .sort((a, b) => `${a.url} ${a.method}`.localeCompare(`${b.url} ${b.method}`));
      expect(every.length).toBeGreaterThan(20);
      const routes = every.filter((_, index) => index % parts === part);
      for (const route of routes) {
        const method = String(route.method);
        const schema = (route.schema ?? {}) as { body?: unknown; querystring?: unknown; params?: unknown };
        const world = await buildWorld(t);
        // An admin: the persona that reaches the most code. Logout would end its session, so use a fresh one each run.
        await fc.assert(
          fc.asyncProperty(
            bodyFor(shapeKeys(schema.body)),
            queryFor(shapeKeys(schema.querystring)),
            fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }), fc.constant(world.target.user.id)),
            async (body, query, id) => {
              const url = route.url.replace(":id", encodeURIComponent(id || "x"));
              const search = new URLSearchParams(query as Record<string, string>).toString();
              const persona =
                method === "POST" && route.url.endsWith("/logout") ? world.personas.viewer : world.personas.admin;
              const response = await persona.request({
                method: method as "GET",
                url: search ? `${url}?${search}` : url,
                ...(method === "GET" || method === "DELETE"
                  ? {}
                  : { payload: JSON.stringify(body), headers: { "content-type": "application/json" } }),
              });
              expect(response.statusCode, `${method} ${url} ${response.body.slice(0, 300)}`).toBeLessThan(500);
              for (const leak of LEAKS) expect(response.body, `${method} ${url}`).not.toMatch(leak);
              if (response.statusCode >= 400) {
                expect(response.headers["content-type"]).toContain("application/problem+json");
                expect(Problem.safeParse(response.json()).success, response.body).toBe(true);
              }
            },
          ),
          { numRuns: RUNS },
        );
      }
    }, 600_000);
  });
}
