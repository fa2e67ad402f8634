// The People side of the browser flow: the invited member's walk through every page they may open, two people
// editing one record at once, and deactivating and reactivating a person.
import type { Page } from "playwright-core";
import { assert, chooseOption, MODULES, navLink, userMenu, waitForPage, waitForToast } from "../lib/app";
import { member, personRow, signIn } from "../lib/cast";
import type { FlowTools } from "../lib/flow-tools";

/** The marketing member walks every page the navigation offers, and one it does not. */
export async function visitAsMember(page: Page, { h, inspect }: FlowTools): Promise<void> {
  await h.check("a member's navigation has every module but no audit log", async () => {
    for (const module of MODULES) await navLink(page, module).waitFor();
    for (const item of ["People", "Teams", "Sessions", "API tokens"]) await navLink(page, item).waitFor();
    assert((await navLink(page, "Audit log").count()) === 0, "a member must not see the audit log link");
  });
  await inspect(page, "member-home");

  await h.check("member opens People: listed, no invite button", async () => {
    await navLink(page, "People").click();
    await waitForPage(page, "People");
    await personRow(page, member.name).waitFor();
    assert(
      (await page.getByRole("button", { name: "Invite someone" }).count()) === 0,
      "a member must not see Invite someone",
    );
  });
  await inspect(page, "member-people");

  await h.check("member opens Teams: sizes, no add button", async () => {
    await navLink(page, "Teams").click();
    await waitForPage(page, "Teams");
    await page.getByRole("heading", { name: "People per team" }).waitFor();
    assert((await page.getByRole("button", { name: "Add team" }).count()) === 0, "a member must not see Add team");
  });
  await inspect(page, "member-teams");

  await h.check("member opens Sessions: this browser is marked", async () => {
    await navLink(page, "Sessions").click();
    await waitForPage(page, "Sessions");
    await page.getByText("This browser").waitFor();
  });
  await inspect(page, "member-sessions");

  await h.check("member opens API tokens: empty state explains them", async () => {
    await navLink(page, "API tokens").click();
    await waitForPage(page, "API tokens");
    await page.getByText("You have no API tokens").waitFor();
  });
  await inspect(page, "member-tokens");

  await h.check("member opens their account", async () => {
    await userMenu(page, "Your account");
    await waitForPage(page, "Your account");
    await page.getByLabel("Name").waitFor();
  });
  await inspect(page, "member-account");

  await h.check("member turns notification emails off, and it stays off after a reload", async () => {
    const email = page.getByRole("switch", { name: "Email me my notifications" });
    if (!(await email.isChecked())) throw new Error("notification emails should start on");
    await email.click({ force: true });
    await waitForToast(page, "Notifications stay in Tandem only");
    await page.reload();
    await waitForPage(page, "Your account");
    const after = page.getByRole("switch", { name: "Email me my notifications" });
    await after.waitFor();
    if (await after.isChecked()) throw new Error("the switch came back on after a reload");
  });

  await h.check("member changes their password", async () => {
    await page.getByLabel("Current password").fill(member.password);
    await page.getByLabel(/^New password/).fill(member.newPassword);
    await page.getByLabel("Repeat the new password").fill(member.newPassword);
    await page.getByRole("button", { name: "Change password" }).click();
    await waitForToast(page, "Password changed");
  });

  await h.check("member reaching the audit log sees 'admins only'", async () => {
    await page.goto("/audit");
    await waitForPage(page, "Audit log");
    await page.getByText("Admins only").waitFor();
  });
  await inspect(page, "member-audit-admins-only");
}

/** Two people edit the same record: the second save is refused with 409 and the page says so. */
export async function editAndConflict(page: Page, memberPage: Page, { h }: FlowTools): Promise<void> {
  await h.check("a stale edit is refused: 'someone changed this'", async () => {
    await navLink(page, "People").click();
    await waitForPage(page, "People");
    await page.getByRole("button", { name: `Actions for ${member.name}` }).click();
    await page.getByRole("menuitem", { name: "Edit" }).click();
    const dialog = page.getByRole("dialog", { name: `Edit ${member.name}` });
    await dialog.getByLabel("Name").waitFor();

    // Meanwhile the member renames herself.
    await userMenu(memberPage, "Your account");
    await waitForPage(memberPage, "Your account");
    await memberPage.getByLabel("Name").fill("Mia M. Marketing");
    await memberPage.getByRole("button", { name: "Save name" }).click();
    await waitForToast(memberPage, "Your name is saved");

    await chooseOption(dialog, page, "Role", "Viewer");
    await dialog.getByRole("button", { name: "Save" }).click();
    await waitForToast(page, "Someone changed this person meanwhile");
    await personRow(page, "Mia M. Marketing").waitFor();
  });
}

/** Deactivating ends the person's sessions at once; reactivating lets them sign in again. */
export async function deactivateAndReactivate(page: Page, memberPage: Page, { h }: FlowTools): Promise<void> {
  await h.check("deactivating a person signs them out at once", async () => {
    await page.getByRole("button", { name: "Actions for Mia M. Marketing" }).click();
    await page.getByRole("menuitem", { name: "Deactivate" }).click();
    const confirm = page.getByRole("dialog", { name: /^Deactivate/ });
    await confirm.getByRole("button", { name: "Deactivate" }).click();
    await confirm.waitFor({ state: "detached" });
    await waitForToast(page, "is deactivated and signed out");
    await memberPage.reload();
    await waitForPage(memberPage, "Sign in");
  });
  await h.check("reactivating lets them sign in again", async () => {
    await page.getByRole("button", { name: "Actions for Mia M. Marketing" }).click();
    await page.getByRole("menuitem", { name: "Reactivate" }).click();
    const confirm = page.getByRole("dialog", { name: /^Reactivate/ });
    await confirm.getByRole("button", { name: "Reactivate" }).click();
    await confirm.waitFor({ state: "detached" });
    await waitForToast(page, "is active again");
    // Signing in again returns to the page the session ended on.
    await signIn(memberPage, member.email, member.newPassword);
    await waitForPage(memberPage, "Your account");
    await userMenu(memberPage, "Sign out");
    await waitForPage(memberPage, "Sign in");
  });
}
