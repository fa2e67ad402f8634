import { notifications } from "@mantine/notifications";
import { isApiError } from "./api";

/**
 * When a save was refused because someone changed the record meanwhile (409 conflict), says so and returns true:
 * the form closes and the page shows their change. Any other error returns false for the form to place.
 */
export function handleStaleEdit(error: unknown, noun: string): boolean {
  if (!isApiError(error, "conflict")) return false;
  notifications.show({
    color: "orange",
    title: `Someone changed this ${noun} meanwhile`,
    message: "The page now shows their change. Open the form again to make yours.",
  });
  return true;
}
