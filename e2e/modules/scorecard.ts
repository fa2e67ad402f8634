import type { Page } from "playwright-core";
import { assertAccessible } from "../lib/a11y";
import { assert, chooseOption, screenshot, waitForPage, waitForToast } from "../lib/app";
import type { FlowTools } from "../lib/flow-tools";

const objective = "Grow online revenue together";
const kpi = "Online conversion rate";

/** Scorecard: a shared objective with an owner from each side, a KPI, a check-in, its status and chart, the review in print. */
export async function scorecardAsAdmin(page: Page, { h, run, inspect }: FlowTools): Promise<void> {
  await h.check("admin opens the Scorecard: the empty page says what to do", async () => {
    await page.goto("/scorecard");
    await waitForPage(page, "Scorecard");
    await page.getByText("No objective for this period").waitFor();
  });
  await inspect(page, "admin-scorecard-empty");

  await h.check("the objective form names the missing title", async () => {
    await page.getByRole("button", { name: "New objective" }).click();
    const dialog = page.getByRole("dialog", { name: "New objective" });
    await dialog.getByRole("button", { name: "Add objective" }).click();
    await dialog.getByText("Title is required").waitFor();
    await h.check("axe: objective form", () => assertAccessible(page, "objective form", '[role="dialog"]'));
  });

  await h.check("admin adds an objective owned by marketing and IT: it is shared", async () => {
    const dialog = page.getByRole("dialog", { name: "New objective" });
    await dialog.getByLabel(/^Title/).fill(objective);
    await chooseOption(dialog, page, "Marketing owner", "Mia Marketing · Marketing");
    await chooseOption(dialog, page, "IT owner", "Alex Admin · IT");
    await dialog.getByRole("button", { name: "Add objective" }).click();
    await waitForToast(page, `${objective} added`);
    await page.getByRole("heading", { name: objective }).waitFor();
    assert(
      (await page.getByText("Not shared").count()) === 0,
      "an objective with both owners must not say 'Not shared'",
    );
  });

  await h.check("admin adds a KPI to the objective; with no value it reads 'No data'", async () => {
    await page.getByRole("button", { name: `Add a KPI to ${objective}` }).click();
    const dialog = page.getByRole("dialog", { name: "New KPI" });
    await dialog.getByLabel(/^Name/).fill(kpi);
    await chooseOption(dialog, page, "Unit", "Percent (0–100)");
    await dialog.getByLabel(/^Baseline/).fill("2");
    await dialog.getByLabel(/^Target/).fill("2");
    await dialog.getByRole("button", { name: "Add KPI" }).click();
    await dialog.getByText("Target must differ from the baseline").waitFor();
    await dialog.getByLabel(/^Target/).fill("3");
    await chooseOption(dialog, page, "Kind", "Revenue");
    await dialog.getByRole("button", { name: "Add KPI" }).click();
    await waitForToast(page, `${kpi} added`);
    await page.getByRole("link", { name: kpi }).waitFor();
    await page.getByText("No data", { exact: true }).first().waitFor();
  });
  await inspect(page, "admin-scorecard");

  await h.check("admin checks in a value and reads the status with its reason and chart", async () => {
    await page.getByRole("link", { name: kpi }).click();
    await waitForPage(page, kpi);
    await page.getByRole("button", { name: "Check in" }).click();
    const dialog = page.getByRole("dialog", { name: `Check in ${kpi}` });
    await dialog.getByLabel(/^Value/).fill("250");
    await dialog.getByRole("button", { name: "Check in" }).click();
    await dialog.getByText("Value must be a percent from 0 to 100").waitFor();
    await dialog.getByLabel(/^Value/).fill("2.6");
    await dialog.getByLabel(/^Comment/).fill("After the faster checkout went live");
    await dialog.getByRole("button", { name: "Check in" }).click();
    await waitForToast(page, `${kpi} checked in`);
    await page.getByText(/^60% of the way to target with \d+% of the (quarter|period|year) gone$/).waitFor();
    await page.getByRole("img", { name: `${kpi} against its plan and target` }).waitFor();
    await page.getByRole("cell", { name: /After the faster checkout went live/ }).waitFor();
  });
  await inspect(page, "admin-scorecard-kpi");

  await h.check("how each of us is measured: the KPI is on IT's side, on a shared objective", async () => {
    await page.getByRole("link", { name: "How each of us is measured" }).click();
    await waitForPage(page, "How each of us is measured");
    const itSide = page.locator(".mantine-Card-root").filter({ hasText: "IT is measured on" });
    await itSide.getByRole("link", { name: kpi }).waitFor();
    await itSide.getByText("Shared objective").first().waitFor();
  });
  await inspect(page, "admin-scorecard-measured");

  await h.check("the business review prints on one sheet without the app's shell", async () => {
    await page.getByRole("link", { name: "Business review" }).click();
    await waitForPage(page, "Business review");
    await page.getByRole("heading", { name: objective }).waitFor();
    const csv = page.getByRole("link", { name: "CSV" });
    assert((await csv.getAttribute("href"))?.startsWith("/api/v1/scorecard/review.csv"), "the CSV link should export");
    await page.emulateMedia({ media: "print" });
    try {
      await page.getByRole("navigation", { name: "Scorecard views" }).waitFor({ state: "hidden" });
      assert(!(await page.getByRole("banner").isVisible()), "the header must not print");
      await page.getByRole("heading", { name: objective }).waitFor();
      await screenshot(page, run, "admin-scorecard-review-print");
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
  });
  await inspect(page, "admin-scorecard-review");
}

/**
 * The experiment page shows its Scorecard KPI and changes it (walked after Experiments and the Scorecard: it links
 * the experiments walk's experiment to the scorecard walk's KPI).
 */
export async function experimentKpiAsAdmin(page: Page, { h, inspect }: FlowTools): Promise<void> {
  const experiment = "Shorter sign-up form";
  await h.check("admin links an experiment to a KPI from the experiment's page", async () => {
    await page.goto("/experiments");
    await waitForPage(page, "Experiments");
    await page.getByRole("link", { name: experiment }).first().click();
    await waitForPage(page, experiment);
    await page.getByText("Not linked yet").waitFor();
    await page.getByRole("button", { name: "Link a KPI" }).click();
    await chooseOption(page, page, "Scorecard KPI", `${kpi} · ${objective}`);
    await page.getByRole("button", { name: "Save KPI link" }).click();
    await waitForToast(page, `Linked to the KPI ${kpi}`);
    await page.getByRole("button", { name: "Change KPI" }).waitFor();
  });
  await inspect(page, "admin-experiment-kpi-linked");

  await h.check("the KPI page lists the experiment linked from its page", async () => {
    await page.getByRole("link", { name: kpi }).click();
    await waitForPage(page, kpi);
    await page
      .getByRole("listitem")
      .filter({ hasText: "Experiment:" })
      .getByRole("link", { name: experiment })
      .waitFor();
  });
}
