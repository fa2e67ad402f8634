import { expect, it } from "vitest";
import { describeWithApp } from "../../test/app";
import { buildPersona, buildWorkspace } from "../../test/factories";
import { buildExperiment } from "../../test/factories-experiments";

const BOUNDARY = "----tandem-test-boundary";

type Part = { name: string; value: string } | { name: string; file: string; fileName?: string; type?: string };

/** A multipart/form-data body as a browser's FormData sends it. */
function formData(parts: Part[]) {
  const pieces = parts.map((part) =>
    "file" in part
      ? `--${BOUNDARY}\r\ncontent-disposition: form-data; name="${part.name}"; filename="${part.fileName ?? "data.csv"}"\r\n` +
        `content-type: ${part.type ?? "text/csv"}\r\n\r\n${part.file}\r\n`
      : `--${BOUNDARY}\r\ncontent-disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`,
  );
  return {
    payload: `${pieces.join("")}--${BOUNDARY}--\r\n`,
    headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
  };
}

describeWithApp("imports as multipart uploads", (get) => {
  async function setup() {
    const t = get();
    const ws = await buildWorkspace(t);
    const admin = await buildPersona(t, { role: "admin", teamKind: "marketing", workspace: ws });
    const experiment = await buildExperiment(t, admin.user.workspaceId, admin.user.id);
    // Each import route, a small CSV (good or bad lines alike: both forms must read it the same) and its dry run.
    const routes = [
      { url: "/api/v1/tools/import", csv: "name,category\nFigma,Design\nBad", fields: { dryRun: "true" } },
      {
        url: "/api/v1/stack/discovery/imports",
        csv: "date,merchant,amount,currency\n2026-01-05,Notion Labs,120.00,EUR\n",
        fields: { mode: "dry_run" },
      },
      { url: "/api/v1/spend/import", csv: "date,channel,amount\n2026-01-05,Search,12.5\nx,y,z", fields: {} },
      { url: "/api/v1/outcomes/import", csv: "date,conversions\n2026-01-05,3\n", fields: { mode: "dry_run" } },
      { url: "/api/v1/journeys/import", csv: "journey,channel,at\nj1,Search,x\n", fields: { kind: "touchpoints" } },
      {
        url: `/api/v1/experiments/${experiment.id}/results/import`,
        csv: "variant,users,conversions\nControl,100,10\nTreatment,100,12\n",
        fields: { dryRun: "true", note: "from a file" },
      },
      { url: "/api/v1/kpis/import", csv: "kpi,date,value\nNo such KPI,2026-01-05,3\n", fields: { dryRun: "true" } },
      { url: "/api/v1/glossary/import", csv: "term,marketing_definition\nCMS,Content\n", fields: { dryRun: "true" } },
    ];
    return { t, admin, routes };
  }

  it("answers an upload as it answers the same CSV in JSON, on every import route", async () => {
    const { admin, routes } = await setup();
    for (const route of routes) {
      const jsonBody: Record<string, unknown> = { csv: route.csv };
      for (const [name, value] of Object.entries(route.fields)) {
        jsonBody[name] = value === "true" ? true : value === "false" ? false : value;
      }
      if (route.url.includes("discovery")) jsonBody.fileName = "data.csv";
      if (route.url.includes("spend") || route.url.includes("outcomes") || route.url.includes("journeys")) {
        jsonBody.fileName = "data.csv";
      }
      const asJson = await admin.request({ method: "POST", url: route.url, payload: jsonBody });
      const upload = formData([
        ...Object.entries(route.fields).map(([name, value]) => ({ name, value })),
        { name: "file", file: route.csv },
      ]);
      const asUpload = await admin.request({ method: "POST", url: route.url, ...upload });
      // Both forms reach the same check: the same report, or the same problem naming a line of the file.
      expect(asJson.statusCode, `${route.url} ${asJson.body}`).toBeLessThan(500);
      expect(asUpload.statusCode, route.url).toBe(asJson.statusCode);
      expect(asUpload.json(), route.url).toEqual(asJson.json());
    }
  });

  it("refuses a second file, a file that is no CSV, a missing file and a file in another field, naming the field", async () => {
    const { admin, routes } = await setup();
    for (const route of routes) {
      const send = (parts: Part[]) => admin.request({ method: "POST", url: route.url, ...formData(parts) });
      const twoFiles = await send([
        { name: "file", file: route.csv },
        { name: "file", file: route.csv, fileName: "again.csv" },
      ]);
      expect(twoFiles.statusCode, route.url).toBe(400);
      expect(twoFiles.json().errors, route.url).toEqual([{ path: "file", message: "must be the only file sent" }]);

      const image = await send([{ name: "file", file: "\u0089PNG", fileName: "logo.png", type: "image/png" }]);
      expect(image.statusCode, route.url).toBe(400);
      expect(image.json().errors[0].path, route.url).toBe("file");

      const none = await send([{ name: "dryRun", value: "true" }]);
      expect(none.statusCode, route.url).toBe(400);
      expect(none.json().errors, route.url).toEqual([{ path: "file", message: "is required: the CSV file" }]);

      const elsewhere = await send([{ name: "attachment", file: route.csv }]);
      expect(elsewhere.statusCode, route.url).toBe(400);
      expect(elsewhere.json().errors[0].path, route.url).toBe("attachment");

      const unknownField = await send([
        { name: "file", file: route.csv },
        { name: "colour", value: "red" },
      ]);
      expect(unknownField.statusCode, route.url).toBe(400);
    }
  });

  it("refuses a file over the route's limit with a 413 naming the file", async () => {
    const { admin, routes } = await setup();
    const experiments = routes.find((route) => route.url.includes("/experiments/"));
    const tools = routes[0];
    for (const [url, size] of [
      [experiments?.url ?? "", 500_001],
      [tools.url, 4 * 1024 * 1024 + 1],
    ] as const) {
      const csv = `variant,users\n${"x".repeat(size)}`;
      const response = await admin.request({ method: "POST", url, ...formData([{ name: "file", file: csv }]) });
      expect(response.statusCode, url).toBe(413);
      expect(response.json().errors, url).toEqual([{ path: "file", message: "is larger than this import accepts" }]);
    }
  });

  it("streams a spend upload's progress as NDJSON when asked", async () => {
    const { admin } = await setup();
    const response = await admin.request({
      method: "POST",
      url: "/api/v1/spend/import",
      ...formData([{ name: "file", file: "date,channel,amount\n2026-01-05,Search,12.5\n" }]),
      headers: {
        ...formData([]).headers,
        accept: "application/x-ndjson",
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("application/x-ndjson");
    const last = JSON.parse(response.body.trim().split("\n").at(-1) ?? "{}");
    expect(last.type).toBe("report");
  });

  it("refuses a multipart body on a route that takes JSON only, and NUL characters in a form field", async () => {
    const { admin } = await setup();
    const other = await admin.request({
      method: "POST",
      url: "/api/v1/tools",
      ...formData([{ name: "file", file: "a,b\n" }]),
    });
    expect(other.statusCode).toBe(415);
    const nul = await admin.request({
      method: "POST",
      url: "/api/v1/experiments/import-nowhere",
      ...formData([{ name: "file", file: "a,b\n" }]),
    });
    expect(nul.statusCode).toBeLessThan(500);
    const withNul = await admin.request({
      method: "POST",
      url: "/api/v1/stack/discovery/imports",
      ...formData([
        { name: "fileName", value: "a\u0000b.csv" },
        { name: "file", file: "date,merchant,amount\n" },
      ]),
    });
    expect(withNul.statusCode).toBe(400);
    expect(withNul.json().errors[0].path).toBe("fileName");
  });

  it("describes the upload form in the OpenAPI document of every import route", async () => {
    const { t } = await setup();
    const document = (await t.app.inject({ url: "/api/openapi.json" })).json();
    const uploads = Object.entries(
      document.paths as Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: { required: string[] } }> } }>
      >,
    )
      .filter(([, operations]) => operations.post?.requestBody?.content["multipart/form-data"])
      .map(([path, operations]) => {
        expect(operations.post.requestBody?.content["application/json"]).toBeDefined();
        expect(operations.post.requestBody?.content["multipart/form-data"].schema.required).toEqual(["file"]);
        return path;
      });
    expect(uploads.sort()).toEqual([
      "/api/v1/experiments/{id}/results/import",
      "/api/v1/glossary/import",
      "/api/v1/journeys/import",
      "/api/v1/kpis/import",
      "/api/v1/outcomes/import",
      "/api/v1/spend/import",
      "/api/v1/stack/discovery/imports",
      "/api/v1/tools/import",
    ]);
  });
});
