import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { describeWithApp } from "../test/app";
import { buildPersona } from "../test/factories";
import { buildApp } from "./app";

describeWithApp("the HTTP surface", (get) => {
  const requiredHeaders = (headers: Record<string, unknown>) => {
    const csp = String(headers["content-security-policy"]);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("no-referrer");
  };

  it("sends security headers on 200, 401, 404 and problem responses, and no-store on API JSON", async () => {
    const t = get();
    const persona = await buildPersona(t);
    for (const response of [
      await persona.request({ url: "/api/v1/me" }),
      await t.app.inject({ url: "/api/v1/me" }),
      await t.app.inject({ url: "/nowhere" }),
      await t.app.inject({ url: "/api/v1/nowhere" }),
      await t.app.inject({ url: "/healthz" }),
      await t.app.inject({ url: "/api/docs" }),
    ]) {
      requiredHeaders(response.headers);
    }
    expect((await persona.request({ url: "/api/v1/me" })).headers["cache-control"]).toBe("no-store");
    expect((await t.app.inject({ url: "/api/v1/nowhere" })).headers["content-type"]).toContain(
      "application/problem+json",
    );
  });

  it("sends HSTS only over TLS (behind a proxy that says so)", async () => {
    const t = get();
    expect((await t.app.inject({ url: "/healthz" })).headers["strict-transport-security"]).toBeUndefined();
  });

  it("refuses bodies over 1 MiB with 413", async () => {
    const admin = await buildPersona(get(), { role: "admin" });
    const response = await admin.request({
      method: "POST",
      url: "/api/v1/teams",
      payload: { name: "x".repeat(1_100_000) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe("payload_too_large");
  });

  it("answers malformed JSON with a 400 problem, not a 500", async () => {
    const admin = await buildPersona(get(), { role: "admin" });
    const response = await admin.request({
      method: "POST",
      url: "/api/v1/teams",
      payload: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe("bad_request");
  });

  // /metrics asks for its own token: plugins/metrics.test.ts.
  it("serves health, readiness and the OpenAPI document", async () => {
    const t = get();
    expect((await t.app.inject({ url: "/healthz" })).json()).toEqual({ status: "ok" });
    expect((await t.app.inject({ url: "/readyz" })).json()).toEqual({ status: "ready", database: t.kind });
    const openapi = (await t.app.inject({ url: "/api/openapi.json" })).json();
    expect(openapi.openapi).toBe("3.1.0");
    expect(Object.keys(openapi.paths)).toContain("/api/v1/users/{id}");
  });

  it("says readyz is unavailable while migrations are pending", async () => {
    const t = get();
    await t.database.exec("DELETE FROM tandem_migration WHERE tag = '0001_audit_append_only'");
    try {
      const response = await t.app.inject({ url: "/readyz" });
      expect(response.statusCode).toBe(503);
      expect(response.json().detail).toContain("0001_audit_append_only");
    } finally {
      await t.database.exec("INSERT INTO tandem_migration (tag) VALUES ('0001_audit_append_only')");
    }
  });

  it("answers an unexpected failure with a generic 500 problem, headers and no internals", async () => {
    const app = await buildApp({ database: get().database, webDir: null });
    app.get("/api/v1/boom", { config: { access: "public" } }, async () => {
      throw new Error("SELECT secret FROM somewhere failed at /srv/app.ts:12");
    });
    await app.ready();
    try {
      const response = await app.inject({ url: "/api/v1/boom" });
      expect(response.statusCode).toBe(500);
      expect(response.json()).toMatchObject({ code: "internal_error", status: 500 });
      expect(response.body).not.toContain("SELECT");
      requiredHeaders(response.headers);
    } finally {
      await app.close();
    }
  });

  it("serves the web app to signed-out visitors: index.html for app paths, immutable hashed assets", async () => {
    const webDir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-web-"));
    fs.mkdirSync(path.join(webDir, "assets"));
    fs.writeFileSync(path.join(webDir, "index.html"), "<!doctype html><title>Tandem</title>");
    fs.writeFileSync(path.join(webDir, "assets", "main-abc123.js"), "console.log(1)");
    fs.writeFileSync(path.join(webDir, "favicon.svg"), "<svg/>");
    const app = await buildApp({ database: get().database, webDir });
    await app.ready();
    try {
      for (const url of ["/", "/people", "/accept-invite"]) {
        const page = await app.inject({ url });
        expect(page.statusCode, url).toBe(200);
        expect(page.body).toContain("<title>Tandem</title>");
        requiredHeaders(page.headers);
      }
      const asset = await app.inject({ url: "/assets/main-abc123.js" });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers["cache-control"]).toContain("immutable");
      expect((await app.inject({ url: "/favicon.svg" })).headers["cache-control"]).toBe("no-cache");
      expect((await app.inject({ url: "/missing.js" })).statusCode).toBe(404);
      expect((await app.inject({ url: "/api/v1/nothing-here" })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
