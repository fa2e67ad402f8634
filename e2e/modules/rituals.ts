import type { Locator, Page } from "playwright-core";
import { assertAccessible } from "../lib/a11y";
import { assert, chooseOption, screenshot, waitForPage, waitForToast } from "../lib/app";
import type { FlowTools } from "../lib/flow-tools";

const seriesTitle = "CMO–CIO weekly sync";
const manualItem = "Brainstorm a joint spring campaign";
const decisionRequest = "Same-day publishing for campaign pages";
const actionItem = "Draft the spring campaign's data needs with IT";

/** Calls the API as the signed-in person of the page (its cookies and CSRF token). */
async function callApi<T>(page: Page, method: "GET" | "POST" | "PATCH", path: string, data?: unknown): Promise<T> {
  const me = (await (await page.request.get("/api/v1/me")).json()) as { csrfToken: string };
  const response = await page.request.fetch(`/api/v1${path}`, {
    method,
    headers: { "x-csrf-token": me.csrfToken },
    data,
  });
  assert(response.ok(), `${method} ${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Picks an option of a Mantine MultiSelect by its label. */
async function chooseMany(scope: Locator, page: Page, label: string, options: string[]): Promise<void> {
  for (const option of options) {
    await scope.getByRole("combobox", { name: label }).click();
    await page.getByRole("option", { name: option, exact: true }).click();
  }
  await page.keyboard.press("Escape");
}

/** The agenda item card titled so. */
function agendaItem(page: Page, title: string): Locator {
  return page.getByRole("listitem").filter({ has: page.getByText(title, { exact: true }) });
}

/** How much wider than the window the page is. */
function overflowOf(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * Rituals, as the admin (IT): a weekly sync from its template with both sides, its generated agenda, a manual item
 * with notes, a decision and an action item, presentation mode, the meeting closed and its minutes; the action item
 * carried over onto the next occurrence's agenda, on my commitments, and a job-swap pair.
 */
export async function ritualsAsAdmin(page: Page, { h, run, inspect }: FlowTools): Promise<void> {
  if ((await page.getByRole("dialog").count()) > 0) await page.keyboard.press("Escape");
  let meetingPath = "/rituals";

  await h.check("admin opens Rituals: the empty page says what to do", async () => {
    await page.goto("/rituals");
    await waitForPage(page, "Rituals");
    await page.getByText("No meeting series yet").waitFor();
  });
  await inspect(page, "admin-rituals-empty");

  await h.check("the series form names the missing title and flags a one-sided series", async () => {
    await page.getByRole("button", { name: "New series" }).click();
    const dialog = page.getByRole("dialog", { name: "New meeting series" });
    await dialog.getByLabel(/^Title/).fill("");
    await dialog.getByText("Nobody from marketing or IT yet.", { exact: false }).waitFor();
    await dialog.getByRole("button", { name: "Create series" }).click();
    await dialog.getByText("Title is required").waitFor();
    await h.check("axe: series form", () => assertAccessible(page, "series form", '[role="dialog"]'));
  });

  await h.check("admin creates a weekly sync from its template with both sides", async () => {
    const dialog = page.getByRole("dialog", { name: "New meeting series" });
    await dialog.getByRole("radio", { name: /Monthly joint steering/ }).check();
    await dialog.getByRole("radio", { name: /Weekly CMO–CIO sync/ }).check();
    assert((await dialog.getByLabel(/^Title/).inputValue()) === seriesTitle, "the template fills in the title");
    await dialog.getByText("Every Tuesday", { exact: false }).first().waitFor();
    await chooseMany(dialog, page, "Participants", ["Mia Marketing · Marketing", "Alex Admin · IT"]);
    assert(
      (await dialog.getByText("flagged as one-sided", { exact: false }).count()) === 0,
      "with both sides the one-sided warning must go",
    );
    await screenshot(page, run, "admin-rituals-series-form");
    await dialog.getByRole("button", { name: "Create series" }).click();
    await waitForToast(page, `${seriesTitle} created`);
    await page.getByRole("heading", { name: seriesTitle }).waitFor();
    assert((await page.getByText("No IT participant").count()) === 0, "a series with both sides is not flagged");
  });
  await inspect(page, "admin-rituals");

  await h.check("admin edits the series with its version: a change saved meanwhile is not overwritten", async () => {
    await page.getByRole("article", { name: seriesTitle }).getByRole("link", { name: seriesTitle }).click();
    await waitForPage(page, seriesTitle);
    const seriesId = new URL(page.url()).pathname.split("/").pop() as string;
    await page.getByRole("button", { name: "Edit series" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit meeting series" });
    assert((await dialog.getByLabel(/^Title/).inputValue()) === seriesTitle, "the edit form opens on the series");
    // Someone else saves a change after the form opened (another tab, through the API).
    const current = await callApi<{ version: number }>(page, "GET", `/meeting-series/${seriesId}`);
    await callApi(page, "PATCH", `/meeting-series/${seriesId}`, {
      version: current.version,
      description: "Agreed in the hallway: keep it to the point",
    });
    await dialog.getByLabel(/^Length in minutes/).fill("60");
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await waitForToast(page, "Someone changed this series meanwhile");
    await dialog.waitFor({ state: "hidden" });
    await page.getByText("Agreed in the hallway: keep it to the point").waitFor();
    assert((await page.getByText("45 min", { exact: true }).count()) > 0, "the stale edit must not have saved");
  });

  await h.check("admin lengthens the series to an hour: its next meeting follows", async () => {
    await page.getByRole("button", { name: "Edit series" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit meeting series" });
    assert(
      (await dialog.getByLabel(/^Purpose/).inputValue()) === "Agreed in the hallway: keep it to the point",
      "the form opens on the latest version",
    );
    await dialog.getByLabel(/^Length in minutes/).fill("60");
    await h.check("axe: series edit form", () => assertAccessible(page, "series edit form", '[role="dialog"]'));
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await waitForToast(page, `${seriesTitle} saved`);
    await dialog.waitFor({ state: "hidden" });
    await page.getByText("1 h", { exact: true }).first().waitFor();
  });
  await inspect(page, "admin-rituals-series");

  await h.check("Home shows my next meeting and my commitments due", async () => {
    await page.goto("/");
    await page.getByRole("heading", { name: "Waiting on you" }).waitFor();
    await page.getByRole("region", { name: "My next meeting" }).getByRole("link", { name: seriesTitle }).waitFor();
    await page.getByRole("region", { name: "My commitments due" }).waitFor();
  });
  await inspect(page, "admin-home-rituals");

  await h.check("the next meeting's agenda is built from live data, with time boxes against the length", async () => {
    await page.goto("/rituals");
    await waitForPage(page, "Rituals");
    const card = page.getByRole("article", { name: seriesTitle });
    await card.getByRole("link", { name: /\d{1,2}:\d{2}/ }).click();
    await waitForPage(page, seriesTitle);
    meetingPath = new URL(page.url()).pathname;
    await page.getByRole("heading", { name: "Agenda", exact: true }).waitFor();
    await page.getByText(/^Time boxes: .* of 1 h$/).waitFor();
    // Opened for the first time, the agenda is built from the live state of the workspace.
    await page.getByText(/^Built from live data/).waitFor();
  });
  await inspect(page, "admin-rituals-meeting");

  await h.check("admin adds a manual item with an owner and writes notes on it", async () => {
    await page.getByRole("button", { name: "Add item" }).click();
    const dialog = page.getByRole("dialog", { name: "Add an agenda item" });
    await dialog.getByLabel(/^Title/).fill(manualItem);
    await chooseOption(dialog, page, "Owner", "Mia Marketing · Marketing");
    await dialog.getByRole("button", { name: "Add item" }).click();
    await waitForToast(page, `${manualItem} added to the agenda`);
    const item = agendaItem(page, manualItem);
    await item.getByText("Manual", { exact: true }).waitFor();
    await item.getByText(/Mia Marketing \(Marketing\)/).waitFor();
    await item.getByRole("button", { name: `Write notes on ${manualItem}` }).click();
    await item.getByLabel(`Notes on ${manualItem}`).fill("Both sides want one landing page per market.");
    await item.getByRole("button", { name: "Save notes" }).click();
    await waitForToast(page, "Notes saved");
    await item.getByText("Both sides want one landing page per market.").waitFor();
  });

  await h.check("admin sets the manual item's time box before the meeting, against the meeting's length", async () => {
    const item = agendaItem(page, manualItem);
    await item.getByRole("button", { name: `Change the time box of ${manualItem}` }).click();
    const minutes = item.getByLabel(`Time box of ${manualItem} (minutes)`);
    // Longer than the meeting: the sum says so, and the form refuses it naming the minutes (as the server would).
    await minutes.fill("75");
    await item.getByText(/Set time boxes with this one: 1 h 15 min of the meeting's 1 h, 15 min too long/).waitFor();
    await item.getByRole("button", { name: "Save time box" }).click();
    await item.getByText(/^Minutes must be at most 60/).waitFor();
    await minutes.fill("20");
    await item.getByText(/Set time boxes with this one: 20 min of the meeting's 1 h[;.]/).waitFor();
    await item.getByRole("button", { name: "Save time box" }).click();
    await waitForToast(page, `Time box of ${manualItem} set to 20 min`);
    await item.getByLabel("Time box 20 minutes").waitFor();
    // The sum against the meeting's length stays on the page (the other items, if any, share what is left).
    await page.getByText(/^Time boxes: .* of 1 h$/).waitFor();
  });

  await h.check("admin records a decision on a request, with the reason", async () => {
    await callApi(page, "POST", "/requests", {
      type: "change",
      title: decisionRequest,
      problem: "Campaign pages wait a week for the release train",
      outcome: "Pages publish the same day",
    });
    await page.getByRole("button", { name: `Record an outcome on ${manualItem}` }).click();
    const dialog = page.getByRole("dialog", { name: "Record an outcome" });
    await dialog.getByText("Decision", { exact: true }).click();
    await dialog.getByRole("button", { name: "Record decision" }).click();
    await dialog.getByText("What was decided is required").waitFor();
    await dialog.getByLabel(/^What was decided/).fill("Publish campaign pages outside the release train");
    const picker = dialog.getByRole("combobox", { name: "The request it decides" });
    await picker.fill("Same-day");
    await page.getByRole("option", { name: new RegExp(decisionRequest) }).click();
    await dialog.getByLabel(/^Reason/).fill("The CMS change is low risk and marketing loses a week per campaign");
    await h.check("axe: outcome form", () => assertAccessible(page, "outcome form", '[role="dialog"]'));
    await dialog.getByRole("button", { name: "Record decision" }).click();
    await waitForToast(page, "Decision recorded");
    await agendaItem(page, manualItem).getByText(`Decides ${decisionRequest}`, { exact: false }).waitFor();
  });

  await h.check("admin records an action item with owner, due date and priority", async () => {
    await page.getByRole("button", { name: `Record an outcome on ${manualItem}` }).click();
    const dialog = page.getByRole("dialog", { name: "Record an outcome" });
    await dialog.getByText("Action item", { exact: true }).click();
    await dialog.getByLabel(/^What will be done/).fill(actionItem);
    await chooseOption(dialog, page, "Owner", "Alex Admin · IT");
    await chooseOption(dialog, page, "Priority", "High");
    await dialog.getByRole("button", { name: "Record action item" }).click();
    await waitForToast(page, "Action item recorded");
    await page.getByRole("region", { name: "Outcomes" }).getByText(actionItem).waitFor();
  });
  await inspect(page, "admin-rituals-meeting-outcomes");

  await h.check("presentation mode walks the agenda with the arrow keys", async () => {
    await page.getByRole("button", { name: "Present" }).click();
    const dialog = page.getByRole("dialog", { name: / — presentation$/ });
    const position = dialog.getByText(/^Item \d+ of \d+ · /);
    await position.waitFor();
    const first = await position.textContent();
    assert(first?.startsWith("Item 1 of "), `the walk starts at the first item, not ${first}`);
    const total = Number(first?.match(/of (\d+)/)?.[1] ?? 0);
    if (total > 1) {
      await page.keyboard.press("ArrowRight");
      await dialog.getByText(/^Item 2 of \d+ · /).waitFor();
      await page.keyboard.press("ArrowLeft");
      await dialog.getByText(/^Item 1 of \d+ · /).waitFor();
    }
    await page.keyboard.press("End");
    await dialog.getByRole("heading", { level: 2 }).first().waitFor();
    await screenshot(page, run, "admin-rituals-presentation");
    await h.check("axe: presentation mode", () => assertAccessible(page, "presentation mode", '[role="dialog"]'));
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
  });

  await h.check("the invite and the series calendar are iCalendar files", async () => {
    await page.getByRole("button", { name: "Calendar" }).click();
    const invite = page.getByRole("menuitem", { name: /Invite for this meeting/ });
    const series = page.getByRole("menuitem", { name: /The whole series/ });
    for (const item of [invite, series]) {
      const href = await item.getAttribute("href");
      assert(href, "each calendar entry links to its .ics");
      const answer = await page.request.get(href);
      assert(answer.ok(), `${href} answered ${answer.status()}`);
      assert((await answer.text()).startsWith("BEGIN:VCALENDAR"), `${href} is not an iCalendar file`);
    }
    await page.keyboard.press("Escape");
  });

  await h.check("admin starts the meeting now: the agenda freezes", async () => {
    await page.getByRole("button", { name: "Start now" }).click();
    const dialog = page.getByRole("dialog", { name: "Start the meeting now?" });
    await dialog.getByRole("button", { name: "Start now" }).click();
    await waitForToast(page, "The meeting has started");
    await page.getByText(/frozen since the meeting started/i).waitFor();
  });

  await h.check("admin closes the meeting as held", async () => {
    await page.getByRole("button", { name: "Close meeting" }).click();
    const dialog = page.getByRole("dialog", { name: "Close the meeting" });
    await dialog.getByRole("button", { name: "Close as held" }).click();
    await waitForToast(page, "Meeting closed");
    await page.getByText("Held", { exact: true }).first().waitFor();
  });

  await h.check("the minutes list the decision and the action item, and print without the shell", async () => {
    await page.getByRole("link", { name: "Minutes" }).click();
    await waitForPage(page, `Minutes: ${seriesTitle}`);
    await page.getByText("Publish campaign pages outside the release train").waitFor();
    await page.getByRole("cell", { name: actionItem }).waitFor();
    await page.emulateMedia({ media: "print" });
    try {
      assert(!(await page.getByRole("banner").isVisible()), "the header must not print");
      await screenshot(page, run, "admin-rituals-minutes-print");
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
  });
  await inspect(page, "admin-rituals-minutes");

  await h.check("the next occurrence's agenda carries the open action item over", async () => {
    // The minutes name the series' next occurrence.
    await page
      .getByText(/^Next meeting:/)
      .getByRole("link")
      .click();
    await waitForPage(page, seriesTitle);
    assert(new URL(page.url()).pathname !== meetingPath, "the series' next meeting is a new occurrence");
    const carried = agendaItem(page, actionItem);
    await carried.getByText("Carried over", { exact: true }).waitFor();
    await carried.getByText("was action item").waitFor();
  });
  await inspect(page, "admin-rituals-next-meeting");

  await h.check("my commitments: the action item with its due date, and completion per side", async () => {
    await page.goto("/rituals/commitments");
    await waitForPage(page, "My commitments");
    const item = page.getByRole("listitem").filter({ hasText: actionItem });
    await item.getByText("High priority").waitFor();
    await page.getByRole("heading", { name: "Commitments kept, per side" }).waitFor();
    // Nothing has come due in a fresh workspace: the card says so instead of drawing empty bars.
    await page.getByText("No action item was due in this window yet", { exact: false }).waitFor();
  });
  await inspect(page, "admin-rituals-commitments");

  await h.check("admin marks the action item done", async () => {
    await page.getByRole("button", { name: `Mark done: ${actionItem}` }).click();
    await waitForToast(page, `${actionItem} done`);
    // Done, it leaves the open list and shows under Done.
    await page.getByRole("button", { name: `Mark done: ${actionItem}` }).waitFor({ state: "detached" });
    await page.getByRole("radiogroup", { name: "Which commitments" }).getByText("Done", { exact: true }).click();
    await page
      .getByRole("listitem")
      .filter({ hasText: actionItem })
      .getByText(/^Done (on time|late)$/)
      .waitFor();
  });

  await h.check("job swaps: admin pairs a marketer with a technologist", async () => {
    await page.getByRole("link", { name: "Job swaps" }).click();
    await waitForPage(page, "Job swaps");
    await page.getByRole("button", { name: "New pair" }).click();
    const dialog = page.getByRole("dialog", { name: "New job-swap pair" });
    await dialog.getByRole("button", { name: "Create pair" }).click();
    await dialog.getByText("Pick someone from marketing").waitFor();
    await chooseOption(dialog, page, "From marketing", "Mia Marketing · Marketing");
    await chooseOption(dialog, page, "From IT", "Alex Admin · IT");
    await dialog.getByLabel(/^Goals/).fill("See how a campaign's data reaches the warehouse; sit in on a release.");
    await dialog.getByRole("button", { name: "Create pair" }).click();
    await waitForToast(page, "Mia Marketing and Alex Admin paired");
    await page
      .getByRole("region", { name: /^Planned/ })
      .getByText("Mia Marketing ⇄ Alex Admin")
      .waitFor();
  });
  await inspect(page, "admin-rituals-job-swaps");

  await h.check("phone: the meeting page fits 375 px", async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(meetingPath);
    await waitForPage(page, seriesTitle);
    const overflow = await overflowOf(page);
    assert(overflow <= 1, `the meeting page is ${overflow} px wider than the phone`);
  });
  await inspect(page, "phone-rituals-meeting");
  await h.check("phone: Rituals fits 375 px", async () => {
    await page.goto("/rituals");
    await waitForPage(page, "Rituals");
    const overflow = await overflowOf(page);
    assert(overflow <= 1, `Rituals is ${overflow} px wider than the phone`);
  });
  await inspect(page, "phone-rituals");
  await page.setViewportSize({ width: 1280, height: 900 });
}
