import type { Page } from "playwright-core";
import { assertAccessible } from "../lib/a11y";
import {
  assert,
  assertFirstErrorInView,
  chooseOption,
  navLink,
  screenshot,
  setTheme,
  waitForPage,
  waitForToast,
} from "../lib/app";
import type { FlowTools } from "../lib/flow-tools";

/**
 * The integrations graph as it opens: every node inside the drawing (not cropped) and every label in it at least
 * 11 px on screen (its font size times the zoom). Polls until the drawing has been fitted; reports what is wrong.
 */
async function assertGraphReadable(page: Page, where: string): Promise<void> {
  const inspectGraph = () => {
    const pane = document.querySelector(".react-flow");
    const viewport = document.querySelector<HTMLElement>(".react-flow__viewport");
    const nodes = [...document.querySelectorAll<HTMLElement>(".react-flow__node")];
    if (!pane || !viewport || nodes.length === 0) return ["no graph drawn"];
    if (nodes.some((node) => getComputedStyle(node).visibility === "hidden")) return ["nodes not measured yet"];
    const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
    const box = pane.getBoundingClientRect();
    const problems: string[] = [];
    for (const node of nodes) {
      const rect = node.getBoundingClientRect();
      if (
        rect.left < box.left - 1 ||
        rect.top < box.top - 1 ||
        rect.right > box.right + 1 ||
        rect.bottom > box.bottom + 1
      ) {
        problems.push(`cropped: ${node.textContent?.trim()}`);
      }
    }
    const labelled = [...document.querySelectorAll<Element>(".react-flow__node *, .react-flow__edge-text")].filter(
      (element) =>
        [...element.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent?.trim()),
    );
    if (labelled.length === 0) problems.push("no labels drawn");
    for (const element of labelled) {
      const size = Number.parseFloat(getComputedStyle(element).fontSize) * zoom;
      if (size < 11) problems.push(`${size.toFixed(1)} px: ${element.textContent?.trim()}`);
    }
    return problems;
  };
  // Poll (a limit, not a race): the drawing is fitted a frame or two after the nodes are measured.
  let problems = await page.evaluate(inspectGraph);
  for (const deadline = Date.now() + 10_000; problems.length > 0 && Date.now() < deadline; ) {
    await page.waitForTimeout(200);
    problems = await page.evaluate(inspectGraph);
  }
  assert(problems.length === 0, `the graph at ${where}: ${problems.slice(0, 8).join("; ")}`);
}

