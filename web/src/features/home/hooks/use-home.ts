import { useQuery } from "@tanstack/react-query";
import { readHome } from "../api";

/** Home's summary, refreshed when the page is opened again after a minute. */
export function useHome() {
  return useQuery({ queryKey: ["home"], queryFn: readHome, staleTime: 60_000 });
}
