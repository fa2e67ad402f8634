import { z } from "zod";
import { ListQuery } from "../common";
import { MarkReadBody, NotificationList } from "../notifications";
import { defineRoute } from "../route";

const tags = ["notifications"];

/** The signed-in person's in-app notifications. */
export const notificationsApi = {
  list: defineRoute({
    method: "GET",
    path: "/notifications",
    tags,
    summary: "My notifications, newest first",
    query: ListQuery.pick({ limit: true, cursor: true }),
    response: { 200: NotificationList },
  }),
  markRead: defineRoute({
    method: "POST",
    path: "/notifications/read",
    tags,
    summary: "Mark notifications read (some, or all)",
    body: MarkReadBody,
    response: { 200: z.object({ unread: z.number().int() }) },
  }),
};
