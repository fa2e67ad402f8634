import {
  Button,
  Card,
  Code,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconPencil } from "@tabler/icons-react";
import { useCallback, useState } from "react";
import type { PipelineRequest, Priority, TermMeaning, UpdateRequestBody } from "#contracts/pipeline";
import { Fact } from "../../../components/ui/fact";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { isApiError } from "../../../lib/api";
import { applyServerErrors } from "../../../lib/form";
import { MeaningPrompt } from "../../glossary/components/meaning-prompt";
import { usePeople, useStackTools, useUpdateRequest } from "../hooks/use-pipeline";
import { priorityOptions } from "../labels";
import { notifyRequestError } from "./notify";
import { PriorityBadge } from "./request-badges";
import { requirementHints, requirementLabels } from "./requirements-fields";

function PanelHeader({
  title,
  canEdit,
  isEditing,
  onEdit,
}: {
  title: string;
  canEdit: boolean;
  isEditing: boolean;
  onEdit: () => void;
}) {
  return (
    <Group justify="space-between" mb="sm">
      <Title order={2} size="h4">
        {title}
      </Title>
      {canEdit && !isEditing && (
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPencil size={14} aria-hidden="true" />}
          onClick={onEdit}
          aria-label={`Edit ${title.toLowerCase()}`}
        >
          Edit
        </Button>
      )}
    </Group>
  );
}

const triageLabels: Record<string, string> = {
  priority: "Priority class",
  itPartnerId: "IT partner",
  reach: "Reach",
  valueScore: "Value",
  urgencyScore: "Urgency",
  riskScore: "Risk reduction",
  effort: "Effort",
};

const scoreOptions = Array.from({ length: 10 }, (_, index) => ({ value: String(index + 1), label: String(index + 1) }));

interface TriageValues {
  priority: Priority | null;
  itPartnerId: string | null;
  reach: string | number;
  valueScore: string | null;
  urgencyScore: string | null;
  riskScore: string | null;
  effort: string | number;
}

const num = (value: string | number) => (value === "" || value === null ? null : Number(value));

/** Triage: the priority class, the IT partner and the score's inputs, with the arithmetic shown. */
export function TriagePanel({ request, canEdit }: { request: PipelineRequest; canEdit: boolean }) {
  const [isEditing, setIsEditing] = useState(false);
  return (
    <Card>
      <PanelHeader title="Triage" canEdit={canEdit} isEditing={isEditing} onEdit={() => setIsEditing(true)} />
      {isEditing ? (
        <TriageForm request={request} onDone={() => setIsEditing(false)} />
      ) : (
        <Stack gap={8}>
          <Fact label="Priority class">
            <PriorityBadge priority={request.priority} />
          </Fact>
          <Fact label="IT partner">{request.itPartner?.name ?? "Not named yet"}</Fact>
          <Fact label="Reach">{request.reach ?? "—"}</Fact>
          <Fact label="Value">{request.valueScore ?? "—"}</Fact>
          <Fact label="Urgency">{request.urgencyScore ?? "—"}</Fact>
          <Fact label="Risk reduction">{request.riskScore ?? "—"}</Fact>
          <Fact label="Effort">{request.effort ?? "—"}</Fact>
          <Fact label="Confidence">{request.confidence === null ? "—" : `${request.confidence}%`}</Fact>
          <Fact label="Score">
            <Text fw={700} size="sm">
              {request.score ?? "Not scored"}
            </Text>
          </Fact>
          {request.scoreExplanation && (
            <Code block aria-label="How the score is computed">
              {request.scoreExplanation}
            </Code>
          )}
        </Stack>
      )}
    </Card>
  );
}

