import { Alert, Badge, Button, Card, Grid, Group, List, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDeviceFloppy } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import type { StoredPolicy } from "#contracts/guardrails";
import { FormError } from "../components/ui/form-error";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { useMe } from "../features/auth/hooks/use-me";
import { GuardrailsNav } from "../features/guardrails/components/guardrails-nav";
import { PolicySimulation } from "../features/guardrails/components/policy-simulation";
import { PolicyTests } from "../features/guardrails/components/policy-tests";
import { RulesEditor, useRuleCheck } from "../features/guardrails/components/rules-editor";
import { RulesView } from "../features/guardrails/components/rules-view";
import { type DraftRule, draftOf, rulesOf, STARTER_RULES } from "../features/guardrails/draft-rules";
import {
  useActivatePolicy,
  useCreatePolicy,
  usePolicies,
  usePolicy,
  useSavePolicy,
} from "../features/guardrails/hooks/use-guardrails";
import { isApiError } from "../lib/api";
import { formatDateTime } from "../lib/format";

const route = getRouteApi("/app/guardrails/policy");

/** The first policy of a workspace: a name and the rules, starting from the example. */
function CreatePolicy() {
  const navigate = route.useNavigate();
  const create = useCreatePolicy();
  const [name, setName] = useState("Purchases");
  const [draft, setDraft] = useState<DraftRule[]>(() => draftOf(STARTER_RULES));
  const check = useRuleCheck(draft);
  const isValid = check.data?.valid === true && !check.isPlaceholderData;
  return (
    <Stack gap="lg">
      <Card>
        <Title order={2} size="h4" mb="xs">
          Write the workspace's purchase policy
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Every rule is evaluated on each purchase request. Any block wins; otherwise any review (or a rule that cannot
          be evaluated, or no rule matching) sends it to reviewers; otherwise it is approved at once.
        </Text>
        <TextInput
          label="Policy name"
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maw={360}
        />
      </Card>
      <RulesEditor draft={draft} onChange={setDraft} check={check.data} isChecking={check.isFetching} />
      <FormError error={create.error} />
      <Group justify="flex-end">
        <Button
          leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}
          disabled={!isValid || name.trim() === ""}
          loading={create.isPending}
          onClick={() =>
            create.mutate(
              { name: name.trim(), rules: rulesOf(draft) },
              {
                onSuccess: (policy) => {
                  notifications.show({ color: "indigo", message: `${policy.name} version 1 saved and active` });
                  void navigate({ search: { id: policy.id } });
                },
              },
            )
          }
        >
          Create the policy
        </Button>
      </Group>
    </Stack>
  );
}

