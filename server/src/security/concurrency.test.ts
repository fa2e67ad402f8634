import fc from "fast-check";
import { expect, it } from "vitest";
import { describeWithApp } from "../../test/app";
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

describeWithApp("writes sent at the same moment", (get) => {
  it("are each answered with a documented status, never 5xx, on a workspace that has not written yet", async () => {
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
      const send = async ([params, query, body]: (typeof requests)[number]) => {
        const url = urlOf(operation, params, query);
        const response = await sendAs(persona, operation, url, body);
        const said = `${operation.method} ${url} ${JSON.stringify(body)?.slice(0, 200)} → ${response.body.slice(0, 300)}`;
        if (response.statusCode >= 500) failures.push(`(seed ${seed + index}) ${said}`);
        else if (!isDocumentedStatus(operation, response.statusCode)) failures.push(`undocumented status: ${said}`);
      };
      // The same request several times at once, then the different samples at once.
      for (const burst of [...requests.map((request) => Array(BURST).fill(request)), requests]) {
        await Promise.all(burst.map(send));
      }
    }
    expect(failures).toEqual([]);
  }, 900_000);
});
