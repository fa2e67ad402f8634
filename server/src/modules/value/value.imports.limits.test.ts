import { expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildPersona, buildWorkspace } from "../../../test/factories";

describeWithApp("value imports: bounded work and answers", (get) => {
  async function setup() {
    const t = get();
    const ws = await buildWorkspace(t);
    const marketer = await buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws });
    const importSpend = (csv: string) =>
      marketer.request({ method: "POST", url: "/api/v1/spend/import", payload: { csv, mode: "dry_run" } });
    return { importSpend };
  }

  it("refuses a header of a million columns at once with a small 400", async () => {
    const { importSpend } = await setup();
    const started = performance.now();
    const response = await importSpend(`date,channel,amount,currency${",x".repeat(1_000_000)}\n`);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ path: "csv", message: "is longer than 64 KB" }]);
    expect(response.body.length).toBeLessThan(1000);
    // A ceiling a busy machine stays under; the small body is the real check.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("reports a data line of a million columns as one line error and reads the next", async () => {
    const { importSpend } = await setup();
    const csv = [
      "date,channel,amount,currency",
      `2026-01-01${",x".repeat(1_000_000)}`,
      "2026-01-02,Search,10,EUR",
    ].join("\n");
    const response = await importSpend(csv);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      lines: 2,
      validLines: 1,
      errorCount: 1,
      errors: [{ line: 2, field: null, message: "is longer than 64 KB" }],
    });
    expect(response.body.length).toBeLessThan(2000);
  });
});
