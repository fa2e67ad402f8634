import { Checkbox, Group, Select, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import type { Priority, RequestType, Stage } from "#contracts/pipeline";
import type { RequestFilters as Filters } from "../api";
import { usePeople, useTeams } from "../hooks/use-pipeline";
import { priorityOptions, stageOptions, typeOptions } from "../labels";

/** Search the backlog and filter it by type, class, stage, team, sponsor and breach. */
export function RequestFilters({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const [query, setQuery] = useState(filters.q ?? "");
  const applyQuery = useDebouncedCallback((q: string) => onChange({ ...filters, q: q.trim() || undefined }), 250);
  const people = usePeople();
  const teams = useTeams();
  const half = { base: "calc(50% - 6px)", xs: 170 };
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label="Search requests"
        placeholder="Title or REQ-number"
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          applyQuery(event.currentTarget.value);
        }}
        style={{ flex: "1 1 220px" }}
        type="search"
      />
      <Select
        label="Type"
        placeholder="Any type"
        data={typeOptions}
        value={filters.type ?? null}
        onChange={(value) => onChange({ ...filters, type: (value as RequestType | null) ?? undefined })}
        clearable
        w={half}
      />
      <Select
        label="Class"
        placeholder="Any class"
        data={priorityOptions}
        value={filters.priority ?? null}
        onChange={(value) => onChange({ ...filters, priority: (value as Priority | null) ?? undefined })}
        clearable
        w={half}
      />
      <Select
        label="Stage"
        data={stageOptions}
        value={filters.stage ?? "open"}
        onChange={(value) => onChange({ ...filters, stage: (value as Stage | "open" | null) ?? undefined })}
        allowDeselect={false}
        w={half}
      />
      <Select
        label="Team"
        placeholder="Any team"
        data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
        value={filters.teamId ?? null}
        onChange={(value) => onChange({ ...filters, teamId: value ?? undefined })}
        clearable
        searchable
        w={half}
      />
      <Select
        label="Sponsor"
        placeholder="Anyone"
        data={(people.data ?? []).map((person) => ({ value: person.id, label: person.name }))}
        value={filters.sponsorId ?? null}
        onChange={(value) => onChange({ ...filters, sponsorId: value ?? undefined })}
        clearable
        searchable
        w={{ base: "100%", xs: 200 }}
      />
      <Checkbox
        pb={8}
        label="Breached only"
        checked={filters.breached === "true"}
        onChange={(event) => onChange({ ...filters, breached: event.currentTarget.checked ? "true" : undefined })}
      />
    </Group>
  );
}
