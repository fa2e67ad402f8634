import fc from "fast-check";
import { expect, it } from "vitest";
import { Problem } from "#contracts/common";
import { describeWithApp } from "../../test/app";
import { buildPersona } from "../../test/factories";
import {
  isDocumentedStatus,
  loadOperations,
  pathParamsArbitrary,
  queryArbitrary,
  sendAs,
  urlOf,
} from "../../test/openapi-operations";
import { arbitraryOf } from "../../test/schema-arbitrary";
import { buildWorld } from "../../test/world";
import { parseEnv } from "../env";

// A bounded pass in every test run; `npm run test:security` raises TANDEM_FUZZ_RUNS for a longer one.
const RUNS = Math.max(5, Math.ceil(parseEnv().TANDEM_FUZZ_RUNS / 20));

describeWithApp("requests generated from the OpenAPI document", (get) => {
  it("are answered with a status the document lists for the operation, never 5xx", async () => {
    const t = get();
    const operations = await loadOperations(t);
    expect(operations.length).toBeGreaterThan(100);
    const world = await buildWorld(t);
    for (const operation of operations) {
      // Signing out ends the session it is sent with: a throwaway persona of the same workspace signs out.
      const persona = operation.path.endsWith("/logout")
        ? await buildPersona(t, { role: "viewer", workspace: world.ws })
        : world.personas.admin;
      await fc.assert(
        fc.asyncProperty(
          pathParamsArbitrary(operation, world),
          queryArbitrary(operation),
          operation.body ? arbitraryOf(operation.body) : fc.constant(undefined),
          async (params, query, body) => {
            const url = urlOf(operation, params, query);
            const response = await sendAs(persona, operation, url, body);
            const what = `${operation.method} ${url} ${JSON.stringify(body)?.slice(0, 300)} → ${response.body.slice(0, 300)}`;
            expect(response.statusCode, what).toBeLessThan(500);
            expect(isDocumentedStatus(operation, response.statusCode), `undocumented status: ${what}`).toBe(true);
            if (response.statusCode >= 400) {
              expect(response.headers["content-type"], what).toContain("application/problem+json");
              expect(Problem.safeParse(response.json()).success, what).toBe(true);
            }
          },
        ),
        { numRuns: RUNS },
      );
    }
  }, 900_000);
});
