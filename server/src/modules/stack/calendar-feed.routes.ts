import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { Ok } from "#contracts/common";
import { CalendarFeedCreated, CalendarFeedQuery, CalendarFeedStatus } from "#contracts/stack";
import { ctxOf, publicCtxOf } from "../../plugins/request-context";
import {
  feedNotFound,
  getCalendarFeed,
  renderRenewalsFeed,
  revokeCalendarFeed,
  rotateCalendarFeed,
} from "./reminders.service";

/** The person's secret calendar feed: its address (create, replace, revoke) and the feed it serves. */
export const stackCalendarFeedRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/me/calendar-feed",
    {
      schema: {
        tags: ["stack"],
        summary: "Whether I have a renewals calendar feed",
        response: { 200: CalendarFeedStatus },
      },
    },
    async (request) => getCalendarFeed(ctxOf(request)),
  );

  app.post(
    "/me/calendar-feed",
    {
      schema: {
        tags: ["stack"],
        summary: "Create (or replace) my secret renewals calendar address",
        response: { 201: CalendarFeedCreated },
      },
    },
    async (request, reply) => reply.status(201).send(await rotateCalendarFeed(ctxOf(request))),
  );

  app.delete(
    "/me/calendar-feed",
    { schema: { tags: ["stack"], summary: "Revoke my renewals calendar address", response: { 200: Ok } } },
    async (request) => revokeCalendarFeed(ctxOf(request)),
  );

  app.get(
    "/stack/renewals.ics",
    {
      config: { access: "public" },
      schema: {
        tags: ["stack"],
        summary: "The renewals as an iCalendar feed (the secret address from POST /me/calendar-feed)",
        querystring: CalendarFeedQuery,
      },
    },
    async (request, reply) => {
      const { database, now } = publicCtxOf(request);
      const feed = await renderRenewalsFeed(database, request.query.key, now);
      if (feed === null) throw feedNotFound();
      return reply
        .header("content-type", "text/calendar; charset=utf-8")
        .header("cache-control", "no-store")
        .header("content-disposition", 'inline; filename="tandem-renewals.ics"')
        .send(feed);
    },
  );
};
