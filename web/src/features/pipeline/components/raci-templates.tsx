import {
  Accordion,
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import type { RaciAssignee, RaciRole, RaciTemplate, RaciTemplateActivity } from "#contracts/pipeline";
import { FormError } from "../../../components/ui/form-error";
import { ErrorState } from "../../../components/ui/page-error";
import { PageLoader } from "../../../components/ui/page-loader";
import { isApiError } from "../../../lib/api";
import { useRaciTemplates, useUpdateRaciTemplate } from "../hooks/use-pipeline";
import { roleNames, typeLabels } from "../labels";
import { notifyStaleRules } from "./notify";

const assigneeOptions = [
  { value: "requester", label: "The requester" },
  { value: "sponsor", label: "The sponsor" },
  { value: "it_partner", label: "The IT partner" },
  { value: "team:marketing", label: "Marketing team" },
  { value: "team:it", label: "IT team" },
  { value: "team:security", label: "Security team" },
  { value: "team:legal", label: "Legal team" },
  { value: "team:finance", label: "Finance team" },
];

const assigneeKey = (assignee: RaciAssignee) =>
  assignee.kind === "team" ? `team:${assignee.teamKind}` : assignee.kind;
const assigneeOf = (key: string): RaciAssignee =>
  key.startsWith("team:")
    ? { kind: "team", teamKind: key.slice(5) as "marketing" | "it" | "security" | "legal" | "finance" }
    : { kind: key as "requester" | "sponsor" | "it_partner" };
const assigneeLabel = (assignee: RaciAssignee) =>
  assigneeOptions.find((option) => option.value === assigneeKey(assignee))?.label ?? "—";

/** The rules of engagement: who does what per request type; admins edit them. */
export function RaciTemplates({ isAdmin }: { isAdmin: boolean }) {
  const templates = useRaciTemplates();
  const [editing, setEditing] = useState<string | null>(null);
  if (templates.isPending) return <PageLoader label="Loading the rules of engagement…" />;
  if (templates.isError) return <ErrorState error={templates.error} onRetry={() => templates.refetch()} />;
  return (
    <Card>
      <Title order={2} size="h4" mb={4}>
        Rules of engagement
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Each new request gets its type's activities with the people and teams filled in. Exactly one Accountable per
        activity.
      </Text>
      <Accordion variant="separated" multiple>
        {templates.data.items.map((template) => (
          <Accordion.Item key={template.requestType} value={template.requestType}>
            <Accordion.Control>
              <Group gap="xs">
                <Text fw={600}>{typeLabels[template.requestType]}</Text>
                {template.isDefault && (
                  <Badge color="gray" tt="none" size="sm">
                    Built-in
                  </Badge>
                )}
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              {editing === template.requestType ? (
                <TemplateEditor template={template} onDone={() => setEditing(null)} />
              ) : (
                <Stack gap="sm">
                  <div className="table-scroll">
                    <Table verticalSpacing={4}>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">Activity</Table.Th>
                          <Table.Th scope="col">Who</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {template.activities.map((activity) => (
                          <Table.Tr key={activity.name}>
                            <Table.Th scope="row" fw={500}>
                              {activity.name}
                            </Table.Th>
                            <Table.Td>
                              {activity.assignments
                                .map(
                                  (assignment) =>
                                    `${assignment.role} ${assigneeLabel(assignment.assignee)}${assignment.costAbove !== null ? ` (above ${assignment.costAbove})` : ""}`,
                                )
                                .join(" · ")}
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </div>
                  {isAdmin && (
                    <Group>
                      <Button variant="default" size="xs" onClick={() => setEditing(template.requestType)}>
                        Edit {typeLabels[template.requestType].toLowerCase()} rules
                      </Button>
                    </Group>
                  )}
                </Stack>
              )}
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Card>
  );
}

function TemplateEditor({ template, onDone }: { template: RaciTemplate; onDone: () => void }) {
  const update = useUpdateRaciTemplate();
  const [activities, setActivities] = useState<RaciTemplateActivity[]>(template.activities);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const setActivity = (index: number, next: RaciTemplateActivity) =>
    setActivities((list) => list.map((activity, i) => (i === index ? next : activity)));
  const handleSave = () => {
    // The same rules as the server, checked here first so a slip costs no round trip.
    const found: Record<string, string> = {};
    activities.forEach((activity, index) => {
      const accountable = activity.assignments.filter((assignment) => assignment.role === "A").length;
      if (activity.name.trim() === "") found[`activities.${index}`] = "Activity name is required";
      else if (accountable !== 1) found[`activities.${index}`] = `needs exactly one Accountable, has ${accountable}`;
    });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    update.mutate(
      { type: template.requestType, body: { activities, version: template.version } },
      {
        onSuccess: () => {
          notifications.show({ color: "indigo", message: `${typeLabels[template.requestType]} rules saved` });
          onDone();
        },
        onError: (error) => {
          if (isApiError(error, "conflict")) {
            notifyStaleRules("these rules");
            onDone();
            return;
          }
          if (isApiError(error)) {
            setErrors(
              Object.fromEntries(
                error.fieldErrors.map(({ path, message }) => [path.split(".").slice(0, 2).join("."), message]),
              ),
            );
          }
        },
      },
    );
  };
  return (
    <Stack gap="md">
      {Object.keys(errors).length === 0 && <FormError error={update.error} />}
      {activities.map((activity, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: controlled inputs without ids; the length in the key remounts rows on removal
        <Card key={`${index}-${activities.length}`} withBorder padding="sm">
          <Group align="flex-end" gap="xs" mb="xs">
            <TextInput
              label={`Activity ${index + 1}`}
              value={activity.name}
              onChange={(event) => setActivity(index, { ...activity, name: event.currentTarget.value })}
              error={errors[`activities.${index}`]}
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="default"
              size={36}
              aria-label={`Remove activity ${index + 1}`}
              onClick={() => setActivities((list) => list.filter((_, i) => i !== index))}
            >
              <IconTrash size={16} aria-hidden="true" />
            </ActionIcon>
          </Group>
          <Stack gap={6}>
            {activity.assignments.map((assignment, row) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: controlled inputs without ids; the length in the key remounts rows on removal
              <Group key={`${row}-${activity.assignments.length}`} gap="xs" align="flex-end" wrap="wrap">
                <Select
                  label={`Role ${row + 1} of activity ${index + 1}`}
                  data={(Object.keys(roleNames) as RaciRole[]).map((role) => ({
                    value: role,
                    label: `${role} · ${roleNames[role]}`,
                  }))}
                  value={assignment.role}
                  allowDeselect={false}
                  onChange={(value) =>
                    setActivity(index, {
                      ...activity,
                      assignments: activity.assignments.map((a, i) =>
                        i === row ? { ...a, role: value as RaciRole } : a,
                      ),
                    })
                  }
                  w={{ base: "100%", xs: 170 }}
                />
                <Select
                  label={`Who ${row + 1} of activity ${index + 1}`}
                  data={assigneeOptions}
                  value={assigneeKey(assignment.assignee)}
                  allowDeselect={false}
                  onChange={(value) =>
                    value &&
                    setActivity(index, {
                      ...activity,
                      assignments: activity.assignments.map((a, i) =>
                        i === row ? { ...a, assignee: assigneeOf(value) } : a,
                      ),
                    })
                  }
                  style={{ flex: "1 1 160px" }}
                />
                <NumberInput
                  label="Only above cost"
                  min={0}
                  value={assignment.costAbove ?? ""}
                  onChange={(value) =>
                    setActivity(index, {
                      ...activity,
                      assignments: activity.assignments.map((a, i) =>
                        i === row ? { ...a, costAbove: value === "" ? null : Number(value) } : a,
                      ),
                    })
                  }
                  w={{ base: "calc(100% - 44px)", xs: 140 }}
                />
                <ActionIcon
                  variant="default"
                  size={36}
                  aria-label={`Remove role ${row + 1} of activity ${index + 1}`}
                  disabled={activity.assignments.length === 1}
                  onClick={() =>
                    setActivity(index, { ...activity, assignments: activity.assignments.filter((_, i) => i !== row) })
                  }
                >
                  <IconTrash size={16} aria-hidden="true" />
                </ActionIcon>
              </Group>
            ))}
            {errors[`activities.${index}`] === undefined &&
              Object.keys(errors).some((key) => key.startsWith(`activities.${index}`)) && (
                <Text size="sm" c="var(--mantine-color-error)">
                  {Object.entries(errors).find(([key]) => key.startsWith(`activities.${index}`))?.[1]}
                </Text>
              )}
            <Group>
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden="true" />}
                onClick={() =>
                  setActivity(index, {
                    ...activity,
                    assignments: [
                      ...activity.assignments,
                      { role: "C", assignee: { kind: "team", teamKind: "it" }, costAbove: null },
                    ],
                  })
                }
              >
                Add a role
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
      <Group justify="space-between">
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden="true" />}
          onClick={() =>
            setActivities((list) => [
              ...list,
              { name: "", assignments: [{ role: "A", assignee: { kind: "sponsor" }, costAbove: null }] },
            ])
          }
        >
          Add an activity
        </Button>
        <Group gap="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button onClick={handleSave} loading={update.isPending}>
            Save rules
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
