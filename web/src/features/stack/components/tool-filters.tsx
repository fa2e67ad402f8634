import { Checkbox, Group, Select, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import type { Lifecycle, StackCategory, ToolStatus } from "#contracts/stack";
import type { ToolFilters as Filters } from "../api";
import { categoryOptions, lifecycleOptions, statusOptions } from "../labels";

const sortOptions = [
  { value: "name", label: "Name A–Z" },
  { value: "-name", label: "Name Z–A" },
  { value: "-updatedAt", label: "Recently changed" },
  { value: "updatedAt", label: "Least recently changed" },
];

/** Search the catalog and filter it by category, status, lifecycle, missing owners and archive. */
export function ToolFilters({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const [query, setQuery] = useState(filters.q ?? "");
  const applyQuery = useDebouncedCallback((q: string) => onChange({ ...filters, q: q.trim() || undefined }), 250);
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label="Search tools"
        placeholder="Name, vendor or capability"
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
        label="Category"
        placeholder="All categories"
        data={categoryOptions}
        value={filters.category ?? null}
        onChange={(value) => onChange({ ...filters, category: (value as StackCategory | null) ?? undefined })}
        clearable
        w={{ base: "100%", xs: 190 }}
      />
      <Select
        label="Status"
        placeholder="Any status"
        data={statusOptions}
        value={filters.status ?? null}
        onChange={(value) => onChange({ ...filters, status: (value as ToolStatus | null) ?? undefined })}
        clearable
        w={{ base: "calc(50% - 6px)", xs: 140 }}
      />
      <Select
        label="Lifecycle"
        placeholder="Any stage"
        data={lifecycleOptions}
        value={filters.lifecycle ?? null}
        onChange={(value) => onChange({ ...filters, lifecycle: (value as Lifecycle | null) ?? undefined })}
        clearable
        w={{ base: "calc(50% - 6px)", xs: 140 }}
      />
      <Select
        label="Sort by"
        data={sortOptions}
        value={filters.sort ?? "name"}
        onChange={(value) => onChange({ ...filters, sort: (value as Filters["sort"]) ?? undefined })}
        allowDeselect={false}
        w={{ base: "100%", xs: 190 }}
      />
      <Group gap="md" pb={8}>
        <Checkbox
          label="Needs an owner"
          checked={filters.needsOwner === "true"}
          onChange={(event) => onChange({ ...filters, needsOwner: event.currentTarget.checked ? "true" : undefined })}
        />
        <Checkbox
          label="Archived"
          checked={filters.archived === "true"}
          onChange={(event) => onChange({ ...filters, archived: event.currentTarget.checked ? "true" : undefined })}
        />
      </Group>
    </Group>
  );
}
