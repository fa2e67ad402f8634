/**
 * The browser flow against a running Tandem: setup → sign out → sign in → invite → accept in a second
 * context → the member visits every page it can → the admin visits every page → phone width → sign out.
 * axe-core runs on every page visited (light; dark for the shell and module pages, with a dialog and a menu open);
 * screenshots go to e2e/artifacts/.
 *
 * Run by scripts/e2e.mjs (which starts the server); alone: E2E_BASE_URL=http://localhost:3000 node --import tsx e2e/flow.ts
 */
import type { Browser, Page } from "playwright-core";
import { assertAccessible } from "./lib/a11y";
import { assert, chooseOption, navLink, screenshot, userMenu, waitForPage, waitForToast } from "./lib/app";
import { launchBrowser, openPerson, type PageProblems } from "./lib/browser";
import { admin, greeting, member, personRow, signIn, workspace } from "./lib/cast";
import type { FlowTools } from "./lib/flow-tools";
import { Harness } from "./lib/harness";
import { experimentsAsAdmin } from "./modules/experiments";
import { glossaryWalk } from "./modules/glossary";
import { guardrailsWalk } from "./modules/guardrails";
import { healthWalk } from "./modules/health";
import { deactivateAndReactivate, editAndConflict, visitAsMember } from "./modules/people";
import { pipelineAsAdmin } from "./modules/pipeline";
import { pipelineSettingsAsAdmin } from "./modules/pipeline-settings";
import { ritualsAsAdmin } from "./modules/rituals";
import { experimentKpiAsAdmin, scorecardAsAdmin } from "./modules/scorecard";
import { darkTheme, phoneWidth } from "./modules/shell";
import { stackAsAdmin } from "./modules/stack";
import { valueAsAdmin } from "./modules/value";

const baseURL = process.env.E2E_BASE_URL ?? "http://localhost:3000";
const run = process.env.E2E_RUN_LABEL ?? "local";
/**
 * `E2E_DATA_ONLY=1` (the PostgreSQL run of `scripts/e2e.mjs`) walks every flow but leaves the accessibility scans
 * and the dark-theme and phone sweeps to the run on the embedded database: they check the web build, which both
 * runs serve alike, and they are a third of the suite's time.
 */
const dataOnly = process.env.E2E_DATA_ONLY === "1";
const h = new Harness(run, dataOnly ? (name) => name.startsWith("axe: ") : undefined);

/** Screenshot and axe for the page on screen. */
async function inspect(page: Page, name: string): Promise<void> {
  await screenshot(page, run, name);
  await h.check(`axe: ${name}`, () => assertAccessible(page, name));
}

const tools: FlowTools = { h, run, inspect };

/**
 * `E2E_ONLY=glossary,scorecard` walks only those modules' files (the shell's own checks always run): a quick loop
 * while one module is being built. The full suite (and CI) leaves it unset.
 */
const onlyModules = process.env.E2E_ONLY?.split(",").map((name) => name.trim().toLowerCase());
function walks(module: string): boolean {
  return onlyModules === undefined || onlyModules.includes(module);
}

/** The page reported no uncaught errors, CSP refusals or failed requests. */
async function checkProblems(problems: PageProblems, who: string): Promise<void> {
  await h.check(`no page errors or CSP refusals (${who})`, async () => {
    assert(problems.list.length === 0, problems.list.join("\n"));
  });
}

/** What every browser page of the flow reported, printed when the flow stops early. */
const allProblems: [string, PageProblems][] = [];

