import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import type { PipelineRequest, RaciRole } from "#contracts/pipeline";
import { FormError } from "../../../components/ui/form-error";
import { isApiError } from "../../../lib/api";
import { usePeople, useTeams, useUpdateRaci } from "../hooks/use-pipeline";
import { roleNames } from "../labels";
import { notifyRequestError } from "./notify";

const roleColors: Record<RaciRole, string> = { R: "indigo", A: "red", C: "yellow", I: "gray" };
const roleOptions = (Object.keys(roleNames) as RaciRole[]).map((role) => ({
  value: role,
  label: `${role} · ${roleNames[role]}`,
}));

interface DraftRow {
  key: number;
  activity: string;
  role: RaciRole;
  /** "team:<id>", "user:<id>" or null (unassigned). */
  assignee: string | null;
}

function groupByActivity<T extends { activity: string }>(rows: T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.activity, [...(groups.get(row.activity) ?? []), row]);
  return [...groups.entries()];
}

/** Who does what on the request: R/A/C/I per activity, with what is missing before a decision. */
export function RaciPanel({ request, canEdit }: { request: PipelineRequest; canEdit: boolean }) {
  const [isEditing, setIsEditing] = useState(false);
  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Who does what
        </Title>
        {canEdit && !isEditing && (
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPencil size={14} aria-hidden="true" />}
            onClick={() => setIsEditing(true)}
          >
            Edit who does what
          </Button>
        )}
      </Group>
      {request.raciProblems.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          mb="sm"
          title="Missing before the decision"
          icon={<IconAlertTriangle aria-hidden="true" />}
        >
          <List size="sm">
            {request.raciProblems.map((problem) => (
              <List.Item key={problem}>{problem}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {isEditing ? (
        <RaciEditor request={request} onDone={() => setIsEditing(false)} />
      ) : request.raci.length === 0 ? (
        <Text size="sm" c="dimmed">
          No one is assigned yet.
        </Text>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways on phones must take keyboard focus
        <section className="table-scroll" tabIndex={0} aria-label="Who does what, by activity">
          <Table verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Activity</Table.Th>
                <Table.Th scope="col">Role</Table.Th>
                <Table.Th scope="col">Who</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groupByActivity(request.raci).flatMap(([activity, rows]) =>
                rows.map((row, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: read-only rows without ids; an activity may repeat a role
                  <Table.Tr key={`${activity}-${index}`}>
                    {index === 0 && (
                      <Table.Th scope="rowgroup" rowSpan={rows.length} fw={600} style={{ verticalAlign: "top" }}>
                        {activity}
                      </Table.Th>
                    )}
                    <Table.Td>
                      <Badge color={roleColors[row.role]} tt="none" title={roleNames[row.role]}>
                        {row.role} · {roleNames[row.role]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {row.user ? (
                        row.user.name
                      ) : row.team ? (
                        `${row.team.name} team`
                      ) : (
                        <Text span size="sm" c="var(--mantine-color-red-text)">
                          Unassigned
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
        </section>
      )}
    </Card>
  );
}

function RaciEditor({ request, onDone }: { request: PipelineRequest; onDone: () => void }) {
  const people = usePeople();
  const teams = useTeams();
  const update = useUpdateRaci();
  const [openedVersion] = useState(request.version);
  const [rows, setRows] = useState<DraftRow[]>(() =>
    request.raci.map((row, index) => ({
      key: index,
      activity: row.activity,
      role: row.role,
      assignee: row.user ? `user:${row.user.id}` : row.team ? `team:${row.team.id}` : null,
    })),
  );
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const assigneeOptions = [
    {
      group: "Teams",
      items: (teams.data ?? []).map((team) => ({ value: `team:${team.id}`, label: `${team.name} team` })),
    },
    {
      group: "People",
      items: (people.data ?? []).map((person) => ({ value: `user:${person.id}`, label: person.name })),
    },
  ];
  const change = (key: number, patch: Partial<DraftRow>) =>
    setRows((list) => list.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  const handleSave = () => {
    // Exactly one Accountable per activity, as the server requires: say so on the row before sending.
    const found: Record<string, string> = {};
    const accountable = new Map<string, number>();
    rows.forEach((row, index) => {
      if (row.activity.trim() === "") found[String(index)] = "Activity is required";
      if (row.role !== "A") return;
      const count = (accountable.get(row.activity.trim()) ?? 0) + 1;
      accountable.set(row.activity.trim(), count);
      if (count > 1) found[String(index)] = `“${row.activity}” already has an Accountable; exactly one is allowed`;
    });
    setRowErrors(found);
    if (Object.keys(found).length > 0) return;
    const body = {
      version: openedVersion,
      rows: rows.map((row) => ({
        activity: row.activity,
        role: row.role,
        teamId: row.assignee?.startsWith("team:") ? row.assignee.slice(5) : null,
        userId: row.assignee?.startsWith("user:") ? row.assignee.slice(5) : null,
      })),
    };
    update.mutate(
      { id: request.id, body },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: "indigo",
            message: saved.raciProblems.length === 0 ? "Who does what is complete" : "Who does what saved",
          });
          onDone();
        },
        onError: (error) => {
          if (isApiError(error, "conflict")) {
            notifyRequestError(error);
            onDone();
            return;
          }
          if (isApiError(error)) {
            setRowErrors(
              Object.fromEntries(
                error.fieldErrors.map(({ path, message }) => [path.replace(/^rows\.(\d+)\..*$/, "$1"), message]),
              ),
            );
          }
        },
      },
    );
  };

  return (
    <Stack gap="sm">
      {!Object.keys(rowErrors).some((key) => /^\d+$/.test(key)) && <FormError error={update.error} />}
      {rows.map((row, index) => {
        const who = `${roleNames[row.role]} for ${row.activity || `row ${index + 1}`}`;
        return (
          <Group key={row.key} align="flex-end" gap="xs" wrap="wrap">
            <TextInput
              label={`Activity of row ${index + 1}`}
              value={row.activity}
              onChange={(event) => change(row.key, { activity: event.currentTarget.value })}
              style={{ flex: "1 1 180px" }}
              error={rowErrors[String(index)]}
            />
            <Select
              label={`Role of row ${index + 1}`}
              data={roleOptions}
              value={row.role}
              onChange={(value) => value && change(row.key, { role: value as RaciRole })}
              allowDeselect={false}
              w={{ base: "100%", xs: 160 }}
            />
            <Select
              label={`Who is ${who}`}
              placeholder="Unassigned"
              data={assigneeOptions}
              value={row.assignee}
              onChange={(value) => change(row.key, { assignee: value })}
              searchable
              clearable
              style={{ flex: "1 1 180px" }}
            />
            <ActionIcon
              variant="default"
              size={36}
              aria-label={`Remove row ${index + 1}`}
              onClick={() => setRows((list) => list.filter((candidate) => candidate.key !== row.key))}
            >
              <IconTrash size={16} aria-hidden="true" />
            </ActionIcon>
          </Group>
        );
      })}
      <Group justify="space-between">
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden="true" />}
          onClick={() => setRows((list) => [...list, { key: Date.now(), activity: "", role: "R", assignee: null }])}
        >
          Add a row
        </Button>
        <Group gap="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button onClick={handleSave} loading={update.isPending}>
            Save who does what
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
