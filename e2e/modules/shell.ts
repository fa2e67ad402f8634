/**
 * The shell across the app: the dark theme on every module's page, and phone widths (the navigation behind its
 * menu button; no page wider than a 390 px screen). Run by e2e/flow.ts after the module walks filled the workspace.
 */
import type { Page } from "playwright-core";
import { assertAccessible } from "../lib/a11y";
import { assert, MODULES, mainNav, navLink, screenshot, setTheme, waitForNone, waitForPage } from "../lib/app";
import type { FlowTools } from "../lib/flow-tools";

/** The dark theme on the shell's pages and every module's first page, with a dialog and a menu open. */
export async function darkTheme(page: Page, { h, inspect }: FlowTools, homeHeading: RegExp): Promise<void> {
  await h.check("the theme menu switches to dark", () => setTheme(page, "Dark"));
  const pages: [string, string | RegExp][] = [
    ["Home", homeHeading],
    ["Scorecard", "Scorecard"],
    ["People", "People"],
    ["Teams", "Teams"],
    ["Sessions", "Sessions"],
    ["API tokens", "API tokens"],
    ["Audit log", "Audit log"],
  ];
  for (const [link, heading] of pages) {
    await h.check(`dark: ${link}`, async () => {
      await navLink(page, link).click();
      await waitForPage(page, heading);
    });
    await inspect(page, `dark-${link}`);
  }
  await h.check("the dark theme survives a reload", async () => {
    await page.reload();
    await waitForPage(page, "Audit log");
    await page.locator('html[data-mantine-color-scheme="dark"]').waitFor({ state: "attached" });
  });
  // Every module's first page after the walks filled it with records, so the dark theme is read on real content.
  for (const module of MODULES.filter((name) => name !== "Scorecard")) {
    await h.check(`dark: ${module}`, async () => {
      await navLink(page, module).click();
      await waitForPage(page, module);
    });
    await inspect(page, `dark-${module}`);
  }
  await h.check("dark: a dialog and a menu pass axe while open", async () => {
    await navLink(page, "People").click();
    await waitForPage(page, "People");
    await page.getByRole("button", { name: "Invite someone" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite someone" });
    await dialog.waitFor();
    await assertAccessible(page, "dark invitation dialog", '[role="dialog"]');
    await page.keyboard.press("Escape");
    await waitForNone(dialog);
    await page.getByRole("button", { name: /^Account menu/ }).click();
    const menu = page.getByRole("menu");
    await menu.waitFor();
    await assertAccessible(page, "dark account menu", '[role="menu"]');
    await page.keyboard.press("Escape");
    await waitForNone(menu);
  });
  await h.check("the theme menu switches back to light", () => setTheme(page, "Light"));
}

/** At 375 px the navigation collapses behind a menu button and still reaches every page. */
export async function phoneWidth(page: Page, tools: FlowTools, homeHeading: RegExp): Promise<void> {
  const { h, run, inspect } = tools;
  await page.setViewportSize({ width: 375, height: 812 });
  await h.check("phone: the navigation is behind the menu button", async () => {
    await navLink(page, "Home").waitFor({ state: "hidden" });
    await page.getByRole("button", { name: "Open navigation" }).click();
    await navLink(page, "Teams").waitFor();
    await screenshot(page, run, "phone-navigation-open");
    await h.check("axe: phone navigation open", () => assertAccessible(page, "phone navigation open"));
    await navLink(page, "Teams").click();
    await waitForPage(page, "Teams");
    await page.getByRole("button", { name: "Open navigation" }).waitFor();
    await navLink(page, "Teams").waitFor({ state: "hidden" });
  });
  await inspect(page, "phone-teams");
  for (const [link, heading] of [
    ["People", "People"],
    ["Home", homeHeading],
    ["Guardrails", "Guardrails"],
  ] as const) {
    await h.check(`phone: open ${link} from the menu`, async () => {
      await page.getByRole("button", { name: "Open navigation" }).click();
      await mainNav(page).waitFor();
      await navLink(page, link).click();
      await waitForPage(page, heading);
      await waitForNone(page.getByRole("button", { name: "Close navigation" }));
    });
    await inspect(page, `phone-${link}`);
  }
  await phoneSweep(page, tools);
}

/** Every page of the app, as a phone user opens it after the flow filled the workspace. */
const SWEPT_PAGES = [
  "/",
  "/scorecard",
  "/scorecard/measured",
  "/scorecard/review",
  "/scorecard/segments",
  "/pipeline",
  "/pipeline/board",
  "/pipeline/my-work",
  "/pipeline/value",
  "/pipeline/rules",
  "/pipeline/new",
  "/service-levels",
  "/stack",
  "/stack/graph",
  "/stack/renewals",
  "/stack/compliance",
  "/stack/overlaps",
  "/stack/portfolio",
  "/stack/taxonomy",
  "/stack/discovery",
  "/guardrails",
  "/guardrails/policy",
  "/guardrails/reviews",
  "/guardrails/settings",
  "/glossary",
  "/glossary/clashes",
  "/experiments",
  "/experiments/learnings",
  "/value",
  "/value/data",
  "/value/runs",
  "/rituals",
  "/rituals/commitments",
  "/rituals/job-swaps",
  "/health",
  "/health/pulse",
  "/health/surveys",
  "/health/items",
  "/people",
  "/teams",
  "/sessions",
  "/tokens",
  "/audit",
  "/account",
];

/** At 390 px no page is wider than the screen: a sideways scroll of the whole page fails, naming each page. */
async function phoneSweep(page: Page, { h }: FlowTools): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await h.check("phone: no page is wider than a 390 px screen", async () => {
    const wide: string[] = [];
    for (const path of SWEPT_PAGES) {
      await page.goto(path);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await waitForNone(page.getByRole("status").filter({ hasText: /…/ }));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 1) wide.push(`${path} (${overflow} px too wide)`);
    }
    assert(wide.length === 0, `wider than the phone: ${wide.join(", ")}`);
  });
  await page.setViewportSize({ width: 375, height: 812 });
}
