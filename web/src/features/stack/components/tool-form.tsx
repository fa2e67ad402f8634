import {
  Autocomplete,
  Button,
  Checkbox,
  Divider,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { type ReactNode, useState } from "react";
import type { User } from "#contracts/people";
import { CreateToolBody, StackLimits, type Tool, type UpdateToolBody } from "#contracts/stack";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { isApiError } from "../../../lib/api";
import { applyServerErrors, contractResolver } from "../../../lib/form";
import { useMe } from "../../auth/hooks/use-me";
import { useActiveUsers, useCreateTool, useTaxonomy, useUpdateTool } from "../hooks/use-stack";
import { categoryOptions, dataClassOptions, lifecycleOptions, statusOptions } from "../labels";
import { stackPermissionsOf } from "../permissions";
import { aliases, bodyOf, labels, type ToolFormValues, valuesOf } from "./tool-form-values";

const resolve = contractResolver(CreateToolBody, labels);

const fitOptions = [
  { value: "1", label: "1 · Poor" },
  { value: "2", label: "2 · Weak" },
  { value: "3", label: "3 · Adequate" },
  { value: "4", label: "4 · Good" },
  { value: "5", label: "5 · Excellent" },
];

function personOptions(people: User[], kinds: string[]) {
  return people
    .filter((person) => kinds.includes(person.team.kind))
    .map((person) => ({ value: person.id, label: `${person.name} · ${person.team.name}` }));
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section">
      <Divider />
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

interface ToolFormDialogProps {
  opened: boolean;
  /** The tool to edit; null adds a new one. */
  tool: Tool | null;
  onClose: () => void;
  onSaved?: (tool: Tool) => void;
}

/** Adds or edits a tool, in sections; the same contract schema as the server, field errors on their fields. */
export function ToolFormDialog({ opened, tool, onClose, onSaved }: ToolFormDialogProps) {
  const isPhone = useMediaQuery("(max-width: 48em)");
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={tool ? `Edit ${tool.name}` : "Add a tool"}
      size="xl"
      fullScreen={isPhone}
    >
      {opened && <ToolForm key={tool ? tool.id : "new"} tool={tool} onDone={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function ToolForm({
  tool,
  onDone,
  onSaved,
}: {
  tool: Tool | null;
  onDone: () => void;
  onSaved?: (tool: Tool) => void;
}) {
  const me = useMe();
  const people = useActiveUsers();
  const taxonomy = useTaxonomy();
  const create = useCreateTool();
  const update = useUpdateTool();
  const mutation = tool ? update : create;
  // The version the form was opened at: a refetch while editing must not hide someone else's change.
  const [openedVersion] = useState(tool?.version ?? 0);
  const permissions = stackPermissionsOf(me.user, people.data);
  const canFunctional = permissions.canSetFunctionalFit(tool);
  const form = useForm<ToolFormValues>({
    mode: "controlled",
    initialValues: valuesOf(tool),
    validate: (values) => resolve(bodyOf(values) as unknown as Record<string, unknown>),
  });
  const category = form.values.category;
  const subcategories =
    taxonomy.data?.categories.find((entry) => entry.key === category)?.subcategories.map(String) ?? [];
  const everyone = people.data ?? [];
  const target = { setFieldError: (path: string, error: string) => form.setFieldError(aliases[path] ?? path, error) };

  const handleSubmit = form.onSubmit((values) => {
    const body = bodyOf(values);
    const handleError = (error: unknown) => {
      if (isApiError(error, "conflict") && tool) {
        notifications.show({
          color: "orange",
          title: "Someone changed this tool meanwhile",
          message: "The page now shows their change. Open the form again to make yours.",
        });
        onDone();
        return;
      }
      applyServerErrors(target, error, {
        ...labels,
        ...Object.fromEntries(Object.keys(aliases).map((key) => [key, labels[aliases[key]] ?? key])),
      });
    };
    const handleSaved = (saved: Tool) => {
      notifications.show({ color: "indigo", message: `${saved.name} ${tool ? "saved" : "added to the catalog"}` });
      if (onSaved) onSaved(saved);
      else onDone();
    };
    if (tool) {
      const patch: UpdateToolBody = { version: openedVersion, ...body };
      if (!permissions.canSanction) {
        delete patch.status;
        delete patch.technicalFit;
      }
      if (!canFunctional) delete patch.functionalFit;
      update.mutate({ id: tool.id, body: patch }, { onSuccess: handleSaved, onError: handleError });
    } else {
      create.mutate(body, { onSuccess: handleSaved, onError: handleError });
    }
  });

  const hasFieldErrors = Object.keys(form.errors).length > 0;
  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack gap="lg">
        {!hasFieldErrors && !isApiError(mutation.error, "conflict") && <FormError error={mutation.error} />}
        <Section title="Basics">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={labels.name}
              required
              data-autofocus
              maxLength={StackLimits.nameMax}
              {...form.getInputProps("name")}
            />
            <TextInput label={labels.vendor} maxLength={StackLimits.vendorMax} {...form.getInputProps("vendor")} />
            <Select
              label={labels.category}
              required
              data={categoryOptions}
              allowDeselect={false}
              {...form.getInputProps("category")}
            />
            <Autocomplete
              label={labels.subcategory}
              required
              description="Pick one or type your own"
              data={subcategories}
              {...form.getInputProps("subcategory")}
            />
          </SimpleGrid>
          <TagsInput
            label={labels.capabilities}
            description="What it does, e.g. email sending, landing pages — press Enter after each"
            maxTags={StackLimits.tagsMax}
            {...form.getInputProps("capabilities")}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={labels.url} type="url" placeholder="https://" {...form.getInputProps("url")} />
            <Textarea
              label={labels.description}
              autosize
              minRows={1}
              maxRows={4}
              {...form.getInputProps("description")}
            />
          </SimpleGrid>
        </Section>
        <Section title="Ownership">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={labels.businessOwnerId}
              description="Someone in a marketing team"
              data={personOptions(everyone, ["marketing"])}
              searchable
              clearable
              {...form.getInputProps("businessOwnerId")}
            />
            <Select
              label={labels.technicalOwnerId}
              description="Someone in an IT or security team"
              data={personOptions(everyone, ["it", "security"])}
              searchable
              clearable
              {...form.getInputProps("technicalOwnerId")}
            />
          </SimpleGrid>
        </Section>
        <Section title="Lifecycle and fit">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={labels.status}
              data={statusOptions}
              allowDeselect={false}
              disabled={!permissions.canSanction}
              description={permissions.canSanction ? "Sanctioning needs both owners" : "Set by IT or security"}
              {...form.getInputProps("status")}
            />
            <Select
              label={labels.lifecycle}
              data={lifecycleOptions}
              allowDeselect={false}
              {...form.getInputProps("lifecycle")}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <TextInput
              type="date"
              label={labels["lifecycleDates.phaseIn"]}
              {...form.getInputProps("lifecycleDates.phaseIn")}
            />
            <TextInput
              type="date"
              label={labels["lifecycleDates.active"]}
              {...form.getInputProps("lifecycleDates.active")}
            />
            <TextInput
              type="date"
              label={labels["lifecycleDates.phaseOut"]}
              {...form.getInputProps("lifecycleDates.phaseOut")}
            />
            <TextInput
              type="date"
              label={labels["lifecycleDates.retired"]}
              {...form.getInputProps("lifecycleDates.retired")}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={labels.functionalFit}
              description={canFunctional ? "How well it serves marketing" : "Scored by marketing or the business owner"}
              data={fitOptions}
              clearable
              disabled={!canFunctional}
              {...form.getInputProps("functionalFit")}
            />
            <Select
              label={labels.technicalFit}
              description={permissions.canSanction ? "How sound it is technically" : "Scored by IT or security"}
              data={fitOptions}
              clearable
              disabled={!permissions.canSanction}
              {...form.getInputProps("technicalFit")}
            />
          </SimpleGrid>
        </Section>
        <Section title="Money and contract">
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <NumberInput
              label={labels["annualCost.amount"]}
              min={0}
              decimalScale={2}
              thousandSeparator=","
              {...form.getInputProps("annualCost.amount")}
            />
            <TextInput
              label={labels["annualCost.currency"]}
              maxLength={3}
              {...form.getInputProps("annualCost.currency")}
            />
            <NumberInput
              label={labels.seatsBought}
              min={0}
              allowDecimal={false}
              {...form.getInputProps("seatsBought")}
            />
            <NumberInput label={labels.seatsUsed} min={0} allowDecimal={false} {...form.getInputProps("seatsUsed")} />
            <TextInput type="date" label={labels.contractStart} {...form.getInputProps("contractStart")} />
            <TextInput type="date" label={labels.renewalDate} {...form.getInputProps("renewalDate")} />
            <NumberInput
              label={labels.noticeDays}
              min={0}
              max={StackLimits.noticeDaysMax}
              allowDecimal={false}
              {...form.getInputProps("noticeDays")}
            />
          </SimpleGrid>
          <Switch label={labels.autoRenew} {...form.getInputProps("autoRenew", { type: "checkbox" })} />
        </Section>
        <Section title="Data and compliance">
          <MultiSelect
            label={labels.dataClasses}
            description="Personal, sensitive or payment data needs a DPA and a current security review"
            data={dataClassOptions}
            {...form.getInputProps("dataClasses")}
          />
          <Group gap="xl">
            <Checkbox label={labels.sso} {...form.getInputProps("sso", { type: "checkbox" })} />
            <Checkbox label={labels.dpaSigned} {...form.getInputProps("dpaSigned", { type: "checkbox" })} />
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput type="date" label={labels.securityReviewDate} {...form.getInputProps("securityReviewDate")} />
            <TextInput
              type="date"
              label={labels.securityReviewExpiry}
              {...form.getInputProps("securityReviewExpiry")}
            />
            <TextInput
              label={labels.hostingRegion}
              placeholder="e.g. EU (Frankfurt)"
              {...form.getInputProps("hostingRegion")}
            />
          </SimpleGrid>
          <TagsInput
            label={labels.certifications}
            description="e.g. ISO 27001, SOC 2"
            {...form.getInputProps("certifications")}
          />
        </Section>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {tool ? "Save" : "Add tool"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
