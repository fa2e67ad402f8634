import fc from "fast-check";
import { expect, it } from "vitest";
import { describeWithApp } from "../../test/app";
import type { Persona } from "../../test/factories";
import {
  isDocumentedStatus,
  loadOperations,
  type Operation,
  pathParamsArbitrary,
  queryArbitrary,
  sendAs,
  urlOf,
  withWorldIds,
} from "../../test/openapi-operations";
import { arbitraryOf } from "../../test/schema-arbitrary";
import { buildWorld, type World } from "../../test/world";
import { parseEnv } from "../env";

// Writes that arrive together: a double-click, a client's retry, two Tandem processes behind one load balancer.
// PGlite runs one statement at a time; on PostgreSQL they race for the same rows, numbers and unique names.
const BURST = 5;
// Two generated requests per write operation in every test run; `npm run test:security` raises TANDEM_FUZZ_RUNS.
const SAMPLES = Math.max(2, Math.ceil(parseEnv().TANDEM_FUZZ_RUNS / 100));

function collectionOf(operation: Operation) {
  return operation.path.split("/")[3] ?? "";
}

// The record a path's {id} names, read as a client does before an edit: its current version, when it has one.
async function currentVersion(persona: Persona, operation: Operation, params: Record<string, string>) {
  const end = operation.path.indexOf("{id}");
  if (end < 0) return undefined;
  const response = await persona.request({
    url: urlOf({ ...operation, path: operation.path.slice(0, end + 4) }, params),
  });
  const version = response.statusCode === 200 ? response.json()?.version : undefined;
  return typeof version === "number" ? version : undefined;
}

describeWithApp("writes sent at the same moment", (get) => {
  it("are each answered with a documented status, never 5xx, each module starting on a fresh workspace", async () => {
    const t = get();
    const writes = (await loadOperations(t)).filter(
      (operation) => operation.method !== "GET" && !operation.path.endsWith("/logout"),
    );
    expect(writes.length).toBeGreaterThan(60);
    // A fresh world per module: its first rows (the audit chain's head, settings, counters) are written by the burst.
    let fresh: World | undefined;
    let worldOf = "";
    const seed = Date.now();
    const failures: string[] = [];
    for (const [index, operation] of writes.entries()) {
      if (!fresh || worldOf !== collectionOf(operation)) {
        fresh = await buildWorld(t);
        worldOf = collectionOf(operation);
      }
      const world = fresh;
      const persona = world.personas.admin;
      const requests = fc.sample(
        fc.tuple(
          pathParamsArbitrary(operation, world),
          queryArbitrary(operation),
          operation.body
            ? arbitraryOf(operation.body).map((body) => withWorldIds(body, world))
            : fc.constant(undefined),
        ),
        { numRuns: SAMPLES, seed: seed + index },
      );
      type Generated = readonly [Record<string, string>, Record<string, unknown>, unknown];
      const send = async ([params, query, body]: Generated) => {
        const url = urlOf(operation, params, query);
        const response = await sendAs(persona, operation, url, body);
        const said = `${operation.method} ${url} ${JSON.stringify(body)?.slice(0, 200)} → ${response.body.slice(0, 300)}`;
        if (response.statusCode >= 500) failures.push(`(seed ${seed + index}) ${said}`);
        else if (!isDocumentedStatus(operation, response.statusCode)) failures.push(`undocumented status: ${said}`);
      };
      // Edits carry the record's current version, read just before, as a client's would: one of a burst can win.
      const withVersion = async ([params, query, body]: Generated): Promise<Generated> => {
        if (!body || typeof body !== "object" || !("version" in body)) return [params, query, body];
        const version = (await currentVersion(persona, operation, params)) ?? body.version;
        return [params, query, { ...body, version }];
      };
      // The same request several times at once, then the different samples at once.
      for (const request of requests) {
        const edit = await withVersion(request);
        await Promise.all(Array.from({ length: BURST }, () => send(edit)));
      }
      await Promise.all((await Promise.all(requests.map(withVersion))).map(send));
    }
    expect(failures).toEqual([]);
  }, 900_000);
});
