import { notifications } from "@mantine/notifications";
import { describeError } from "../../../components/ui/page-error";
import { isApiError } from "../../../lib/api";

/** Shows why a change to a request failed; a stale version says someone else changed it (the page reloads it). */
export function notifyRequestError(error: unknown, title = "Could not do that") {
  if (isApiError(error, "conflict") && /^Someone changed/.test(error.userMessage)) {
    notifications.show({
      color: "orange",
      message:
        "Someone changed this request meanwhile. The page now shows their change; try again if you still need to.",
    });
    return;
  }
  // One line, no title: a toast's title makes its text dimmed, below AA contrast.
  notifications.show({ color: "red", message: `${title}: ${describeError(error)}` });
}

/** Says someone else changed the settings being edited: the page now shows their change. */
export function notifyStaleEdit(what: string) {
  notifications.show({
    color: "orange",
    message: `Someone changed ${what} meanwhile. The page now shows their change. Open the form again to make yours.`,
  });
}

/** Says someone else changed the Pipeline's rules meanwhile: the page now shows their change. */
export function notifyStaleRules(what: string) {
  notifications.show({
    color: "orange",
    message: `Someone changed ${what} meanwhile. The page now shows their change; make yours again.`,
  });
}
