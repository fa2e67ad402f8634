import { IdParams, Ok } from "../common";
import { SessionList, SessionListQuery } from "../people";
import { defineRoute } from "../route";

const tags = ["people"];

/** Signed-in browser sessions: one's own, and everyone's for admins. */
export const sessionsApi = {
  list: defineRoute({
    method: "GET",
    path: "/sessions",
    tags,
    summary: "List live sessions (yours; admins: ?userId= or all)",
    query: SessionListQuery,
    response: { 200: SessionList },
  }),
  end: defineRoute({
    method: "DELETE",
    path: "/sessions/:id",
    tags,
    summary: "End a session",
    params: IdParams,
    response: { 200: Ok },
  }),
};
