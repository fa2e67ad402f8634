import { bigserial, index, pgTable, text } from "drizzle-orm/pg-core";
import { at } from "./columns";

// Installation-wide, not per workspace: failures are counted before anyone is known to belong anywhere.
export const loginFailures = pgTable(
  "login_failure",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    key: text("key").notNull(),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [index("login_failure_key_at_idx").on(t.key, t.at)],
);
