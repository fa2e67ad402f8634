import { SetupBody } from "#contracts/auth";
import { TeamKind } from "#contracts/people";
import { migrateWithBackup } from "../db/open";
import { isUniqueViolation } from "../lib/db-errors";
import { recordAudit } from "../modules/audit/audit.commands";
import {
  assertAcceptablePassword,
  createWorkspaceWithAdmin,
  findUserByEmail,
  hashPassword,
} from "../modules/auth/auth.commands";
import { findTeamByKind } from "../modules/teams/teams.commands";
import { insertUser } from "../modules/users/users.commands";
import { parse, UsageError, withDatabase } from "./common";

const EMAIL_TAKEN = "An account with this email exists (emails are unique across the installation).";

interface WorkspaceRow {
  id: string;
  name: string;
}

type Target = { existing: WorkspaceRow } | { create: string };

/**
 * Where the admin goes: the workspace named (matched without regard to case), the only one when there is one,
 * or a new one, which must be asked for with --new-workspace once the installation has any.
 */
export function chooseWorkspace(workspaces: WorkspaceRow[], named?: string, newName?: string): Target {
  const byName = (name: string) =>
    workspaces.find((w) => w.name.trim().toLowerCase() === name.trim().toLowerCase()) ?? null;
  const list = workspaces.map((w) => `"${w.name}"`).join(", ");
  if (named !== undefined && newName !== undefined) {
    throw new UsageError("Give either --workspace (an existing workspace) or --new-workspace (a new one), not both.");
  }
  if (newName !== undefined) {
    const taken = byName(newName);
    if (taken) throw new Error(`A workspace named "${taken.name}" exists: use --workspace to add the admin to it.`);
    return { create: newName };
  }
  if (named !== undefined) {
    const found = byName(named);
    if (found) return { existing: found };
    if (workspaces.length === 0) return { create: named };
    throw new Error(
      `No workspace is named "${named}" (this installation has ${list}). To create a new workspace, use --new-workspace "${named}".`,
    );
  }
  if (workspaces.length === 1) return { existing: workspaces[0] };
  if (workspaces.length === 0) return { create: "My company" };
  throw new Error(`This installation has ${workspaces.length} workspaces (${list}): name one with --workspace.`);
}

/** `tandem create-admin`: an admin in an existing workspace, or in a new one when asked for. */
export async function createAdmin(args: string[]): Promise<number> {
  const { values } = parse(args, {
    email: { type: "string" },
    name: { type: "string" },
    workspace: { type: "string" },
    "new-workspace": { type: "string" },
    team: { type: "string" },
  });
  const teamKind = TeamKind.safeParse(values.team ?? "it");
  if (!teamKind.success) throw new UsageError(`--team must be one of ${TeamKind.options.join(", ")}`);
  const named = { workspaceName: values["new-workspace"] ?? values.workspace ?? "My company" };
  const withoutPassword = SetupBody.omit({ password: true }).safeParse({
    ...named,
    name: values.name,
    email: values.email,
  });
  if (!withoutPassword.success) throw usageOf(withoutPassword.error.issues);
  const password = process.env.TANDEM_ADMIN_PASSWORD ?? (await readPassword(process.stdin, process.stdout));
  const input = SetupBody.safeParse({ ...withoutPassword.data, password });
  if (!input.success) throw usageOf(input.error.issues);
  assertAcceptablePassword(input.data.password, "password", input.data.email);
  const passwordHash = await hashPassword(input.data.password);
  return withDatabase(async (env, database) => {
    await migrateWithBackup(env, database, console.log);
    const workspaces = await database.query<WorkspaceRow>("SELECT id, name FROM workspace ORDER BY name");
    const target = chooseWorkspace(workspaces, values.workspace, values["new-workspace"]);
    const now = new Date();
    let workspaceName: string;
    try {
      workspaceName = await database.db.transaction(async (tx) => {
        if (await findUserByEmail(tx, input.data.email)) throw new Error(EMAIL_TAKEN);
        let workspace: WorkspaceRow;
        let userId: string;
        if ("existing" in target) {
          workspace = target.existing;
          const team = await findTeamByKind(tx, workspace.id, teamKind.data);
          if (!team) throw new Error(`Workspace "${workspace.name}" has no ${teamKind.data} team.`);
          const user = await insertUser(tx, {
            workspaceId: workspace.id,
            teamId: team.id,
            email: input.data.email,
            name: input.data.name,
            passwordHash,
            role: "admin",
            createdAt: now,
            updatedAt: now,
          });
          userId = user.id;
        } else {
          const created = await createWorkspaceWithAdmin(
            tx,
            { ...input.data, workspaceName: target.create, passwordHash, teamKind: teamKind.data },
            now,
          );
          workspace = created.workspace;
          userId = created.user.id;
        }
        await recordAudit(
          tx,
          { workspaceId: workspace.id, actorId: null, actorLabel: "cli", ip: null, at: now },
          {
            action: "user.created",
            entityType: "user",
            entityId: userId,
            after: { email: input.data.email, role: "admin" },
          },
        );
        return workspace.name;
      });
    } catch (error) {
      // Another process took the email between the check and the insert.
      if (isUniqueViolation(error)) throw new Error(EMAIL_TAKEN);
      throw error;
    }
    console.log(`Admin ${input.data.email} created in workspace "${workspaceName}".`);
    return 0;
  });
}

function usageOf(issues: { path: PropertyKey[]; message: string }[]) {
  return new UsageError(issues.map((issue) => `--${issue.path.map(String).join(".")}: ${issue.message}`).join("\n"));
}

/**
 * Reads a password: from a terminal without echoing what is typed (raw mode; Enter ends, Backspace erases,
 * Ctrl-C cancels), otherwise the first line of standard input (a pipe, a file).
 */
export async function readPassword(input: NodeJS.ReadStream, output: NodeJS.WriteStream): Promise<string> {
  if (!input.isTTY) return readFirstLine(input);
  // Raw mode first: a key typed the moment the prompt shows is not echoed either.
  input.setRawMode(true);
  output.write("Password (not shown): ");
  input.setEncoding("utf8");
  return new Promise<string>((resolve, reject) => {
    let typed: string[] = [];
    const finish = () => {
      input.off("data", onData);
      input.setRawMode(false);
      input.pause();
      output.write("\n");
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n" || char === "\u0004") {
          finish();
          resolve(typed.join(""));
          return;
        }
        if (char === "\u0003") {
          finish();
          reject(new Error("Cancelled."));
          return;
        }
        if (char === "\u007f" || char === "\b") typed = typed.slice(0, -1);
        else if (char >= " ") typed.push(char);
      }
    };
    input.on("data", onData);
    input.resume();
  });
}

async function readFirstLine(input: NodeJS.ReadStream): Promise<string> {
  let data = "";
  for await (const chunk of input) {
    data += chunk;
    if (data.includes("\n")) break;
  }
  return data.split("\n")[0].replace(/\r$/, "");
}
