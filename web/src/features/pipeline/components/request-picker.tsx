import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { pipelineApi } from "#contracts/api/pipeline";
import { apiQuery } from "../../../lib/api-query";

interface RequestPickerProps {
  label: string;
  description?: string;
  value: string;
  onChange: (id: string) => void;
  error?: React.ReactNode;
  onFocus?: () => void;
  onBlur?: () => void;
}

/** Picks a Pipeline request by number ("REQ-87", "87") or words of its title; never by pasting its id. */
export function RequestPicker({ label, description, value, onChange, error, onFocus, onBlur }: RequestPickerProps) {
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    ...apiQuery(pipelineApi.listRequests, { query: { q: q || undefined, sort: "-number", limit: 20 } }),
    staleTime: 30_000,
  });
  // The request already linked, so its number and title show even when the search does not find it.
  const current = useQuery({
    ...apiQuery(pipelineApi.getRequest, { params: { id: value } }),
    enabled: value !== "",
  });
  const options = new Map<string, string>();
  if (current.data) options.set(current.data.id, `${current.data.reference} · ${current.data.title}`);
  for (const request of found.data?.items ?? []) options.set(request.id, `${request.reference} · ${request.title}`);
  return (
    <Select
      label={label}
      description={description}
      placeholder="Search by number or title"
      searchable
      clearable
      filter={({ options: all }) => all}
      nothingFoundMessage={found.isFetching ? "Searching…" : "No request matches"}
      data={[...options].map(([id, text]) => ({ value: id, label: text }))}
      value={value === "" ? null : value}
      onChange={(id) => onChange(id ?? "")}
      searchValue={search}
      onSearchChange={setSearch}
      error={error}
      onFocus={onFocus}
      onBlur={onBlur}
    />
  );
}
