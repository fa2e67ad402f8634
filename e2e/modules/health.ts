import type { Browser, BrowserContext, Page } from "playwright-core";
import { assertAccessible } from "../lib/a11y";
import { assert, navLink, screenshot, setTheme, waitForPage, waitForToast } from "../lib/app";
import type { FlowTools } from "../lib/flow-tools";

const k = 3;
const pulseTitle = "Pulse for the e2e walk";
/** People who join only to answer through the API (two of each side: with the two UI answers, k = 3 is reached). */
const marketingPeople = [
  { name: "Mo Marketing", email: "mo.marketing@acme.example", password: "saffron kettle 31 pebbles", value: 3 },
  { name: "Meg Marketing", email: "meg.marketing@acme.example", password: "cobalt thistle 64 rivers", value: 5 },
];
const itPeople = [
  { name: "Ivan IT", email: "ivan.it@acme.example", password: "marble falcon 27 lanterns", value: 2 },
  { name: "Iris IT", email: "iris.it@acme.example", password: "velvet glacier 85 comets", value: 4 },
];

type Person = (typeof marketingPeople)[number];

/** Calls the API as the person of a page or context (its cookies and CSRF token); returns the status and body. */
async function callApi<T>(
  request: Page["request"],
  method: "GET" | "POST",
  path: string,
  data?: unknown,
): Promise<{ status: number; body: T }> {
  const me = (await (await request.get("/api/v1/me")).json()) as { csrfToken: string };
  const response = await request.fetch(`/api/v1${path}`, { method, headers: { "x-csrf-token": me.csrfToken }, data });
  const text = await response.text();
  return { status: response.status(), body: (text ? JSON.parse(text) : null) as T };
}

/** A new person of a team kind: the admin invites them, they accept through the API in a context of their own. */
async function join(browser: Browser, admin: Page, person: Person, kind: "marketing" | "it"): Promise<BrowserContext> {
  const teams = await callApi<{ items: { id: string; kind: string }[] }>(admin.request, "GET", "/teams?limit=200");
  const team = teams.body.items.find((entry) => entry.kind === kind);
  assert(team, `the workspace should have a ${kind} team`);
  const invitation = await callApi<{ token: string }>(admin.request, "POST", "/invitations", {
    email: person.email,
    role: "member",
    teamId: team.id,
  });
  assert(invitation.status === 201, `inviting ${person.name} answered ${invitation.status}`);
  const context = await browser.newContext({ baseURL: new URL(admin.url()).origin });
  const accepted = await context.request.post("/api/v1/invitations/accept", {
    data: { token: invitation.body.token, name: person.name, password: person.password },
  });
  assert(accepted.status() === 201, `${person.name} joining answered ${accepted.status()}`);
  return context;
}

/** Answers every statement of the pulse with one value, through the API. */
async function answerByApi(context: BrowserContext, surveyId: string, value: number): Promise<number> {
  const survey = await callApi<{ items: { id: string }[] }>(context.request, "GET", `/surveys/${surveyId}`);
  const sent = await callApi(context.request, "POST", `/surveys/${surveyId}/responses`, {
    answers: survey.body.items.map((item) => ({ itemId: item.id, value })),
  });
  return sent.status;
}

/** Answers the open pulse in the browser: every statement with the same point of the scale. */
async function answerInBrowser(page: Page, choice: string): Promise<void> {
  const groups = page.getByRole("radiogroup");
  const count = await groups.count();
  assert(count >= 7, `the pulse should ask at least 7 statements, it asks ${count}`);
  for (let index = 0; index < count; index++) {
    await groups.nth(index).getByRole("radio", { name: choice, exact: true }).check();
  }
}

/**
 * Health: the admin adds a statement to the bank and launches a pulse with k = 3; a marketing person and the admin
 * (IT) answer in the browser, others through the API; with IT below k its figures read "fewer than 3 answered";
 * once both sides reach k the Index, both sides per criterion and the drivers appear.
 */
