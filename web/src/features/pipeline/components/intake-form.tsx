import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconCalculator } from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";
import { type ReactNode, useCallback, useState } from "react";
import { PipelineLimits, type PipelineRequest, type TermMeaning } from "#contracts/pipeline";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { applyServerErrors } from "../../../lib/form";
import { formatMoney } from "../../../lib/money";
import { MeaningPrompt } from "../../glossary/components/meaning-prompt";
import { notifyJudgement } from "../../guardrails/components/notify-judgement";
import { PurchaseFields, purchaseValuesOf } from "../../guardrails/components/purchase-fields";
import { ownerOptions } from "../../people/options";
import { setRequestKpis } from "../../scorecard/api";
import { KpiPicker } from "../../scorecard/components/kpi-picker";
import { useCreateRequest, usePeople, useTeams, useTransition, useUpdateRequest } from "../hooks/use-pipeline";
import { typeOptions } from "../labels";
import { bodyOf, type IntakeValues, labels, meaningText, resolve, totalBenefitOf, valuesOf } from "./intake-values";
import { RequirementsFields } from "./requirements-fields";

function Section({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <Card component="section">
      <Title order={2} size="h4">
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {description}
      </Text>
      <Stack gap="sm">{children}</Stack>
    </Card>
  );
}

/**
 * The guided intake: the case in sections; "Save draft" keeps it to you, "Submit" starts the clocks. Given a saved
 * request, the same form edits its intake ("Save changes"), and a draft can then be submitted.
 */
