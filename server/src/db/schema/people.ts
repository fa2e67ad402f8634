import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { searchDocument } from "../full-text";
import { at, id, timestamps, version } from "./columns";

export const workspaces = pgTable("workspace", {
  id: id(),
  name: text("name").notNull(),
  ...timestamps(),
  version: version(),
});

export const teams = pgTable(
  "team",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["marketing", "it", "security", "legal", "finance", "other"] }).notNull(),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    uniqueIndex("team_workspace_name_key").on(t.workspaceId, sql`lower(${t.name})`),
    index("team_workspace_created_idx").on(t.workspaceId, t.createdAt, t.id),
  ],
);

export const users = pgTable(
  "app_user",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id),
    // Unique across the installation: sign-in takes only an email.
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ["admin", "member", "viewer"] }).notNull(),
    status: text("status", { enum: ["active", "deactivated"] })
      .notNull()
      .default("active"),
    lastSeenAt: at("last_seen_at"),
    /** Whether notifications are also emailed to this person (when outgoing mail is configured). */
    emailNotifications: boolean("email_notifications").notNull().default(true),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    uniqueIndex("app_user_email_key").on(t.email),
    index("app_user_workspace_name_idx").on(t.workspaceId, t.name, t.id),
    index("app_user_workspace_email_idx").on(t.workspaceId, t.email, t.id),
    index("app_user_workspace_created_idx").on(t.workspaceId, t.createdAt, t.id),
    index("app_user_team_idx").on(t.teamId),
    index("app_user_search_idx").using("gin", searchDocument(t.name)),
  ],
);

export const sessions = pgTable(
  "session",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    tokenHash: text("token_hash").notNull(),
    csrfToken: text("csrf_token").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    lastSeenAt: at("last_seen_at").notNull().defaultNow(),
    idleExpiresAt: at("idle_expires_at").notNull(),
    expiresAt: at("expires_at").notNull(),
    revokedAt: at("revoked_at"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("session_token_hash_key").on(t.tokenHash),
    index("session_user_idx").on(t.userId),
    index("session_workspace_seen_idx").on(t.workspaceId, t.lastSeenAt, t.id),
    index("session_expires_idx").on(t.expiresAt),
  ],
);

export const apiTokens = pgTable(
  "api_token",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    scope: text("scope", { enum: ["read", "read-write"] }).notNull(),
    tokenHash: text("token_hash").notNull(),
    prefix: text("prefix").notNull(),
    lastUsedAt: at("last_used_at"),
    expiresAt: at("expires_at").notNull(),
    revokedAt: at("revoked_at"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("api_token_hash_key").on(t.tokenHash),
    index("api_token_workspace_created_idx").on(t.workspaceId, t.createdAt, t.id),
    index("api_token_user_idx").on(t.userId),
  ],
);

export const invitations = pgTable(
  "invitation",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    email: text("email").notNull(),
    role: text("role", { enum: ["admin", "member", "viewer"] }).notNull(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id),
    invitedBy: uuid("invited_by").references(() => users.id),
    tokenHash: text("token_hash").notNull(),
    expiresAt: at("expires_at").notNull(),
    acceptedAt: at("accepted_at"),
    acceptedUserId: uuid("accepted_user_id").references(() => users.id),
    revokedAt: at("revoked_at"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("invitation_token_hash_key").on(t.tokenHash),
    index("invitation_workspace_created_idx").on(t.workspaceId, t.createdAt, t.id),
    index("invitation_expires_idx").on(t.expiresAt),
  ],
);