function TriageForm({ request, onDone }: { request: PipelineRequest; onDone: () => void }) {
  const people = usePeople();
  const update = useUpdateRequest();
  const [openedVersion] = useState(request.version);
  const form = useForm<TriageValues>({
    mode: "controlled",
    initialValues: {
      priority: request.priority,
      itPartnerId: request.itPartner?.id ?? null,
      reach: request.reach ?? "",
      valueScore: request.valueScore === null ? null : String(request.valueScore),
      urgencyScore: request.urgencyScore === null ? null : String(request.urgencyScore),
      riskScore: request.riskScore === null ? null : String(request.riskScore),
      effort: request.effort ?? "",
    },
  });
  const everyone = people.data ?? [];
  // IT and security first: the IT partner is usually one of them.
  const partnerOptions = [
    { group: "IT and security", kinds: ["it", "security"] },
    { group: "Everyone else", kinds: ["marketing", "legal", "finance", "other"] },
  ].map(({ group, kinds }) => ({
    group,
    items: everyone
      .filter((person) => kinds.includes(person.team.kind))
      .map((person) => ({ value: person.id, label: `${person.name} · ${person.team.name}` })),
  }));
  const handleSubmit = form.onSubmit((values) => {
    const body: UpdateRequestBody = {
      version: openedVersion,
      priority: values.priority,
      itPartnerId: values.itPartnerId,
      reach: num(values.reach),
      valueScore: values.valueScore === null ? null : Number(values.valueScore),
      urgencyScore: values.urgencyScore === null ? null : Number(values.urgencyScore),
      riskScore: values.riskScore === null ? null : Number(values.riskScore),
      effort: num(values.effort),
    };
    update.mutate(
      { id: request.id, body },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: "indigo",
            message: `Triage saved${saved.score !== null ? ` · score ${saved.score}` : ""}`,
          });
          onDone();
        },
        onError: (error) => {
          // A stale version, or a request closed meanwhile: say so and let the page show it as it is now.
          if (isApiError(error, "conflict") || isApiError(error, "invalid_state")) {
            notifyRequestError(error);
            onDone();
            return;
          }
          applyServerErrors(form, error, triageLabels);
        },
      },
    );
  });
  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack gap="sm">
        {Object.keys(form.errors).length === 0 && <FormError error={update.error} />}
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Select label={triageLabels.priority} data={priorityOptions} clearable {...form.getInputProps("priority")} />
          <Select
            label={triageLabels.itPartnerId}
            data={partnerOptions}
            searchable
            clearable
            {...form.getInputProps("itPartnerId")}
          />
          <NumberInput label="Reach (people or events)" min={0} {...form.getInputProps("reach")} />
          <NumberInput label="Effort (person-weeks)" min={0} decimalScale={2} {...form.getInputProps("effort")} />
          <Select label="Value (1–10)" data={scoreOptions} clearable {...form.getInputProps("valueScore")} />
          <Select label="Urgency (1–10)" data={scoreOptions} clearable {...form.getInputProps("urgencyScore")} />
          <Select label="Risk reduction (1–10)" data={scoreOptions} clearable {...form.getInputProps("riskScore")} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save triage
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const planningLabels: Record<string, string> = {
  architectureNotes: "Architecture",
  integrationNotes: "Integration",
  securityNotes: "Security",
  complianceNotes: "Compliance",
  toolIds: "Tools from the Stack",
  systems: requirementLabels.systems,
  dataNeeds: requirementLabels.dataNeeds,
  nonFunctionalNeeds: requirementLabels.nonFunctionalNeeds,
  termMeanings: "Which meaning do you intend?",
};

/** Planning: IT's part of the case, before anything is chosen. */
export function PlanningPanel({ request, canEdit }: { request: PipelineRequest; canEdit: boolean }) {
  const [isEditing, setIsEditing] = useState(false);
  const notes = [
    ["Architecture", request.architectureNotes],
    ["Integration", request.integrationNotes],
    ["Security", request.securityNotes],
    ["Compliance", request.complianceNotes],
  ] as const;
  return (
    <Card>
      <PanelHeader title="Planning" canEdit={canEdit} isEditing={isEditing} onEdit={() => setIsEditing(true)} />
      {isEditing ? (
        <PlanningForm request={request} onDone={() => setIsEditing(false)} />
      ) : (
        <Stack gap="xs">
          {notes.map(([label, text]) => (
            <div key={label}>
              <Text size="sm" fw={600}>
                {label}
              </Text>
              <Text size="sm" c={text ? undefined : "dimmed"} style={{ whiteSpace: "pre-wrap" }}>
                {text || "No notes yet"}
              </Text>
            </div>
          ))}
          <div>
            <Text size="sm" fw={600}>
              Tools from the Stack
            </Text>
            <Text size="sm" c={request.tools.length ? undefined : "dimmed"}>
              {request.tools.length ? request.tools.map((tool) => tool.name).join(", ") : "None picked"}
            </Text>
          </div>
        </Stack>
      )}
    </Card>
  );
}

