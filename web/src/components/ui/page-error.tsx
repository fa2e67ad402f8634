import { Alert, Button, Group, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { isApiError } from "../../lib/api";

/** A message for an error a person can read, never a stack trace. */
export function describeError(error: unknown): string {
  if (isApiError(error, "forbidden")) return `Not allowed: ${error.userMessage}`;
  if (isApiError(error)) return error.userMessage;
  return "Something went wrong while loading this page.";
}

interface ErrorStateProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

/** The error state of a page or a section: what failed and a way to try again. */
export function ErrorState({ error, title = "This could not be loaded", onRetry }: ErrorStateProps) {
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle aria-hidden="true" />} role="alert">
      <Text size="sm">{describeError(error)}</Text>
      {onRetry && (
        <Group mt="sm">
          <Button size="xs" variant="default" onClick={onRetry}>
            Try again
          </Button>
        </Group>
      )}
    </Alert>
  );
}

/** The router's error boundary for a whole page. */
export function PageError({ error, reset }: { error: unknown; reset?: () => void }) {
  return <ErrorState error={error} title="This page could not be shown" onRetry={reset} />;
}
