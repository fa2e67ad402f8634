import type { Page } from "playwright-core";
import { assertAccessible } from "../lib/a11y";
import {
  assert,
  assertFirstErrorInView,
  chooseOption,
  navLink,
  screenshot,
  waitForPage,
  waitForToast,
} from "../lib/app";
import type { FlowTools } from "../lib/flow-tools";

export const title = "Connect the CRM to the webinar tool";
const second = "Weekly export of campaign leads";

/** A link of the Pipeline's own navigation (Backlog, Board, My work, Rules). */
export function pipelineView(page: Page, name: string) {
  return page.getByRole("navigation", { name: "Pipeline views" }).getByRole("link", { name, exact: true });
}

/** Clicks a button of the request page's "Next steps" and waits for the toast. */
async function move(page: Page, button: string, toast: string | RegExp): Promise<void> {
  await page.getByRole("button", { name: button, exact: true }).click();
  await waitForToast(page, toast);
}

/** Calls the API as the signed-in person of the page (its cookies and CSRF token), as another tab would. */
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

/**
 * The Pipeline, as the admin (on the IT team): submit a request through the guided form, find it in the backlog,
 * triage, plan, see the RACI block the decision and complete it, decide with a reason, deliver, review the value;
 * then the board (menu move and a refused drag), my work, the rules and the service-level dashboard.
 */
