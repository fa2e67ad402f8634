import { Button, Group, Modal, Radio, Select, Stack, TagsInput, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { CreateIntegrationBody, type IntegrationMethod, StackLimits, type Tool } from "#contracts/stack";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { applyServerErrors, contractResolver } from "../../../lib/form";
import { useActiveUsers, useAllTools, useCreateIntegration } from "../hooks/use-stack";
import { methodOptions } from "../labels";

const labels: Record<string, string> = {
  otherToolId: "Other tool",
  fromToolId: "Other tool",
  toToolId: "Other tool",
  dataObjects: "Data objects",
  method: "Method",
  direction: "Direction",
  ownerId: "Owner",
  description: "Notes",
};

interface Values {
  otherToolId: string | null;
  flow: "out" | "in" | "both";
  dataObjects: string[];
  method: IntegrationMethod | null;
  ownerId: string | null;
  description: string;
}

function bodyOf(tool: Tool, values: Values) {
  const other = values.otherToolId ?? "";
  const isIn = values.flow === "in";
  return {
    fromToolId: isIn ? other : tool.id,
    toToolId: isIn ? tool.id : other,
    dataObjects: values.dataObjects,
    method: values.method as IntegrationMethod,
    direction: values.flow === "both" ? ("two_way" as const) : ("one_way" as const),
    ownerId: values.ownerId,
    description: values.description,
  };
}

const resolve = contractResolver(CreateIntegrationBody, labels);

/** Connects a tool to another: which data objects move, how, which way, and who owns the connection. */
export function IntegrationDialog({ tool, opened, onClose }: { tool: Tool; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Connect ${tool.name}`} size="lg">
      {opened && <IntegrationForm tool={tool} onDone={onClose} />}
    </Modal>
  );
}

function IntegrationForm({ tool, onDone }: { tool: Tool; onDone: () => void }) {
  const tools = useAllTools();
  const people = useActiveUsers();
  const create = useCreateIntegration();
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { otherToolId: null, flow: "out", dataObjects: [], method: null, ownerId: null, description: "" },
    validate: (values) => {
      const errors = resolve(bodyOf(tool, values) as unknown as Record<string, unknown>);
      const mapped: Record<string, string> = {};
      for (const [path, message] of Object.entries(errors)) {
        mapped[path === "fromToolId" || path === "toToolId" ? "otherToolId" : path] = String(message);
      }
      if (!values.otherToolId) mapped.otherToolId = "Other tool is required";
      if (!values.method) mapped.method = "Method is required";
      return mapped;
    },
  });
  const toolOptions = (tools.data ?? [])
    .filter((other) => other.id !== tool.id)
    .map((other) => ({
      value: other.id,
      label: other.vendor && other.vendor !== other.name ? `${other.name} · ${other.vendor}` : other.name,
    }));
  const target = {
    setFieldError: (path: string, error: string) =>
      form.setFieldError(path === "fromToolId" || path === "toToolId" ? "otherToolId" : path, error),
  };

  const handleSubmit = form.onSubmit((values) => {
    create.mutate(bodyOf(tool, values), {
      onSuccess: (saved) => {
        notifications.show({ color: "indigo", message: `${saved.from.name} → ${saved.to.name} connected` });
        onDone();
      },
      onError: (error) => applyServerErrors(target, error, labels),
    });
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack gap="md">
        {Object.keys(form.errors).length === 0 && <FormError error={create.error} />}
        <Select
          label={labels.otherToolId}
          required
          searchable
          data={toolOptions}
          placeholder={tools.isPending ? "Loading tools…" : "Pick a tool"}
          data-autofocus
          {...form.getInputProps("otherToolId")}
        />
        <Radio.Group label="Which way does data flow?" {...form.getInputProps("flow")}>
          <Stack gap={6} mt={6}>
            <Radio value="out" label={`From ${tool.name} to the other tool`} />
            <Radio value="in" label={`From the other tool to ${tool.name}`} />
            <Radio value="both" label="Both ways" />
          </Stack>
        </Radio.Group>
        <TagsInput
          label={labels.dataObjects}
          description="What moves, e.g. contacts, orders, consent — press Enter after each"
          maxTags={StackLimits.tagsMax}
          {...form.getInputProps("dataObjects")}
        />
        <Group grow align="flex-start">
          <Select label={labels.method} required data={methodOptions} {...form.getInputProps("method")} />
          <Select
            label={labels.ownerId}
            searchable
            clearable
            data={(people.data ?? []).map((person) => ({ value: person.id, label: person.name }))}
            {...form.getInputProps("ownerId")}
          />
        </Group>
        <Textarea label={labels.description} autosize minRows={2} {...form.getInputProps("description")} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Connect
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
