import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { Problem } from "#contracts/common";
import { describeWithApp } from "../../test/app";
import { buildPersona } from "../../test/factories";

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

describeWithApp("the API's error answers", (get) => {
  it("answers an unsupported method on a known path with 405, the methods it allows and problem+json", async () => {
    const admin = await buildPersona(get(), { role: "admin" });
    const collection = await admin.request({ method: "PUT", url: "/api/v1/tools?limit=5" });
    expect(collection.statusCode).toBe(405);
    expect(collection.headers.allow).toBe("GET, HEAD, POST");
    expect(collection.headers["content-type"]).toContain("application/problem+json");
    expect(Problem.parse(collection.json()).code).toBe("method_not_allowed");

    const record = await admin.request({ method: "DELETE", url: `/api/v1/tools/${randomUUID()}` });
    expect(record.statusCode).toBe(405);
    expect(record.headers.allow).toBe("GET, HEAD, PATCH");

    const unknownPath = await admin.request({ method: "POST", url: "/api/v1/auth/login/extra" });
    expect(unknownPath.statusCode).toBe(404);
    const unknownMethod = await admin.request({ method: "PATCH", url: "/api/v1/auth/login" });
    expect(unknownMethod.statusCode).toBe(405);
    expect(unknownMethod.headers.allow).toBe("POST");
  });

  it("still answers errors of known routes as problem+json, checked against the Problem schema", async () => {
    const admin = await buildPersona(get(), { role: "admin" });
    const missing = await admin.request({ method: "GET", url: `/api/v1/tools/${randomUUID()}` });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["content-type"]).toContain("application/problem+json");
    expect(Problem.parse(missing.json()).code).toBe("not_found");
    // A path that is not valid UTF-8 is refused by the router itself, before the error handler.
    const badPath = await admin.request({ method: "GET", url: "/api/v1/users/%ED%A0%80" });
    expect(badPath.statusCode).toBe(400);
    expect(badPath.headers["content-type"]).toContain("application/problem+json");
    expect(Problem.parse(badPath.json()).code).toBe("bad_request");
    const invalid = await admin.request({ method: "POST", url: "/api/v1/teams", payload: { kind: "nope" } });
    expect(invalid.statusCode).toBe(400);
    expect(Problem.parse(invalid.json()).errors?.map((error) => error.path)).toEqual(["name", "kind"]);
  });

  it("documents every operation's error answers as problem+json in the OpenAPI document", async () => {
    const response = await get().app.inject({ method: "GET", url: "/api/openapi.json" });
    const document = response.json() as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
    };
    let operations = 0;
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!methods.includes(method)) continue;
        operations += 1;
        for (const status of ["400", "401", "403", "404", "409", "413", "415", "429"]) {
          const answer = operation.responses[status];
          expect(answer, `${method} ${path} ${status}`).toBeDefined();
          const schema = answer.content?.["application/problem+json"] as { schema: { required: string[] } };
          expect(schema.schema.required, `${method} ${path} ${status}`).toEqual(
            expect.arrayContaining(["type", "title", "status", "code"]),
          );
        }
      }
    }
    expect(operations).toBeGreaterThan(100);
  });
});
