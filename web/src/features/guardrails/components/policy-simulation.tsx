import { Badge, Button, Card, Group, NumberInput, Stack, Switch, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { GuardrailLimits } from "#contracts/guardrails";
import type { PolicyRule } from "#contracts/policy";
import { FormError } from "../../../components/ui/form-error";
import { AnchorLink } from "../../../components/ui/links";
import { useSimulatePolicy } from "../hooks/use-guardrails";
import { OutcomeBadge, ReviewerBadges } from "./outcome-badge";

/** Replays the last N purchase requests against the draft and lists what would change. */
export function PolicySimulation({
  policyId,
  rules,
  isValid,
}: {
  policyId: string;
  rules: PolicyRule[];
  isValid: boolean;
}) {
  const simulate = useSimulatePolicy(policyId);
  const [last, setLast] = useState<number | string>(50);
  const [showAll, setShowAll] = useState(false);
  const result = simulate.data;
  const items = result ? (showAll ? result.items : result.items.filter((item) => item.changed)) : [];
  return (
    <Card component="section" aria-labelledby="simulation-heading">
      <Title order={2} size="h4" id="simulation-heading">
        Simulation
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Replays recent purchase requests against the rules as they stand in the editor, before anything is saved.
      </Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NumberInput
          label="Purchase requests to replay"
          min={1}
          max={GuardrailLimits.simulateMax}
          allowDecimal={false}
          value={last}
          onChange={setLast}
          w={220}
        />
        <Button
          variant="default"
          disabled={!isValid}
          loading={simulate.isPending}
          onClick={() =>
            simulate.mutate({ rules, last: Math.min(GuardrailLimits.simulateMax, Math.max(1, Number(last) || 50)) })
          }
        >
          Simulate the draft
        </Button>
      </Group>
      {!isValid && (
        <Text size="xs" c="dimmed" mt={4}>
          Fix the rules' problems to simulate them.
        </Text>
      )}
      <FormError error={simulate.error} />
      {result && (
        <Stack gap="sm" mt="md">
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" fw={600} role="status">
              {result.replayed} replayed · {result.changed} would change
            </Text>
            <Switch
              label="Show unchanged too"
              checked={showAll}
              onChange={(e) => setShowAll(e.currentTarget.checked)}
            />
          </Group>
          {items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {result.replayed === 0
                ? "No purchase request to replay yet."
                : "The draft decides every one of them as before."}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="xs" aria-label="Simulation results">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Request</Table.Th>
                    <Table.Th scope="col">Before</Table.Th>
                    <Table.Th scope="col">With the draft</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((item) => (
                    <Table.Tr key={item.request.id}>
                      <Table.Td>
                        <AnchorLink to="/pipeline/requests/$id" params={{ id: item.request.id }} size="sm">
                          {item.request.reference} · {item.request.title}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td>
                        {item.before ? (
                          <Group gap={4} wrap="wrap">
                            <OutcomeBadge outcome={item.before.outcome} />
                            <ReviewerBadges kinds={item.before.reviews} />
                          </Group>
                        ) : (
                          <Text size="sm" c="dimmed">
                            Not judged
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="wrap">
                          <OutcomeBadge outcome={item.after.outcome} />
                          <ReviewerBadges kinds={item.after.reviews} />
                          {item.changed && (
                            <Badge size="sm" color="violet" variant="filled" tt="none">
                              changes
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
    </Card>
  );
}
