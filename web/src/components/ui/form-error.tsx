import { Alert } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { type ApiError, isApiError } from "../../lib/api";
import { describeError } from "./page-error";

interface FormErrorProps {
  error: unknown;
  /** Friendlier words for some error codes. */
  messages?: Partial<Record<ApiError["code"], string>>;
}

/** The error of a form submission that no single field explains. */
export function FormError({ error, messages }: FormErrorProps) {
  if (!error) return null;
  const message = (isApiError(error) && messages?.[error.code]) || describeError(error);
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden="true" />} role="alert">
      {message}
    </Alert>
  );
}