export function IntakeForm({ request }: { request?: PipelineRequest }) {
  const navigate = useNavigate();
  const people = usePeople();
  const teams = useTeams();
  const create = useCreateRequest();
  const update = useUpdateRequest();
  const transition = useTransition();
  const form = useForm<IntakeValues>({
    mode: "controlled",
    initialValues: request
      ? valuesOf(request)
      : {
          type: null,
          title: "",
          problem: "",
          outcome: "",
          beneficiaries: "",
          objectives: "",
          deadline: "",
          deadlineReason: "",
          dataClasses: [],
          expectedBenefit: "",
          softHours: "",
          hourlyRate: "",
          costEstimate: "",
          currency: "EUR",
          confidence: "",
          sponsorId: null,
          teamId: null,
          successMeasure: "",
          systems: "",
          dataNeeds: "",
          securityNotes: "",
          nonFunctionalNeeds: "",
          termMeanings: [],
          purchase: purchaseValuesOf(null),
        },
    validate: (values) => {
      const errors = resolve(bodyOf(values, false) as unknown as Record<string, unknown>);
      return values.type ? errors : { ...errors, type: "Pick the type of request" };
    },
  });
  const values = form.values;
  const { setFieldValue } = form;
  const handleMeanings = useCallback((next: TermMeaning[]) => setFieldValue("termMeanings", next), [setFieldValue]);
  const [kpiIds, setKpiIds] = useState<string[]>([]);
  const total = totalBenefitOf(values.expectedBenefit, values.softHours, values.hourlyRate);
  const soft =
    values.softHours !== "" && values.hourlyRate.trim() !== ""
      ? Number(values.softHours) * Number(values.hourlyRate)
      : null;
  const currency = /^[A-Z]{3}$/.test(values.currency.toUpperCase()) ? values.currency.toUpperCase() : "EUR";

  // Editing: only the fields that changed go to the server, with the version read; a draft may then be submitted.
  const save = (submitAfter: boolean) =>
    form.onSubmit((formValues) => {
      if (!request) return;
      const { draft: _draft, ...next } = bodyOf(formValues, false);
      const before = bodyOf(valuesOf(request), false) as Record<string, unknown>;
      const changed = Object.fromEntries(
        Object.entries(next).filter(([key, value]) => JSON.stringify(before[key]) !== JSON.stringify(value)),
      );
      update.mutate(
        { id: request.id, body: { version: request.version, ...changed } },
        {
          onSuccess: (saved) => {
            const open = () => void navigate({ to: "/pipeline/requests/$id", params: { id: saved.id } });
            if (!submitAfter) {
              notifications.show({ color: "indigo", message: `${saved.reference} saved` });
              open();
              return;
            }
            transition.mutate(
              { id: saved.id, to: "submitted", version: saved.version },
              {
                onSuccess: (submitted) => {
                  notifications.show({ color: "indigo", message: `${saved.reference} submitted` });
                  notifyJudgement(submitted);
                  open();
                },
              },
            );
          },
          onError: (error) => applyServerErrors(form, error, labels),
        },
      );
    });

  const send = (draft: boolean) =>
    form.onSubmit((formValues) => {
      create.mutate(bodyOf(formValues, draft), {
        onSuccess: async (saved) => {
          notifications.show({
            color: "indigo",
            message: draft ? `Draft ${saved.reference} saved` : `${saved.reference} submitted`,
          });
          notifyJudgement(saved);
          if (kpiIds.length > 0) {
            // The request exists whatever happens here; a failed link is said, and can be set on its page.
            await setRequestKpis(saved.id, kpiIds).catch((error: Error) =>
              notifications.show({ color: "orange", message: `The KPIs were not linked: ${error.message}` }),
            );
          }
          void navigate({ to: "/pipeline/requests/$id", params: { id: saved.id } });
        },
        onError: (error) => applyServerErrors(form, error, labels),
      });
    });

  const hasFieldErrors = Object.keys(form.errors).length > 0;
  return (
    <form onSubmit={request ? save(false) : send(false)} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack gap="lg">
        {!hasFieldErrors && <FormError error={request ? update.error : create.error} />}
        {hasFieldErrors && (
          <Alert color="red" variant="light" role="alert">
            Some fields need your attention; each says what is wrong.
          </Alert>
        )}
        <Section title="The problem" description="What hurts today, in plain words.">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={labels.type}
              required
              data={typeOptions}
              allowDeselect={false}
              {...form.getInputProps("type")}
            />
            <TextInput
              label={labels.title}
              required
              maxLength={PipelineLimits.titleMax}
              {...form.getInputProps("title")}
            />
          </SimpleGrid>
          <Textarea label={labels.problem} autosize minRows={3} {...form.getInputProps("problem")} />
        </Section>
        <RequirementsFields inputProps={(field) => form.getInputProps(field)} />
        <MeaningPrompt text={meaningText(values)} value={values.termMeanings} onChange={handleMeanings} />
        <Section
          title="The objectives it serves"
          description="The objectives or KPIs it should move, and who stands behind it."
        >
          <Textarea label={labels.objectives} autosize minRows={2} {...form.getInputProps("objectives")} />
          {!request && (
            <KpiPicker
              label="KPIs this should move"
              description="Scorecard KPIs both sides will judge it by (optional)"
              value={kpiIds}
              onChange={setKpiIds}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={labels.sponsorId}
              description="Who in marketing stands behind it"
              placeholder="Pick a person"
              data={ownerOptions(people.data, "marketing")}
              searchable
              clearable
              {...form.getInputProps("sponsorId")}
            />
            <Select
              label={labels.teamId}
              description="The team asking"
              placeholder="Pick a team"
              data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
              searchable
              clearable
              {...form.getInputProps("teamId")}
            />
          </SimpleGrid>
        </Section>
        <Section
          title="Deadline and why"
          description="A date only matters with its reason: a launch, a contract, a law."
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label={labels.deadline} {...form.getInputProps("deadline")} />
            <TextInput label={labels.deadlineReason} {...form.getInputProps("deadlineReason")} />
          </SimpleGrid>
        </Section>
        {values.type === "purchase" && (
          <PurchaseFields
            values={values.purchase}
            inputProps={(field, options) => form.getInputProps(`purchase.${field}`, options)}
          />
        )}
        <Section
          title="Expected benefit and cost"
          description="Soft benefits count in hard money: hours saved × the loaded hourly rate."
        >
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={labels.expectedBenefit}
              inputMode="decimal"
              placeholder="20000"
              {...form.getInputProps("expectedBenefit")}
            />
            <NumberInput label={labels.softHours} min={0} placeholder="100" {...form.getInputProps("softHours")} />
            <TextInput
              label={labels.hourlyRate}
              inputMode="decimal"
              placeholder="80"
              {...form.getInputProps("hourlyRate")}
            />
          </SimpleGrid>
          <Alert variant="light" color="indigo" icon={<IconCalculator aria-hidden="true" />} aria-live="polite">
            <Text size="sm">
              Total expected benefit:{" "}
              <Text span fw={700}>
                {total === null ? "—" : formatMoney(total, currency)}
              </Text>
              {soft !== null && Number.isFinite(soft)
                ? ` (${formatMoney(values.expectedBenefit || 0, currency)} + ${values.softHours} h × ${formatMoney(values.hourlyRate, currency)})`
                : ""}
            </Text>
          </Alert>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={labels.costEstimate}
              inputMode="decimal"
              placeholder="15000"
              {...form.getInputProps("costEstimate")}
            />
            <TextInput label={labels.currency} maxLength={3} {...form.getInputProps("currency")} />
            <NumberInput
              label={labels.confidence}
              description="How sure you are of these figures, 0–100 %"
              min={0}
              max={100}
              suffix=" %"
              {...form.getInputProps("confidence")}
            />
          </SimpleGrid>
        </Section>
        {request ? (
          <Group justify="flex-end">
            <Button type="submit" variant={request.stage === "draft" ? "default" : "filled"} loading={update.isPending}>
              Save changes
            </Button>
            {request.stage === "draft" && (
              <Button loading={update.isPending || transition.isPending} onClick={() => save(true)()}>
                Save and submit
              </Button>
            )}
          </Group>
        ) : (
          <Group justify="flex-end">
            <Button
              variant="default"
              loading={create.isPending && create.variables?.draft === true}
              onClick={() => send(true)()}
            >
              Save draft
            </Button>
            <Button type="submit" loading={create.isPending && create.variables?.draft === false}>
              Submit
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
