import type { Role, TeamKind, TokenScope } from "#contracts/people";
import type { Database } from "./db/client";

/** Who is making a request, as resolved from the session cookie or the API token. */
export interface Actor {
  userId: string;
  workspaceId: string;
  name: string;
  email: string;
  role: Role;
  teamId: string;
  teamName: string;
  teamKind: TeamKind;
  workspaceName: string;
  via: "session" | "token";
  sessionId: string | null;
  tokenId: string | null;
  tokenScope: TokenScope | null;
}

/** What every service function receives besides its input. */
export interface Ctx {
  database: Database;
  actor: Actor;
  ip: string | null;
  now: Date;
}

/** What a public (signed-out) service function receives. */
export interface PublicCtx {
  database: Database;
  ip: string | null;
  userAgent: string | null;
  now: Date;
}
