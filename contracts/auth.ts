import { z } from "zod";
import { Id, Timestamp } from "./common";
import { Email, NewPassword, PeopleLimits, PersonName, Role, TeamKind } from "./people";

/** Creates the installation's first workspace and its first admin. */
export const SetupBody = z.strictObject({
  workspaceName: z.string().trim().min(1, { error: "is required" }).max(PeopleLimits.workspaceNameMax),
  name: PersonName,
  email: Email,
  password: NewPassword,
});
export type SetupBody = z.infer<typeof SetupBody>;

/** Whether the installation still needs its setup. */
export const SetupStatus = z.object({ needsSetup: z.boolean() });

/** Signs in with email and password. */
export const LoginBody = z.strictObject({
  email: z
    .string()
    .trim()
    .max(PeopleLimits.emailMax)
    .transform((email) => email.toLowerCase()),
  password: z.string().min(1, { error: "is required" }).max(PeopleLimits.passwordMax),
});
export type LoginBody = z.infer<typeof LoginBody>;

/** The signed-in user, their workspace and the CSRF token for writes. */
export const Me = z.object({
  user: z.object({ id: Id, name: z.string(), email: z.string(), role: Role }),
  team: z.object({ id: Id, name: z.string(), kind: TeamKind }),
  workspace: z.object({ id: Id, name: z.string() }),
  /** Send as `x-csrf-token` on every state-changing request made with the session cookie; null for API tokens. */
  csrfToken: z.string().nullable(),
  auth: z.enum(["session", "token"]),
  sessionExpiresAt: Timestamp.nullable(),
});
export type Me = z.infer<typeof Me>;

/** An account of the demo company that the sign-in page offers in demo mode (its password is the demo's). */
export const DemoAccount = z.object({
  /** The part the person plays: "CMO", "CIO", "Marketing ops"… */
  role: z.string(),
  name: z.string(),
  email: z.string(),
  password: z.string(),
});
export type DemoAccount = z.infer<typeof DemoAccount>;
/** The demo accounts, answered only when the server runs the demo. */
export const DemoAccountList = z.object({ items: z.array(DemoAccount) });
export type DemoAccountList = z.infer<typeof DemoAccountList>;
