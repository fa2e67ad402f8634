import { Button, Card, Code, Group, NumberInput, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { FormError } from "../../../components/ui/form-error";
import { ErrorState } from "../../../components/ui/page-error";
import { PageLoader } from "../../../components/ui/page-loader";
import { isApiError } from "../../../lib/api";
import { usePipelineSettings, useUpdateSettings } from "../hooks/use-pipeline";
import { notifyStaleRules } from "./notify";

type Preset = "rice" | "wsjf" | "weighted";
type Weights = { value: number; urgency: number; risk: number; confidence: number; effort: number };

const presetOptions = [
  { value: "wsjf", label: "WSJF — weighted shortest job first" },
  { value: "rice", label: "RICE — reach, impact, confidence, effort" },
  { value: "weighted", label: "Weighted — your own weights" },
];

/** The backlog's scoring formula, with each input; admins change it (open requests are re-scored). */
export function ScoringSettings({ isAdmin }: { isAdmin: boolean }) {
  const settings = usePipelineSettings();
  const update = useUpdateSettings();
  const [draft, setDraft] = useState<{ preset: Preset; weights: Weights } | null>(null);
  if (settings.isPending) return <PageLoader label="Loading the formula…" />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => settings.refetch()} />;
  const current = draft ?? { preset: settings.data.scoring.preset, weights: settings.data.scoring.weights };
  const isChanged =
    draft !== null &&
    JSON.stringify(draft) !==
      JSON.stringify({ preset: settings.data.scoring.preset, weights: settings.data.scoring.weights });
  const handleSave = () =>
    update.mutate(
      { scoring: current, version: settings.data.version },
      {
        onSuccess: () => {
          notifications.show({ color: "indigo", message: "Formula saved; open requests are re-scored" });
          setDraft(null);
        },
        onError: (error) => {
          if (isApiError(error, "conflict")) {
            notifyStaleRules("the formula");
            setDraft(null);
          }
        },
      },
    );
  return (
    <Card>
      <Title order={2} size="h4" mb={4}>
        Scoring formula
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        The backlog is ordered by this score until someone re-ranks by hand. Every request shows its arithmetic.
      </Text>
      <Code block mb="md">
        {settings.data.formula}
      </Code>
      {isAdmin ? (
        <Stack gap="sm">
          {!isApiError(update.error, "conflict") && <FormError error={update.error} />}
          <Select
            label="Formula"
            data={presetOptions}
            value={current.preset}
            onChange={(value) => value && setDraft({ ...current, preset: value as Preset })}
            allowDeselect={false}
            maw={420}
          />
          {current.preset === "weighted" && (
            <SimpleGrid cols={{ base: 2, sm: 5 }}>
              {(Object.keys(current.weights) as (keyof Weights)[]).map((key) => (
                <NumberInput
                  key={key}
                  label={`Weight of ${key}`}
                  min={0}
                  max={10}
                  decimalScale={2}
                  value={current.weights[key]}
                  onChange={(value) =>
                    setDraft({ ...current, weights: { ...current.weights, [key]: Number(value) || 0 } })
                  }
                />
              ))}
            </SimpleGrid>
          )}
          <Group>
            <Button onClick={handleSave} loading={update.isPending} disabled={!isChanged}>
              Save the formula
            </Button>
          </Group>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          Only admins change the formula.
        </Text>
      )}
    </Card>
  );
}
