import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  JsonInput,
  Modal,
  MultiSelect,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import type { PolicyTest } from "#contracts/guardrails";
import type { PolicyOutcome, ReviewerKind } from "#contracts/policy";
import { FormError } from "../../../components/ui/form-error";
import { ErrorState } from "../../../components/ui/page-error";
import { useAddPolicyTest, usePolicyTests, useRemovePolicyTest } from "../hooks/use-guardrails";
import { outcomeOptions, reviewerOptions } from "../labels";
import { OutcomeBadge, ReviewerBadges } from "./outcome-badge";

const EXAMPLE_INPUT = JSON.stringify(
  { request: { vendor: "Tiny Forms", annualCost: 1200, dataClasses: ["none"], sso: true }, stack: { overlapping: [] } },
  null,
  2,
);

function parseInput(text: string): {
  input?: { request: Record<string, unknown>; stack: Record<string, unknown> };
  error?: string;
} {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== "object" || value === null || Array.isArray(value)) return { error: "must be a JSON object" };
    const { request, stack = {} } = value as { request?: unknown; stack?: unknown };
    if (typeof request !== "object" || request === null || Array.isArray(request)) {
      return { error: 'needs a "request" object' };
    }
    if (typeof stack !== "object" || stack === null || Array.isArray(stack))
      return { error: '"stack" must be an object' };
    return { input: { request: request as Record<string, unknown>, stack: stack as Record<string, unknown> } };
  } catch {
    return { error: "is not valid JSON" };
  }
}

function AddTestDialog({ policyId, opened, onClose }: { policyId: string; opened: boolean; onClose: () => void }) {
  const add = useAddPolicyTest(policyId);
  const [name, setName] = useState("");
  const [input, setInput] = useState(EXAMPLE_INPUT);
  const [outcome, setOutcome] = useState<PolicyOutcome>("approve");
  const [reviews, setReviews] = useState<ReviewerKind[]>([]);
  const [errors, setErrors] = useState<{ name?: string; input?: string }>({});
  const handleSubmit = () => {
    const parsed = parseInput(input);
    const next = {
      name: name.trim() ? undefined : "Name is required",
      input: parsed.error ? `The input ${parsed.error}` : undefined,
    };
    setErrors(next);
    if (next.name || next.input || !parsed.input) return;
    add.mutate(
      {
        name: name.trim(),
        input: parsed.input,
        expected: { outcome, ...(outcome === "review" && reviews.length > 0 ? { reviews } : {}) },
      },
      {
        onSuccess: (test) => {
          notifications.show({
            color: test.passes ? "indigo" : "orange",
            message: test.passes
              ? `Test case “${test.name}” added; the current version passes it`
              : `Test case “${test.name}” added; the current version fails it`,
          });
          setName("");
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Add a test case" size="lg">
      <Stack gap="sm">
        <FormError error={add.error} />
        <TextInput
          label="Name"
          required
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <JsonInput
          label="Input"
          description='What the policy sees: {"request": {…}, "stack": {…}}'
          required
          autosize
          minRows={6}
          value={input}
          error={errors.input}
          onChange={setInput}
        />
        <Group grow align="flex-start">
          <NativeSelect
            label="Expected outcome"
            data={outcomeOptions}
            value={outcome}
            onChange={(event) => setOutcome(event.currentTarget.value as PolicyOutcome)}
          />
          {outcome === "review" && (
            <MultiSelect
              label="Expected reviewers"
              description="Optional: the exact list"
              data={reviewerOptions}
              value={reviews}
              onChange={(value) => setReviews(value as ReviewerKind[])}
            />
          )}
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button loading={add.isPending} onClick={handleSubmit}>
            Add test case
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function TestRow({ test, canEdit, onRemove }: { test: PolicyTest; canEdit: boolean; onRemove: () => void }) {
  return (
    <Table.Tr>
      <Table.Th scope="row">
        <Text size="sm" fw={600}>
          {test.name}
        </Text>
      </Table.Th>
      <Table.Td>
        <Group gap={4} wrap="wrap">
          <OutcomeBadge outcome={test.expected.outcome} />
          <ReviewerBadges kinds={test.expected.reviews ?? []} />
        </Group>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="wrap">
          <OutcomeBadge outcome={test.actual.outcome} />
          <ReviewerBadges kinds={test.actual.reviews} />
        </Group>
      </Table.Td>
      <Table.Td>
        <Badge color={test.passes ? "green" : "red"} variant="light" tt="none">
          {test.passes ? "Passes" : "Fails"}
        </Badge>
      </Table.Td>
      {canEdit && (
        <Table.Td>
          <ActionIcon variant="subtle" color="red" aria-label={`Remove test case ${test.name}`} onClick={onRemove}>
            <IconTrash size={16} aria-hidden="true" />
          </ActionIcon>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

/** A policy's test cases: each input with its expected result, run on every save; a save that breaks one is refused. */
export function PolicyTests({
  policyId,
  canEdit,
  failingIds,
}: {
  policyId: string;
  canEdit: boolean;
  /** Test cases a refused save broke. */
  failingIds: string[];
}) {
  const tests = usePolicyTests(policyId);
  const remove = useRemovePolicyTest(policyId);
  const [adding, setAdding] = useState(false);
  return (
    <Card component="section" aria-labelledby="tests-heading">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h4" id="tests-heading">
          Test cases
        </Title>
        {canEdit && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            onClick={() => setAdding(true)}
          >
            Add a test case
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        Each runs on every save: a version that breaks one is not saved.
      </Text>
      {tests.isPending ? (
        <Text size="sm" c="dimmed">
          Loading the test cases…
        </Text>
      ) : tests.isError ? (
        <ErrorState error={tests.error} onRetry={() => tests.refetch()} />
      ) : tests.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No test case yet. Add one for each purchase the policy must always decide the same way.
        </Text>
      ) : (
        <Table verticalSpacing="xs" aria-label="Test cases">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Test case</Table.Th>
              <Table.Th scope="col">Expected</Table.Th>
              <Table.Th scope="col">Saved version gives</Table.Th>
              <Table.Th scope="col">Result</Table.Th>
              {canEdit && (
                <Table.Th scope="col">
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...tests.data]
              .sort((a, b) => Number(failingIds.includes(b.id)) - Number(failingIds.includes(a.id)))
              .map((test) => (
                <TestRow key={test.id} test={test} canEdit={canEdit} onRemove={() => remove.mutate(test.id)} />
              ))}
          </Table.Tbody>
        </Table>
      )}
      {canEdit && <AddTestDialog policyId={policyId} opened={adding} onClose={() => setAdding(false)} />}
    </Card>
  );
}
