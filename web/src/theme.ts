import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  darken,
  localStorageColorSchemeManager,
  type MantineColor,
} from "@mantine/core";

/** Tandem's look: calm indigo, system fonts, soft radii. */
export const theme = createTheme({
  primaryColor: "indigo",
  // White text on these shades passes WCAG AA (4.5:1) in both schemes.
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: "md",
  cursorType: "pointer",
  // People who ask their system for less motion get no sliding dialogs or menus.
  respectReducedMotion: true,
  fontFamily:
    'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: {
    fontWeight: "650",
    sizes: {
      h1: { fontSize: "1.625rem", lineHeight: "1.3" },
      h2: { fontSize: "1.25rem", lineHeight: "1.35" },
      h3: { fontSize: "1.0625rem", lineHeight: "1.4" },
    },
  },
  components: {
    Badge: { defaultProps: { variant: "light", radius: "sm" } },
    Card: { defaultProps: { withBorder: true, radius: "md", padding: "lg" } },
    Paper: { defaultProps: { radius: "md" } },
    Modal: { defaultProps: { centered: true, radius: "md", closeButtonProps: { "aria-label": "Close dialog" } } },
    Notification: { defaultProps: { closeButtonProps: { "aria-label": "Dismiss notification" } } },
    Tooltip: { defaultProps: { withArrow: true } },
    // Without its focus placeholder (an empty role=presentation div, not allowed in role=menu: axe
    // aria-required-children), an opened menu focuses its first item.
    Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
  },
});

// Mantine's default "light" variant text, dimmed text and links are a little too faint for WCAG AA
// on their backgrounds; darken them in light mode and lighten them in dark mode.
const paleColors: MantineColor[] = ["green", "orange", "yellow", "lime", "teal", "cyan"];

/** CSS variables that keep text at AA contrast in both schemes. */
export const cssVariablesResolver: CSSVariablesResolver = () => {
  const light: Record<string, string> = {
    "--mantine-color-dimmed": DEFAULT_THEME.colors.gray[7],
    "--mantine-color-anchor": DEFAULT_THEME.colors.indigo[8],
    "--mantine-color-error": DEFAULT_THEME.colors.red[9],
    "--tandem-app-bg": DEFAULT_THEME.colors.gray[0],
    "--tandem-surface": "#ffffff",
  };
  const dark: Record<string, string> = {
    "--mantine-color-dimmed": "#a6a6a6",
    "--mantine-color-anchor": DEFAULT_THEME.colors.indigo[3],
    "--mantine-color-error": DEFAULT_THEME.colors.red[4],
    "--tandem-app-bg": DEFAULT_THEME.colors.dark[8],
    "--tandem-surface": DEFAULT_THEME.colors.dark[7],
  };
  for (const name of Object.keys(DEFAULT_THEME.colors)) {
    if (name === "dark") continue;
    const shades = DEFAULT_THEME.colors[name];
    // Dark enough for AA on the "light" variant's hover background (shade 2) too.
    const lightText = darken(shades[9], paleColors.includes(name) ? 0.35 : 0.2);
    light[`--mantine-color-${name}-light-color`] = lightText;
    light[`--mantine-color-${name}-outline`] = lightText;
    light[`--mantine-color-${name}-text`] = lightText;
    dark[`--mantine-color-${name}-light-color`] = shades[3];
    dark[`--mantine-color-${name}-outline`] = shades[3];
    dark[`--mantine-color-${name}-text`] = shades[3];
  }
  return { variables: {}, light, dark };
};

/** Where the light/dark/auto choice is kept between visits. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: "tandem-color-scheme" });
