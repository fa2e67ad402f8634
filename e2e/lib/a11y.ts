import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

/** Runs axe-core on the page (or only within `include`); throws listing every serious or critical violation. */
export async function assertAccessible(page: Page, where: string, include?: string): Promise<void> {
  // A toast or dialog half-way through fading would fail the contrast check for the wrong reason.
  await page.evaluate(async () => {
    await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)));
  });
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const results = await builder.analyze();
  const blocking = results.violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  if (blocking.length === 0) return;
  const lines = blocking.map((violation) => {
    const nodes = violation.nodes
      .slice(0, 3)
      .map((node) => `${node.target.join(" ")}: ${(node.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 180)}`)
      .join(" | ");
    return `${violation.impact} ${violation.id} (${violation.help}) ×${violation.nodes.length}: ${nodes}`;
  });
  throw new Error(`axe found ${blocking.length} serious/critical violation(s) on ${where}:\n${lines.join("\n")}`);
}
