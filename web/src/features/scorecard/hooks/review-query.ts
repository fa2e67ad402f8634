import { scorecardApi } from "#contracts/api/scorecard";
import { apiQuery } from "../../../lib/api-query";

/**
 * The business review as of a date: the scorecard page's answer. The route asks for it as soon as it is entered,
 * while the page's code is still loading; the page reads the same query.
 */
export function reviewQuery(asOf: string | undefined, scope: "active" | "all") {
  return apiQuery(scorecardApi.review, { query: { asOf, scope } });
}