async function flow(browser: Browser): Promise<void> {
  const adminSide = await openPerson(browser, baseURL);
  allProblems.push(["admin", adminSide.problems]);
  const page = adminSide.page;
  const pagesToCapture: [string, Page][] = [["admin", page]];
  h.onFailure = async (name) => {
    for (const [who, shown] of pagesToCapture) await screenshot(shown, run, `FAILED-${who}-${name.slice(0, 40)}`);
  };

  await h.step("first visit goes to setup", async () => {
    await page.goto("/");
    // The first page of a fresh server and browser may be slow on a busy machine.
    await waitForPage(page, "Set up Tandem", 45_000);
    assert(new URL(page.url()).pathname === "/setup", `expected /setup, got ${page.url()}`);
  });
  await inspect(page, "setup");

  await h.step("setup creates the workspace and signs the admin in", async () => {
    await page.getByLabel("Workspace name").fill(workspace);
    await page.getByLabel("Your name").fill(admin.name);
    await page.getByLabel("Your email").fill(admin.email);
    await page.getByLabel(/^Password/).fill(admin.password);
    await page.getByRole("button", { name: "Create workspace" }).click();
    await waitForPage(page, greeting(admin.name));
    await page.getByRole("banner").getByText(workspace).waitFor();
  });
  await inspect(page, "home-after-setup");

  await h.step("sign out from the user menu", async () => {
    await userMenu(page, "Sign out");
    await waitForPage(page, "Sign in");
  });
  await inspect(page, "sign-in");

  await h.check("a wrong password is refused with a clear message", async () => {
    await signIn(page, admin.email, "not the right password at all");
    await page.getByRole("alert").filter({ hasText: "do not match" }).waitFor();
  });

  await h.step("sign in again", async () => {
    await signIn(page, admin.email, admin.password);
    await waitForPage(page, greeting(admin.name));
  });

  await h.check("a full page load is interactive quickly (budget 1 s on localhost; logged)", async () => {
    const started = Date.now();
    await page.goto("/people");
    await waitForPage(page, "People");
    await personRow(page, admin.name).waitFor();
    const ms = Date.now() - started;
    console.log(`      full load of /people to its first row: ${ms} ms`);
    // The budget is measured by the benchmarks; here only a gross regression fails (the machine is shared).
    assert(ms < 5_000, `/people took ${ms} ms to become usable`);
    await navLink(page, "Home").click();
    await waitForPage(page, greeting(admin.name));
  });

  await h.check("keyboard: the first Tab stop is the skip link, and it moves focus to the page", async () => {
    await page.reload();
    await waitForPage(page, greeting(admin.name));
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    assert(
      await skip.evaluate((element) => element === document.activeElement),
      "the skip link should be the first focus stop",
    );
    await page.keyboard.press("Enter");
    assert(
      await page.getByRole("main").evaluate((element) => element === document.activeElement),
      "focus should move to the main content",
    );
  });

  await h.check("a failing request shows an error state, and 'Try again' recovers", async () => {
    // The one place the flow fakes the server: a 500 cannot be provoked on purpose.
    const failing = "**/api/v1/sessions?*";
    await page.route(failing, (route) =>
      route.fulfill({
        status: 500,
        contentType: "application/problem+json",
        body: JSON.stringify({
          type: "about:blank",
          title: "Something went wrong on our side",
          status: 500,
          code: "internal_error",
        }),
      }),
    );
    await navLink(page, "Sessions").click();
    await page.getByRole("alert").filter({ hasText: "This could not be loaded" }).waitFor();
    await inspect(page, "error-state");
    await page.unroute(failing);
    await page.getByRole("button", { name: "Try again" }).click();
    await page.getByText("This browser").waitFor();
  });
  // The browser logged the faked 500s; they are not problems of the app.
  adminSide.problems.list = adminSide.problems.list.filter((problem) => !/status of 500/.test(problem));

  let invitationUrl = "";
  await h.step("admin invites a marketing member and gets a one-time link", async () => {
    await navLink(page, "People").click();
    await waitForPage(page, "People");
    await page.getByRole("button", { name: "Invite someone" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite someone" });
    await dialog.getByLabel("Email").fill(member.email);
    await chooseOption(dialog, page, "Team", "Marketing");
    await dialog.getByRole("button", { name: "Create invitation link" }).click();
    const link = page
      .getByRole("dialog", { name: "Invitation created" })
      .getByRole("textbox", { name: "Invitation link" });
    await link.waitFor();
    invitationUrl = await link.inputValue();
    assert(/\/accept-invite#token=.{20,}/.test(invitationUrl), `unexpected invitation link ${invitationUrl}`);
  });
  await inspect(page, "invitation-link-dialog");

  await h.check("the invitation is listed as pending", async () => {
    await page.getByRole("dialog", { name: "Invitation created" }).getByRole("button", { name: "Done" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await page.getByRole("cell", { name: member.email, exact: true }).waitFor();
  });

  // The invitee opens the link in a browser of their own: separate cookies.
  const memberSide = await openPerson(browser, baseURL);
  allProblems.push(["member", memberSide.problems]);
  const memberPage = memberSide.page;
  pagesToCapture.push(["member", memberPage]);
  await h.step("the invitee sees who invites them where", async () => {
    await memberPage.goto(invitationUrl);
    await waitForPage(memberPage, `Join ${workspace}`);
    await memberPage.getByText("Marketing", { exact: true }).first().waitFor();
  });
  await inspect(memberPage, "accept-invite");

  await h.step("accepting the invitation creates the account and signs in", async () => {
    await memberPage.getByLabel("Your name").fill(member.name);
    await memberPage.getByLabel("Choose a password").fill(member.password);
    await memberPage.getByRole("button", { name: `Join ${workspace}` }).click();
    await waitForPage(memberPage, greeting(member.name));
  });

  await h.check("a used invitation link says it can no longer be used", async () => {
    const again = await memberSide.context.newPage();
    await again.goto(invitationUrl);
    await waitForPage(again, "This invitation can no longer be used");
    await again.close();
  });

  await visitAsMember(memberPage, tools);
  await visitAsAdmin(page);
  if (walks("glossary")) await glossaryWalk(page, memberPage, tools);
  if (walks("guardrails")) await guardrailsWalk(page, memberPage, tools);
  if (walks("health")) await healthWalk(page, memberPage, tools);
  await editAndConflict(page, memberPage, tools);
  await deactivateAndReactivate(page, memberPage, tools);
  if (!dataOnly) {
    await darkTheme(page, tools, greeting(admin.name));
    await phoneWidth(page, tools, greeting(admin.name));
  }

  await h.step("signing out ends the session", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await userMenu(page, "Sign out");
    await waitForPage(page, "Sign in");
    await page.goto("/people");
    await waitForPage(page, "Sign in");
  });

  await checkProblems(adminSide.problems, "admin");
  await checkProblems(memberSide.problems, "member");
  await adminSide.context.close();
  await memberSide.context.close();
}

/** The admin walks every page, using what each offers. */
async function visitAsAdmin(page: Page): Promise<void> {
  await h.check("admin opens Home: what waits on me, the shared picture, and a chart", async () => {
    await navLink(page, "Home").click();
    await waitForPage(page, greeting(admin.name));
    await page.getByRole("heading", { name: "Waiting on you" }).waitFor();
    await page.getByRole("heading", { name: "The partnership at a glance" }).waitFor();
    await page.getByRole("region", { name: "Renewals in the next 90 days" }).waitFor();
    await page
      .getByRole("link", { name: /Service levels/ })
      .first()
      .waitFor();
    await page.getByRole("heading", { name: "People per team" }).waitFor();
    await page.getByRole("figure").first().waitFor();
  });
  await inspect(page, "admin-home");

  await h.check("admin opens People: both people and filters", async () => {
    await navLink(page, "People").click();
    await waitForPage(page, "People");
    await personRow(page, member.name).waitFor();
    await personRow(page, admin.name).waitFor();
    await page.getByLabel("Search people").fill("mia");
    await personRow(page, admin.name).waitFor({ state: "detached" });
    await personRow(page, member.name).waitFor();
    await page.getByLabel("Search people").fill("");
    await personRow(page, admin.name).waitFor();
  });
  await inspect(page, "admin-people");

  await h.check("admin revokes a pending invitation", async () => {
    const email = "sam@acme.example";
    await page.getByRole("button", { name: "Invite someone" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite someone" });
    await dialog.getByLabel("Email").fill(email);
    await chooseOption(dialog, page, "Team", "IT");
    await dialog.getByRole("button", { name: "Create invitation link" }).click();
    await page.getByRole("dialog", { name: "Invitation created" }).getByRole("button", { name: "Done" }).click();
    await page.getByRole("button", { name: `Revoke invitation for ${email}` }).click();
    const confirm = page.getByRole("dialog", { name: "Revoke this invitation?" });
    await confirm.getByRole("button", { name: "Revoke invitation" }).click();
    await confirm.waitFor({ state: "detached" });
    await waitForToast(page, `Invitation for ${email} revoked`);
    await page.getByRole("cell", { name: email, exact: true }).waitFor({ state: "detached" });
  });

  await h.check("admin adds a team and renames it", async () => {
    await navLink(page, "Teams").click();
    await waitForPage(page, "Teams");
    await page.getByRole("button", { name: "Add team" }).click();
    const addDialog = page.getByRole("dialog", { name: "Add a team" });
    await addDialog.getByLabel("Team name").fill("Agency partners");
    await addDialog.getByRole("button", { name: "Add team" }).click();
    await addDialog.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Edit Agency partners" }).click();
    const editDialog = page.getByRole("dialog", { name: "Edit Agency partners" });
    await editDialog.getByLabel("Team name").fill("Agency");
    await editDialog.getByRole("button", { name: "Save" }).click();
    await editDialog.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Edit Agency", exact: true }).waitFor();
  });
  await inspect(page, "admin-teams");

  await h.check("admin opens Sessions and switches to everyone's", async () => {
    await navLink(page, "Sessions").click();
    await waitForPage(page, "Sessions");
    await page.getByText("This browser").waitFor();
    await page.getByText("Everyone's", { exact: true }).click();
    await page.getByRole("cell", { name: member.name }).first().waitFor();
  });
  await inspect(page, "admin-sessions-everyone");

  await h.check("admin creates an API token, uses it, and revokes it", async () => {
    await navLink(page, "API tokens").click();
    await waitForPage(page, "API tokens");
    await page.getByRole("button", { name: "Create token" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Create an API token" });
    await dialog.getByLabel("Name").fill("CI export");
    await dialog.getByRole("button", { name: "Create token" }).click();
    const secretDialog = page.getByRole("dialog", { name: "Copy your new token" });
    const secret = await secretDialog.getByRole("textbox", { name: "API token" }).inputValue();
    assert(secret.length >= 20, "the token secret should be shown once");
    await screenshot(page, run, "admin-token-secret");
    await h.check("axe: token secret dialog", () => assertAccessible(page, "token secret dialog", '[role="dialog"]'));

    const meByToken = await fetch(new URL("/api/v1/me", baseURL), { headers: { authorization: `Bearer ${secret}` } });
    assert(meByToken.status === 200, `the new token should authenticate, got ${meByToken.status}`);
    const me = (await meByToken.json()) as { user: { name: string } };
    assert(me.user.name === admin.name, `the token should act as ${admin.name}`);

    await secretDialog.getByRole("button", { name: "I have copied it" }).click();
    await page.getByRole("cell", { name: "CI export", exact: true }).waitFor();
    await page.getByRole("button", { name: "Revoke token CI export" }).click();
    const confirm = page.getByRole("dialog", { name: "Revoke this token?" });
    await confirm.getByRole("button", { name: "Revoke token" }).click();
    await confirm.waitFor({ state: "detached" });
    await page.getByRole("cell", { name: "CI export", exact: true }).waitFor({ state: "detached" });
    const afterRevoke = await fetch(new URL("/api/v1/me", baseURL), { headers: { authorization: `Bearer ${secret}` } });
    assert(afterRevoke.status === 401, `a revoked token must be refused, got ${afterRevoke.status}`);
  });
  await inspect(page, "admin-tokens");

  await h.check("admin reads the audit log, filters, expands an event and verifies the chain", async () => {
    await navLink(page, "Audit log").click();
    await waitForPage(page, "Audit log");
    await page.getByRole("cell", { name: "invitation.accepted" }).waitFor();
    await chooseOption(page, page, "Action", "team.updated");
    await page.getByRole("cell", { name: "invitation.accepted" }).waitFor({ state: "detached" });
    await page.getByRole("cell", { name: "team.updated" }).waitFor();
    await page
      .getByRole("button", { name: /^Show changes of event/ })
      .first()
      .click();
    await page.getByRole("rowheader", { name: /name \(changed\)/ }).waitFor();
    await screenshot(page, run, "admin-audit-diff");
    await page.getByRole("button", { name: "Verify chain" }).click();
    await page.getByText("Chain intact ✓").waitFor();
  });
  await inspect(page, "admin-audit");

  await h.check("admin opens their account", async () => {
    await userMenu(page, "Your account");
    await waitForPage(page, "Your account");
    await page.getByRole("heading", { name: "Password" }).waitFor();
  });
  await inspect(page, "admin-account");

  await h.check("the command palette jumps to a page (Ctrl+K)", async () => {
    await page.keyboard.press("Control+k");
    const search = page.getByRole("textbox", { name: "Jump to a page or run an action" });
    await search.waitFor();
    await search.fill("teams");
    await screenshot(page, run, "command-palette");
    await h.check("axe: command palette", () => assertAccessible(page, "command palette", '[role="dialog"]'));
    await page
      .getByRole("button", { name: /^Teams/ })
      .first()
      .click();
    await waitForPage(page, "Teams");
  });

  await h.check("the command palette finds a record, not only pages (keyboard)", async () => {
    await page.keyboard.press("Control+k");
    const search = page.getByRole("textbox", { name: "Jump to a page or run an action" });
    await search.waitFor();
    await search.fill(admin.name.split(" ")[1]);
    const person = page.getByRole("button", { name: new RegExp(`^${admin.name}.*Person`) });
    await person.waitFor();
    await search.press("ArrowDown");
    await search.press("Enter");
    await waitForPage(page, "People");
    assert(new URL(page.url()).search.includes("q="), `expected the person's search, got ${page.url()}`);
  });

  if (walks("stack")) await stackAsAdmin(page, tools);
  if (walks("pipeline")) {
    const requestPath = await pipelineAsAdmin(page, tools);
    await pipelineSettingsAsAdmin(page, tools, requestPath);
  }
  if (walks("value")) await valueAsAdmin(page, tools);
  if (walks("experiments")) await experimentsAsAdmin(page, tools);
  if (walks("scorecard")) await scorecardAsAdmin(page, tools);
  if (walks("rituals")) await ritualsAsAdmin(page, tools);
  if (walks("experiments") && walks("scorecard")) await experimentKpiAsAdmin(page, tools);
}

/** The shell and module pages in the dark theme, each checked by axe (contrast differs per theme), a dialog and a menu open. */
const browser = await launchBrowser();
try {
  await flow(browser);
} catch (error) {
  for (const [who, problems] of allProblems) {
    for (const problem of problems.list) console.log(`      (${who} page) ${problem.split("\n")[0]}`);
  }
  if (!h.isStop(error)) {
    console.error(error);
    await h.check("the flow ran to its end", async () => {
      throw error;
    });
  }
} finally {
  await browser.close();
  h.finish(process.env.E2E_RESULT_FILE);
  console.log(`  [${run}] ${h.passed} passed, ${h.failed} failed`);
  process.exitCode = h.failed > 0 ? 1 : 0;
}
