import type { Page } from "playwright-core";
import { assertAccessible } from "../lib/a11y";
import { assert, chooseOption, screenshot, waitForPage, waitForToast } from "../lib/app";
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

  await h.check("typing CMS in a new request asks which meaning is intended, showing each side's meaning", async () => {
    await page.goto("/pipeline/new");
    await waitForPage(page, "New request");
    await chooseOption(page, page, /^Type of request/, "Change to a system");
    await page.getByLabel(/^Title/).fill("Blog posts straight from the CMS");
    await page.getByLabel("The problem").fill("Every blog post in the CMS waits for a developer to publish it.");
    const prompt = page.getByRole("region", { name: "Which meaning do you intend?" });
    const cms = prompt.getByRole("radiogroup", { name: "“CMS” in this request means…" });
    await cms.getByText("Where we write and schedule the site's content.").waitFor();
    await cms.getByText("Where signed customer and supplier contracts are kept.").waitFor();
    await cms.getByRole("radio", { name: "Content management system (CMS) · web" }).check();
    await page.getByLabel(/^How success is measured/).fill("Posts go live the day they are approved, 9 in 10 weeks");
    await page.getByLabel(/^Non-functional needs/).fill("Publishing takes under a minute; the site stays up meanwhile");
    await prompt.scrollIntoViewIfNeeded();
    await screenshot(page, run, "admin-glossary-meaning-prompt");
    await h.check("axe: intake form with the meaning prompt", () => assertAccessible(page, "meaning prompt"));
    await page.getByRole("button", { name: "Submit", exact: true }).click();
    await waitForToast(page, /REQ-\d+ submitted/);
    await waitForPage(page, "Blog posts straight from the CMS");
  });

  await h.check("the request shows the meaning intended and the requirements side by side", async () => {
    const requirements = page.getByRole("region", { name: "Requirements" });
    await requirements.getByText("Business view").waitFor();
    await requirements.getByText("Technical view").waitFor();
    await requirements.getByText("Posts go live the day they are approved, 9 in 10 weeks").waitFor();
    await requirements.getByText("Still to write: the outcome, its users.").waitFor();
    await requirements.getByRole("link", { name: "Content management system (CMS) · web" }).waitFor();
    const mark = page.getByRole("button", { name: /^CMS — meant here: Content management system/ }).first();
    await mark.hover();
    const card = page.locator(".mantine-Popover-dropdown").filter({ hasText: "the writer means this one" });
    await card.getByText("Not meant here:").waitFor();
    await screenshot(page, run, "admin-glossary-meant-here");
    await page.mouse.move(0, 0);
    await h.check("axe: request with its requirements", () => assertAccessible(page, "request requirements"));
  });

  await h.check("IT writing the technical view in Planning sees the meaning already chosen for CMS", async () => {
    await page.getByRole("button", { name: "Edit planning" }).click();
    await page.getByLabel(/^Systems it touches/).fill("The CMS page templates and the CDN in front of them");
    const cms = page
      .getByRole("region", { name: "Which meaning do you intend?" })
      .getByRole("radiogroup", { name: "“CMS” in this request means…" });
    await cms.getByRole("radio", { name: "Content management system (CMS) · web", checked: true }).waitFor();
    await page.getByRole("button", { name: "Save planning" }).click();
    await waitForToast(page, "Planning saved");
    await page
      .getByRole("region", { name: "Requirements" })
      .getByText("The CMS page templates and the CDN in front of them")
      .waitFor();
  });

  await h.check("the command palette finds a glossary term and opens its page", async () => {
    await page.keyboard.press("Control+k");
    const search = page.getByRole("textbox", { name: "Jump to a page or run an action" });
    await search.waitFor();
    await search.fill("contract manag");
    const hit = page.getByRole("button", { name: /^Contract management system \(CMS\).*Glossary term/ });
    await hit.waitFor();
    await screenshot(page, run, "admin-glossary-palette");
    await hit.click();
    await waitForPage(page, `${legalCms.name} (${legalCms.acronym})`);
  });

  await h.check("the clash is settled by keeping both meanings, each in its context", async () => {
    await page.goto("/glossary/clashes");
    await waitForPage(page, "Clashes");
    await page.getByRole("button", { name: "Keep both, each in its context" }).click();
    await waitForToast(page, "“CMS” keeps both meanings, each in its context");
    await page.getByText("No open clashes").waitFor();
  });
}
