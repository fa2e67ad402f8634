import type { z } from "zod";
import type { NotificationList } from "#contracts/notifications";
import { api } from "../../lib/api";

export type NotificationPage = z.infer<typeof NotificationList>;

/** My latest notifications and how many are unread. */
export function listNotifications(limit = 20) {
  return api<NotificationPage>("/notifications", { query: { limit } });
}

/** Marks some notifications read, or all of them. */
export function markNotificationsRead(body: { ids?: string[]; all?: boolean }) {
  return api<{ unread: number }>("/notifications/read", { method: "POST", body });
}
