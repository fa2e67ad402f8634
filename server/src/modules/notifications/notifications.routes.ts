import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ListQuery } from "#contracts/common";
import { MarkReadBody, NotificationList } from "#contracts/notifications";
import { ctxOf } from "../../plugins/request-context";
import { listMyNotifications, markMyNotificationsRead } from "./notifications.service";

/** The signed-in person's in-app notifications. */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/notifications",
    {
      schema: {
        tags: ["notifications"],
        summary: "My notifications, newest first",
        querystring: ListQuery.pick({ limit: true, cursor: true }),
        response: { 200: NotificationList },
      },
    },
    async (request) => {
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
  );

  app.post(
    "/notifications/read",
    {
      schema: {
        tags: ["notifications"],
        summary: "Mark notifications read (some, or all)",
        body: MarkReadBody,
        response: { 200: z.object({ unread: z.number().int() }) },
      },
    },
    async (request) => markMyNotificationsRead(ctxOf(request), request.body),
  );
};
