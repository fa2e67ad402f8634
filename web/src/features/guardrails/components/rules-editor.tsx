import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  Loader,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { policiesApi } from "#contracts/api/guardrails";
import type { PolicyCheckResult } from "#contracts/guardrails";
import { PolicyLimits, type PolicyOutcome, type ReviewerKind } from "#contracts/policy";
import { call, keyOf } from "../../../lib/api";
import { blankRule, type DraftRule, findingsByField, rulesOf } from "../draft-rules";
import { outcomeOptions, reviewerOptions } from "../labels";

/** Checks the draft as one types: a quarter of a second after the last keystroke, the previous answer kept meanwhile. */
export function useRuleCheck(draft: readonly DraftRule[]) {
  const [debounced] = useDebouncedValue(JSON.stringify(rulesOf(draft)), 250);
  return useQuery({
    // A POST read: the key carries the draft itself.
    queryKey: [...keyOf(policiesApi.check), debounced],
    queryFn: ({ signal }) =>
      call(policiesApi.check, { body: { rules: JSON.parse(debounced) as unknown[] } }, { signal }),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

const joined = (messages: string[] | undefined) => (messages ? messages.join("; ") : undefined);

function RuleCard({
  rule,
  position,
  count,
  findings,
  onChange,
  onMove,
  onRemove,
}: {
  rule: DraftRule;
  position: number;
  count: number;
  findings: Record<string, string[]>;
  onChange: (next: DraftRule) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const name = rule.id.trim() || `rule ${position + 1}`;
  const set = <K extends keyof DraftRule>(field: K, value: DraftRule[K]) => onChange({ ...rule, [field]: value });
  return (
    <Card withBorder component="fieldset" aria-label={`Rule ${position + 1}: ${name}`} p="md" m={0}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Text fw={600} size="sm" style={{ overflowWrap: "anywhere" }}>
          {position + 1}. {name}
        </Text>
        <Group gap={4} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Move ${name} up`}
            disabled={position === 0}
            onClick={() => onMove(-1)}
          >
            <IconArrowUp size={16} aria-hidden="true" />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Move ${name} down`}
            disabled={position === count - 1}
            onClick={() => onMove(1)}
          >
            <IconArrowDown size={16} aria-hidden="true" />
          </ActionIcon>
          <ActionIcon variant="subtle" color="red" aria-label={`Remove ${name}`} onClick={onRemove}>
            <IconTrash size={16} aria-hidden="true" />
          </ActionIcon>
        </Group>
      </Group>
      <Stack gap="xs">
        {findings.rule && (
          <Text size="sm" c="red" role="alert">
            {joined(findings.rule)}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label="Rule id"
            required
            maxLength={PolicyLimits.idMax}
            value={rule.id}
            error={joined(findings.id)}
            onChange={(event) => set("id", event.currentTarget.value)}
          />
          <Select
            label="Outcome"
            required
            data={outcomeOptions}
            allowDeselect={false}
            value={rule.outcome}
            error={joined(findings.outcome)}
            onChange={(value) => value && set("outcome", value as PolicyOutcome)}
          />
          {rule.outcome === "review" ? (
            <MultiSelect
              label="Reviewed by"
              required
              data={reviewerOptions}
              value={rule.require}
              error={joined(findings.require)}
              onChange={(value) => set("require", value as ReviewerKind[])}
            />
          ) : (
            <div />
          )}
        </SimpleGrid>
        <Textarea
          label="When (CEL)"
          description="Over request and stack; numbers are doubles, e.g. request.annualCost < 5000.0"
          required
          autosize
          minRows={1}
          maxLength={PolicyLimits.whenMax}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: 13 } }}
          value={rule.when}
          error={joined(findings.when)}
          onChange={(event) => set("when", event.currentTarget.value)}
        />
        {findings.warning && (
          <Text size="xs" c="var(--mantine-color-orange-text)">
            {joined(findings.warning)}
          </Text>
        )}
        <TextInput
          label="Explanation"
          description="What the requester reads when this rule matches"
          maxLength={PolicyLimits.explainMax}
          value={rule.explain}
          error={joined(findings.explain)}
          onChange={(event) => set("explain", event.currentTarget.value)}
        />
      </Stack>
    </Card>
  );
}

/** Where the check stands, said politely to screen readers. */
function CheckStatus({ check, isFetching }: { check: PolicyCheckResult | undefined; isFetching: boolean }) {
  return (
    <Group gap="xs" aria-live="polite" role="status">
      {isFetching && <Loader size="xs" aria-hidden="true" />}
      <Text size="sm" c={check && !check.valid ? "red" : "dimmed"}>
        {check === undefined
          ? "Checking the rules…"
          : check.valid
            ? "The rules are valid."
            : `${check.problems.length} ${check.problems.length === 1 ? "problem" : "problems"} to fix before saving.`}
      </Text>
    </Group>
  );
}

/** The rules of a draft policy, each checked as one types: problems at the rule and field, CEL errors with column. */
export function RulesEditor({
  draft,
  onChange,
  check,
  isChecking,
}: {
  draft: DraftRule[];
  onChange: (next: DraftRule[]) => void;
  check: PolicyCheckResult | undefined;
  isChecking: boolean;
}) {
  const findings = check?.problems ?? [];
  const wholePolicy = findings.filter((finding) => finding.index === null);
  const move = (from: number, by: -1 | 1) => {
    const next = [...draft];
    const [rule] = next.splice(from, 1);
    next.splice(from + by, 0, rule);
    onChange(next);
  };
  return (
    <Stack gap="sm">
      <CheckStatus check={check} isFetching={isChecking} />
      {wholePolicy.length > 0 && (
        <Alert color="red" variant="light">
          {wholePolicy.map((finding) => `${finding.field || "The policy"} ${finding.message}`).join("; ")}
        </Alert>
      )}
      {draft.length === 0 && (
        <Text size="sm" c="dimmed">
          No rules: every purchase would go to IT for review. Add a rule.
        </Text>
      )}
      {draft.map((rule, index) => {
        const byField = findingsByField(findings, index);
        const warnings = (check?.warnings ?? []).filter((warning) => warning.index === index);
        if (warnings.length > 0) byField.warning = warnings.map((warning) => `Warning: ${warning.message}`);
        return (
          <RuleCard
            key={rule.key}
            rule={rule}
            position={index}
            count={draft.length}
            findings={byField}
            onChange={(next) => onChange(draft.map((entry) => (entry.key === rule.key ? next : entry)))}
            onMove={(by) => move(index, by)}
            onRemove={() => onChange(draft.filter((entry) => entry.key !== rule.key))}
          />
        );
      })}
      <Group>
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden="true" />}
          disabled={draft.length >= PolicyLimits.rulesMax}
          onClick={() => onChange([...draft, blankRule()])}
        >
          Add a rule
        </Button>
      </Group>
    </Stack>
  );
}
