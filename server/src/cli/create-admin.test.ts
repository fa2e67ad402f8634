import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { bin, cliEnv, exitOf, run, tempDataDir } from "../../test/tandem-process";
import { chooseWorkspace } from "./create-admin";

const PASSWORD = "a long unusual passphrase";

function createAdmin(env: NodeJS.ProcessEnv, ...args: string[]) {
  return run(["create-admin", ...args], { ...env, TANDEM_ADMIN_PASSWORD: PASSWORD });
}

/** Runs a command in a pseudo-terminal (util-linux `script`), typing `typed` once `prompt` shows. */
async function runInTerminal(command: string, env: NodeJS.ProcessEnv, prompt: string, typed: string) {
  const child = spawn("script", ["-qfec", command, "/dev/null"], { env, stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  let sent = false;
  const collect = (chunk: Buffer) => {
    out += chunk;
    if (!sent && out.includes(prompt)) {
      sent = true;
      child.stdin.write(typed);
    }
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const code = await exitOf(child);
  return { code, out };
}

describe("tandem create-admin", () => {
  it("says an account with the email exists, without printing SQL or the password's hash", () => {
    const env = cliEnv(tempDataDir());
    expect(createAdmin(env, "--email", "ops@acme.test", "--name", "Ops", "--workspace", "Acme").code).toBe(0);
    const again = createAdmin(env, "--email", "ops@acme.test", "--name", "Ops again");
    expect(again.code).toBe(1);
    expect(again.out).toContain("An account with this email exists");
    expect(again.out).not.toMatch(/argon2|insert into|params|select /i);
  }, 300_000);

  it("chooses the only workspace, matches names without regard to case, and creates one only when asked", () => {
    const acme = { id: "1", name: "Acme" };
    const beta = { id: "2", name: "Beta" };
    expect(chooseWorkspace([])).toEqual({ create: "My company" });
    expect(chooseWorkspace([], "Acme")).toEqual({ create: "Acme" });
    expect(chooseWorkspace([acme])).toEqual({ existing: acme });
    expect(chooseWorkspace([acme, beta], " acme ")).toEqual({ existing: acme });
    expect(() => chooseWorkspace([acme], "Gamma")).toThrow('use --new-workspace "Gamma"');
    expect(() => chooseWorkspace([acme], undefined, "ACME")).toThrow('A workspace named "Acme" exists');
    expect(chooseWorkspace([acme], undefined, "Gamma")).toEqual({ create: "Gamma" });
    expect(() => chooseWorkspace([acme, beta])).toThrow("name one with --workspace");
    expect(() => chooseWorkspace([acme], "Acme", "Gamma")).toThrow("not both");
  });

  it("adds the admin to the only workspace instead of creating another", () => {
    const env = cliEnv(tempDataDir());
    expect(createAdmin(env, "--email", "a@acme.test", "--name", "A", "--workspace", "Acme").code).toBe(0);
    expect(createAdmin(env, "--email", "b@acme.test", "--name", "B").out).toContain('created in workspace "Acme"');
    expect(createAdmin(env, "--email", "c@acme.test", "--name", "C", "--workspace", "ACME").out).toContain(
      'created in workspace "Acme"',
    );
    const verified = run(["audit", "verify"], env);
    expect(verified.out).toMatch(/✓ Acme: 3 events/);
    expect(verified.out).not.toContain("My company");
  }, 300_000);

  it("reads a typed password without echoing it, and a piped one as before", async () => {
    const env = cliEnv(tempDataDir());
    const { TANDEM_ADMIN_PASSWORD: _none, ...withoutPassword } = env;
    const command = `'${process.execPath}' '${bin}' create-admin --email typed@acme.test --name Typed --workspace Acme`;
    const typed = await runInTerminal(command, withoutPassword, "Password", `${PASSWORD}\r`);
    expect(typed.out).toContain('Admin typed@acme.test created in workspace "Acme"');
    expect(typed.out).not.toContain(PASSWORD);
    expect(typed.code).toBe(0);
    const piped = run(
      ["create-admin", "--email", "piped@acme.test", "--name", "Piped"],
      withoutPassword,
      `${PASSWORD}\n`,
    );
    expect(piped).toMatchObject({ code: 0, out: expect.stringContaining("Admin piped@acme.test created") });
    expect(piped.out).not.toContain(PASSWORD);
  }, 300_000);
});
