import type { InjectOptions } from "fastify";
import { afterEach, expect, it, vi } from "vitest";
import { importTerms } from "../../../web/src/features/glossary/api";
import { importMeasurements } from "../../../web/src/features/scorecard/api";
import { importExpenses, importTools } from "../../../web/src/features/stack/api";
import { importCsv } from "../../../web/src/features/value/api";
import { isApiError, setCsrfToken, setUnauthenticatedHandler } from "../../../web/src/lib/api";
import { describeWithApp } from "../../test/app";
import { buildPersona, type Persona } from "../../test/factories";

// Lives on the server's side of the boundary (web/ never imports the server): the web client's fetch, answered by the real server (app.inject) as the signed-in persona: what the browser
// sends (FormData with its boundary) is what the server reads.
function serveFetchAs(
  send: (
    options: InjectOptions,
  ) => Promise<{ statusCode: number; rawPayload: Buffer; headers: Record<string, unknown> }>,
) {
  const sent: { url: string; method: string; contentType: string }[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit = {}) => {
    const request = new Request(`http://tandem.test${url}`, init);
    const payload = Buffer.from(await request.arrayBuffer());
    const headers = Object.fromEntries(request.headers.entries());
    sent.push({ url, method: request.method, contentType: headers["content-type"] ?? "" });
    const response = await send({
      method: request.method as "POST",
      url,
      headers,
      ...(payload.length > 0 ? { payload } : {}),
    });
    const answerHeaders = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (typeof value === "string") answerHeaders.set(name, value);
    }
    return new Response(response.statusCode === 204 ? null : new Uint8Array(response.rawPayload), {
      status: response.statusCode,
      headers: answerHeaders,
    });
  });
  return sent;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describeWithApp("the web's imports as multipart uploads", (get) => {
  async function signedIn(): Promise<Persona> {
    const admin = await buildPersona(get(), { role: "admin", teamKind: "marketing" });
    setCsrfToken(admin.csrf);
    return admin;
  }

  it("sends the tools, statement, KPI and glossary imports as multipart/form-data that the server reads", async () => {
    const admin = await signedIn();
    const sent = serveFetchAs((options) =>
      get().app.inject({ ...options, headers: { ...options.headers, cookie: admin.cookie } }),
    );
    const tools = await importTools({
      csv: "name,category,subcategory,annual_cost,currency\nMatomo,Data,Web & mobile analytics,1000,EUR\n",
      dryRun: true,
    });
    expect(tools.errorCount).toBe(0);
    const statement = await importExpenses({
      fileName: "july.csv",
      csv: "date,description,amount,currency\n2026-07-01,HOTJAR LTD,89.00,EUR\n",
      mode: "dry_run",
    });
    expect(statement.lines).toBe(1);
    const measurements = await importMeasurements("kpi,date,value\nNo such KPI,2026-01-05,3\n", true);
    expect(measurements.errors.length).toBeGreaterThan(0);
    const terms = await importTerms("term,marketing_definition\nCMS,Content management\n", true);
    expect(terms.dryRun).toBe(true);
    expect(sent.map((request) => request.contentType.split(";")[0])).toEqual(Array(4).fill("multipart/form-data"));
  });

  it("refreshes a stale CSRF token and sends the same upload again", async () => {
    const admin = await signedIn();
    setCsrfToken("stale");
    const sent = serveFetchAs((options) =>
      get().app.inject({ ...options, headers: { ...options.headers, cookie: admin.cookie } }),
    );
    const terms = await importTerms("term,marketing_definition\nCMS,Content management\n", true);
    expect(terms.dryRun).toBe(true);
    expect(sent.map((request) => `${request.method} ${request.url}`)).toEqual([
      "POST /api/v1/glossary/import",
      "GET /api/v1/me",
      "POST /api/v1/glossary/import",
    ]);
  });

  it("streams a spend upload's progress and report through the client, and a lost session is reported", async () => {
    const admin = await signedIn();
    serveFetchAs((options) => get().app.inject({ ...options, headers: { ...options.headers, cookie: admin.cookie } }));
    const file = new File(["date,channel,amount\n2026-01-05,Search,12.5\n"], "spend.csv", { type: "text/csv" });
    const report = await importCsv({ kind: "spend" }, { file, mode: "dry_run" }, () => {});
    expect(report.errors).toBeDefined();

    // Signed out: the same upload without the cookie is a 401, and the app is told.
    serveFetchAs((options) => get().app.inject(options));
    const onUnauthenticated = vi.fn();
    setUnauthenticatedHandler(onUnauthenticated);
    const failed = await importCsv({ kind: "spend" }, { file, mode: "dry_run" }, () => {}).catch((error) => error);
    expect(isApiError(failed, "unauthenticated")).toBe(true);
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it("refreshes a stale CSRF token on a streamed import and streams the same upload again", async () => {
    const admin = await signedIn();
    setCsrfToken("stale");
    const sent = serveFetchAs((options) =>
      get().app.inject({ ...options, headers: { ...options.headers, cookie: admin.cookie } }),
    );
    const file = new File(["date,channel,amount,currency\n2026-01-05,Search,12.5,EUR\n"], "spend.csv", {
      type: "text/csv",
    });
    const report = await importCsv({ kind: "spend" }, { file, mode: "dry_run" }, () => {});
    expect(report).toMatchObject({ validLines: 1, summary: { total: "12.50 EUR" } });
    expect(sent.map((request) => `${request.method} ${request.url}`)).toEqual([
      "POST /api/v1/spend/import",
      "GET /api/v1/me",
      "POST /api/v1/spend/import",
    ]);
  });
});
