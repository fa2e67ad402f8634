import { z } from "zod";
import { Id, ListQuery, page, sortParam, Timestamp, Version } from "./common";

/** Limits shared by forms and the server. */
export const PeopleLimits = {
  nameMax: 120,
  emailMax: 254,
  passwordMin: 12,
  passwordMax: 256,
  workspaceNameMax: 120,
  teamNameMax: 80,
  tokenNameMax: 80,
  tokenMaxDays: 366,
} as const;

/** The kinds of team: the five created with every workspace, and `other` for the rest. */
export const TeamKind = z.enum(["marketing", "it", "security", "legal", "finance", "other"]);
export type TeamKind = z.infer<typeof TeamKind>;

/** What a user may do in the workspace. */
export const Role = z.enum(["admin", "member", "viewer"]);
export type Role = z.infer<typeof Role>;

/** Whether a user can sign in. */
export const UserStatus = z.enum(["active", "deactivated"]);
export type UserStatus = z.infer<typeof UserStatus>;

/** An email address, trimmed and lower-cased. */
export const Email = z
  .string()
  .trim()
  .max(PeopleLimits.emailMax)
  .pipe(z.email({ error: "must be an email address" }))
  .transform((email) => email.toLowerCase());

/** A new password; the server also refuses common passwords. */
export const NewPassword = z
  .string()
  .min(PeopleLimits.passwordMin, { error: `must be at least ${PeopleLimits.passwordMin} characters` })
  .max(PeopleLimits.passwordMax, { error: `must be at most ${PeopleLimits.passwordMax} characters` });

/** A person's display name. */
export const PersonName = z.string().trim().min(1, { error: "is required" }).max(PeopleLimits.nameMax);

