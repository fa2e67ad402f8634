import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_THEME } from "@mantine/core";
import { describe, expect, it } from "vitest";
import { cssVariablesResolver, theme } from "./theme";

// WCAG 2 relative luminance and contrast ratio of two opaque colours, #rrggbb or rgb(a)(r, g, b, …).
function luminance(color: string): number {
  const parts = color.startsWith("#")
    ? [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16))
    : (color.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
  const [r, g, b] = parts.map((value) => {
    const channel = value / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

function contrast(a: string, b: string): number {
  const [dark, light] = [luminance(a), luminance(b)].sort((x, y) => x - y);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".tsx") ? [path] : [];
  });
}

describe("text contrast in both themes", () => {
  const variables = cssVariablesResolver({ ...DEFAULT_THEME, ...theme } as typeof DEFAULT_THEME);
  const surfaces = {
    light: ["#ffffff", DEFAULT_THEME.colors.gray[0]],
    dark: [DEFAULT_THEME.colors.dark[7], DEFAULT_THEME.colors.dark[8]],
  };

  it("gives every colour's text variable AA contrast (4.5:1) on the surfaces of its scheme", () => {
    for (const scheme of ["light", "dark"] as const) {
      for (const name of ["orange", "indigo", "red", "green", "yellow"]) {
        const text = variables[scheme][`--mantine-color-${name}-text`] ?? "";
        for (const surface of surfaces[scheme]) {
          expect(contrast(text, surface), `${name} text on ${surface} (${scheme})`).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
  });

  it("colours no text with a fixed palette shade, which fails AA in one of the schemes", () => {
    // A fixed shade (c="orange.8") is the same in both schemes: orange.8 is 3.58:1 on white, indigo.8 2.4:1 on
    // the dark surface. Text takes var(--mantine-color-<name>-text), which the theme sets per scheme.
    const fixed = /\bc=(?:"|\{[^}]*")[a-z]+\.\d"/;
    const offenders = sources(join(import.meta.dirname, ".")).filter((path) => fixed.test(readFileSync(path, "utf8")));
    expect(offenders).toEqual([]);
  });
});
