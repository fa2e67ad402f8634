import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["server/**/*.test.ts", "engines/**/*.test.ts", "contracts/**/*.test.ts", "web/src/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
    // Each worker imports the server once for all its files instead of once per file (a fifth of the suite's
    // time). Test files share no state but what they build themselves (an app and a database each), and none
    // uses vi.mock, whose module replacement would leak into the files after it without isolation.
    isolate: false,
  },
});
