import type { Page } from "playwright-core";
import { assertAccessible } from "../lib/a11y";
import { chooseOption, navLink, screenshot, setTheme, waitForPage, waitForToast } from "../lib/app";
import type { FlowTools } from "../lib/flow-tools";

/** The Stack: add tools through the form, connect them, find one on the graph, and open every view. */
export async function stackAsAdmin(page: Page, { h, run, inspect }: FlowTools): Promise<void> {
  await h.check("admin opens Stack: the empty catalog says what to do", async () => {
    await navLink(page, "Stack").click();
    await waitForPage(page, "Stack");
    await page.getByText("The catalog is empty").waitFor();
  });
  await inspect(page, "admin-stack-empty");

  await h.check("the tool form names the missing fields", async () => {
    await page.getByRole("button", { name: "Add tool" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a tool" });
    await dialog.getByRole("button", { name: "Add tool" }).click();
    await dialog.getByText("Name is required").waitFor();
    await screenshot(page, run, "admin-stack-form-errors");
    await h.check("axe: tool form", () => assertAccessible(page, "tool form", '[role="dialog"]'));
  });

  for (const [name, vendor, category, subcategory] of [
    ["Mixpanel", "Mixpanel", "Data", "Web & mobile analytics"],
    ["Brevo", "Sendinblue", "Content & experience", "Email marketing"],
  ] as const) {
    await h.check(`admin adds ${name} through the form and lands on its page`, async () => {
      if (!(await page.getByRole("dialog", { name: "Add a tool" }).isVisible())) {
        await navLink(page, "Stack").click();
        await waitForPage(page, "Stack");
        await page.getByRole("button", { name: "Add tool" }).click();
      }
      const dialog = page.getByRole("dialog", { name: "Add a tool" });
      await dialog.getByLabel(/^Name/).fill(name);
      await dialog.getByLabel("Vendor").fill(vendor);
      await chooseOption(dialog, page, /^Category/, category);
      await dialog.getByLabel(/^Subcategory/).fill(subcategory);
      await dialog.getByLabel(/^Capabilities/).fill("email sending");
      await dialog.getByLabel(/^Capabilities/).press("Enter");
      await dialog.getByLabel("Annual cost").fill("12000");
      await dialog.getByRole("button", { name: "Add tool" }).click();
      await waitForToast(page, `${name} added to the catalog`);
      await waitForPage(page, name);
    });
  }

  await h.check("admin connects Brevo to Mixpanel", async () => {
    await page.getByRole("button", { name: "Add integration" }).click();
    const dialog = page.getByRole("dialog", { name: "Connect Brevo" });
    await chooseOption(dialog, page, /^Other tool/, "Mixpanel");
    await dialog.getByLabel(/^Data objects/).fill("contacts");
    await dialog.getByLabel(/^Data objects/).press("Enter");
    await chooseOption(dialog, page, /^Method/, "API");
    await dialog.getByRole("button", { name: "Connect" }).click();
    await waitForToast(page, "Brevo → Mixpanel connected");
    await page.getByRole("cell", { name: "Mixpanel", exact: true }).waitFor();
  });
  await inspect(page, "admin-stack-tool");

  await h.check("admin finds Brevo on the integrations graph and opens it", async () => {
    await navLink(page, "Stack").click();
    await waitForPage(page, "Stack");
    await page.getByRole("row").filter({ hasText: "Brevo" }).waitFor();
    await page.getByRole("navigation", { name: "Stack views" }).getByRole("link", { name: "Integrations" }).click();
    await waitForPage(page, "Integrations");
    await page.getByText("2 tools · 1 integration").waitFor();
    await page.locator(".react-flow__node").filter({ hasText: "Brevo" }).waitFor();
  });
  await inspect(page, "admin-stack-graph");
  await h.check("clicking a tool on the graph opens its page", async () => {
    await page.locator(".react-flow__node").filter({ hasText: "Brevo" }).click();
    await waitForPage(page, "Brevo");
  });

  for (const [link, heading] of [
    ["Renewals", "Renewals"],
    ["Compliance", "Compliance"],
    ["Overlaps", "Overlaps"],
    ["Spend & fit", "Spend and fit"],
  ] as const) {
    await h.check(`admin opens the Stack's ${heading}`, async () => {
      await navLink(page, "Stack").click();
      await waitForPage(page, "Stack");
      await page.getByRole("navigation", { name: "Stack views" }).getByRole("link", { name: link }).click();
      await waitForPage(page, heading);
    });
    await inspect(page, `admin-stack-${link}`);
  }

  await h.check("dark: the Stack's graph and a tool page", async () => {
    await setTheme(page, "Dark");
    await page.getByRole("navigation", { name: "Stack views" }).getByRole("link", { name: "Integrations" }).click();
    await waitForPage(page, "Integrations");
    await page.locator(".react-flow__node").first().waitFor();
  });
  await inspect(page, "dark-stack-graph");
  await h.check("dark: the Stack catalog", async () => {
    await page.getByRole("navigation", { name: "Stack views" }).getByRole("link", { name: "Catalog" }).click();
    await waitForPage(page, "Stack");
    await page.getByRole("row").filter({ hasText: "Brevo" }).waitFor();
  });
  await inspect(page, "dark-stack-catalog");
  await h.check("the Stack goes back to the light theme", () => setTheme(page, "Light"));
}
