import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { stackApi } from "#contracts/api/stack";
import { routeOf } from "../../lib/route";
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
  app.route({
    ...routeOf(stackApi.calendarFeed),
    handler: async (request) => getCalendarFeed(ctxOf(request)),
  });

  app.route({
    ...routeOf(stackApi.rotateCalendarFeed),
    handler: async (request, reply) => reply.status(201).send(await rotateCalendarFeed(ctxOf(request))),
  });

  app.route({
    ...routeOf(stackApi.revokeCalendarFeed),
    handler: async (request) => revokeCalendarFeed(ctxOf(request)),
  });

  app.route({
    ...routeOf(stackApi.renewalsFeed),
    config: { access: "public" },
    handler: async (request, reply) => {
      const { database, now } = publicCtxOf(request);
      const feed = await renderRenewalsFeed(database, request.query.key, now);
      if (feed === null) throw feedNotFound();
      return reply
        .header("content-type", "text/calendar; charset=utf-8")
        .header("cache-control", "no-store")
        .header("content-disposition", 'inline; filename="tandem-renewals.ics"')
        .send(feed);
    },
  });
};