function Versions({ policy }: { policy: StoredPolicy }) {
  return (
    <Card component="section" aria-labelledby="versions-heading">
      <Title order={2} size="h4" mb="xs" id="versions-heading">
        Versions
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Every save is a new version; each request records the version that judged it.
      </Text>
      <Stack gap={6} component="ol" m={0} p={0} style={{ listStyle: "none" }}>
        {policy.versions.map((version) => (
          <Group key={version.id} component="li" gap="xs" wrap="wrap">
            <Text size="sm" fw={600}>
              Version {version.number}
            </Text>
            {version.id === policy.currentVersion.id && (
              <Badge size="sm" variant="light" tt="none">
                current
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              {formatDateTime(version.createdAt)}
              {version.createdBy ? ` · ${version.createdBy.name}` : ""}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

/** The editor of one stored policy: rules checked as one types, save as a new version, tests, simulation. */
function EditPolicy({ policy, canEdit }: { policy: StoredPolicy; canEdit: boolean }) {
  const save = useSavePolicy();
  const activate = useActivatePolicy();
  const [draft, setDraft] = useState<DraftRule[]>(() => draftOf(policy.rules));
  const [failing, setFailing] = useState<{ id: string; message: string }[]>([]);
  const check = useRuleCheck(draft);
  const rules = rulesOf(draft);
  const isValid = check.data?.valid === true && !check.isPlaceholderData;
  const isChanged = JSON.stringify(rules) !== JSON.stringify(policy.rules);
  // Another version saved elsewhere (or here) replaces the draft once it is no longer being edited.
  const [shownVersion, setShownVersion] = useState(policy.currentVersion.id);
  useEffect(() => {
    if (policy.currentVersion.id !== shownVersion) {
      setShownVersion(policy.currentVersion.id);
      setDraft(draftOf(policy.rules));
    }
  }, [policy, shownVersion]);

  const handleSave = () => {
    setFailing([]);
    save.mutate(
      { id: policy.id, rules, version: policy.version },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: "indigo",
            message: `${saved.name} version ${saved.currentVersion.number} saved`,
          }),
        onError: (error) => {
          if (isApiError(error, "invalid_state") && error.fieldErrors.length > 0) {
            setFailing(
              error.fieldErrors
                .filter((entry) => entry.path.startsWith("tests."))
                .map((entry) => ({ id: entry.path.slice("tests.".length), message: entry.message })),
            );
          } else if (isApiError(error, "conflict")) {
            notifications.show({
              color: "orange",
              title: "Someone saved this policy meanwhile",
              message: "The page now shows their version. Make your change again on top of it.",
            });
          }
        },
      },
    );
  };

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Stack gap="lg">
          <Card component="section" aria-labelledby="rules-heading">
            <Group justify="space-between" mb="sm" wrap="wrap">
              <Title order={2} size="h4" id="rules-heading">
                Rules
              </Title>
              {!policy.active && canEdit && (
                <Button
                  size="xs"
                  variant="default"
                  loading={activate.isPending}
                  onClick={() =>
                    activate.mutate(
                      { id: policy.id, version: policy.version },
                      {
                        onSuccess: () =>
                          notifications.show({ color: "indigo", message: `${policy.name} is now active` }),
                      },
                    )
                  }
                >
                  Make this the active policy
                </Button>
              )}
            </Group>
            {canEdit ? (
              <RulesEditor draft={draft} onChange={setDraft} check={check.data} isChecking={check.isFetching} />
            ) : (
              <RulesView rules={policy.rules} />
            )}
          </Card>
          {canEdit && (
            <Stack gap="sm">
              {failing.length > 0 && (
                <Alert color="red" variant="light" title="Not saved: the draft breaks these test cases" role="alert">
                  <List size="sm">
                    {failing.map((entry) => (
                      <List.Item key={entry.id}>{entry.message}</List.Item>
                    ))}
                  </List>
                </Alert>
              )}
              {!isApiError(save.error, "invalid_state") && !isApiError(save.error, "conflict") && (
                <FormError error={save.error} />
              )}
              <Group justify="flex-end" gap="sm">
                <Button variant="default" disabled={!isChanged} onClick={() => setDraft(draftOf(policy.rules))}>
                  Discard changes
                </Button>
                <Button
                  leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}
                  disabled={!isValid || !isChanged}
                  loading={save.isPending}
                  onClick={handleSave}
                >
                  Save as version {policy.currentVersion.number + 1}
                </Button>
              </Group>
            </Stack>
          )}
          <PolicySimulation policyId={policy.id} rules={rules} isValid={isValid} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Stack gap="lg">
          <PolicyTests policyId={policy.id} canEdit={canEdit} failingIds={failing.map((entry) => entry.id)} />
          <Versions policy={policy} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

/** The purchase policy: its rules as code, versions, test cases and a simulation against recent purchases. */
export function GuardrailsPolicyPage() {
  const me = useMe();
  const canEdit = me.user.role === "admin";
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const policies = usePolicies();
  const items = policies.data?.items ?? [];
  const chosenId = search.id ?? items.find((policy) => policy.active)?.id ?? items[0]?.id;
  const policy = usePolicy(chosenId);
  const header = (
    <PageHeader
      title="Purchase policy"
      description="Rules as code (CEL over the request and the Stack's facts): a block wins, then any review; otherwise the purchase is approved at once."
      badge={
        policy.data ? (
          <Badge variant="light" color={policy.data.active ? "green" : "gray"} tt="none">
            {policy.data.active ? "Active" : "Not active"} · v{policy.data.currentVersion.number}
          </Badge>
        ) : undefined
      }
    />
  );
  let body: React.ReactNode;
  if (policies.isPending || (chosenId && policy.isPending)) body = <PageLoader label="Loading the policy…" />;
  else if (policies.isError) body = <ErrorState error={policies.error} onRetry={() => policies.refetch()} />;
  else if (policy.isError) body = <ErrorState error={policy.error} onRetry={() => policy.refetch()} />;
  else if (!policy.data) {
    body = canEdit ? (
      <CreatePolicy />
    ) : (
      <Text c="dimmed">
        No purchase policy yet: an admin writes it. Until then every purchase goes to IT for review.
      </Text>
    );
  } else {
    body = (
      <Stack gap="md">
        {items.length > 1 && (
          <Select
            label="Policy"
            maw={360}
            data={items.map((item) => ({ value: item.id, label: `${item.name}${item.active ? " (active)" : ""}` }))}
            value={policy.data.id}
            allowDeselect={false}
            onChange={(id) => id && void navigate({ search: { id } })}
          />
        )}
        <EditPolicy key={policy.data.id} policy={policy.data} canEdit={canEdit} />
      </Stack>
    );
  }
  return (
    <>
      {header}
      <GuardrailsNav />
      {body}
    </>
  );
}
