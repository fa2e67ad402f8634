import type { Browser, Locator, Page } from "playwright-core";
import { assert, chooseOption, navLink, waitForPage, waitForToast } from "../lib/app";
import { openPerson } from "../lib/browser";
import type { FlowTools } from "../lib/flow-tools";

const security = { name: "Sam Security", email: "sam.security@acme.example", password: "granite sparrow 58 bells" };
const legal = { name: "Lea Legal", email: "lea.legal@acme.example", password: "walnut comet 73 ribbons" };
const lowRisk = { title: "Buy a form builder for event sign-ups", vendor: "Tiny Forms", product: "Tiny Forms Pro" };
const risky = { title: "Buy a webinar platform with attendee lists", vendor: "Webicast", product: "Webicast Live" };

/** Calls the API as the signed-in person of the page (its cookies and CSRF token). */
async function callApi<T>(page: Page, method: "GET" | "POST", path: string, data?: unknown): Promise<T> {
  const me = (await (await page.request.get("/api/v1/me")).json()) as { csrfToken: string };
  const response = await page.request.fetch(`/api/v1${path}`, {
    method,
    headers: { "x-csrf-token": me.csrfToken },
    data,
  });
  assert(response.ok(), `${method} ${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Picks options of a Mantine MultiSelect by its label. */
async function chooseMany(scope: Page | Locator, page: Page, label: string, options: string[]): Promise<void> {
  for (const option of options) {
    await scope.getByRole("combobox", { name: label }).click();
    await page.getByRole("option", { name: option, exact: true }).click();
  }
  await page.keyboard.press("Escape");
}

/** A new teammate of the given team kind: the admin invites them, they join in a browser of their own. */
async function teammate(browser: Browser, admin: Page, person: typeof security, kind: "security" | "legal") {
  // Every workspace starts with a Security and a Legal team.
  const teams = await callApi<{ items: { id: string; kind: string }[] }>(admin, "GET", "/teams?limit=200");
  const team = teams.items.find((entry) => entry.kind === kind);
  assert(team, `the workspace should have a ${kind} team`);
  const invitation = await callApi<{ url: string }>(admin, "POST", "/invitations", {
    email: person.email,
    role: "member",
    teamId: team.id,
  });
  const side = await openPerson(browser, new URL(admin.url()).origin);
  await side.page.goto(new URL(invitation.url).pathname + new URL(invitation.url).hash);
  await side.page.getByLabel("Your name").fill(person.name);
  await side.page.getByLabel("Choose a password").fill(person.password);
  await side.page.getByRole("button", { name: /^Join / }).click();
  await waitForPage(side.page, new RegExp(`, ${person.name.split(" ")[0]}$`));
  return side;
}

/** Fills and submits the intake form of a purchase, and waits for the policy's answer on the request's page. */
async function submitPurchase(
  page: Page,
  purchase: typeof lowRisk,
  details: { cost: string; data: string; sso: boolean },
  answer: RegExp,
): Promise<string> {
  await page.goto("/pipeline/new");
  await waitForPage(page, "New request");
  await chooseOption(page, page, /^Type of request/, "New tool purchase");
  await page.getByLabel(/^Title/).fill(purchase.title);
  await page.getByRole("heading", { name: "The purchase" }).waitFor();
  await page.getByLabel(/^Vendor/).fill(purchase.vendor);
  await page.getByLabel(/^Product/).fill(purchase.product);
  await chooseOption(page, page, /^Category/, "Content & experience");
  await page.getByRole("combobox", { name: /^Subcategory/ }).fill("Interactive content");
  const capabilities = page.getByRole("combobox", { name: /^Capabilities/ });
  await capabilities.fill(purchase.vendor === "Tiny Forms" ? "forms" : "webinars");
  await capabilities.press("Enter");
  await page.getByLabel(/^Annual cost/).fill(details.cost);
  await page.getByLabel(/^Seats/).fill("10");
  await chooseMany(page, page, "Data involved", [details.data]);
  if (details.sso) await page.getByLabel("Single sign-on (SSO)").check();
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await waitForToast(page, answer);
  await waitForPage(page, purchase.title);
  await page.getByRole("heading", { name: "The purchase policy's answer" }).waitFor();
  return new URL(page.url()).pathname;
}

/** A reviewer opens what waits on them from Home, ticks the checklist and approves with a comment. */
async function approveFromHome(reviewer: Page, { h, inspect }: FlowTools, who: string, kind: string): Promise<void> {
  await h.check(`${who} sees the ${kind} review on Home and approves it with the checklist`, async () => {
    // A fresh load: Home read a minute ago may not know of the review yet.
    await reviewer.goto("/");
    const tile = reviewer.getByRole("region", { name: "Reviews waiting on me" });
    await tile.getByRole("link", { name: new RegExp(risky.title) }).click();
    await waitForPage(reviewer, "Reviews");
    const dialog = reviewer.getByRole("dialog", { name: new RegExp(`^${kind} review`) });
    await dialog.getByText("Sent for review by Legal and Security.").waitFor();
    for (const box of await dialog.getByRole("checkbox").all()) await box.check();
    await inspect(reviewer, `${who}-guardrails-review-dialog`);
    await dialog.getByLabel(/^Comment/).fill(`${kind} checks done; fine by us.`);
    await dialog.getByRole("button", { name: "Approve" }).click();
    await waitForToast(reviewer, new RegExp(`${kind} review of REQ-\\d+ approved`));
    await dialog.waitFor({ state: "detached" });
  });
}

/**
 * Guardrails: the admin writes the purchase policy (a CEL error shown at its column as they type, a test case, a save
 * it breaks refused); a low-risk purchase is approved at once and lands in the Stack in phase-in; a purchase with
 * personal data opens security and legal reviews that their people approve from Home; then the figures and the
 * simulation of a stricter draft.
 */
export async function guardrailsWalk(page: Page, memberPage: Page, tools: FlowTools): Promise<void> {
  const { h, inspect } = tools;
  const browser = page.context().browser();
  assert(browser, "the walk needs the browser of the page");

  await h.check("admin opens Guardrails: no policy yet, every purchase would go to IT", async () => {
    await navLink(page, "Guardrails").click();
    await waitForPage(page, "Guardrails");
    await page.getByText("No purchase policy yet").waitFor();
    await page.getByRole("heading", { name: "How the guardrails work" }).waitFor();
  });
  await inspect(page, "admin-guardrails-empty");

  await h.step("admin writes the policy: a CEL error is shown at its column as they type", async () => {
    await page.getByRole("link", { name: "Write the policy" }).click();
    await waitForPage(page, "Purchase policy");
    const fastLane = page.getByRole("group", { name: /^Rule 1: fast-lane/ });
    const when = fastLane.getByLabel(/^When \(CEL\)/);
    await when.fill("request.annualCost < 5000.0 &&");
    await fastLane.getByText(/invalid CEL syntax at column \d+/).waitFor();
    await page.getByText("1 problem to fix before saving.").waitFor();
    await inspect(page, "admin-guardrails-policy-cel-error");
    await when.fill("request.annualCost < 5000.0 && request.dataClasses.all(d, d == 'none') && request.sso");
    await page.getByText("The rules are valid.").waitFor();
    // The overlap rule of the example is not this walk's subject (the Stack walk may have added tools).
    await page.getByRole("button", { name: "Remove overlap" }).click();
    await page.getByRole("group", { name: /: overlap$/ }).waitFor({ state: "detached" });
    await page.getByText("The rules are valid.").waitFor();
    await page.getByRole("button", { name: "Create the policy" }).click();
    // The page itself says so (the toast may be gone already on a busy machine).
    await page.getByText(/Active · v1/).waitFor();
  });
  await inspect(page, "admin-guardrails-policy");

  await h.check("a test case runs on every save: a draft that breaks it is refused, naming it", async () => {
    await page.getByRole("button", { name: "Add a test case" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a test case" });
    await dialog.getByLabel(/^Name/).fill("Denied vendor is blocked");
    await dialog
      .getByLabel(/^Input/)
      .fill(
        JSON.stringify(
          { request: { vendor: "Acme Spyware", annualCost: 100, dataClasses: ["none"], sso: true } },
          null,
          2,
        ),
      );
    await dialog.getByLabel("Expected outcome").selectOption("block");
    await dialog.getByRole("button", { name: "Add test case" }).click();
    await waitForToast(page, "the current version passes it");
    await page.getByRole("row", { name: /Denied vendor is blocked.*Passes/ }).waitFor();
    await page.getByRole("button", { name: "Remove denied-vendor" }).click();
    await page.getByRole("button", { name: "Save as version 2" }).click();
    await page.getByRole("alert").filter({ hasText: "Not saved: the draft breaks these test cases" }).waitFor();
    await page.getByText(/Denied vendor is blocked: expected block, got/).waitFor();
    await inspect(page, "admin-guardrails-policy-save-refused");
    await page.getByRole("button", { name: "Discard changes" }).click();
    await page.getByRole("group", { name: /: denied-vendor$/ }).waitFor();
  });

  const securitySide = await teammate(browser, page, security, "security");
  const legalSide = await teammate(browser, page, legal, "legal");

  await h.step("Mia asks for a low-risk tool: approved at once, with the rule's explanation", async () => {
    await submitPurchase(
      memberPage,
      lowRisk,
      { cost: "1200", data: "No personal data", sso: true },
      /approved at once/,
    );
    const panel = memberPage.getByRole("region", { name: "The purchase policy's answer" });
    await panel.getByText("Approved at once: the tool is in the Stack, in phase-in.").waitFor();
    await panel.getByText("Low cost, no personal data, SSO").waitFor();
  });
  await inspect(memberPage, "member-guardrails-approved-at-once");

  await h.check("the approved tool is in the Stack, in phase-in", async () => {
    await memberPage.goto(`/stack?q=${encodeURIComponent(lowRisk.product)}`);
    await waitForPage(memberPage, "Stack");
    await memberPage.getByRole("row").filter({ hasText: lowRisk.product }).filter({ hasText: "Phase-in" }).waitFor();
  });

  let riskyPath = "";
  await h.step("Mia asks for a tool that handles personal data: security and legal reviews open at once", async () => {
    riskyPath = await submitPurchase(
      memberPage,
      risky,
      { cost: "18000", data: "Personal", sso: true },
      /sent for review/,
    );
    const panel = memberPage.getByRole("region", { name: "The purchase policy's answer" });
    await panel.getByText("Sent for review by Legal and Security.").waitFor();
    await panel.getByText("Personal data needs a security review and a DPA").waitFor();
    await panel.getByRole("link", { name: "Security review" }).waitFor();
    await panel.getByRole("link", { name: "Legal review" }).waitFor();
  });
  await inspect(memberPage, "member-guardrails-sent-for-review");

  await approveFromHome(securitySide.page, tools, "security", "Security");
  await h.check("legal finds its review under Reviews › Waiting on me", async () => {
    await legalSide.page.goto("/guardrails/reviews");
    await waitForPage(legalSide.page, "Reviews");
    await legalSide.page.getByRole("row", { name: new RegExp(risky.title) }).waitFor();
  });
  await inspect(legalSide.page, "legal-guardrails-reviews-mine");
  await approveFromHome(legalSide.page, tools, "legal", "Legal");

  await h.check("both approvals approve the request, and the tool joins the Stack", async () => {
    await memberPage.goto(riskyPath);
    await waitForPage(memberPage, risky.title);
    await memberPage
      .getByText(/Approved by the (legal, security|security, legal) reviews/)
      .first()
      .waitFor();
    const panel = memberPage.getByRole("region", { name: "The purchase policy's answer" });
    assert((await panel.getByText("Approved", { exact: true }).count()) === 2, "both reviews should read Approved");
    await memberPage.goto(`/stack?q=${encodeURIComponent(risky.product)}`);
    await memberPage.getByRole("row").filter({ hasText: risky.product }).filter({ hasText: "Phase-in" }).waitFor();
  });
  await inspect(memberPage, "member-guardrails-stack");

  await h.check("the overview shows the figures, the active rules and the recent purchases", async () => {
    await navLink(page, "Guardrails").click();
    await waitForPage(page, "Guardrails");
    // Two purchases of this walk were judged, one of them at once (other walks may add purchases of their own).
    await page
      .getByRole("region", { name: "How the guardrails work" })
      .getByText(/^\d+%$/)
      .waitFor();
    await page.getByRole("list", { name: "Rules of the active policy" }).getByText("personal-data").waitFor();
    await page.getByRole("table", { name: "Recent purchase requests" }).getByText(lowRisk.product).waitFor();
  });
  await inspect(page, "admin-guardrails-overview");

  await h.check("a stricter draft is simulated on the last purchases: what would change", async () => {
    await page.getByRole("link", { name: "Purchase policy" }).click();
    await waitForPage(page, "Purchase policy");
    await page
      .getByRole("group", { name: /^Rule 1: fast-lane/ })
      .getByLabel(/^When \(CEL\)/)
      .fill("request.annualCost < 1000.0 && request.dataClasses.all(d, d == 'none') && request.sso");
    await page.getByText("The rules are valid.").waitFor();
    await page.getByRole("button", { name: "Simulate the draft" }).click();
    await page.getByText(/\d+ replayed · [1-9]\d* would change/).waitFor();
    await page.getByRole("table", { name: "Simulation results" }).getByText(lowRisk.title, { exact: false }).waitFor();
  });
  await inspect(page, "admin-guardrails-simulation");

  await h.check("the currency table and review checklists", async () => {
    await page.getByRole("link", { name: "Currency and checklists" }).click();
    await waitForPage(page, "Currency and checklists");
    await page.getByLabel("Security review checklist").waitFor();
  });
  await inspect(page, "admin-guardrails-settings");

  await h.check("phone: the overview and the policy editor fit 375 px", async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto("/guardrails");
    await waitForPage(page, "Guardrails");
    await inspect(page, "phone-guardrails-overview");
    await page.goto("/guardrails/policy");
    await waitForPage(page, "Purchase policy");
    await inspect(page, "phone-guardrails-policy");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 1, `the policy page is ${overflow}px wider than the phone`);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await securitySide.context.close();
  await legalSide.context.close();
}