export async function healthWalk(page: Page, memberPage: Page, { h, run, inspect }: FlowTools): Promise<void> {
  const browser = page.context().browser();
  assert(browser, "the walk needs the browser of the page");
  const contexts: BrowserContext[] = [];
  let surveyId = "";
  try {
    await h.check("admin opens Health: no pulse yet, and what to do", async () => {
      await navLink(page, "Health").click();
      await waitForPage(page, "Health");
      await page.getByText("No pulse yet").waitFor();
    });
    await inspect(page, "admin-health-empty");

    await h.check(
      "the item bank: a new statement needs both wordings; once added it can still be reworded",
      async () => {
        await page.getByRole("navigation", { name: "Health views" }).getByRole("link", { name: "Item bank" }).click();
        await waitForPage(page, "Item bank");
        await page.getByRole("heading", { name: "Governance" }).waitFor();
        await page.getByRole("button", { name: "New statement" }).click();
        const dialog = page.getByRole("dialog", { name: "New statement" });
        await dialog.getByRole("button", { name: "Add statement" }).click();
        await dialog.getByText("What marketing reads is required").waitFor();
        await h.check("axe: statement form", () => assertAccessible(page, "statement form", '[role="dialog"]'));
        await dialog.getByRole("combobox", { name: "Criterion" }).click();
        await page.getByRole("option", { name: "Skills", exact: true }).click();
        await dialog.getByLabel(/^What marketing reads/).fill("IT people have spent a day with our team this quarter.");
        await dialog.getByLabel(/^What IT reads/).fill("We have spent a day with the marketing team this quarter.");
        await dialog.getByRole("button", { name: "Add statement" }).click();
        await waitForToast(page, /added to the bank/);
        await page.getByText("IT people have spent a day with our team this quarter.").waitFor();
      },
    );
    await inspect(page, "admin-health-item-bank");

    await h.check(
      "the pulse cadence: monthly says the bank takes longer than a quarter, and shows the next pulse's day",
      async () => {
        await page.getByRole("navigation", { name: "Health views" }).getByRole("link", { name: "Pulses" }).click();
        await waitForPage(page, "Pulses");
        const card = page.getByRole("region", { name: "Pulse cadence" });
        await card.getByText("Off: pulses launch only when an admin launches one.").waitFor();
        await card.getByRole("button", { name: "Change the cadence" }).click();
        const dialog = page.getByRole("dialog", { name: "Pulse cadence" });
        await dialog.getByRole("radio", { name: "Monthly" }).check();
        await dialog.getByRole("button", { name: "Save the cadence" }).click();
        await dialog.getByText("First pulse on is required when pulses launch on a cadence").first().waitFor();
        await h.check("axe: cadence form", () => assertAccessible(page, "cadence form", '[role="dialog"]'));
        // A month ahead, so no pulse launches during the walk.
        const start = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
        await dialog.getByLabel(/^First pulse on/).fill(start);
        await dialog.getByRole("button", { name: "Save the cadence" }).click();
        await waitForToast(page, /Cadence saved: the next pulse launches/);
        await card.getByText(/^Next pulse: (?!none)/).waitFor();
        await card.getByText("The bank takes longer than a quarter").waitFor();
        await card.getByText(/so the whole bank takes \d+ pulses \(\d+ months\)/).waitFor();
      },
    );
    await inspect(page, "admin-health-cadence");

    await h.step("admin drafts a pulse with k = 3 and sees the statements the rotation chose", async () => {
      await page.getByRole("navigation", { name: "Health views" }).getByRole("link", { name: "Pulses" }).click();
      await waitForPage(page, "Pulses");
      await page.getByRole("button", { name: "New pulse" }).click();
      const dialog = page.getByRole("dialog", { name: "New pulse" });
      await dialog.getByLabel(/^Title/).fill(pulseTitle);
      await dialog.getByLabel(/^Anonymity threshold/).fill("2");
      await dialog.getByRole("button", { name: "Draft the pulse" }).click();
      await dialog.getByText("Anonymity threshold (k) must be a whole number from 3 to 10").waitFor();
      await dialog.getByLabel(/^Anonymity threshold/).fill(String(k));
      await dialog.getByRole("button", { name: "Draft the pulse" }).click();
      await waitForToast(page, /drafted/);
      await waitForPage(page, pulseTitle);
      await page.getByText("Marketing reads:").first().waitFor();
      surveyId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
      assert(/^[0-9a-f-]{36}$/.test(surveyId), `expected the pulse's page, got ${page.url()}`);
      const statements = await page.getByRole("region", { name: "Statements" }).getByRole("listitem").count();
      assert(statements >= 7 && statements <= 9, `a pulse asks 6–8 statements plus the outcome, got ${statements}`);
    });
    await inspect(page, "admin-health-pulse-draft");

    await h.step("two more people of each side join before the launch", async () => {
      for (const person of marketingPeople) contexts.push(await join(browser, page, person, "marketing"));
      for (const person of itPeople) contexts.push(await join(browser, page, person, "it"));
    });

    await h.step("admin launches the pulse: k is locked", async () => {
      await page.getByRole("button", { name: "Launch", exact: true }).click();
      const confirm = page.getByRole("dialog", { name: "Launch this pulse?" });
      await confirm.getByRole("button", { name: "Launch" }).click();
      await waitForToast(page, `${pulseTitle} launched to both teams`);
      await page.getByText(`k = ${k} (locked at launch)`).waitFor();
    });

    await h.check("marketing (Mia) answers in the browser: anonymity explained, every statement required", async () => {
      await navLink(memberPage, "Home").click();
      const waiting = memberPage.getByRole("region", { name: "A pulse waits on your answer" });
      await waiting.getByText(`The pulse “${pulseTitle}” waits on your answer`).waitFor();
      await waiting.getByRole("link", { name: "Answer the pulse" }).click();
      await waitForPage(memberPage, pulseTitle);
      await memberPage.getByText("Your answer is stored without your name and without the time you sent it.").waitFor();
      await memberPage.getByRole("button", { name: "Send my answer" }).click();
      await memberPage.getByText("Choose how much you agree").first().waitFor();
      await answerInBrowser(memberPage, "Agree");
      await memberPage.getByLabel(/^Comment/).fill("The weekly sync helps.");
      await memberPage.evaluate(() => window.scrollTo(0, 0));
      await inspect(memberPage, "member-health-pulse-form");
      await memberPage.getByRole("button", { name: "Send my answer" }).click();
      await waitForToast(memberPage, /your answer is in/);
      await memberPage.getByRole("heading", { name: "Thank you: your answer is in" }).waitFor();
    });

    await h.check("a second answer from the same person is refused", async () => {
      assert(surveyId, "the pulse's id is known");
      const again = await answerByApi(memberPage.context(), surveyId, 1);
      assert(again === 409, `a second response should be refused with 409, got ${again}`);
    });

    await h.check("IT (the admin) answers in the browser", async () => {
      await page
        .getByRole("navigation", { name: "Health views" })
        .getByRole("link", { name: "Answer the pulse" })
        .click();
      await waitForPage(page, pulseTitle);
      await page.getByText("You answer as IT.").waitFor();
      await answerInBrowser(page, "Neither agree nor disagree");
      await page.getByRole("button", { name: "Send my answer" }).click();
      await waitForToast(page, /your answer is in/);
    });

    await h.check("the others answer through the API; IT stays one short of k", async () => {
      const [mo, meg, ivan] = contexts;
      assert(mo && meg && ivan, "the people joined");
      const answers: [BrowserContext, Person | undefined][] = [
        [mo, marketingPeople[0]],
        [meg, marketingPeople[1]],
        [ivan, itPeople[0]],
      ];
      for (const [context, person] of answers) {
        const status = await answerByApi(context, surveyId, person?.value ?? 3);
        assert(status === 201 || status === 200, `${person?.name}'s answer was refused with ${status}`);
      }
    });

    await h.check("with IT below k, the Index leaves the pulse out: 'fewer than 3 answered', no figure", async () => {
      await page.goto("/health");
      await waitForPage(page, "Health");
      await page.getByText(`Hidden: fewer than ${k} answered on a side`).first().waitFor();
      const sides = page.getByRole("region", { name: "Marketing and IT, side by side" });
      assert((await sides.getByRole("figure").count()) === 0, "no side-by-side chart while a side is below k");
    });
    await inspect(page, "admin-health-suppressed");

    await h.check(
      "the pulse's results: marketing shown, IT 'fewer than 3 answered'; participation as counts",
      async () => {
        await page.goto(`/health/surveys/${surveyId}`);
        await waitForPage(page, pulseTitle);
        const results = page.getByRole("region", { name: "Results" });
        await results.getByText(`Fewer than ${k} answered`).first().waitFor();
        await results.getByText("3 answered", { exact: true }).waitFor();
        const tookPart = page.getByRole("region", { name: "Took part" });
        // "of N" counts everyone of the side at launch: in the full suite other walks have added people too.
        await tookPart.getByText(/^3 of \d+ answered/).waitFor();
        await tookPart.getByText(/^2 of \d+ answered/).waitFor();
      },
    );
    await inspect(page, "admin-health-pulse-results-suppressed");

    await h.check(
      "the last IT answer reaches k: the Index, both sides per criterion and the drivers appear",
      async () => {
        const iris = contexts[3];
        assert(iris, "Iris joined");
        const status = await answerByApi(iris, surveyId, itPeople[1]?.value ?? 4);
        assert(status === 201 || status === 200, `Iris's answer was refused with ${status}`);
        await page.goto("/health");
        await waitForPage(page, "Health");
        await page.getByText(/Alignment Index: \d+(\.\d)? of 100/).waitFor();
        await page.getByRole("region", { name: "Marketing and IT, side by side" }).getByRole("figure").waitFor();
        const drivers = page.getByRole("region", { name: "Drivers" });
        await drivers.getByRole("heading", { name: "Lowest criteria" }).waitFor();
        await drivers.getByRole("listitem").first().waitFor();
        await page.getByRole("heading", { name: "Maturity, read two ways" }).waitFor();
        await page.getByText(/Luftman's rule/).waitFor();
        const suppressed = await page.getByText(new RegExp(`fewer than ${k} answered`, "i")).count();
        assert(suppressed === 0, "no side is suppressed any more");
      },
    );
    await inspect(page, "admin-health-index");

    await h.check("Home: the partnership at a glance shows the Index, the top drivers and next actions", async () => {
      await navLink(page, "Home").click();
      const tile = page.getByRole("region", { name: "Alignment Index" });
      await tile.getByText(/^\d+(\.\d)? of 100$/).waitFor();
      await tile.getByText("Top drivers").waitFor();
      assert((await tile.getByRole("list").first().getByRole("listitem").count()) === 3, "three top drivers");
      await tile.getByRole("link", { name: "Health →" }).waitFor();
      assert(
        (await page.getByRole("region", { name: "A pulse waits on your answer" }).count()) === 0,
        "the admin has answered: the pulse no longer waits on them",
      );
    });
    await inspect(page, "admin-home-partnership");

    await h.check("dark: the Alignment Index", async () => {
      await setTheme(page, "Dark");
      await page.goto("/health");
      await waitForPage(page, "Health");
      await page.getByRole("region", { name: "Marketing and IT, side by side" }).getByRole("figure").waitFor();
    });
    await inspect(page, "dark-health-index");
    await h.check("the Alignment Index goes back to the light theme", () => setTheme(page, "Light"));

    await h.check("phone: the Alignment Index fits 375 px", async () => {
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto("/health");
      await waitForPage(page, "Health");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 1, `the Alignment Index is ${overflow} px wider than the phone`);
    });
    await inspect(page, "phone-health-index");
    await h.check("phone: a pulse's page fits 375 px", async () => {
      await memberPage.setViewportSize({ width: 375, height: 812 });
      await memberPage.goto(`/health/surveys/${surveyId}`);
      await waitForPage(memberPage, pulseTitle);
      const overflow = await memberPage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 1, `the pulse page is ${overflow} px wider than the phone`);
      await screenshot(memberPage, run, "phone-member-health-pulse");
    });
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
    await memberPage.setViewportSize({ width: 1280, height: 900 });
    for (const context of contexts) await context.close();
  }
}