/** A team as the API shows it. */
export const Team = z.object({
  id: Id,
  name: z.string(),
  kind: TeamKind,
  memberCount: z.number().int(),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Team = z.infer<typeof Team>;

/** Creates a team. */
export const CreateTeamBody = z.strictObject({
  name: z.string().trim().min(1, { error: "is required" }).max(PeopleLimits.teamNameMax),
  kind: TeamKind.default("other"),
});
export type CreateTeamBody = z.infer<typeof CreateTeamBody>;

/** Renames a team or changes its kind. */
export const UpdateTeamBody = z.strictObject({
  version: Version,
  name: z.string().trim().min(1, { error: "is required" }).max(PeopleLimits.teamNameMax).optional(),
  kind: TeamKind.optional(),
});
export type UpdateTeamBody = z.infer<typeof UpdateTeamBody>;

export const TeamList = page(Team);
export const TeamListQuery = ListQuery.extend({ sort: sortParam(["name", "createdAt"], "name") });
export type TeamListQuery = z.infer<typeof TeamListQuery>;

/** A user as the API shows it. */
export const User = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  role: Role,
  status: UserStatus,
  team: z.object({ id: Id, name: z.string(), kind: TeamKind }),
  lastSeenAt: Timestamp.nullable(),
  /** Whether this person's notifications are also emailed; only they can change it. */
  emailNotifications: z.boolean(),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type User = z.infer<typeof User>;

export const UserList = page(User);
export const UserListQuery = ListQuery.extend({
  sort: sortParam(["name", "email", "createdAt"], "name"),
  teamId: Id.optional(),
  role: Role.optional(),
  status: UserStatus.optional(),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

/** Edits a user. Admins may change role, team and status; anyone may change their own name. */
export const UpdateUserBody = z.strictObject({
  version: Version,
  name: PersonName.optional(),
  role: Role.optional(),
  teamId: Id.optional(),
  status: UserStatus.optional(),
  emailNotifications: z.boolean().optional(),
});
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

/** Changes the signed-in user's password. */
export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(PeopleLimits.passwordMax),
  newPassword: NewPassword,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

/** What a password change ended besides the old password: other sessions, API tokens, the calendar feed. */
export const PasswordChanged = z.object({
  ok: z.literal(true),
  /** The person's other browser sessions, now signed out. */
  endedSessions: z.number().int().min(0),
  /** The person's API tokens, now revoked (scripts need a new one). */
  revokedTokens: z.number().int().min(0),
  /** Whether the person's calendar-feed address stopped working (a new one can be made). */
  calendarFeedRevoked: z.boolean(),
});
export type PasswordChanged = z.infer<typeof PasswordChanged>;

/** An invitation as admins see it (never with its token). */
export const Invitation = z.object({
  id: Id,
  email: z.string(),
  role: Role,
  team: z.object({ id: Id, name: z.string(), kind: TeamKind }),
  invitedBy: z.object({ id: Id, name: z.string() }).nullable(),
  status: z.enum(["pending", "accepted", "revoked", "expired"]),
  expiresAt: Timestamp,
  createdAt: Timestamp,
});
export type Invitation = z.infer<typeof Invitation>;

/** The answer to creating an invitation: the one time its link is shown. */
export const CreatedInvitation = Invitation.extend({ token: z.string(), url: z.string() });

export const InvitationList = page(Invitation);
export const InvitationListQuery = ListQuery.extend({
  sort: sortParam(["createdAt", "email"], "-createdAt"),
  status: z.enum(["pending", "accepted", "revoked", "expired"]).optional(),
});
export type InvitationListQuery = z.infer<typeof InvitationListQuery>;

/** Invites someone by email. */
export const CreateInvitationBody = z.strictObject({
  email: Email,
  role: Role.default("member"),
  teamId: Id,
});
export type CreateInvitationBody = z.infer<typeof CreateInvitationBody>;

/** Looks up an invitation by its secret token (before accepting). */
export const InvitationTokenBody = z.strictObject({ token: z.string().min(20).max(200) });

/** What the invitee sees before accepting. */
export const InvitationPreview = z.object({
  email: z.string(),
  workspaceName: z.string(),
  teamName: z.string(),
  role: Role,
  expiresAt: Timestamp,
});

/** Accepts an invitation: creates the account and signs in. */
export const AcceptInvitationBody = z.strictObject({
  token: z.string().min(20).max(200),
  name: PersonName,
  password: NewPassword,
});
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBody>;

/** A signed-in browser session. */
export const Session = z.object({
  id: Id,
  user: z.object({ id: Id, name: z.string() }),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
  createdAt: Timestamp,
  lastSeenAt: Timestamp,
  idleExpiresAt: Timestamp,
  expiresAt: Timestamp,
});
export type Session = z.infer<typeof Session>;

export const SessionList = page(Session);
export const SessionListQuery = ListQuery.extend({
  sort: sortParam(["createdAt", "lastSeenAt"], "-lastSeenAt"),
  /** Admins only: whose sessions; `all` for the whole workspace. Default: the caller's own. */
  userId: z.union([Id, z.literal("all")]).optional(),
});
export type SessionListQuery = z.infer<typeof SessionListQuery>;

/** What a personal API token may do. */
export const TokenScope = z.enum(["read", "read-write"]);
export type TokenScope = z.infer<typeof TokenScope>;

/** A personal API token (never with its secret). */
export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  scope: TokenScope,
  prefix: z.string(),
  user: z.object({ id: Id, name: z.string() }),
  lastUsedAt: Timestamp.nullable(),
  expiresAt: Timestamp,
  createdAt: Timestamp,
});
export type ApiToken = z.infer<typeof ApiToken>;

/** The answer to creating a token: the one time its secret is shown. */
export const CreatedApiToken = ApiToken.extend({ token: z.string() });

export const ApiTokenList = page(ApiToken);
export const ApiTokenListQuery = ListQuery.extend({
  sort: sortParam(["createdAt", "name"], "-createdAt"),
  /** Admins only: `all` lists every token of the workspace. */
  userId: z.union([Id, z.literal("all")]).optional(),
});
export type ApiTokenListQuery = z.infer<typeof ApiTokenListQuery>;

/** Creates a personal API token. */
export const CreateApiTokenBody = z.strictObject({
  name: z.string().trim().min(1, { error: "is required" }).max(PeopleLimits.tokenNameMax),
  scope: TokenScope.default("read"),
  expiresInDays: z.number().int().min(1).max(PeopleLimits.tokenMaxDays).default(90),
});
export type CreateApiTokenBody = z.infer<typeof CreateApiTokenBody>;
