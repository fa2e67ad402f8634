import { Group, Select, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import type { Role, UserStatus } from "#contracts/people";
import { useTeams } from "../../teams/hooks/use-teams";
import type { PeopleFilters as Filters } from "../api";

const roleOptions = [
  { value: "admin", label: "Admin" },
  { value: "member", label: "Member" },
  { value: "viewer", label: "Viewer" },
];
const statusOptions = [
  { value: "active", label: "Active" },
  { value: "deactivated", label: "Deactivated" },
];

/** Search by name or email, and filter by team, role and status. */
export function PeopleFilters({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const teams = useTeams();
  const [query, setQuery] = useState(filters.q ?? "");
  const applyQuery = useDebouncedCallback((q: string) => onChange({ ...filters, q: q.trim() || undefined }), 250);
  const teamOptions = (teams.data ?? []).map((team) => ({ value: team.id, label: team.name }));

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label="Search people"
        placeholder="Name or email"
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
        label="Team"
        placeholder="All teams"
        data={teamOptions}
        value={filters.teamId ?? null}
        onChange={(teamId) => onChange({ ...filters, teamId: teamId ?? undefined })}
        clearable
        w={{ base: "100%", xs: 170 }}
      />
      <Select
        label="Role"
        placeholder="All roles"
        data={roleOptions}
        value={filters.role ?? null}
        onChange={(role) => onChange({ ...filters, role: (role as Role | null) ?? undefined })}
        clearable
        w={{ base: "calc(50% - 6px)", xs: 140 }}
      />
      <Select
        label="Status"
        placeholder="Any status"
        data={statusOptions}
        value={filters.status ?? null}
        onChange={(status) => onChange({ ...filters, status: (status as UserStatus | null) ?? undefined })}
        clearable
        w={{ base: "calc(50% - 6px)", xs: 150 }}
      />
    </Group>
  );
}
