import { useQuery } from "@tanstack/react-query";
import { homeApi } from "#contracts/api/home";
import { apiQuery } from "../../../lib/api-query";

/** Home's summary, refreshed when the page is opened again after a minute. */
export function useHome() {
  return useQuery(homeQuery);
}

export const homeQuery = { ...apiQuery(homeApi.summary), staleTime: 60_000 };
