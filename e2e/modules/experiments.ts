import type { Page } from "playwright-core";
import { assertAccessible } from "../lib/a11y";
import { assertFirstErrorInView, navLink, screenshot, waitForPage, waitForToast } from "../lib/app";
import type { FlowTools } from "../lib/flow-tools";

const name = "Shorter sign-up form";

/** Experiments: write a hypothesis, start it, enter results, read the verdict, decide, find it in the library. */
export async function experimentsAsAdmin(page: Page, { h, run, inspect }: FlowTools): Promise<void> {
  await h.check("admin opens Experiments: the empty list says what to do", async () => {
    // A fresh load: whatever an earlier walk left open (a dialog, a menu) must not stand in the way.
    await page.goto("/experiments");
    await waitForPage(page, "Experiments");
    await page.getByText("No experiments yet").waitFor();
  });
  await inspect(page, "admin-experiments-empty");

  await h.check("the hypothesis form names the missing fields", async () => {
    await page.getByRole("button", { name: "New experiment" }).click();
    const dialog = page.getByRole("dialog", { name: "New experiment" });
    await dialog.getByRole("button", { name: "Save draft" }).click();
    await dialog.getByText("Name is required").waitFor();
    await assertFirstErrorInView(dialog);
    await screenshot(page, run, "admin-experiments-form-errors");
    await h.check("axe: experiment form", () => assertAccessible(page, "experiment form", '[role="dialog"]'));
  });

  await h.check("admin writes down a hypothesis and lands on its page", async () => {
    const dialog = page.getByRole("dialog", { name: "New experiment" });
    await dialog.getByLabel(/^Name/).fill(name);
    await dialog.getByLabel(/^We believe that/).fill("asking only for an email address on the sign-up form");
    await dialog.getByLabel(/will cause/).fill("more visitors to start a trial");
    await dialog.getByLabel(/measured by/).fill("the trial sign-up rate");
    await dialog.getByText("Your hypothesis").waitFor();
    await dialog.getByLabel(/^KPI it should move/).fill("Trial sign-up rate");
    await dialog.getByLabel(/^Primary metric/).fill("sign-up rate");
    await dialog.getByRole("button", { name: "Save draft" }).click();
    await waitForToast(page, `${name} written down as a draft`);
    await waitForPage(page, name);
    await page.getByText("No results yet").waitFor();
  });
  await inspect(page, "admin-experiment-draft");

  await h.check("the planner says how many units and days the test needs", async () => {
    await page.getByLabel("Current rate (%)").fill("10");
    await page.getByLabel("Lift to detect (%)").fill("20");
    await page.getByLabel("Units a day").fill("1000");
    await page.getByRole("button", { name: "Plan", exact: true }).click();
    await page.getByText(/^[\d,]+ units per variant, [\d,]+ in all: about \d+ days at 1,000 a day\.$/).waitFor();
  });

  await h.check("admin starts the experiment", async () => {
    await page.getByRole("button", { name: "Start" }).click();
    await waitForToast(page, `${name} is running`);
    await page.getByRole("button", { name: "Enter results" }).first().waitFor();
  });

  await h.check("admin enters each variant's numbers and sees them analysed", async () => {
    await page.getByRole("button", { name: "Enter results" }).first().click();
    const dialog = page.getByRole("dialog", { name: `Enter results for ${name}` });
    await dialog.getByLabel("sign-up rate: Units, Control").fill("5000");
    await dialog.getByLabel("sign-up rate: Conversions, Control").fill("500");
    await dialog.getByLabel("sign-up rate: Units, Treatment").fill("5000");
    await dialog.getByLabel("sign-up rate: Conversions, Treatment").fill("650");
    await screenshot(page, run, "admin-experiment-results-form");
    await h.check("axe: results form", () => assertAccessible(page, "results form", '[role="dialog"]'));
    await dialog.getByRole("button", { name: "Save results" }).click();
    await waitForToast(page, "Results saved and analysed");
  });

  await h.check("the result reads in plain words, with its chart", async () => {
    await page
      .getByText(/^Treatment raised sign-up rate by 30\.0% \(95% CI .+\); this is unlikely to be chance/)
      .waitFor();
    await page.getByRole("img", { name: /^Effect on sign-up rate against Control/ }).waitFor();
  });
  await inspect(page, "admin-experiment-results");

  await h.check("admin imports the next week's numbers from CSV, previewed before storing", async () => {
    await page.getByRole("button", { name: "Enter results" }).first().click();
    const dialog = page.getByRole("dialog", { name: `Enter results for ${name}` });
    await dialog.getByRole("tab", { name: "Import CSV" }).click();
    await dialog
      .getByRole("textbox", { name: "CSV" })
      .fill("metric,variant,n,sum\nsign-up rate,Control,9000,900\nsign-up rate,Treatment,9000,1170");
    await dialog.getByRole("button", { name: "Preview" }).click();
    await dialog.getByText("Preview (nothing stored yet)").waitFor();
    await h.check("axe: CSV preview", () => assertAccessible(page, "CSV preview", '[role="dialog"]'));
    await dialog.getByRole("button", { name: "Import", exact: true }).click();
    await waitForToast(page, "Imported 2 lines and analysed them");
    await page.getByText(/^Latest results \(2 snapshots\)/).waitFor();
  });

  await h.check("admin decides to ship, with a reason and a learning", async () => {
    await page.getByRole("button", { name: "Decide" }).click();
    const dialog = page.getByRole("dialog", { name: `Decide ${name}` });
    await dialog.getByRole("button", { name: "Record decision" }).click();
    await dialog.getByText(/Why must say why/).waitFor();
    await dialog.getByRole("radio", { name: /^Shipped/ }).check();
    await dialog.getByLabel(/^Why/).fill("Sign-ups up 30% with an interval well clear of zero.");
    await dialog.getByLabel(/^What we learnt/).fill("Every extra field on the sign-up form costs trials.");
    await h.check("axe: decision dialog", () => assertAccessible(page, "decision dialog", '[role="dialog"]'));
    await dialog.getByRole("button", { name: "Record decision" }).click();
    await waitForToast(page, /recorded in the learning library/);
    await page.getByText("Decided: shipped").waitFor();
  });
  await inspect(page, "admin-experiment-decided");

  await h.check("the learning library finds it by a word of its learnings", async () => {
    await navLink(page, "Experiments").click();
    await waitForPage(page, "Experiments");
    await page
      .getByRole("navigation", { name: "Experiments views" })
      .getByRole("link", { name: "Learning library" })
      .click();
    await waitForPage(page, "Learning library");
    await page.getByLabel("Search learnings").fill("extra field");
    await page
      .getByRole("article", { name })
      .getByText("Every extra field on the sign-up form costs trials.")
      .waitFor();
  });
  await inspect(page, "admin-experiments-learnings");

  await h.check("the experiments list shows the result at a glance", async () => {
    await page
      .getByRole("navigation", { name: "Experiments views" })
      .getByRole("link", { name: "Experiments" })
      .click();
    await waitForPage(page, "Experiments");
    await page
      .getByRole("row")
      .filter({ hasText: name })
      .getByText(/^Treatment \+30\.0%/)
      .waitFor();
  });
  await inspect(page, "admin-experiments-list");
}
