import { randomBytes } from "node:crypto";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import type { Role, TeamKind } from "#contracts/people";
import { hashPassword } from "../src/modules/auth/passwords";
import { startSession } from "../src/modules/sessions/sessions.service";
import { insertUser } from "../src/modules/users/users.queries";
import { createWorkspace } from "../src/modules/workspaces/workspaces.commands";
import { SESSION_COOKIE } from "../src/plugins/auth";
import type { TestApp } from "./app";

/** The password every factory-made user has. */
export const TEST_PASSWORD = "correct horse battery staple 42";
let passwordHash: Promise<string> | undefined;

/** A unique suffix, so factories never collide across tests running in parallel. */
export function unique(prefix = "") {
  return `${prefix}${randomBytes(5).toString("hex")}`;
}

/** A new workspace with its default teams. */
export async function buildWorkspace(t: TestApp, name = unique("Workspace ")) {
  const { workspace, teams } = await createWorkspace(t.database.db, name, new Date());
  const teamOf = (kind: TeamKind) => teams.find((team) => team.kind === kind) ?? teams[0];
  return { workspace, teams, teamOf };
}

/** A signed-in user and how to make requests as them. */
export interface Persona {
  user: { id: string; email: string; name: string; role: Role; workspaceId: string; teamId: string };
  cookie: string;
  csrf: string;
  /** Sends a request as this user: cookie, and the CSRF token on writes. */
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

/** A user with a live session, in a new workspace unless one is given. */
export async function buildPersona(
  t: TestApp,
  options: { role?: Role; teamKind?: TeamKind; workspace?: Awaited<ReturnType<typeof buildWorkspace>> } = {},
): Promise<Persona> {
  const ws = options.workspace ?? (await buildWorkspace(t));
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const now = new Date();
  const email = `${unique("user-")}@example.com`;
  const user = await insertUser(t.database.db, {
    workspaceId: ws.workspace.id,
    teamId: ws.teamOf(options.teamKind ?? "marketing").id,
    email,
    name: unique("Person "),
    passwordHash: await passwordHash,
    role: options.role ?? "member",
    createdAt: now,
    updatedAt: now,
  });
  const { token, session } = await startSession(t.database.db, user, { ip: "127.0.0.1", userAgent: "vitest", now });
  const cookie = `${SESSION_COOKIE}=${token}`;
  return {
    user,
    cookie,
    csrf: session.csrfToken,
    request: (request) =>
      t.app.inject({
        ...request,
        headers: {
          cookie,
          ...(request.method && request.method !== "GET" ? { "x-csrf-token": session.csrfToken } : {}),
          ...request.headers,
        },
      }),
  };
}
