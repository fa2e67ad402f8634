import { Button, Group, Modal, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { type CreateTermBody, GlossaryLimits, type TeamDefinitions, type Term, TermFields } from "#contracts/glossary";
import type { TeamKind } from "#contracts/people";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { isApiError } from "../../../lib/api";
import { applyServerErrors, contractResolver } from "../../../lib/form";
import { handleStaleEdit } from "../../../lib/stale-edit";
import { activePeopleQuery } from "../../people/hooks/use-people";
import { useCreateTerm, useUpdateTerm } from "../hooks/use-glossary";
import { teamKindLabels, teamKindOrder } from "../labels";

const labels: Record<string, string> = {
  name: "Name",
  acronym: "Acronym",
  context: "Context",
  canonicalDefinition: "Shared definition",
  "definitions.marketing": "Marketing's meaning",
  "definitions.it": "IT's meaning",
  "definitions.security": "Security's meaning",
  "definitions.legal": "Legal's meaning",
  "definitions.finance": "Finance's meaning",
  "definitions.other": "Other teams' meaning",
  examples: "Examples",
  synonyms: "Synonyms",
  ownerId: "Owner",
};

interface FormValues {
  name: string;
  acronym: string;
  context: string;
  canonicalDefinition: string;
  definitions: Record<TeamKind, string>;
  examples: string[];
  synonyms: string[];
  ownerId: string | null;
}

function valuesOf(term: Term | null): FormValues {
  const revision = term ? (term.pending ?? term.shown) : null;
  const definitions = Object.fromEntries(teamKindOrder.map((kind) => [kind, revision?.definitions[kind] ?? ""]));
  return {
    name: revision?.name ?? "",
    acronym: revision?.acronym ?? "",
    context: revision?.context ?? "",
    canonicalDefinition: revision?.canonicalDefinition ?? "",
    definitions: definitions as Record<TeamKind, string>,
    examples: revision?.examples ?? [],
    synonyms: revision?.synonyms ?? [],
    ownerId: revision?.owner?.id ?? null,
  };
}

function bodyOf(values: FormValues, term: Term | null): Omit<CreateTermBody, "status"> {
  const revision = term ? (term.pending ?? term.shown) : null;
  const definitions: TeamDefinitions = {};
  for (const kind of teamKindOrder) if (values.definitions[kind].trim()) definitions[kind] = values.definitions[kind];
  return {
    name: values.name,
    acronym: values.acronym.trim() === "" ? null : values.acronym,
    context: values.context,
    canonicalDefinition: values.canonicalDefinition,
    definitions,
    examples: values.examples,
    synonyms: values.synonyms,
    // Links are kept as they are; the term page edits them.
    relatedTermIds: revision?.relatedTerms.map((related) => related.id) ?? [],
    kpiIds: revision?.kpis.map((kpi) => kpi.id) ?? [],
    toolIds: revision?.tools.map((tool) => tool.id) ?? [],
    ownerId: values.ownerId,
  };
}

const resolve = contractResolver(TermFields, labels);

interface TermFormDialogProps {
  opened: boolean;
  /** The term to edit; null writes a new one. */
  term: Term | null;
  onClose: () => void;
  onSaved?: (term: Term) => void;
}

/** Writes or edits a term: its shared meaning and each side's; an approved term's edit is proposed for review. */
export function TermFormDialog({ opened, term, onClose, onSaved }: TermFormDialogProps) {
  const isPhone = useMediaQuery("(max-width: 48em)");
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={term ? `Edit ${term.name}` : "New term"}
      size="lg"
      fullScreen={isPhone}
    >
      {opened && <TermForm key={term?.id ?? "new"} term={term} onDone={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function TermForm({
  term,
  onDone,
  onSaved,
}: {
  term: Term | null;
  onDone: () => void;
  onSaved?: (term: Term) => void;
}) {
  const people = useQuery(activePeopleQuery);
  const create = useCreateTerm();
  const update = useUpdateTerm();
  const mutation = term ? update : create;
  const [openedVersion] = useState(term?.version ?? 0);
  // Which button submitted: read at submit time (a state update would land after the submit event).
  const intent = useRef<"draft" | "proposed">("proposed");
  const form = useForm<FormValues>({
    mode: "controlled",
    initialValues: valuesOf(term),
    validate: (values) => resolve(bodyOf(values, term) as unknown as Record<string, unknown>),
  });
  const isApproved = term?.status === "approved";

  const handleSubmit = form.onSubmit((values) => {
    const body = bodyOf(values, term);
    const handleError = (error: unknown) => {
      if (term && handleStaleEdit(error, "term")) {
        onDone();
        return;
      }
      applyServerErrors(form, error, labels);
    };
    const handleSaved = (saved: Term) => {
      const message = term
        ? isApproved
          ? `A revision of ${saved.name} is proposed; the approved meaning stays until both sides approve it`
          : `${saved.name} saved`
        : `${saved.name} ${intent.current === "draft" ? "saved as a draft" : "proposed for approval"}`;
      notifications.show({ color: "indigo", message });
      onSaved?.(saved);
      onDone();
    };
    if (term)
      update.mutate(
        { id: term.id, body: { version: openedVersion, ...body } },
        { onSuccess: handleSaved, onError: handleError },
      );
    else create.mutate({ ...body, status: intent.current }, { onSuccess: handleSaved, onError: handleError });
  });

  const hasFieldErrors = Object.keys(form.errors).length > 0;
  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack gap="md">
        {!hasFieldErrors && !isApiError(mutation.error, "conflict") && <FormError error={mutation.error} />}
        {isApproved && (
          <Text size="sm" c="dimmed">
            This term is approved: your edit becomes a proposed revision, and the approved meaning stays visible until
            one person from marketing and one from IT approve the revision.
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <TextInput
            label={labels.name}
            required
            data-autofocus
            maxLength={GlossaryLimits.nameMax}
            placeholder="Content management system"
            {...form.getInputProps("name")}
          />
          <TextInput
            label={labels.acronym}
            maxLength={GlossaryLimits.acronymMax}
            placeholder="CMS"
            {...form.getInputProps("acronym")}
          />
          <TextInput
            label={labels.context}
            maxLength={GlossaryLimits.contextMax}
            placeholder="web, sales, data…"
            description="Same name, another meaning? Give each its context."
            {...form.getInputProps("context")}
          />
        </SimpleGrid>
        <Textarea
          label={labels.canonicalDefinition}
          autosize
          minRows={2}
          maxLength={GlossaryLimits.definitionMax}
          placeholder="What both sides mean by it"
          {...form.getInputProps("canonicalDefinition")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {(["marketing", "it"] as const).map((kind) => (
            <Textarea
              key={kind}
              label={labels[`definitions.${kind}`]}
              autosize
              minRows={2}
              maxLength={GlossaryLimits.definitionMax}
              placeholder={`What ${teamKindLabels[kind]} means by it, if different`}
              {...form.getInputProps(`definitions.${kind}`)}
            />
          ))}
        </SimpleGrid>
        <TagsInput
          label={labels.synonyms}
          description="Other words for the same thing; they are recognised in text like the name (Enter after each)"
          maxTags={GlossaryLimits.synonymsMax}
          {...form.getInputProps("synonyms")}
        />
        <TagsInput
          label={labels.examples}
          description="A sentence or two where the term is used (Enter after each)"
          maxTags={GlossaryLimits.examplesMax}
          {...form.getInputProps("examples")}
        />
        <Select
          label={labels.ownerId}
          placeholder="Nobody yet"
          data={(people.data ?? []).map((person) => ({
            value: person.id,
            label: `${person.name} · ${person.team.name}`,
          }))}
          searchable
          clearable
          {...form.getInputProps("ownerId")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          {term ? (
            <Button type="submit" loading={mutation.isPending}>
              {isApproved ? "Propose revision" : "Save"}
            </Button>
          ) : (
            <>
              <Button
                type="submit"
                variant="light"
                loading={mutation.isPending && intent.current === "draft"}
                onClick={() => (intent.current = "draft")}
              >
                Save draft
              </Button>
              <Button
                type="submit"
                loading={mutation.isPending && intent.current === "proposed"}
                onClick={() => (intent.current = "proposed")}
              >
                Propose
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </form>
  );
}
