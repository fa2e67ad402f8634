import { bigint, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, id } from "./columns";
import { users, workspaces } from "./people";

// Append-only: a trigger in the migration refuses UPDATE, DELETE and TRUNCATE.
export const auditEvents = pgTable(
  "audit_event",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    seq: bigint("seq", { mode: "number" }).notNull(),
    at: at("at").notNull(),
    actorId: uuid("actor_id").references(() => users.id),
    actorLabel: text("actor_label"),
    ip: text("ip"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("audit_event_workspace_seq_key").on(t.workspaceId, t.seq),
    index("audit_event_workspace_action_idx").on(t.workspaceId, t.action, t.seq),
    index("audit_event_workspace_entity_idx").on(t.workspaceId, t.entityId, t.seq),
  ],
);

// The head of each workspace's chain: row-locked to append, so concurrent writers queue.
export const auditHeads = pgTable("audit_head", {
  workspaceId: uuid("workspace_id")
    .primaryKey()
    .references(() => workspaces.id),
  seq: bigint("seq", { mode: "number" }).notNull(),
  hash: text("hash").notNull(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});
