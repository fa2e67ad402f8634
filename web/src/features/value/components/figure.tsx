import { Card, Text } from "@mantine/core";

/** One headline number with its label. */
export function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl">
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}
