import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { waitForReady } from "../../test/ready";
import { bin, cliEnv, exitOf, freePort, run, tempDataDir } from "../../test/tandem-process";

const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
});

describe("tandem CLI", () => {
  it("prints help and refuses unknown commands with exit 2", () => {
    const env = cliEnv(tempDataDir());
    expect(run(["--help"], env)).toMatchObject({ code: 0, out: expect.stringContaining("audit verify") });
    expect(run(["frobnicate"], env)).toMatchObject({
      code: 2,
      out: expect.stringContaining('Unknown command "frobnicate"'),
    });
  });

  it("creates an admin, verifies the audit chain, backs up and restores", () => {
    const dataDir = tempDataDir();
    const env = cliEnv(dataDir, { TANDEM_ADMIN_PASSWORD: "a long unusual passphrase" });
    const weak = run(["create-admin", "--email", "ops@acme.test", "--name", "Ops"], {
      ...env,
      TANDEM_ADMIN_PASSWORD: "password",
    });
    expect(weak.code).not.toBe(0);
    const created = run(["create-admin", "--email", "ops@acme.test", "--name", "Ops", "--workspace", "Acme"], env);
    expect(created).toMatchObject({
      code: 0,
      out: expect.stringContaining('Admin ops@acme.test created in workspace "Acme"'),
    });
    expect(run(["audit", "verify"], env)).toMatchObject({
      code: 0,
      out: expect.stringMatching(/✓ Acme: 1 events, chain intact; head 1 v2:[0-9a-f]{64}/),
    });
    // The head, anchored outside the database, is checked by verify; a head the chain does not hold fails it.
    const anchors = path.join(tempDataDir(), "anchors.jsonl");
    expect(run(["audit", "anchor", "--file", anchors], env)).toMatchObject({
      code: 0,
      out: expect.stringContaining("Appended 1 head"),
    });
    const [anchor] = fs
      .readFileSync(anchors, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(anchor).toMatchObject({ workspace: "Acme", seq: 1, hash: expect.stringMatching(/^v2:/) });
    expect(run(["audit", "verify", "--anchor", anchors], env)).toMatchObject({
      code: 0,
      out: expect.stringContaining("1 of 1 anchors held"),
    });
    fs.appendFileSync(anchors, `${JSON.stringify({ ...anchor, hash: `v2:${"0".repeat(64)}` })}\n`);
    expect(run(["audit", "verify", "--anchor", anchors], env)).toMatchObject({
      code: 1,
      out: expect.stringContaining("the chain was rewritten"),
    });
    const file = path.join(tempDataDir(), "backup.tar.gz");
    expect(run(["backup", file], env)).toMatchObject({ code: 0 });
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
    // Restoring over existing data is refused; into an empty folder it brings everything back.
    expect(run(["restore", file], env)).toMatchObject({ code: 1, out: expect.stringContaining("not empty") });
    const restoredDir = tempDataDir();
    expect(run(["restore", file], cliEnv(restoredDir))).toMatchObject({ code: 0 });
    expect(run(["audit", "verify"], cliEnv(restoredDir))).toMatchObject({
      code: 0,
      out: expect.stringContaining("✓ Acme: 1 events"),
    });
  }, 600_000);

  it("starts, refuses a second process on the same folder, and stops cleanly on SIGTERM", async ({ signal }) => {
    const dataDir = tempDataDir();
    const port = await freePort();
    const server = spawn(process.execPath, [bin, "start"], {
      env: cliEnv(dataDir, { PORT: String(port) }),
      stdio: "pipe",
    });
    children.push(server);
    await waitForReady(`http://127.0.0.1:${port}/readyz`, server, signal);
    expect(fs.existsSync(path.join(dataDir, "tandem.lock"))).toBe(true);
    const second = run(["migrate"], cliEnv(dataDir));
    expect(second).toMatchObject({ code: 1, out: expect.stringContaining("in use by another Tandem process") });
    const setup = await fetch(`http://127.0.0.1:${port}/api/v1/setup`);
    expect(await setup.json()).toEqual({ needsSetup: true });
    server.kill("SIGTERM");
    expect(await exitOf(server)).toBe(0);
    expect(fs.existsSync(path.join(dataDir, "tandem.lock"))).toBe(false);
    // The folder opens again after a clean stop.
    expect(run(["migrate"], cliEnv(dataDir))).toMatchObject({ code: 0, out: expect.stringContaining("up to date") });
  }, 300_000);

  it("seeds the demo company on start --demo and prints the sign-in", async ({ signal }) => {
    const dataDir = tempDataDir();
    const port = await freePort();
    const server = spawn(process.execPath, [bin, "start", "--demo"], {
      env: cliEnv(dataDir, { PORT: String(port) }),
      stdio: "pipe",
    });
    children.push(server);
    let output = "";
    server.stdout?.on("data", (chunk) => {
      output += chunk;
    });
    await waitForReady(`http://127.0.0.1:${port}/readyz`, server, signal);
    expect(output).toContain("Demo sign-in: cio@northwind.example / tandem-demo-northwind");
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "cio@northwind.example", password: "tandem-demo-northwind" }),
    });
    expect(login.status).toBe(200);
    expect((await login.json()).workspace.name).toBe("Northwind Outfitters");
    server.kill("SIGINT");
    expect(await exitOf(server)).toBe(0);
  }, 300_000);

  it("stops with a clear message, touching nothing, when the data folder cannot be opened", () => {
    const dataDir = tempDataDir();
    fs.mkdirSync(path.join(dataDir, "pglite"));
    fs.writeFileSync(path.join(dataDir, "pglite", "PG_VERSION"), "garbage");
    const result = run(["migrate"], cliEnv(dataDir));
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/could not be opened|Nothing was changed/);
    expect(fs.readFileSync(path.join(dataDir, "pglite", "PG_VERSION"), "utf8")).toBe("garbage");
  }, 300_000);
});
