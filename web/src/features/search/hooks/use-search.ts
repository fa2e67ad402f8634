import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { searchApi } from "#contracts/api/search";
import { apiQuery } from "../../../lib/api-query";

/** The search's hits for what is typed, a moment after typing stops (nothing for fewer than two characters). */
export function useSearch(query: string) {
  const [debounced] = useDebouncedValue(query.trim(), 200);
  return useQuery({
    ...apiQuery(searchApi.search, { query: { q: debounced, limit: 12 } }),
    enabled: debounced.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
