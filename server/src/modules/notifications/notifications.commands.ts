// The Notifications' public door: `notify()` in the caller's transaction.

export { sendNotificationEmails } from "./email";
export { type Notice, notify } from "./notifications.service";