export async function pipelineAsAdmin(page: Page, { h, run, inspect }: FlowTools): Promise<string> {
  let requestPath = "/pipeline";
  // A dialog left open by an earlier walk would block every click here: start from a clean page.
  if ((await page.getByRole("dialog").count()) > 0) {
    await page.goto("/");
    await page.getByRole("heading", { level: 1 }).waitFor();
  }
  await h.check(
    "admin opens Pipeline: the shadow tool adopted in the Stack waits in the backlog for review",
    async () => {
      await navLink(page, "Pipeline").click();
      await waitForPage(page, "Pipeline");
      await page.getByRole("link", { name: "Review shadow tool: Hotjar" }).waitFor();
    },
  );
  await inspect(page, "admin-pipeline-backlog-first");

  await h.check("the intake form names the missing fields", async () => {
    await page.getByRole("link", { name: "New request" }).first().click();
    await waitForPage(page, "New request");
    await page.getByRole("button", { name: "Submit", exact: true }).click();
    await page.getByText("Title is required").waitFor();
    await assertFirstErrorInView(page.getByRole("main"));
  });
  await inspect(page, "admin-pipeline-intake-errors");

  await h.step("admin submits a request through the guided form, with the benefit computed live", async () => {
    if (!(await page.getByRole("heading", { level: 1, name: "New request" }).isVisible())) {
      await page.goto("/pipeline/new");
      await waitForPage(page, "New request");
    }
    await chooseOption(page, page, /^Type of request/, "Change to a system");
    await page.getByLabel(/^Title/).fill(title);
    await page.getByLabel("The problem").fill("Webinar sign-ups are copied into the CRM by hand every week.");
    await page.getByLabel("The outcome you want").fill("Sign-ups reach the CRM within minutes, with consent.");
    await page.getByLabel("Who benefits").fill("Field marketing and sales development");
    await chooseOption(page, page, /^Team/, "Marketing");
    await page.getByLabel("Expected benefit (money)").fill("20000");
    await page.getByLabel("Hours saved").fill("100");
    await page.getByLabel("Loaded hourly rate").fill("80");
    await page.getByLabel("Cost estimate").fill("15000");
    await page.getByLabel(/^Confidence/).fill("70");
    await page.getByText(/Total expected benefit: €28,000/).waitFor();
    await page.getByRole("button", { name: "Submit", exact: true }).click();
    await waitForToast(page, /REQ-\d+ submitted/);
    await waitForPage(page, title);
    requestPath = new URL(page.url()).pathname;
  });
  await inspect(page, "admin-pipeline-request-submitted");

  await h.step("the request appears in the backlog and opens from it", async () => {
    await navLink(page, "Pipeline").click();
    await waitForPage(page, "Pipeline");
    await page.getByRole("row").filter({ hasText: title }).waitFor();
    await inspect(page, "admin-pipeline-backlog");
    await page.getByRole("link", { name: title }).click();
    await waitForPage(page, title);
    await page.getByRole("heading", { name: "Service levels" }).waitFor();
  });

  await h.step("IT triages it: class, IT partner and the score with its arithmetic", async () => {
    await move(page, "Move to Triage", /is now in Triage/);
    await page.getByRole("button", { name: "Edit triage" }).click();
    await chooseOption(page, page, "Priority class", "Crucial");
    await chooseOption(page, page, "IT partner", "Alex Admin · IT");
    await chooseOption(page, page, "Value (1–10)", "8");
    await chooseOption(page, page, "Urgency (1–10)", "6");
    await chooseOption(page, page, "Risk reduction (1–10)", "2");
    await page.getByLabel("Effort (person-weeks)").fill("4");
    await page.getByRole("button", { name: "Save triage" }).click();
    await waitForToast(page, "Triage saved · score 4");
    await page.getByText("WSJF = (8 + 6 + 2) ÷ 4 = 4").waitFor();
  });

  await h.step("planning records IT's architecture notes", async () => {
    await move(page, "Move to Planning", /is now in Planning/);
    await page.getByRole("button", { name: "Edit planning" }).click();
    await page.getByLabel("Architecture notes").fill("Use the CRM's native webinar connector; no new middleware.");
    await page.getByLabel("Security notes").fill("Consent flags travel with each sign-up.");
    await page.getByRole("button", { name: "Save planning" }).click();
    await waitForToast(page, "Planning saved");
    await page.getByText("Use the CRM's native webinar connector; no new middleware.").waitFor();
  });

  await h.step("the RACI blocks the decision with a clear message until it is complete", async () => {
    await page.getByRole("button", { name: "Move to Decision", exact: true }).click();
    await waitForToast(page, /Not ready for a decision: “Requirements” has an unassigned Accountable/);
    await page.getByText("Missing before the decision").waitFor();
    await inspect(page, "admin-pipeline-raci-warning");
    await page.getByRole("button", { name: "Edit who does what" }).click();
    await chooseOption(page, page, "Who is Accountable for Requirements", "Mia Marketing");
    await page.getByRole("button", { name: "Save who does what" }).click();
    await waitForToast(page, "Who does what is complete");
    await page.getByText("Missing before the decision").waitFor({ state: "detached" });
  });

  await h.step("the decision needs a reason, and is recorded with it", async () => {
    await move(page, "Move to Decision", /is now in Decision/);
    await page.getByRole("button", { name: "Decide…" }).click();
    const dialog = page.getByRole("dialog", { name: /^Decide on REQ-/ });
    await dialog.getByRole("button", { name: "Record the decision" }).click();
    await dialog.getByText("A reason is required").waitFor();
    await screenshot(page, run, "admin-pipeline-decision-dialog");
    await h.check("axe: decision dialog", () => assertAccessible(page, "decision dialog", '[role="dialog"]'));
    await dialog.getByLabel(/^Reason/).fill("Fits the CRM roadmap; the connector is already licensed.");
    await dialog.getByRole("button", { name: "Record the decision" }).click();
    await waitForToast(page, /approved/);
    await dialog.waitFor({ state: "detached" });
    await page.getByText("Fits the CRM roadmap; the connector is already licensed.").first().waitFor();
  });

  await h.step("delivery, delivered, value review, closed with realised against expected", async () => {
    await move(page, "Move to Delivered", /is now in Delivered/);
    await move(page, "Move to Value review", /is now in Value review/);
    await page.getByRole("button", { name: "Value review…" }).click();
    const dialog = page.getByRole("dialog", { name: "Value review" });
    await dialog.getByLabel(/^Realised benefit/).fill("31000");
    await dialog.getByLabel("What happened").fill("Sign-ups arrive in minutes; no manual copying.");
    await dialog.getByRole("button", { name: "Record and close" }).click();
    await waitForToast(page, /reviewed and closed/);
    await page.getByText("Realised vs expected").waitFor();
    await page.getByText("111%").waitFor();
    await page.getByText(/^Decided: Approved/).waitFor();
  });
  await inspect(page, "admin-pipeline-request-closed");

  await h.check("a second request goes in, and the board moves it through its menu", async () => {
    await page.goto("/pipeline/new");
    await waitForPage(page, "New request");
    await chooseOption(page, page, /^Type of request/, "Data or analytics");
    await page.getByLabel(/^Title/).fill(second);
    await page.getByRole("button", { name: "Submit", exact: true }).click();
    await waitForToast(page, /REQ-\d+ submitted/);
    await waitForPage(page, second);
    await navLink(page, "Pipeline").click();
    await waitForPage(page, "Pipeline");
    await pipelineView(page, "Board").click();
    await waitForPage(page, "Board");
    const submitted = page.getByRole("region", { name: /^Submitted/ });
    await submitted.getByRole("link", { name: second }).waitFor();
    await submitted
      .getByRole("listitem")
      .filter({ hasText: second })
      .getByRole("button", { name: /^Move REQ-/ })
      .click();
    await page.getByRole("menuitem", { name: "Move to Triage" }).click();
    await waitForToast(page, /moved to Triage/);
    await page
      .getByRole("region", { name: /^Triage/ })
      .getByRole("link", { name: second })
      .waitFor();
  });
  await inspect(page, "admin-pipeline-board");

  await h.check("at 1280 px the board shows every column with cards, or says how many it folds away", async () => {
    const columns = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("section[aria-labelledby^='board-column-']")].map((column) => {
        const board = column.parentElement as HTMLElement;
        const edge = board.getBoundingClientRect().right;
        return {
          name: column.querySelector("h2")?.textContent ?? "",
          cards: column.querySelectorAll("li").length,
          folded: column.dataset.collapsed === "true",
          toggle: column.querySelector("button[aria-expanded]") !== null,
          inside: column.getBoundingClientRect().right <= edge + 1,
          boardScrolls: board.scrollWidth > board.clientWidth + 1,
        };
      }),
    );
    assert(columns.length === 7, `expected the 7 open stages, got ${columns.length}`);
    assert(!columns[0]?.boardScrolls, "the board scrolls sideways at 1280 px");
    for (const column of columns) {
      assert(column.inside, `${column.name} is cut at the right`);
      const count = Number(column.name.match(/(\d+)$/)?.[1] ?? "0");
      if (column.folded && count > 0) assert(column.toggle, `${column.name} folds ${count} requests away unsaid`);
      if (!column.folded) assert(column.cards > 0, `${column.name} is open though empty`);
    }
  });

  await h.check("the board refuses a move the rules do not allow and the card snaps back", async () => {
    const card = page
      .getByRole("region", { name: /^Triage/ })
      .getByRole("listitem")
      .filter({ hasText: second });
    // From the card's top edge: its title is a link, which does not start a drag.
    await card.dragTo(page.getByRole("region", { name: /^Submitted/ }), { sourcePosition: { x: 24, y: 6 } });
    await waitForToast(page, /stays in Triage/);
    await page
      .getByRole("region", { name: /^Triage/ })
      .getByRole("link", { name: second })
      .waitFor();
  });

  await h.check("the board filters by type, in the page", async () => {
    await chooseOption(page, page, /^Type/, "Data or analytics");
    await page.getByText(/^\d+ of \d+ open requests$/).waitFor();
    await page
      .getByRole("region", { name: /^Triage/ })
      .getByRole("link", { name: second })
      .waitFor();
    assert(
      (await page.getByRole("link", { name: "Review shadow tool: Hotjar" }).count()) === 0,
      "a purchase review is still shown",
    );
  });

  await h.check("a stale save is refused: 'someone changed this request', and the page reloads it", async () => {
    await page
      .getByRole("region", { name: /^Triage/ })
      .getByRole("link", { name: second })
      .click();
    await waitForPage(page, second);
    await page.getByRole("button", { name: "Edit triage" }).click();
    await chooseOption(page, page, "Priority class", "Secondary");
    // Meanwhile someone else renames the request (through the API, as another tab would).
    const id = new URL(page.url()).pathname.split("/").pop() as string;
    const me = (await (await page.request.get("/api/v1/me")).json()) as { csrfToken: string };
    const current = (await (await page.request.get(`/api/v1/requests/${id}`)).json()) as { version: number };
    const renamed = await page.request.patch(`/api/v1/requests/${id}`, {
      headers: { "x-csrf-token": me.csrfToken },
      data: { version: current.version, title: `${second} (renamed)` },
    });
    assert(renamed.status() === 200, `the rename should pass, got ${renamed.status()}`);
    await page.getByRole("button", { name: "Save triage" }).click();
    await waitForToast(page, "Someone changed this request meanwhile");
    await waitForPage(page, `${second} (renamed)`);
  });

  await h.check(
    "a decision offers an alternative; the requester appeals once, then accepts the alternative",
    async () => {
      // To the decision through the API: the UI path was walked above.
      const id = new URL(page.url()).pathname.split("/").pop() as string;
      type Row = { id: string; version: number };
      const people = await callApi<{ items: { id: string; name: string }[] }>(page, "GET", "/users?q=Mia");
      const mia = people.items.find((person) => person.name === "Mia Marketing");
      assert(mia, "Mia Marketing should be a person of the workspace");
      const mine = await callApi<{ user: { id: string } }>(page, "GET", "/me");
      let r = await callApi<Row>(page, "GET", `/requests/${id}`);
      r = await callApi<Row>(page, "PATCH", `/requests/${id}`, {
        version: r.version,
        sponsorId: mia.id,
        priority: "secondary",
        itPartnerId: mine.user.id,
      });
      r = await callApi<Row>(page, "POST", `/requests/${id}/transitions`, { to: "planning", version: r.version });
      r = await callApi<Row>(page, "POST", `/requests/${id}/transitions`, { to: "decision", version: r.version });
      await page.reload();
      await waitForPage(page, `${second} (renamed)`);
      const decide = async (reason: string, alternative: string) => {
        await page.getByRole("button", { name: "Decide…" }).click();
        const dialog = page.getByRole("dialog", { name: /^Decide on REQ-/ });
        await dialog.getByText("Alternative", { exact: true }).click();
        await dialog.getByLabel(/^Reason/).fill(reason);
        await dialog.getByRole("textbox", { name: "Alternative 1" }).fill(alternative);
        await dialog.getByRole("button", { name: "Record the decision" }).click();
        await waitForToast(page, /alternative offered/);
        await dialog.waitFor({ state: "detached" });
      };
      await decide("The analytics team already exports leads weekly.", "Subscribe to the analytics team's export");
      await page.getByText("Subscribe to the analytics team's export").waitFor();
      await page.getByRole("button", { name: "Appeal (once)" }).click();
      const appeal = page.getByRole("dialog", { name: "Appeal the decision" });
      await appeal.getByLabel(/^Why it should be decided again/).fill("That export misses the consent flags.");
      await screenshot(page, run, "admin-pipeline-appeal-dialog");
      await h.check("axe: appeal dialog", () => assertAccessible(page, "appeal dialog", '[role="dialog"]'));
      await appeal.getByRole("button", { name: "Appeal", exact: true }).click();
      await waitForToast(page, "Appeal sent");
      await decide("Consent flags are added to the existing export.", "The existing export, now with consent flags");
      assert(
        (await page.getByRole("button", { name: "Appeal (once)" }).count()) === 0,
        "a second appeal must not be offered",
      );
      await page.getByRole("button", { name: "Accept the alternative" }).click();
      await waitForToast(page, "Alternative accepted");
      await page
        .getByRole("main")
        .getByText(/^Alternative accepted /)
        .waitFor();
    },
  );
  await inspect(page, "admin-pipeline-alternative-accepted");

  await h.check("the backlog re-ranks with the keyboard-reachable move buttons", async () => {
    for (const probe of ["Rank probe A", "Rank probe B"]) {
      await callApi(page, "POST", "/requests", { type: "change", title: probe });
    }
    await navLink(page, "Pipeline").click();
    await waitForPage(page, "Pipeline");
    const rows = page.getByRole("row").filter({ hasText: /Rank probe/ });
    await rows.nth(1).waitFor();
    assert((await rows.nth(0).textContent())?.includes("Rank probe A"), "A should start above B");
    const moveUp = rows.nth(1).getByRole("button", { name: /^Move REQ-\d+ up$/ });
    await moveUp.focus();
    await page.keyboard.press("Enter");
    await waitForToast(page, /moved up/);
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll("tbody tr"))
        .map((row) => row.textContent ?? "")
        .filter((text) => text.includes("Rank probe"))[0]
        ?.includes("Rank probe B"),
    );
  });

  await h.check("my work lists what waits on the admin", async () => {
    await navLink(page, "Pipeline").click();
    await waitForPage(page, "Pipeline");
    await pipelineView(page, "My work").click();
    await waitForPage(page, "My work");
  });
  await inspect(page, "admin-pipeline-my-work");

  await h.check(
    "the value delivered: the reviewed request's realised against expected, by type and sponsor",
    async () => {
      await pipelineView(page, "Value delivered").click();
      await waitForPage(page, "Value delivered");
      await page.getByText("Realised of expected").first().waitFor();
      await page.getByRole("table", { name: "Expected and realised benefit by type" }).waitFor();
    },
  );
  await inspect(page, "admin-pipeline-value");

  await h.check("a draft is saved, finished later through the same form, and submitted", async () => {
    await page.goto("/pipeline/new");
    await waitForPage(page, "New request");
    await chooseOption(page, page, /^Type of request/, "Change to a system");
    await page.getByLabel(/^Title/).fill("Consent field on the newsletter form");
    await page.getByRole("button", { name: "Save draft" }).click();
    await waitForToast(page, /^Draft REQ-\d+ saved$/);
    await waitForPage(page, "Consent field on the newsletter form");
    await page.getByRole("link", { name: "Finish the draft" }).click();
    await waitForPage(page, /^Edit REQ-\d+$/);
    await page.getByLabel(/^Title/).fill("Consent checkbox on the newsletter form");
    await page.getByLabel(/^The problem/).fill("We cannot prove consent for newsletter sign-ups.");
    await page.getByRole("button", { name: "Save and submit" }).click();
    await waitForToast(page, /^REQ-\d+ submitted$/);
    await waitForPage(page, "Consent checkbox on the newsletter form");
    await page.getByText("We cannot prove consent for newsletter sign-ups.").waitFor();
  });
  await inspect(page, "admin-pipeline-draft-submitted");
  await navLink(page, "Pipeline").click();
  await waitForPage(page, "Pipeline");
  return requestPath;
}
