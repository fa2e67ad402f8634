import { Ok } from "../common";
import { defineRoute } from "../route";
import {
  CalendarFeedCreated,
  CalendarFeedQuery,
  CalendarFeedStatus,
  ComplianceSummary,
  OverlapList,
  RenewalList,
  RenewalQuery,
  StackGraph,
  Taxonomy,
  UpdateTaxonomyBody,
} from "../stack";

const tags = ["stack"];

/**
 * The Stack's portfolio views (the taxonomy, the graph, overlaps, renewals and compliance) and the person's secret
 * renewals calendar feed. The feed itself answers text/calendar, so it declares no JSON answer.
 */
export const stackApi = {
  taxonomy: defineRoute({
    method: "GET",
    path: "/stack/taxonomy",
    tags,
    summary: "The martech taxonomy",
    response: { 200: Taxonomy },
  }),
  updateTaxonomy: defineRoute({
    method: "PUT",
    path: "/stack/taxonomy",
    tags,
    summary: "Replace the workspace's subcategories",
    body: UpdateTaxonomyBody,
    response: { 200: Taxonomy },
  }),
  graph: defineRoute({
    method: "GET",
    path: "/stack/graph",
    tags,
    summary: "Every live tool and integration, for the graph",
    response: { 200: StackGraph },
  }),
  overlaps: defineRoute({
    method: "GET",
    path: "/stack/overlaps",
    tags,
    summary: "Tools that overlap, with combined cost",
    response: { 200: OverlapList },
  }),
  renewals: defineRoute({
    method: "GET",
    path: "/stack/renewals",
    tags,
    summary: "Contracts by cancel-by date",
    query: RenewalQuery,
    response: { 200: RenewalList },
  }),
  compliance: defineRoute({
    method: "GET",
    path: "/stack/compliance",
    tags,
    summary: "Compliance of every live tool",
    response: { 200: ComplianceSummary },
  }),

  calendarFeed: defineRoute({
    method: "GET",
    path: "/me/calendar-feed",
    tags,
    summary: "Whether I have a renewals calendar feed",
    response: { 200: CalendarFeedStatus },
  }),
  rotateCalendarFeed: defineRoute({
    method: "POST",
    path: "/me/calendar-feed",
    tags,
    summary: "Create (or replace) my secret renewals calendar address",
    response: { 201: CalendarFeedCreated },
  }),
  revokeCalendarFeed: defineRoute({
    method: "DELETE",
    path: "/me/calendar-feed",
    tags,
    summary: "Revoke my renewals calendar address",
    response: { 200: Ok },
  }),
  renewalsFeed: defineRoute({
    method: "GET",
    path: "/stack/renewals.ics",
    tags,
    summary: "The renewals as an iCalendar feed (the secret address from POST /me/calendar-feed)",
    query: CalendarFeedQuery,
    response: {},
  }),
};
