import { Code, Group, Paper, Stack, Text } from "@mantine/core";
import type { PolicyRule } from "#contracts/policy";
import { OutcomeBadge, ReviewerBadges } from "./outcome-badge";

/** A policy's rules as people read them: the condition, the outcome, who reviews, and the explanation. */
export function RulesView({ rules }: { rules: PolicyRule[] }) {
  if (rules.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        This version has no rules: every purchase goes to IT for review.
      </Text>
    );
  }
  return (
    <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: "none" }} aria-label="Rules of the active policy">
      {rules.map((rule) => (
        <Paper key={rule.id} component="li" withBorder p="sm" radius="md">
          <Group justify="space-between" gap="xs" mb={6} wrap="wrap">
            <Text size="sm" fw={600} style={{ overflowWrap: "anywhere" }}>
              {rule.id}
            </Text>
            <Group gap={6} wrap="wrap">
              <OutcomeBadge outcome={rule.outcome} />
              <ReviewerBadges kinds={rule.require ?? []} />
            </Group>
          </Group>
          <Code block style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            {rule.when}
          </Code>
          {rule.explain && (
            <Text size="sm" mt={6}>
              {rule.explain}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
