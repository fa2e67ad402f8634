#!/usr/bin/env node
// Browser tests: builds the web app if needed, starts the real server on a free port with a fresh
// embedded database, runs e2e/flow.ts in Debian's Chromium, stops the server with SIGTERM.
// With TANDEM_TEST_DATABASE_URL set, runs the whole flow again on a fresh PostgreSQL database.
// Ends with the line `e2e: N passed, M failed`; exits non-zero on any failure.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const chromium = process.env.E2E_CHROMIUM ?? "/usr/bin/chromium";

function log(message) {
  console.log(`e2e: ${message}`);
}

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Builds web/dist when it is missing or older than its sources. */
async function ensureWebBuild() {
  const index = path.join(root, "web/dist/index.html");
  const sources = Math.max(
    ...["web/src", "web/index.html", "web/vite.config.ts", "web/public", "contracts"].map((item) =>
      newestMtime(path.join(root, item)),
    ),
  );
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) {
    log("web/dist is up to date");
    return;
  }
  log("building the web app…");
  const { build } = await import("vite");
  await build({ configFile: path.join(root, "web/vite.config.ts"), logLevel: "warn" });
}

const FIRST_LOAD_BUDGET_KB = 300;

/** The shell's first-load JavaScript (the entry and what index.html preloads), gzipped, against the budget. */
async function checkFirstLoadBudget() {
  const { gzipSync } = await import("node:zlib");
  const html = fs.readFileSync(path.join(root, "web/dist/index.html"), "utf8");
  const scripts = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]);
  const bytes = scripts.reduce(
    (sum, file) => sum + gzipSync(fs.readFileSync(path.join(root, "web/dist", file)), { level: 9 }).length,
    0,
  );
  const kb = bytes / 1024;
  const ok = scripts.length > 0 && kb < FIRST_LOAD_BUDGET_KB;
  console.log(
    `  ${ok ? "✓" : "✗"} first-load JS of the shell: ${kb.toFixed(1)} KB gzipped in ${scripts.length} files (budget ${FIRST_LOAD_BUDGET_KB} KB)`,
  );
  return {
    passed: ok ? 1 : 0,
    failed: ok ? 0 : 1,
    failures: ok ? [] : [{ name: "first-load JS of the shell", error: `${kb.toFixed(1)} KB gzipped` }],
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForReady(port, child, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited early with code ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server was not ready within ${timeoutMs / 1000} s`);
}

function stopServer(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.once("exit", (code, signal) => {
      clearTimeout(killer);
      resolve(code ?? signal);
    });
    child.kill("SIGTERM");
  });
}

function runFlow(label, baseUrl, flowEnv) {
  const resultFile = path.join(os.tmpdir(), `tandem-e2e-${label}-${process.pid}.json`);
  fs.rmSync(resultFile, { force: true });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "e2e/flow.ts")], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, ...flowEnv, E2E_BASE_URL: baseUrl, E2E_RUN_LABEL: label, E2E_RESULT_FILE: resultFile },
    });
    child.on("exit", (code) => {
      let counts = { passed: 0, failed: 1, skipped: 0, failures: [{ name: "the flow", error: `exited with ${code}` }] };
      if (fs.existsSync(resultFile)) {
        counts = JSON.parse(fs.readFileSync(resultFile, "utf8"));
        fs.rmSync(resultFile, { force: true });
        if (code !== 0 && counts.failed === 0) {
          counts.failed = 1;
          counts.failures = [{ name: "the flow", error: `exited with ${code} after its checks passed` }];
        }
      }
      resolve(counts);
    });
  });
}

/** Starts the server on a fresh data folder (and database, when given), runs the flow, stops it. */
async function runAgainst(label, extraEnv, flowEnv = {}) {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `tandem-e2e-${label}-`));
  log(`[${label}] starting the server on port ${port}`);
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    TANDEM_DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    // Built just above; the server must not rebuild it under the test's feet.
    TANDEM_SKIP_WEB_BUILD: "1",
    ...extraEnv,
  };
  // A fresh installation: no demo seed, invitation links on this server, the database chosen by the run.
  for (const key of ["TANDEM_DEMO", "PUBLIC_URL", "DATABASE_URL"]) delete env[key];
  if (extraEnv.DATABASE_URL) env.DATABASE_URL = extraEnv.DATABASE_URL;
  const server = spawn(process.execPath, [path.join(root, "bin/tandem.mjs"), "start"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env,
  });
  let serverOutput = "";
  const keep = (chunk) => {
    serverOutput = (serverOutput + chunk.toString()).slice(-20_000);
  };
  server.stdout.on("data", keep);
  server.stderr.on("data", keep);
  try {
    await waitForReady(port, server);
    return await runFlow(label, `http://localhost:${port}`, flowEnv);
  } catch (error) {
    console.error(`e2e: [${label}] ${error.message}\n--- server output ---\n${serverOutput}`);
    return { passed: 0, failed: 1, skipped: 0, failures: [{ name: "the server start", error: error.message }] };
  } finally {
    const exit = await stopServer(server);
    if (exit !== 0 && exit !== null) log(`[${label}] the server exited with ${exit} after SIGTERM`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Creates a throwaway database on the test PostgreSQL server, runs `use` with its URL, drops it. */
async function withFreshPostgres(adminUrl, use) {
  const { default: pg } = await import("pg");
  const name = `tandem_e2e_${crypto.randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await use(url.toString());
  } finally {
    await client
      .query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      .catch((error) => log(`could not drop ${name}: ${error.message}`));
    await client.end();
  }
}

async function main() {
  if (!fs.existsSync(chromium)) {
    log(`Chromium not found at ${chromium} (apt-get install chromium)`);
    log("0 passed, 1 failed");
    return 1;
  }
  await ensureWebBuild();
  fs.rmSync(path.join(root, "e2e/artifacts"), { recursive: true, force: true });
  const totals = { passed: 0, failed: 0, failures: [] };
  const add = (counts, label) => {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    for (const failure of counts.failures ?? [])
      totals.failures.push({ ...failure, name: `[${label}] ${failure.name}` });
  };

  add(await checkFirstLoadBudget(), "build");

  const databases = [];
  const pglite = await runAgainst("pglite", {});
  add(pglite, "pglite");
  // A database the flow walked (its failures are counted apart).
  if (pglite.passed > 0) databases.push("pglite");

  const postgresUrl = process.env.TANDEM_TEST_DATABASE_URL;
  if (postgresUrl) {
    try {
      // Every flow again on PostgreSQL; the accessibility scans and the dark and phone sweeps check the web build,
      // the same in both runs, and ran above.
      const postgres = await withFreshPostgres(postgresUrl, (url) =>
        runAgainst("postgres", { DATABASE_URL: url }, { E2E_DATA_ONLY: "1" }),
      );
      add(postgres, "postgres");
      if (postgres.passed > 0) databases.push("postgres");
    } catch (error) {
      log(`[postgres] ${error.message}`);
      add({ passed: 0, failed: 1, failures: [{ name: "the PostgreSQL run", error: error.message }] }, "postgres");
    }
  } else {
    log("TANDEM_TEST_DATABASE_URL is not set: the PostgreSQL run is skipped");
  }

  console.log(`e2e: ${totals.passed} passed, ${totals.failed} failed`);
  // npm test reads this to report, and CI to check that both databases really ran.
  if (process.env.TANDEM_E2E_SUMMARY) {
    fs.writeFileSync(process.env.TANDEM_E2E_SUMMARY, JSON.stringify({ ...totals, databases }));
  }
  return totals.failed > 0 ? 1 : 0;
}

process.exitCode = await main().catch((error) => {
  console.error(error);
  console.log("e2e: 0 passed, 1 failed");
  return 1;
});
