import { HomeSummary } from "../home";
import { defineRoute } from "../route";

/** Home: one request for the page people open every morning. */
export const homeApi = {
  summary: defineRoute({
    method: "GET",
    path: "/home",
    tags: ["home"],
    summary: "What waits on me and the shared picture: service levels, decisions, value, renewals, compliance, KPIs",
    response: { 200: HomeSummary },
  }),
};
