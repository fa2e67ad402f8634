import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { CreateViewBody } from "#contracts/views";
import { at, id } from "./columns";
import { users, workspaces } from "./people";

/** A named set of list filters a person saved for a page (theirs, or shared with the workspace). */
export const savedViews = pgTable(
  "saved_view",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    page: text("page").$type<CreateViewBody["page"]>().notNull(),
    name: text("name").notNull(),
    query: jsonb("query").$type<Record<string, string>>().notNull(),
    shared: boolean("shared").notNull().default(false),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("saved_view_owner_page_name_key").on(t.ownerId, t.page, sql`lower(${t.name})`),
    index("saved_view_workspace_page_idx").on(t.workspaceId, t.page),
  ],
);
