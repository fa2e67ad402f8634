import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { searchEverything } from "../api";

/** The search's hits for what is typed, a moment after typing stops (nothing for fewer than two characters). */
export function useSearch(query: string) {
  const [debounced] = useDebouncedValue(query.trim(), 200);
  return useQuery({
    queryKey: ["search", debounced],
    queryFn: ({ signal }) => searchEverything(debounced, signal),
    enabled: debounced.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
