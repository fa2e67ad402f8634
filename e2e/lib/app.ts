import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "playwright-core";

/** Where screenshots go (git-ignored). */
export const ARTIFACTS_DIR = path.resolve(import.meta.dirname, "../artifacts");

/** Every module of Tandem (README.md lists them), as the navigation names them. */
export const MODULES = [
  "Scorecard",
  "Pipeline",
  "Service levels",
  "Stack",
  "Guardrails",
  "Glossary",
  "Experiments",
  "Value",
  "Rituals",
  "Health",
] as const;

/** Fails with a readable message unless the condition holds. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Waits until the locator matches nothing (every instance gone). */
export async function waitForNone(locator: Locator): Promise<void> {
  while ((await locator.count()) > 0) {
    await locator.first().waitFor({ state: "detached" });
  }
}

/** Waits for the page's h1 and for its loading spinners to finish. */
export async function waitForPage(page: Page, heading: string | RegExp, timeout?: number): Promise<void> {
  await page.getByRole("heading", { level: 1, name: heading }).waitFor({ timeout });
  await waitForNone(page.getByRole("status").filter({ hasText: /…/ }));
}

let shotCounter = 0;

/** Saves a full-page screenshot as e2e/artifacts/<run>-<nn>-<name>.png. */
export async function screenshot(page: Page, run: string, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  shotCounter += 1;
  const file = `${run}-${String(shotCounter).padStart(2, "0")}-${name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}.png`;
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, file), fullPage: true });
}

/** The main navigation landmark. */
export function mainNav(page: Page): Locator {
  return page.getByRole("navigation", { name: "Main" });
}

/** A link of the main navigation by its visible name ("Scorecard" matches "Scorecard soon"). */
export function navLink(page: Page, name: string): Locator {
  return mainNav(page).getByRole("link", { name: new RegExp(`^${name}\\b`) });
}

/** Picks an option of a Mantine Select (a combobox) inside a scope. */
export async function chooseOption(
  scope: Page | Locator,
  page: Page,
  label: string | RegExp,
  option: string,
): Promise<void> {
  const combobox = scope.getByRole("combobox", { name: label });
  const choice = page.getByRole("option", { name: option, exact: true });
  // A dropdown that opens while the page is still settling can miss its first paint: open it again, up to 3 times.
  for (let attempt = 1; ; attempt++) {
    await combobox.click();
    try {
      await choice.click({ timeout: 4000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      // Close it (a click on the field toggles the dropdown; Escape could close the dialog around it).
      await combobox.click();
    }
  }
}

/** Opens the signed-in person's menu and picks an item. */
export async function userMenu(page: Page, item: string | RegExp): Promise<void> {
  await page.getByRole("button", { name: /^Account menu for / }).click();
  await page.getByRole("menuitem", { name: item }).click();
}

/** Switches the color theme through the header's menu. */
export async function setTheme(page: Page, theme: "Light" | "Dark" | "Same as system"): Promise<void> {
  await page.getByRole("button", { name: /^Color theme/ }).click();
  await page.getByRole("menuitem", { name: theme }).click();
  const expected = theme === "Dark" ? "dark" : "light";
  await page.locator(`html[data-mantine-color-scheme="${expected}"]`).waitFor({ state: "attached" });
}

/** Waits for a notification toast with the given text. */
export async function waitForToast(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole("alert").filter({ hasText: text }).first().waitFor();
}

/**
 * After a refused submit: the first invalid field (in page order, within `scope`) has the focus and lies wholly
 * inside the window and inside every scrolling box around it (a dialog's body included), so the error is seen.
 */
export async function assertFirstErrorInView(scope: Locator): Promise<void> {
  const invalid = scope.locator('[aria-invalid="true"]').first();
  await invalid.waitFor();
  // Scrolling to the field is smooth in some browsers: give it the frames it needs, then measure.
  await invalid.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(null)))),
  );
  const problem = await invalid.evaluate((field) => {
    const name = field.getAttribute("aria-label") ?? (field as HTMLInputElement).labels?.[0]?.textContent ?? field.id;
    if (field !== document.activeElement && !field.contains(document.activeElement)) {
      return `the first invalid field (${name}) does not have the focus`;
    }
    const box = field.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      return `the first invalid field (${name}) is outside the window (top ${Math.round(box.top)}, window ${window.innerHeight})`;
    }
    for (let parent = field.parentElement; parent; parent = parent.parentElement) {
      const overflow = getComputedStyle(parent).overflowY;
      if (overflow !== "auto" && overflow !== "scroll") continue;
      const frame = parent.getBoundingClientRect();
      if (box.top < frame.top - 1 || box.bottom > frame.bottom + 1) {
        return `the first invalid field (${name}) is scrolled out of its box`;
      }
    }
    return null;
  });
  assert(problem === null, problem ?? "");
}
