import { expect, it } from "vitest";
import { buildMatcher, type ExpenseLine, matchLines } from "#engines/discovery";
import { describeWithApp } from "../../../test/app";
import { buildPersona, buildWorkspace } from "../../../test/factories";
import { matchStatement } from "./discovery.service";

// A made-up merchant name per number (letters only: banks' digits are stripped as references).
const merchantName = (i: number) => {
  let name = "";
  for (let n = i + 1; n > 0; n = Math.floor(n / 26)) name += String.fromCharCode(97 + (n % 26));
  return `${name.toUpperCase()} ${["SOFTWARE", "CLOUD", "CAFE", "HOTJAR", "FIGMA.COM"][i % 5]}`;
};

describeWithApp("expense statements: bounded work and answers", (get) => {
  async function setup() {
    const t = get();
    const ws = await buildWorkspace(t);
    const marketer = await buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws });
    const send = (csv: string) =>
      marketer.request({ method: "POST", url: "/api/v1/stack/discovery/imports", payload: { csv, mode: "dry_run" } });
    return { t, send, marketer };
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
    // A ceiling a busy machine stays under; the small body is the real check.
    expect(performance.now() - started).toBeLessThan(5000);
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

  it("matches in chunks with the same result as in one go", async () => {
    const tools = ["Hotjar", "Figma", "Notion", "Slack", "Cloudflare"].map((name, i) => ({
      id: `t${i}`,
      name,
      vendor: "",
    }));
    const lines: ExpenseLine[] = Array.from({ length: 9_001 }, (_, i) => ({
      line: i + 2,
      date: `2026-07-${String((i % 28) + 1).padStart(2, "0")}`,
      description: merchantName(i % 3_000),
      amount: (i % 97) + 0.5,
      currency: "EUR",
    }));
    const whole = matchLines(buildMatcher(tools), lines);
    expect(whole.stats.matchedLines).toBeGreaterThan(0);
    expect(whole.stats.unknownLines).toBeGreaterThan(0);
    for (const chunk of [1, 1000, 4000, 10_000]) {
      expect(await matchStatement(buildMatcher(tools), lines, chunk)).toEqual(whole);
    }
    expect(await matchStatement(buildMatcher(tools), [])).toEqual(matchLines(buildMatcher(tools), []));
  });

  it("keeps answering /healthz promptly while a 160,000-line statement is uploaded and matched", async () => {
    const { t, marketer } = await setup();
    const lines = Array.from(
      { length: 160_000 },
      (_, i) => `2026-07-${String((i % 28) + 1).padStart(2, "0")},${merchantName(i % 40_000)},89.00,EUR,Sofia,Web`,
    );
    const csv = [header, ...lines].join("\n");
    const boundary = "----statement";
    const payload =
      `--${boundary}\r\ncontent-disposition: form-data; name="mode"\r\n\r\ndry_run\r\n` +
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="statement.csv"\r\n` +
      `content-type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    let done = false;
    const started = performance.now();
    const running = marketer
      .request({
        method: "POST",
        url: "/api/v1/stack/discovery/imports",
        payload,
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      })
      .finally(() => {
        done = true;
      });
    const waits: number[] = [];
    // A probe every 20 ms; a wait counts from when the probe was due, so a loop held by the import shows.
    while (!done) {
      const due = performance.now() + 20;
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect((await t.app.inject({ url: "/healthz" })).statusCode).toBe(200);
      waits.push(performance.now() - due);
    }
    const response = await running;
    const total = performance.now() - started;
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.json().lines).toBe(160_000);
    const longest = Math.max(...waits);
    console.log(
      `statement of 160,000 lines: ${Math.round(total)} ms; /healthz answered ${waits.length} times, longest wait ${Math.round(longest)} ms`,
    );
    expect(waits.length).toBeGreaterThan(5);
    // Before: matching alone held the loop for ~1.8 s in one go.
    // Relative to the import's own length, so a loaded machine slows both alike: before, one wait was most of it.
    expect(longest).toBeLessThan(total / 4);
  }, 120_000);
});
