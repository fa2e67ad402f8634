import { Button, Card, Group, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import type { GuardrailSettings, ReviewTemplate } from "#contracts/guardrails";
import { FormError } from "../components/ui/form-error";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { useMe } from "../features/auth/hooks/use-me";
import { GuardrailsNav } from "../features/guardrails/components/guardrails-nav";
import {
  useGuardrailSettings,
  useReviewTemplates,
  useSaveGuardrailSettings,
  useSaveReviewTemplate,
} from "../features/guardrails/hooks/use-guardrails";
import { reviewerLabels } from "../features/guardrails/labels";
import { applyServerErrors } from "../lib/form";
import { handleStaleEdit } from "../lib/stale-edit";

/** "USD 0.92" per line ⇄ the rate table. */
const ratesText = (rates: Record<string, number>) =>
  Object.entries(rates)
    .map(([code, rate]) => `${code} ${rate}`)
    .join("\n");

function parseRates(text: string): { rates?: Record<string, number>; error?: string } {
  const rates: Record<string, number> = {};
  for (const [index, line] of text.split("\n").entries()) {
    if (line.trim() === "") continue;
    const match = /^\s*([A-Za-z]{3})\s*[=:\s]\s*([0-9]+(?:\.[0-9]+)?)\s*$/.exec(line);
    if (!match || Number(match[2]) <= 0) return { error: `Line ${index + 1} should read like “USD 0.92”` };
    rates[match[1].toUpperCase()] = Number(match[2]);
  }
  return { rates };
}

function CurrencyForm({ settings, canEdit }: { settings: GuardrailSettings; canEdit: boolean }) {
  const save = useSaveGuardrailSettings();
  const [currency, setCurrency] = useState(settings.currency);
  const [text, setText] = useState(ratesText(settings.rates));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const handleSave = () => {
    const parsed = parseRates(text);
    if (parsed.error || !parsed.rates) {
      setErrors({ rates: parsed.error ?? "Rates are not valid" });
      return;
    }
    setErrors({});
    save.mutate(
      { currency: currency.trim().toUpperCase(), rates: parsed.rates, version: settings.version },
      {
        onSuccess: () => notifications.show({ color: "indigo", message: "Currency and rates saved" }),
        onError: (error) => {
          if (handleStaleEdit(error, "currency table")) return;
          applyServerErrors(
            { setFieldError: (path, message) => setErrors((e) => ({ ...e, [path.split(".")[0]]: message })) },
            error,
            {
              currency: "Currency",
              rates: "Rates",
            },
          );
        },
      },
    );
  };
  return (
    <Card component="section" aria-labelledby="currency-heading">
      <Title order={2} size="h4" id="currency-heading">
        Currency of the policy
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        The policy reads every annual cost in this currency. A request in another currency is converted with the rate
        below; without a rate, rules on the cost cannot be evaluated and IT reviews it.
      </Text>
      <Stack gap="sm">
        <TextInput
          label="Workspace currency"
          maxLength={3}
          maw={200}
          value={currency}
          error={errors.currency}
          disabled={!canEdit}
          onChange={(e) => setCurrency(e.currentTarget.value)}
        />
        <Textarea
          label="Rates"
          description={`One per line: 1 unit of that currency in ${currency.toUpperCase() || "the workspace currency"}, e.g. “USD 0.92”`}
          autosize
          minRows={3}
          value={text}
          error={errors.rates}
          disabled={!canEdit}
          styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <FormError error={Object.keys(errors).length > 0 ? null : save.error} />
        {canEdit && (
          <Group justify="flex-end">
            <Button loading={save.isPending} onClick={handleSave}>
              Save currency and rates
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function TemplateCard({ template, canEdit }: { template: ReviewTemplate; canEdit: boolean }) {
  const save = useSaveReviewTemplate();
  const [text, setText] = useState(template.items.join("\n"));
  const [error, setError] = useState<string | undefined>();
  const label = reviewerLabels[template.kind];
  const handleSave = () => {
    const items = text
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    if (items.length === 0) {
      setError("Write at least one item");
      return;
    }
    setError(undefined);
    save.mutate(
      { kind: template.kind, items, version: template.version },
      {
        onSuccess: () => notifications.show({ color: "indigo", message: `${label} checklist saved` }),
        onError: (saveError) => void handleStaleEdit(saveError, `${label} checklist`),
      },
    );
  };
  return (
    <Card withBorder>
      <Textarea
        label={`${label} review checklist`}
        description={template.version === 0 ? "The built-in checklist; one item per line" : "One item per line"}
        autosize
        minRows={3}
        value={text}
        error={error}
        disabled={!canEdit}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <FormError error={save.error} />
      {canEdit && (
        <Group justify="flex-end" mt="xs">
          <Button size="xs" variant="default" loading={save.isPending} onClick={handleSave}>
            Save {label} checklist
          </Button>
        </Group>
      )}
    </Card>
  );
}

/** The policy's currency table and the review checklists each team kind works through. */
export function GuardrailsSettingsPage() {
  const me = useMe();
  const canEdit = me.user.role === "admin";
  const settings = useGuardrailSettings();
  const templates = useReviewTemplates();
  return (
    <>
      <PageHeader
        title="Currency and checklists"
        description={canEdit ? "Admins set these; reviews opened later use the new checklists." : "Admins set these."}
      />
      <GuardrailsNav />
      <Stack gap="lg">
        {settings.isPending ? (
          <PageLoader label="Loading the currency table…" />
        ) : settings.isError ? (
          <ErrorState error={settings.error} onRetry={() => settings.refetch()} />
        ) : (
          <CurrencyForm key={settings.data.version} settings={settings.data} canEdit={canEdit} />
        )}
        <Card component="section" aria-labelledby="checklists-heading">
          <Title order={2} size="h4" id="checklists-heading" mb="sm">
            Review checklists
          </Title>
          {templates.isPending ? (
            <PageLoader label="Loading the checklists…" />
          ) : templates.isError ? (
            <ErrorState error={templates.error} onRetry={() => templates.refetch()} />
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {templates.data.map((template) => (
                <TemplateCard key={`${template.kind}-${template.version}`} template={template} canEdit={canEdit} />
              ))}
            </SimpleGrid>
          )}
        </Card>
      </Stack>
    </>
  );
}
