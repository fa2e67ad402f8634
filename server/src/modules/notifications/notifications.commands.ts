// The Notifications' public door: `notify()` in the caller's transaction.
export { type Notice, notify } from "./notifications.service";
