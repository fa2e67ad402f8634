#!/usr/bin/env node
// `npm test`: the unit and API suites (PGlite, and PostgreSQL when TANDEM_TEST_DATABASE_URL is set),
// then the browser suite in Debian's Chromium, after biome check and tsc. Writes .tmp/test-summary.json and ends
// with one line "N passed, M failed" (a failed biome check or tsc counts as one failure each).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const tmp = path.join(root, ".tmp");
fs.mkdirSync(tmp, { recursive: true });
const chromium = process.env.TANDEM_CHROMIUM ?? "/usr/bin/chromium";
const requireE2e = process.env.TANDEM_REQUIRE_E2E === "1";

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

const summary = {
  static: { lint: false, types: false },
  unit: { passed: 0, failed: 0, postgres: 0 },
  e2e: { ran: false, passed: 0, failed: 0, failures: [] },
  /** What failed, by name with the first lines of its error: printed last, so a CI log's tail says it. */
  failures: [],
};

// Lint, format, import order and boundaries (biome check: noRestrictedImports among them), then types: cheap, and
// they fail for clear reasons. A failure here is reported, and the suites still run so one run shows everything.
summary.static.lint = run("npx", ["biome", "check", "--diagnostic-level=error", "."]) === 0;
summary.static.types = run("npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]) === 0;
const staticFailures = [!summary.static.lint && "biome check", !summary.static.types && "tsc"].filter(Boolean);
if (staticFailures.length > 0) console.log(`\nFailed: ${staticFailures.join(" and ")} (the suites run anyway).`);

const vitestJson = path.join(tmp, "vitest.json");
fs.rmSync(vitestJson, { force: true });
const unitCode = run("npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestJson}`,
]);
if (fs.existsSync(vitestJson)) {
  const report = JSON.parse(fs.readFileSync(vitestJson, "utf8"));
  summary.unit.passed = report.numPassedTests;
  summary.unit.failed = report.numFailedTests + (unitCode !== 0 && report.numFailedTests === 0 ? 1 : 0);
  summary.unit.postgres = report.testResults
    .flatMap((file) => file.assertionResults)
    .filter(
      (test) => test.status === "passed" && test.ancestorTitles.some((title) => title.includes("[postgres]")),
    ).length;
  for (const file of report.testResults) {
    for (const test of file.assertionResults.filter((result) => result.status === "failed")) {
      summary.failures.push({
        name: `${path.relative(root, file.name)} > ${test.fullName}`,
        error: (test.failureMessages ?? []).join("\n").split("\n").slice(0, 4).join("\n").slice(0, 400),
      });
    }
    // A file that failed outside its tests (an import error, a hook): no test says so.
    if (file.status === "failed" && !file.assertionResults.some((result) => result.status === "failed")) {
      summary.failures.push({ name: path.relative(root, file.name), error: (file.message ?? "").slice(0, 400) });
    }
  }
  if (unitCode !== 0 && summary.failures.length === 0) {
    summary.failures.push({ name: "the unit and API suites", error: `vitest exited with ${unitCode}, no test failed` });
  }
} else {
  summary.unit.failed = 1;
  summary.failures.push({ name: "the unit and API suites", error: `vitest wrote no report (exit ${unitCode})` });
}

let e2eCode = 0;
if (fs.existsSync(chromium)) {
  summary.e2e.ran = true;
  const e2eSummary = path.join(tmp, "e2e-summary.json");
  fs.rmSync(e2eSummary, { force: true });
  e2eCode = run(process.execPath, ["scripts/e2e.mjs"], { TANDEM_E2E_SUMMARY: e2eSummary });
  if (fs.existsSync(e2eSummary)) Object.assign(summary.e2e, JSON.parse(fs.readFileSync(e2eSummary, "utf8")));
  if (e2eCode !== 0 && summary.e2e.failed === 0) {
    summary.e2e.failed = 1;
    summary.e2e.failures = [{ name: "the browser suite", error: `scripts/e2e.mjs exited with ${e2eCode}` }];
  }
} else {
  console.log(`\nBrowser tests skipped: no Chromium at ${chromium} (apt-get install chromium).`);
  if (requireE2e) e2eCode = 1;
}

summary.failures.push(
  ...(summary.e2e.failures ?? []).map((failure) => ({ ...failure, name: `browser ${failure.name}` })),
);
fs.writeFileSync(path.join(tmp, "test-summary.json"), JSON.stringify(summary, null, 2));
if (summary.failures.length > 0) {
  console.log(`\nFailed (${summary.failures.length}):`);
  for (const failure of summary.failures) {
    console.log(`  ✗ ${failure.name}\n      ${failure.error.split("\n").join("\n      ")}`);
  }
}
const passed = summary.unit.passed + summary.e2e.passed;
const failed = summary.unit.failed + summary.e2e.failed;
const staticLine = staticFailures.length > 0 ? `FAILED ${staticFailures.join(" and ")}` : "biome check and tsc clean";
console.log(
  `\n${staticLine}; unit/API: ${summary.unit.passed} passed (${summary.unit.postgres} on PostgreSQL), ${summary.unit.failed} failed; browser: ${summary.e2e.ran ? `${summary.e2e.passed} passed, ${summary.e2e.failed} failed` : "skipped"}`,
);
console.log(`${passed} passed, ${failed + staticFailures.length} failed`);
process.exit(staticFailures.length > 0 || unitCode !== 0 || e2eCode !== 0 || failed > 0 ? 1 : 0);
