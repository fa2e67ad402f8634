import type { Page } from "playwright-core";
import { assertAccessible } from "../lib/a11y";
import { assert, screenshot, waitForPage, waitForToast } from "../lib/app";
import type { FlowTools } from "../lib/flow-tools";

const webCms = { name: "Content management system", acronym: "CMS", context: "web" };
const legalCms = { name: "Contract management system", acronym: "CMS", context: "legal" };

/** Writes a term through the form and proposes it; lands on its page. */
async function proposeTerm(
  page: Page,
  term: { name: string; acronym: string; context: string },
  meanings: { shared: string; marketing?: string; it?: string },
): Promise<void> {
  await page.goto("/glossary");
  await waitForPage(page, "Glossary");
  await page.getByRole("button", { name: "New term" }).click();
  const dialog = page.getByRole("dialog", { name: "New term" });
  await dialog.getByLabel(/^Name/).fill(term.name);
  await dialog.getByLabel(/^Acronym/).fill(term.acronym);
  await dialog.getByLabel(/^Context/).fill(term.context);
  await dialog.getByLabel(/^Shared definition/).fill(meanings.shared);
  if (meanings.marketing) await dialog.getByLabel(/^Marketing's meaning/).fill(meanings.marketing);
  if (meanings.it) await dialog.getByLabel(/^IT's meaning/).fill(meanings.it);
  await dialog.getByRole("button", { name: "Propose" }).click();
  await waitForToast(page, `${term.name} proposed for approval`);
  await waitForPage(page, `${term.name} (${term.acronym})`);
}

/** Creates a request through the API as the signed-in person (the intake form has its own walk). */
async function createRequest(page: Page, title: string, problem: string): Promise<string> {
  const me = await page.request.get("/api/v1/me");
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const response = await page.request.post("/api/v1/requests", {
    headers: { "x-csrf-token": csrfToken },
    data: { type: "change", title, problem, outcome: "Pages publish the same day" },
  });
  assert(response.status() === 201, `creating the request answered ${response.status()}`);
  return ((await response.json()) as { id: string }).id;
}

/**
 * Glossary: a term approved by one person from each side; a second meaning of "CMS" makes a clash that shows in a
 * request's text with both meanings on hover, and is settled by keeping both in their contexts.
 */
export async function glossaryWalk(page: Page, memberPage: Page, { h, run, inspect }: FlowTools): Promise<void> {
  await h.check("admin opens the Glossary: the empty list offers the starter glossary", async () => {
    await page.goto("/glossary");
    await waitForPage(page, "Glossary");
    await page.getByText("No terms yet").waitFor();
    await page.getByRole("button", { name: "Load the starter glossary" }).waitFor();
  });
  await inspect(page, "admin-glossary-empty");

  await h.check("the term form names the missing name", async () => {
    await page.getByRole("button", { name: "New term" }).click();
    const dialog = page.getByRole("dialog", { name: "New term" });
    await dialog.getByRole("button", { name: "Propose" }).click();
    await dialog.getByText("Name is empty").waitFor();
    await h.check("axe: term form", () => assertAccessible(page, "term form", '[role="dialog"]'));
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
  });

  await h.check("admin proposes CMS with each side's meaning; it waits for both sides", async () => {
    await proposeTerm(page, webCms, {
      shared: "The platform where the website's pages are written, stored and published.",
      marketing: "Where we write and schedule the site's content.",
      it: "The web content platform we host, integrate and keep patched.",
    });
    await page.getByText("Awaiting approval from Marketing and IT.").waitFor();
  });

  await h.check("IT (admin) approves for its side; marketing is still awaited", async () => {
    await page.getByRole("button", { name: "Approve for IT" }).click();
    await waitForToast(page, `You approved ${webCms.name} for IT`);
    await page.getByText("Awaiting approval from Marketing.").waitFor();
  });
  await inspect(page, "admin-glossary-term-proposed");

  await h.check("marketing (member) approves for its side: the term is approved", async () => {
    await memberPage.goto(page.url());
    await waitForPage(memberPage, `${webCms.name} (${webCms.acronym})`);
    await memberPage.getByRole("button", { name: "Approve for Marketing" }).click();
    await waitForToast(memberPage, `You approved ${webCms.name} for Marketing`);
    await memberPage.getByText("Approved meaning").waitFor();
    await page.reload();
    await page.getByText("Approved meaning").waitFor();
  });

  await h.check("a second meaning of CMS is a clash, listed side by side", async () => {
    await proposeTerm(page, legalCms, { shared: "Where signed customer and supplier contracts are kept." });
    await page.getByText("Several meanings").first().waitFor();
    await page.getByRole("link", { name: "Clashes" }).click();
    await waitForPage(page, "Clashes");
    await page.getByRole("heading", { name: "“CMS”" }).waitFor();
    await page.getByRole("link", { name: /^Contract management system/ }).waitFor();
  });
  await inspect(page, "admin-glossary-clashes");

  await h.check("CMS in a request's text is underlined; hover shows both meanings", async () => {
    const id = await createRequest(
      page,
      "Blog on the new site",
      "Marketing cannot publish blog posts in the CMS without a developer.",
    );
    await page.goto(`/pipeline/requests/${id}`);
    await waitForPage(page, "Blog on the new site");
    const mark = page.getByRole("button", { name: /^CMS — a term with several meanings/ });
    await mark.hover();
    const card = page.locator(".mantine-Popover-dropdown").filter({ hasText: "has several meanings here" });
    await card.getByText("Where we write and schedule the site's content.").waitFor();
    await card.getByText("Where signed customer and supplier contracts are kept.").waitFor();
    await screenshot(page, run, "admin-glossary-hover");
    await h.check("axe: glossary hover card", () => assertAccessible(page, "glossary hover card"));
    await page.mouse.move(0, 0);
  });

  await h.check("the clash is settled by keeping both meanings, each in its context", async () => {
    await page.goto("/glossary/clashes");
    await waitForPage(page, "Clashes");
    await page.getByRole("button", { name: "Keep both, each in its context" }).click();
    await waitForToast(page, "“CMS” keeps both meanings, each in its context");
    await page.getByText("No open clashes").waitFor();
  });
}
