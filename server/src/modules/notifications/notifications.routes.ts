import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { notificationsApi } from "#contracts/api/notifications";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { listMyNotifications, markMyNotificationsRead } from "./notifications.service";

/** The signed-in person's in-app notifications. */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(notificationsApi.list),
    handler: async (request) => {
      const page = await listMyNotifications(ctxOf(request), request.query);
      return {
        items: page.items.map((row) => ({
          id: row.id,
          kind: row.kind,
          title: row.title,
          body: row.body,
          link: row.link,
          readAt: row.readAt?.toISOString() ?? null,
          createdAt: row.createdAt.toISOString(),
        })),
        unread: page.unread,
        nextCursor: page.nextCursor,
      };
    },
  });

  app.route({
    ...routeOf(notificationsApi.markRead),
    handler: async (request) => markMyNotificationsRead(ctxOf(request), request.body),
  });
};
