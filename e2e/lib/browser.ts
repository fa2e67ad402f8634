import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

/** Debian's Chromium, never a downloaded one. */
export const CHROMIUM_PATH = process.env.E2E_CHROMIUM ?? "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** Launches the system Chromium headless. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** Problems the page itself reports: uncaught errors, CSP refusals, failed requests other than the expected 401s. */
export interface PageProblems {
  list: string[];
}

/** A browser context with its own cookies (one person), at desktop size, watching for page problems. */
export async function openPerson(
  browser: Browser,
  baseURL: string,
): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 900 },
    colorScheme: "light",
    locale: "en-US",
    reducedMotion: "reduce",
  });
  await context.addInitScript(settleMotion);
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  const page = await context.newPage();
  const problems: PageProblems = { list: [] };
  page.on("pageerror", (error) => problems.list.push(`uncaught: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    // Tested outcomes, not problems: signed-out pages ask /me and get 401 (how the app learns nobody is
    // signed in), a stale edit gets 409, a used invitation link gets 410.
    if (/status of (401|409|410)\b/.test(text)) return;
    problems.list.push(`console: ${text}`);
  });
  return { context, page, problems };
}

// Runs in every page before its own scripts. Transitions and animations last 1 ms: a toast or dialog is never caught
// half-faded by a contrast check, nor a panel mid-unfold by a click. Not 0: at 0 s no transitionend fires, and
// components that wait for it (Mantine's Collapse) would stay half-open. A constructed sheet needs no DOM yet.
function settleMotion() {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(
    "*, *::before, *::after { transition-duration: 1ms !important; transition-delay: 0s !important; animation-duration: 1ms !important; animation-delay: 0s !important; scroll-behavior: auto !important; }",
  );
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
