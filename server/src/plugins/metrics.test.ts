import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithApp } from "../../test/app";
import { buildPersona } from "../../test/factories";
import { buildApp } from "../app";

const METRICS_TOKEN = "a-metrics-token-of-enough-length";

describeWithApp("metrics", (get) => {
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    app = await buildApp({ database: get().database, webDir: null, metricsToken: METRICS_TOKEN });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("serves /metrics only to its bearer token", async () => {
    if (!app) throw new Error("app not ready");
    const admin = await buildPersona(get(), { role: "admin" });
    const anonymous = await app.inject({ url: "/metrics" });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.body).not.toContain("tandem_http_requests_total");
    const wrong = await app.inject({ url: "/metrics", headers: { authorization: "Bearer not-the-token" } });
    expect(wrong.statusCode).toBe(401);
    // A signed-in admin's session is not the metrics token either.
    expect((await app.inject({ url: "/metrics", headers: { cookie: admin.cookie } })).statusCode).toBe(401);
    const ok = await app.inject({ url: "/metrics", headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain("tandem_http_requests_total");
    expect(ok.body).toContain("process_resident_memory_bytes");
  });

  it("has no /metrics without a token configured", async () => {
    const response = await get().app.inject({ url: "/metrics" });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain("tandem_http_requests_total");
  });

  it("sends the API docs one content security policy, each directive once and strict", async () => {
    for (const url of ["/api/docs", "/api/docs/static/swagger-initializer.js"]) {
      const response = await get().app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      const header = response.headers["content-security-policy"];
      expect(typeof header, url).toBe("string");
      const names = String(header)
        .split(";")
        .map((part) => part.trim().split(/\s+/)[0])
        .filter(Boolean);
      expect(names.length, String(header)).toBe(new Set(names).size);
      expect(String(header)).toContain("frame-ancestors 'none'");
      expect(String(header)).toContain("base-uri 'none'");
      expect(String(header)).toContain("object-src 'none'");
    }
  });
});
