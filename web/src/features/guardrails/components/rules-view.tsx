import { Code, Group, Stack, Table, Text } from "@mantine/core";
import type { PolicyRule } from "../../../../../contracts/policy";
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
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="sm" aria-label="Rules of the active policy">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Rule</Table.Th>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Then</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((rule) => (
            <Table.Tr key={rule.id}>
              <Table.Th scope="row" fw={600} style={{ verticalAlign: "top" }}>
                <Text size="sm" fw={600} style={{ overflowWrap: "anywhere" }}>
                  {rule.id}
                </Text>
              </Table.Th>
              <Table.Td style={{ verticalAlign: "top" }}>
                <Stack gap={4}>
                  <Code block style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                    {rule.when}
                  </Code>
                  {rule.explain && (
                    <Text size="sm" c="dimmed">
                      {rule.explain}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td style={{ verticalAlign: "top" }}>
                <Group gap={6} wrap="wrap">
                  <OutcomeBadge outcome={rule.outcome} />
                  <ReviewerBadges kinds={rule.require ?? []} />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
