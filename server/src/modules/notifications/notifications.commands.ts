// The Notifications' public door: `notify()` in the caller's transaction.

export { type MailSettings, sendNotificationEmails } from "./email";
export { type Notice, notify } from "./notifications.service";