/** The Stack: add tools through the form, connect them, find one on the graph, and open every view. */
export async function stackAsAdmin(page: Page, { h, run, inspect }: FlowTools): Promise<void> {
  await h.check("admin opens Stack: the empty catalog says what to do", async () => {
    await navLink(page, "Stack").click();
    await waitForPage(page, "Stack");
    await page.getByText("The catalog is empty").waitFor();
  });
  await inspect(page, "admin-stack-empty");

  await h.check("the tool form names the missing fields", async () => {
    await page.getByRole("button", { name: "Add tool" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a tool" });
    await dialog.getByRole("button", { name: "Add tool" }).click();
    await dialog.getByText("Name is required").waitFor();
    await assertFirstErrorInView(dialog);
    await screenshot(page, run, "admin-stack-form-errors");
    await h.check("axe: tool form", () => assertAccessible(page, "tool form", '[role="dialog"]'));
  });

  await h.check(
    "a refused save from the bottom of the tool form brings the first missing field into view",
    async () => {
      const dialog = page.getByRole("dialog", { name: "Add a tool" });
      await dialog.getByLabel(/^Name/).fill("Half-filled tool");
      const save = dialog.getByRole("button", { name: "Add tool" });
      await save.scrollIntoViewIfNeeded();
      await save.click();
      await assertFirstErrorInView(dialog);
    },
  );

  for (const [name, vendor, category, subcategory] of [
    ["Mixpanel", "Mixpanel", "Data", "Web & mobile analytics"],
    ["Brevo", "Sendinblue", "Content & experience", "Email marketing"],
  ] as const) {
    await h.check(`admin adds ${name} through the form and lands on its page`, async () => {
      if (!(await page.getByRole("dialog", { name: "Add a tool" }).isVisible())) {
        await navLink(page, "Stack").click();
        await waitForPage(page, "Stack");
        await page.getByRole("button", { name: "Add tool" }).click();
      }
      const dialog = page.getByRole("dialog", { name: "Add a tool" });
      await dialog.getByLabel(/^Name/).fill(name);
      await dialog.getByLabel("Vendor").fill(vendor);
      await chooseOption(dialog, page, /^Category/, category);
      await dialog.getByLabel(/^Subcategory/).fill(subcategory);
      await dialog.getByLabel(/^Capabilities/).fill("email sending");
      await dialog.getByLabel(/^Capabilities/).press("Enter");
      await dialog.getByLabel("Annual cost").fill("12000");
      await dialog.getByRole("button", { name: "Add tool" }).click();
      await waitForToast(page, `${name} added to the catalog`);
      await waitForPage(page, name);
    });
  }

  await h.check("admin connects Brevo to Mixpanel", async () => {
    await page.getByRole("button", { name: "Add integration" }).click();
    const dialog = page.getByRole("dialog", { name: "Connect Brevo" });
    await chooseOption(dialog, page, /^Other tool/, "Mixpanel");
    await dialog.getByLabel(/^Data objects/).fill("contacts");
    await dialog.getByLabel(/^Data objects/).press("Enter");
    await chooseOption(dialog, page, /^Method/, "API");
    await dialog.getByRole("button", { name: "Connect" }).click();
    await waitForToast(page, "Brevo → Mixpanel connected");
    await page.getByRole("cell", { name: "Mixpanel", exact: true }).waitFor();
    // The tool page draws its neighbours and lists its history.
    await page.getByRole("link", { name: "Open Mixpanel" }).waitFor();
    await page.getByText("added the tool").waitFor();
  });
  await inspect(page, "admin-stack-tool");

  await h.check("admin finds Brevo on the integrations graph and opens it", async () => {
    await navLink(page, "Stack").click();
    await waitForPage(page, "Stack");
    await page.getByRole("row").filter({ hasText: "Brevo" }).waitFor();
    await page.getByRole("navigation", { name: "Stack views" }).getByRole("link", { name: "Integrations" }).click();
    await waitForPage(page, "Integrations");
    await page.getByText("2 tools · 1 integration").waitFor();
    await page.locator(".react-flow__node").filter({ hasText: "Brevo" }).waitFor();
  });
  await h.check("the graph opens whole and readable (labels of 11 px or more) at 1280 px", () =>
    assertGraphReadable(page, "1280 px"),
  );
  await inspect(page, "admin-stack-graph");
  await h.check("selecting a tool on the graph highlights its integrations and links to its page", async () => {
    await page.locator(".react-flow__node").filter({ hasText: "Brevo" }).click();
    await page.getByText("1 integration highlighted").waitFor();
    await page.getByRole("link", { name: "Open Brevo" }).click();
    await waitForPage(page, "Brevo");
  });

  for (const [link, heading] of [
    ["Renewals", "Renewals"],
    ["Compliance", "Compliance"],
    ["Overlaps", "Overlaps"],
    ["Spend & fit", "Spend and fit"],
    ["Taxonomy", "Taxonomy"],
  ] as const) {
    await h.check(`admin opens the Stack's ${heading}`, async () => {
      await navLink(page, "Stack").click();
      await waitForPage(page, "Stack");
      await page.getByRole("navigation", { name: "Stack views" }).getByRole("link", { name: link }).click();
      await waitForPage(page, heading);
    });
    await inspect(page, `admin-stack-${link}`);
  }

  await h.check("admin imports tools from CSV: the check names bad lines, a clean file imports whole", async () => {
    await navLink(page, "Stack").click();
    await waitForPage(page, "Stack");
    await page.getByRole("button", { name: "Import CSV" }).click();
    const dialog = page.getByRole("dialog", { name: "Import tools from CSV" });
    const file = (lines: string[]) => ({
      name: "tools.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(lines.join("\n")),
    });
    await dialog
      .locator('input[type="file"]')
      .setInputFiles(file(["name,category,subcategory", "Loom,content,Video marketing", "Canva,Painting,Design"]));
    await dialog.getByRole("button", { name: "Check file" }).click();
    await dialog.getByText("1 problems: nothing was imported").waitFor();
    await dialog.getByRole("cell", { name: "is not a category of the taxonomy" }).waitFor();
    await screenshot(page, run, "admin-stack-import-errors");
    await h.check("axe: import dialog", () => assertAccessible(page, "import dialog", '[role="dialog"]'));
    await dialog
      .locator('input[type="file"]')
      .setInputFiles(
        file(["name,category,subcategory", "Loom,content,Video marketing", "Canva,content,Digital asset management"]),
      );
    await dialog.getByRole("button", { name: "Check file" }).click();
    await dialog.getByText("The file is ready to import").waitFor();
    await dialog.getByRole("button", { name: "Import 2 tools" }).click();
    await waitForToast(page, "Imported: 2 added, 0 updated");
    await page.getByRole("row").filter({ hasText: "Loom" }).waitFor();
  });

  await h.check("admin saves the catalog's filters as a shared view and finds it in the Views menu", async () => {
    await page.getByRole("button", { name: "Views" }).click();
    await page.getByRole("button", { name: "Save the current filters…" }).click();
    const dialog = page.getByRole("dialog", { name: "Save this view" });
    await dialog.getByLabel(/^Name/).fill("Whole catalog");
    await dialog.getByLabel("Share with the workspace").check();
    await h.check("axe: save view dialog", () => assertAccessible(page, "save view", '[role="dialog"]'));
    await dialog.getByRole("button", { name: "Save view" }).click();
    await waitForToast(page, "View “Whole catalog” saved");
    await page.getByRole("button", { name: "Views" }).click();
    await page.getByRole("button", { name: "Whole catalog", exact: true }).click();
    await waitForPage(page, "Stack");
  });

  await h.check("admin imports a card statement and adopts a shadow-IT candidate into the catalog", async () => {
    await navLink(page, "Stack").click();
    await waitForPage(page, "Stack");
    await page.getByRole("navigation", { name: "Stack views" }).getByRole("link", { name: "Shadow IT" }).click();
    await waitForPage(page, "Shadow IT");
    await page.getByText("No shadow IT found").waitFor();
    await page.getByRole("button", { name: "Import a statement" }).click();
    const dialog = page.getByRole("dialog", { name: "Import a statement" });
    const statement = [
      "date,description,amount,currency,cardholder,department",
      "2026-08-04,HOTJAR LTD MALTA,171.00,EUR,Alex Admin,Web",
      "2026-09-04,HOTJAR LTD MALTA,171.00,EUR,Alex Admin,Web",
      "2026-10-04,HOTJAR LTD MALTA,171.00,EUR,Alex Admin,Web",
      "2026-09-05,PAYPAL *BREVO 4029357733,25.00,EUR,Alex Admin,CRM",
      "2026-09-06,STARBUCKS HAMBURG,6.40,EUR,Alex Admin,Web",
    ].join("\n");
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: "cards.csv", mimeType: "text/csv", buffer: Buffer.from(statement) });
    await dialog.getByRole("button", { name: "Check file" }).click();
    await dialog.getByText("5 lines read: 1 match the catalog, 1 shadow candidates").waitFor();
    await h.check("axe: statement import dialog", () => assertAccessible(page, "statement import", '[role="dialog"]'));
    await dialog.getByRole("button", { name: "Import 5 lines" }).click();
    await waitForToast(page, "Imported 5 lines: 1 matched the catalog, 1 shadow candidates");
    await page.getByRole("row").filter({ hasText: "Hotjar" }).getByRole("button", { name: "Adopt" }).click();
    const adopt = page.getByRole("dialog", { name: "Adopt Hotjar" });
    await chooseOption(adopt, page, /^Category/, "Data");
    await chooseOption(adopt, page, /^Subcategory/, "Web & mobile analytics");
    await adopt.getByRole("button", { name: "Adopt as shadow" }).click();
    await waitForPage(page, "Hotjar");
    await page.getByText("Shadow IT", { exact: true }).first().waitFor();
  });
  await inspect(page, "admin-stack-shadow-tool");

  await h.check("admin subscribes a calendar to the renewals and meetings; the address serves iCalendar", async () => {
    await navLink(page, "Stack").click();
    await waitForPage(page, "Stack");
    await page.getByRole("navigation", { name: "Stack views" }).getByRole("link", { name: "Renewals" }).click();
    await waitForPage(page, "Renewals");
    await page.getByRole("button", { name: "Subscribe in your calendar" }).click();
    const dialog = page.getByRole("dialog", { name: "Renewals and meetings in your calendar" });
    await dialog.getByRole("button", { name: "Create address" }).click();
    const address = await dialog.getByRole("textbox", { name: "Your calendar address" }).inputValue();
    assert(/\/api\/v1\/calendar\.ics\?key=tdmcal_/.test(address), `unexpected address ${address}`);
    await dialog.getByText("your meetings").first().waitFor();
    await screenshot(page, run, "admin-stack-calendar-feed");
    await h.check("axe: calendar feed dialog", () => assertAccessible(page, "calendar feed", '[role="dialog"]'));
    const feed = await page.request.get(address);
    assert(feed.ok(), `the feed answered ${feed.status()}`);
    assert((await feed.text()).startsWith("BEGIN:VCALENDAR"), "the feed is not iCalendar");
    await page.keyboard.press("Escape");
  });

  await h.check("dark: the Stack's graph and a tool page", async () => {
    await setTheme(page, "Dark");
    await page.getByRole("navigation", { name: "Stack views" }).getByRole("link", { name: "Integrations" }).click();
    await waitForPage(page, "Integrations");
    await page.locator(".react-flow__node").first().waitFor();
    await assertGraphReadable(page, "1280 px, dark");
  });
  await inspect(page, "dark-stack-graph");
  await h.check("phone: the graph opens whole and readable at 390 px", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.reload();
      await waitForPage(page, "Integrations");
      await assertGraphReadable(page, "390 px");
      await screenshot(page, run, "phone-stack-graph");
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
  await h.check("dark: the Stack catalog", async () => {
    await page.getByRole("navigation", { name: "Stack views" }).getByRole("link", { name: "Catalog" }).click();
    await waitForPage(page, "Stack");
    await page.getByRole("row").filter({ hasText: "Brevo" }).waitFor();
  });
  await inspect(page, "dark-stack-catalog");
  await h.check("the Stack goes back to the light theme", () => setTheme(page, "Light"));
}
