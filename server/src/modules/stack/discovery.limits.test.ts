import { expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildPersona, buildWorkspace } from "../../../test/factories";

describeWithApp("expense statements: bounded work and answers", (get) => {
  async function setup() {
    const t = get();
    const ws = await buildWorkspace(t);
    const marketer = await buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws });
    const send = (csv: string) =>
      marketer.request({ method: "POST", url: "/api/v1/stack/discovery/imports", payload: { csv, mode: "dry_run" } });
    return { t, send };
  }
  const header = "date,description,amount,currency,employee,department";
  const good = (i: number) =>
    `2026-07-${String((i % 28) + 1).padStart(2, "0")},HOTJAR LTD ${i % 50},89.00,EUR,Sofia,Web`;

  it("refuses a line of a million columns at once with a small 400", async () => {
    const { send } = await setup();
    const started = performance.now();
    const response = await send(`${header}\n2026-07-01${",x".repeat(1_000_000)}\n`);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ path: "csv", message: "line 2: has more than 200 columns" }]);
    expect(response.body.length).toBeLessThan(1000);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("reads a large statement in pieces: file line numbers kept, the first 1,000 problems listed, all counted", async () => {
    const { send } = await setup();
    // About 3 MB: several pieces. Every 20th line is bad; a quoted description holds a line break.
    const lines = Array.from({ length: 50_000 }, (_, i) =>
      i % 20 === 19 ? "not a date,SOMETHING,abc,EUR,," : i === 3 ? '2026-07-02,"TWO\nLINES",1.00,EUR,,' : good(i),
    );
    const response = await send([header, ...lines].join("\n"));
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.lines).toBe(50_000 - 2500);
    expect(body.errorCount).toBe(2500 * 2);
    expect(body.errors).toHaveLength(1000);
    // Data line i is on file line i + 2, and one more after the quoted line break.
    expect(body.errors[0].line).toBe(19 + 3);
    expect(body.errors[999].line).toBe(20 * 500 - 1 + 3);
  });
});
