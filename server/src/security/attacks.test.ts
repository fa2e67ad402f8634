import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { expect, it } from "vitest";
import { Problem } from "#contracts/common";
import { describeWithApp } from "../../test/app";
import type { Persona } from "../../test/factories";
import { loadOperations, type Operation, pathParamsArbitrary, urlOf } from "../../test/openapi-operations";
import { arbitraryOf, leafPathsOf, withValueAt } from "../../test/schema-arbitrary";
import { buildWorld } from "../../test/world";

// Hostile values, written as raw JSON text so that numbers JSON.stringify would round (2⁵³ + 1) arrive as sent.
const HUGE_NUMBERS = ["1e308", "9007199254740993", "1099511627776", "-1e20", "2147483648"];
const LONE_SURROGATES = ['"\\ud800"', '"x\\udfff"'];
const OUT_OF_RANGE_DATES = ['"0026-03-29T02:16:42Z"', '"3283-10-14"', '"0026-03-29"', '"3283-10-14T00:00:00Z"'];
const DEEP = 10_000;
const DEEP_ARRAYS = `${"[".repeat(DEEP)}${"]".repeat(DEEP)}`;
const DEEP_OBJECTS = `${'{"a":'.repeat(DEEP)}1${"}".repeat(DEEP)}`;
// The same, as they reach a query string or a path.
const HOSTILE_TEXT = [
  "1e308",
  "9007199254740993",
  "1099511627776",
  "-1e20",
  "%ED%A0%80",
  "%00",
  "0026-03-29T02:16:42Z",
  "3283-10-14",
];
// Cursors a client could forge: out-of-range times, NUL characters, lone surrogates, huge numbers, nested values.
const NIL_ID = "00000000-0000-0000-0000-000000000000";
const FORGED_CURSORS = [
  ["-271821-04-20T00:00:00Z", NIL_ID],
  ["+275760-09-13T00:00:00Z", NIL_ID],
  ["0026-03-29T02:16:42Z", NIL_ID],
  ["x\u0000", NIL_ID],
  ["\ud800", NIL_ID],
  [1e308, NIL_ID],
  [-1e20, NIL_ID],
  [{ a: [1] }, NIL_ID],
  ["2026-01-01", "\u0000"],
].map((position) => Buffer.from(JSON.stringify(position)).toString("base64url"));
const PROBE_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const SENTINEL = "__tandem_attack__";
// The operations whose generated body got past validation: the attacks on their fields reached the service.
const reached = new Set<string>();
const lastRefusal = new Map<string, string>();

function payloadWith(body: unknown, path: (string | number)[], raw: string) {
  return JSON.stringify(withValueAt(body, path, SENTINEL)).replace(`"${SENTINEL}"`, raw);
}

function expectClean(response: LightMyRequestResponse, what: string) {
  expect(response.statusCode, `${what} → ${response.body.slice(0, 300)}`).toBeLessThan(500);
  if (response.statusCode >= 400) {
    expect(response.headers["content-type"], what).toContain("application/problem+json");
    expect(Problem.safeParse(response.json()).success, what).toBe(true);
  }
}

// A body the server takes past validation, when one of a few generated candidates is: attacks on its fields then
// reach the service and the database, not just the schema.
async function baseBodyOf(persona: Persona, operation: Operation, url: string) {
  if (!operation.body) return undefined;
  const candidates = fc.sample(arbitraryOf(operation.body), { numRuns: 20, seed: 12 });
  for (const candidate of candidates) {
    const response = await persona.request({
      method: operation.method as "POST",
      url,
      payload: JSON.stringify(candidate),
      headers: { "content-type": "application/json" },
    });
    expectClean(response, `${operation.method} ${url} (base)`);
    if (response.statusCode === 400)
      lastRefusal.set(`${operation.method} ${operation.path}`, response.body.slice(0, 120));
    if (response.statusCode !== 400) {
      reached.add(`${operation.method} ${operation.path}`);
      return candidate;
    }
  }
  return candidates[0];
}

function attacksOn(body: unknown) {
  const attacks: { path: (string | number)[]; raw: string }[] = [
    { path: [], raw: DEEP_ARRAYS },
    { path: [], raw: DEEP_OBJECTS },
  ];
  for (const path of leafPathsOf(body)) {
    const value = path.reduce<unknown>((at, key) => (at as Record<string, unknown>)?.[key], body);
    const key = path.at(-1);
    if (typeof value === "number" || key === "version") for (const raw of HUGE_NUMBERS) attacks.push({ path, raw });
    if (typeof value === "string") {
      for (const raw of LONE_SURROGATES) attacks.push({ path, raw });
      if (/^\d{4}-\d\d-\d\d/.test(value)) for (const raw of OUT_OF_RANGE_DATES) attacks.push({ path, raw });
    }
    if (path.length > 0 && (value === null || typeof value !== "object")) attacks.push({ path, raw: DEEP_ARRAYS });
  }
  return attacks;
}

