import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { cliEnv, exitOf, run, startTandem, tempDataDir } from "../../test/tandem-process";
import { listTarEntries } from "../db/tar";

const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
});

/** Sets up the running server's workspace and returns an admin's read-write API token. */
async function adminToken(url: string): Promise<string> {
  const setup = await fetch(`${url}/api/v1/setup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      workspaceName: "Acme",
      name: "Ops",
      email: "ops@acme.test",
      password: "a long unusual passphrase",
    }),
  });
  expect(setup.status).toBe(201);
  const cookie = (setup.headers.get("set-cookie") ?? "").split(";")[0];
  const { csrfToken } = (await setup.json()) as { csrfToken: string };
  const created = await fetch(`${url}/api/v1/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, "x-csrf-token": csrfToken },
    body: JSON.stringify({ name: "backups", scope: "read-write" }),
  });
  expect(created.status).toBe(201);
  return ((await created.json()) as { token: string }).token;
}

describe("tandem backup and restore", () => {
  it("refuses to restore a file that is not a backup, in words, leaving nothing behind", () => {
    const folder = tempDataDir();
    const notes = path.join(folder, "notes.txt");
    fs.writeFileSync(notes, "not a backup at all\n");
    const gzipped = path.join(folder, "other.tar.gz");
    fs.writeFileSync(gzipped, zlib.gzipSync(Buffer.from("plain text, compressed")));
    const target = path.join(folder, "fresh");
    for (const file of [notes, gzipped]) {
      const result = run(["restore", file], cliEnv(target));
      expect(result.code, result.out).toBe(1);
      expect(result.out).toContain(`${file} is not a Tandem backup`);
      expect(result.out).not.toMatch(/PGlite|failed to initialize/i);
      expect(fs.existsSync(target), "the data folder was left behind").toBe(false);
    }
  }, 300_000);

  it("says a folder that was never started holds no database, and creates nothing there", () => {
    const never = path.join(tempDataDir(), "never-started");
    for (const args of [["audit", "verify"], ["backup"]]) {
      const result = run(args, cliEnv(never));
      expect(result.code, result.out).toBe(1);
      expect(result.out).toContain("Tandem was never started with this TANDEM_DATA_DIR");
      expect(fs.existsSync(never), `${args.join(" ")} created the folder`).toBe(false);
    }
  }, 300_000);

  it("takes a backup from the running server with an admin's token, which restores into an empty folder", async ({
    signal,
  }) => {
    const dataDir = tempDataDir();
    const server = await startTandem(dataDir, signal);
    children.push(server.child);
    const token = await adminToken(server.url);

    const offline = run(["backup"], cliEnv(dataDir));
    expect(offline.code).toBe(1);
    expect(offline.out).toContain("tandem backup --url http://localhost:3000");

    const file = path.join(tempDataDir(), "online.tar.gz");
    const refused = run(["backup", "--url", server.url, file], cliEnv(dataDir, { TANDEM_API_TOKEN: "tdm_wrong" }));
    expect(refused).toMatchObject({ code: 1, out: expect.stringContaining("The server refused the backup (401)") });
    expect(fs.existsSync(file)).toBe(false);
    const online = run(["backup", "--url", server.url, file], cliEnv(dataDir, { TANDEM_API_TOKEN: token }));
    expect(online).toMatchObject({ code: 0, out: expect.stringContaining(`Backup written to ${file}`) });
    const entries = listTarEntries(zlib.gunzipSync(fs.readFileSync(file)));
    expect(entries).toContain("PG_VERSION");
    expect(entries.filter((name) => name.startsWith("/"))).toEqual([]);

    server.child.kill("SIGTERM");
    expect(await exitOf(server.child)).toBe(0);
    const restoredDir = tempDataDir();
    expect(run(["restore", file], cliEnv(restoredDir))).toMatchObject({ code: 0 });
    // The restored chain holds the backup's own audit event (recorded before the archive was taken).
    expect(run(["audit", "verify"], cliEnv(restoredDir))).toMatchObject({
      code: 0,
      out: expect.stringMatching(/✓ Acme: \d+ events, chain intact/),
    });
  }, 600_000);
});
