// Applies the saved light/dark choice before the app starts, so nobody sees a flash of the wrong theme.
// A file rather than an inline script: the CSP allows only same-origin scripts. Key: see web/src/theme.ts.
(() => {
  try {
    const stored = window.localStorage.getItem("tandem-color-scheme");
    const prefersDark = window.matchMedia("(prefers-color-scheme: dark)").matches;
    const scheme = stored === "light" || stored === "dark" ? stored : prefersDark ? "dark" : "light";
    document.documentElement.setAttribute("data-mantine-color-scheme", scheme);
  } catch {
    // Storage blocked: the app applies the system's choice when it starts.
  }
})();
