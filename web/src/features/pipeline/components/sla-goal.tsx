import { Button, Card, Group, NumberInput, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { FormError } from "../../../components/ui/form-error";
import { ErrorState } from "../../../components/ui/page-error";
import { PageLoader } from "../../../components/ui/page-loader";
import { handleStaleEdit } from "../../../lib/stale-edit";
import { usePipelineSettings, useUpdateSettings } from "../hooks/use-pipeline";

/** The share within target the workspace aims for: the dashed goal line on the service-level charts; admins set it. */
export function SlaGoal({ isAdmin }: { isAdmin: boolean }) {
  const settings = usePipelineSettings();
  const update = useUpdateSettings();
  const [draft, setDraft] = useState<number | string | null>(null);
  if (settings.isPending) return <PageLoader label="Loading the goal…" />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => settings.refetch()} />;
  const value = draft ?? settings.data.slaGoal;
  const valid = typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 100;
  const save = () => {
    if (!valid) return;
    update.mutate(
      { scoring: settings.data.scoring, slaGoal: value, version: settings.data.version },
      {
        onSuccess: (saved) => {
          setDraft(null);
          notifications.show({ color: "indigo", message: `Service-level goal set to ${saved.slaGoal}%` });
        },
        onError: (error) => {
          if (handleStaleEdit(error, "goal")) setDraft(null);
        },
      },
    );
  };
  return (
    <Card>
      <Stack gap="sm">
        <Title order={2} size="h4">
          Goal
        </Title>
        <Text size="sm" c="dimmed">
          The share of requests answered, decided and delivered within their targets that both sides aim for. The
          service-level charts draw it as a dashed line.
        </Text>
        {isAdmin ? (
          <Group align="flex-end" gap="sm">
            <NumberInput
              label="Goal, share within target"
              suffix="%"
              min={1}
              max={100}
              allowDecimal={false}
              value={value}
              onChange={setDraft}
              error={valid ? undefined : "Goal must be a whole number from 1 to 100"}
              w={220}
            />
            <Button onClick={save} loading={update.isPending} disabled={!valid || value === settings.data.slaGoal}>
              Save goal
            </Button>
          </Group>
        ) : (
          <Text fw={600}>{settings.data.slaGoal}% within target</Text>
        )}
        <FormError error={update.error} />
      </Stack>
    </Card>
  );
}
