import type { Locator, Page } from "playwright-core";
import { assertAccessible } from "../lib/a11y";
import { navLink, screenshot, waitForPage, waitForToast } from "../lib/app";
import type { FlowTools } from "../lib/flow-tools";

const DAY = 86_400_000;
const daysAgo = (days: number, hour = 10) =>
  `${new Date(Date.now() - days * DAY).toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:00:00Z`;
const dateAgo = (days: number) => daysAgo(days).slice(0, 10);

/** A spend file whose third line is negative: the dry run must name it. */
function spendCsv(withBadLine: boolean): string {
  return [
    "date,channel,campaign,amount,currency",
    `${dateAgo(40)},Paid search,Brand terms,1200.00,EUR`,
    `${dateAgo(39)},Display,Programmatic reach,${withBadLine ? "-400" : "2400"},EUR`,
    `${dateAgo(38)},Email,Newsletter,150,EUR`,
    `${dateAgo(20)},Display,Retargeting,1600,EUR`,
  ].join("\n");
}

function touchpointsCsv(): string {
  const rows = [
    ["j1", 30, "Display"],
    ["j1", 29, "Email"],
    ["j1", 28, "Paid search"],
    ["j2", 27, "Display"],
    ["j3", 26, "Email"],
    ["j3", 25, "Paid search"],
    ["j4", 24, "Display"],
    ["j4", 23, "Display"],
    ["j5", 22, "Paid search"],
  ] as const;
  return [
    "journey_id,timestamp,channel",
    ...rows.map(([id, days, channel]) => `${id},${daysAgo(days)},${channel}`),
  ].join("\n");
}

function conversionsCsv(): string {
  return [
    "journey_id,timestamp,value",
    `j1,${daysAgo(28, 12)},900`,
    `j3,${daysAgo(25, 12)},600`,
    `j5,${daysAgo(22, 12)},300`,
  ].join("\n");
}

async function chooseFile(dialog: Locator, name: string, text: string): Promise<void> {
  await dialog.locator('input[type="file"]').setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
}

/** Value: import spend through the dialog (dry run first), load journeys, run attribution, read which half works. */
export async function valueAsAdmin(page: Page, { h, run, inspect }: FlowTools): Promise<void> {
  await h.check("admin opens Value: the empty ledger says what to do", async () => {
    await navLink(page, "Value").click();
    await waitForPage(page, "Value");
    await page.getByText("No spend recorded yet").waitFor();
  });
  await inspect(page, "admin-value-empty");

  await h.check("the spend dry run names the bad line and field, and imports nothing", async () => {
    await page.getByRole("button", { name: "Import spend" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Import spend" });
    await chooseFile(dialog, "spend.csv", spendCsv(true));
    await dialog.getByRole("button", { name: "Check file" }).click();
    await dialog.getByText("1 of 4 lines need fixing").waitFor();
    const row = dialog
      .getByRole("table", { name: "Lines with errors" })
      .getByRole("row")
      .filter({ hasText: "cannot be negative" });
    await row.getByRole("cell", { name: "3", exact: true }).waitFor();
    await row.getByText("amount", { exact: true }).waitFor();
    await screenshot(page, run, "admin-value-dry-run");
    await h.check("axe: import dialog with its dry-run report", () =>
      assertAccessible(page, "import dialog", '[role="dialog"]'),
    );
  });

  await h.check("the fixed file checks clean and imports in one go", async () => {
    const dialog = page.getByRole("dialog", { name: "Import spend" });
    await chooseFile(dialog, "spend.csv", spendCsv(false));
    await dialog.getByRole("button", { name: "Check file" }).click();
    await dialog.getByText("All 4 lines are valid").waitFor();
    await dialog.getByRole("button", { name: "Import 4 lines" }).click();
    await dialog.getByText("Imported 4 lines").waitFor();
    await waitForToast(page, "4 lines imported from spend.csv");
    await dialog.getByRole("button", { name: "Done" }).click();
    await page.getByRole("heading", { name: "Plan against actual by month" }).waitFor();
    await page.getByRole("row").filter({ hasText: "Programmatic reach" }).waitFor();
  });
  await inspect(page, "admin-value-ledger");

  for (const [button, name, text, lines] of [
    ["Import touchpoints", "touchpoints.csv", touchpointsCsv(), 9],
    ["Import conversions", "conversions.csv", conversionsCsv(), 3],
  ] as const) {
    await h.check(`admin imports ${name} on Outcomes & journeys`, async () => {
      if (!(await page.getByRole("heading", { level: 1, name: "Outcomes & journeys" }).isVisible())) {
        await page
          .getByRole("navigation", { name: "Value views" })
          .getByRole("link", { name: "Outcomes & journeys" })
          .click();
        await waitForPage(page, "Outcomes & journeys");
      }
      await page.getByRole("button", { name: button }).click();
      const dialog = page.getByRole("dialog", { name: button });
      await chooseFile(dialog, name, text);
      await dialog.getByRole("button", { name: "Check file" }).click();
      await dialog.getByText(`All ${lines} lines are valid`).waitFor();
      await dialog.getByRole("button", { name: `Import ${lines} lines` }).click();
      await dialog.getByText(`Imported ${lines} lines`).waitFor();
      await waitForToast(page, `${lines} lines imported from ${name}`);
      await dialog.getByRole("button", { name: "Done" }).click();
      await page.getByRole("cell", { name }).waitFor();
    });
  }
  await inspect(page, "admin-value-data");

  await h.check("admin runs attribution over the period and lands on the run", async () => {
    await page.getByRole("navigation", { name: "Value views" }).getByRole("link", { name: "Attribution runs" }).click();
    await waitForPage(page, "Attribution runs");
    await page.getByText("No attribution run yet").waitFor();
    await page.getByRole("button", { name: "Run attribution" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Run attribution" });
    await dialog.getByLabel("Name").fill("Last 60 days");
    await dialog.getByLabel(/^Period start/).fill(dateAgo(60));
    await dialog.getByLabel(/^Period end/).fill(dateAgo(0));
    await dialog.getByRole("button", { name: "Run", exact: true }).click();
    await waitForPage(page, "Last 60 days");
    await page.getByRole("heading", { name: "Models side by side" }).waitFor();
    await page
      .getByRole("table", { name: /Credit per channel and model/ })
      .getByRole("rowheader", { name: "Display" })
      .waitFor();
  });
  await inspect(page, "admin-value-run");

  await h.check("the which-half view calls out the half of spend that returns the least", async () => {
    await page.getByRole("link", { name: "Which half works?" }).click();
    await waitForPage(page, "Which half works");
    await page.getByRole("alert").filter({ hasText: "of spend" }).filter({ hasText: "Display" }).waitFor();
    await page
      .getByRole("table", { name: "Channels ranked by return on spend" })
      .getByRole("rowheader", { name: "Display" })
      .waitFor();
  });
  await inspect(page, "admin-value-which-half");

  await h.check("ranking by last touch instead keeps Display in the least-returning half", async () => {
    await page
      .locator("label")
      .filter({ hasText: /^Last touch$/ })
      .click();
    await page.getByText(/spent under Last touch/).waitFor();
    await page.getByRole("alert").filter({ hasText: "Display" }).waitFor();
  });

  await h.check("the run is listed", async () => {
    await page.getByRole("navigation", { name: "Value views" }).getByRole("link", { name: "Attribution runs" }).click();
    await waitForPage(page, "Attribution runs");
    await page.getByRole("link", { name: "Last 60 days" }).waitFor();
  });
  await inspect(page, "admin-value-runs");
}
