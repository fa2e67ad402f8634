import { defineRoute } from "../route";
import { SearchQuery, SearchResponse } from "../search";

/** One search over the records of every module and the pages of the app. */
export const searchApi = {
  search: defineRoute({
    method: "GET",
    path: "/search",
    tags: ["search"],
    summary:
      "Find requests (by number or title), tools, vendors, experiments, people, spend, KPIs, objectives and pages",
    query: SearchQuery,
    response: { 200: SearchResponse },
  }),
};