function PlanningForm({ request, onDone }: { request: PipelineRequest; onDone: () => void }) {
  const tools = useStackTools();
  const update = useUpdateRequest();
  const [openedVersion] = useState(request.version);
  const form = useForm({
    mode: "controlled",
    initialValues: {
      architectureNotes: request.architectureNotes,
      integrationNotes: request.integrationNotes,
      securityNotes: request.securityNotes,
      complianceNotes: request.complianceNotes,
      toolIds: request.tools.map((tool) => tool.id),
      systems: request.systems,
      dataNeeds: request.dataNeeds,
      nonFunctionalNeeds: request.nonFunctionalNeeds,
      termMeanings: request.termMeanings.map(({ form, termId }) => ({ form, termId })),
    },
  });
  const { setFieldValue } = form;
  const handleMeanings = useCallback((next: TermMeaning[]) => setFieldValue("termMeanings", next), [setFieldValue]);
  // A word of several meanings may be written here or in the intake: the prompt reads the request's every text.
  const values = form.values;
  const meaningText = [
    request.title,
    request.problem,
    request.outcome,
    request.beneficiaries,
    request.successMeasure,
    request.objectives,
    request.deadlineReason,
    values.architectureNotes,
    values.integrationNotes,
    values.securityNotes,
    values.complianceNotes,
    values.systems,
    values.dataNeeds,
    values.nonFunctionalNeeds,
  ].join("\n\n");
  const handleSubmit = form.onSubmit((values) =>
    update.mutate(
      { id: request.id, body: { version: openedVersion, ...values } },
      {
        onSuccess: () => {
          notifications.show({ color: "indigo", message: "Planning saved" });
          onDone();
        },
        onError: (error) => {
          // A stale version, or a request closed meanwhile: say so and let the page show it as it is now.
          if (isApiError(error, "conflict") || isApiError(error, "invalid_state")) {
            notifyRequestError(error);
            onDone();
            return;
          }
          applyServerErrors(form, error, planningLabels);
        },
      },
    ),
  );
  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack gap="sm">
        {Object.keys(form.errors).length === 0 && <FormError error={update.error} />}
        <Textarea label="Architecture notes" autosize minRows={2} {...form.getInputProps("architectureNotes")} />
        <Textarea label="Integration notes" autosize minRows={2} {...form.getInputProps("integrationNotes")} />
        <Textarea label="Security notes" autosize minRows={2} {...form.getInputProps("securityNotes")} />
        <Textarea label="Compliance notes" autosize minRows={2} {...form.getInputProps("complianceNotes")} />
        <Text size="sm" fw={600} mt="xs">
          The requirements' technical view
        </Text>
        <Textarea
          label={requirementLabels.systems}
          description={requirementHints.systems}
          autosize
          minRows={2}
          {...form.getInputProps("systems")}
        />
        <Textarea
          label={requirementLabels.dataNeeds}
          description={requirementHints.dataNeeds}
          autosize
          minRows={2}
          {...form.getInputProps("dataNeeds")}
        />
        <Textarea
          label={requirementLabels.nonFunctionalNeeds}
          description={requirementHints.nonFunctionalNeeds}
          autosize
          minRows={2}
          {...form.getInputProps("nonFunctionalNeeds")}
        />
        <MeaningPrompt text={meaningText} value={values.termMeanings} onChange={handleMeanings} />
        <MultiSelect
          label={planningLabels.toolIds}
          placeholder="Pick tools already in the Stack"
          data={(tools.data ?? []).map((tool) => ({ value: tool.id, label: tool.name }))}
          searchable
          {...form.getInputProps("toolIds")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save planning
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