function patternOf(path: string) {
  return new RegExp(`^${path.replace(/[.]/g, "\\.").replace(/\{\w+\}/g, "[^/]+")}$`);
}

describeWithApp("attacks on every route", (get) => {
  it("never answers 5xx to deep nesting, huge numbers, lone surrogates or out-of-range dates", async () => {
    const t = get();
    const operations = await loadOperations(t);
    const world = await buildWorld(t);
    const admin = world.personas.admin;
    for (const operation of operations) {
      // Signing out would end the admin's session for every later attack.
      const persona = operation.path.endsWith("/logout") ? world.personas.viewer : admin;
      const [params] = fc.sample(pathParamsArbitrary(operation, world), { numRuns: 1, seed: 7 });
      const url = urlOf(operation, params);
      const send = (payload: string | undefined, target = url) =>
        persona.request({
          method: operation.method as "POST",
          url: target,
          ...(payload === undefined ? {} : { payload, headers: { "content-type": "application/json" } }),
        });
      const body = await baseBodyOf(persona, operation, url);
      if (operation.body) {
        for (const { path, raw } of attacksOn(body)) {
          expectClean(
            await send(payloadWith(body, path, raw)),
            `${operation.method} ${url} ${path.join(".")}=${raw.slice(0, 30)}`,
          );
        }
      }
      const payload = body === undefined ? undefined : JSON.stringify(body);
      for (const parameter of operation.parameters.filter((p) => p.in === "query")) {
        for (const text of HOSTILE_TEXT) {
          const target = `${url}?${parameter.name}=${text}`;
          expectClean(await send(payload, target), `${operation.method} ${target}`);
        }
      }
      const cursorParameter = operation.parameters.find((p) => p.in === "query" && p.name === "cursor");
      if (cursorParameter) {
        const sorts = operation.parameters.find((p) => p.in === "query" && p.name === "sort")?.schema.enum ?? [
          undefined,
        ];
        for (const sort of sorts) {
          for (const cursor of FORGED_CURSORS) {
            const target = urlOf(operation, params, { sort, cursor });
            expectClean(await send(payload, target), `${operation.method} ${target}`);
          }
        }
      }
      for (const parameter of operation.parameters.filter((p) => p.in === "path")) {
        for (const text of HOSTILE_TEXT) {
          const target = urlOf(operation, { ...params, [parameter.name]: text }).replace(
            encodeURIComponent(text),
            text,
          );
          expectClean(await send(payload, target), `${operation.method} ${target}`);
        }
      }
    }
    // The generated bodies must mostly pass validation, or the attacks would only ever test the schemas.
    const withBody = operations.filter((operation) => operation.body);
    expect(reached.size, [...lastRefusal.values()].join("\n")).toBeGreaterThan(withBody.length * 0.6);
    // Whatever was accepted above must not break a read later (a stored year 0026 once broke a summary for good).
    for (const operation of operations.filter((candidate) => candidate.method === "GET")) {
      const [params] = fc.sample(pathParamsArbitrary(operation, world), { numRuns: 1, seed: 7 });
      const url = urlOf(operation, params);
      expectClean(await admin.request({ method: "GET", url }), `GET ${url} after the attacks`);
    }
  }, 900_000);

  it("answers 405 with the allowed methods for every method a known path does not support", async () => {
    const t = get();
    const operations = await loadOperations(t);
    const world = await buildWorld(t);
    const patterns = [...new Set(operations.map((operation) => operation.path))].map((path) => ({
      pattern: patternOf(path),
      methods: new Set(operations.filter((operation) => operation.path === path).map((operation) => operation.method)),
    }));
    for (const path of new Set(operations.map((operation) => operation.path))) {
      const operation = operations.find((candidate) => candidate.path === path) as Operation;
      const [params] = fc.sample(pathParamsArbitrary(operation, world), { numRuns: 1, seed: 7 });
      const url = urlOf(operation, params);
      // A concrete URL may match several paths (`/requests/board` and `/requests/{id}`): the router allows the union.
      const allowed = new Set<string>();
      for (const { pattern, methods } of patterns)
        if (pattern.test(url)) for (const method of methods) allowed.add(method);
      if (allowed.has("GET")) allowed.add("HEAD");
      for (const method of [...PROBE_METHODS, "OPTIONS", "TRACE"].filter((candidate) => !allowed.has(candidate))) {
        const response = await world.personas.admin.request({ method: method as "GET", url });
        expect(response.statusCode, `${method} ${url}`).toBe(405);
        expect(response.headers.allow, `${method} ${url}`).toBe([...allowed].sort().join(", "));
        expectClean(response, `${method} ${url}`);
      }
    }
  }, 300_000);
});
