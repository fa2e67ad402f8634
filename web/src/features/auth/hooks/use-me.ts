import { queryOptions, useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { authApi } from "#contracts/api/auth";
import type { Me } from "#contracts/auth";
import { call, keyOf } from "../../../lib/api";
import { fetchMe } from "../api";

/** The query of the signed-in user (null when signed out). */
export const meQuery = queryOptions({ queryKey: keyOf(authApi.me), queryFn: fetchMe, staleTime: 60_000 });

/** The query of whether the installation needs its setup. */
export const setupStatusQuery = queryOptions({
  queryKey: keyOf(authApi.setupStatus),
  queryFn: ({ signal }) => call(authApi.setupStatus, {}, { signal, isAuthCall: true }),
  staleTime: 0,
});

/** The signed-in user; only for pages behind the sign-in (the router loads it first). */
export function useMe(): Me {
  const { data } = useQuery(meQuery);
  // While signing out, the shell renders once more before the router leaves it: keep the last user.
  const last = useRef<Me | null>(null);
  if (data) last.current = data;
  if (!last.current) throw new Error("useMe() used outside the signed-in part of the app");
  return last.current;
}

/** Whether the signed-in user is an admin of the workspace. */
export function useIsAdmin(): boolean {
  return useMe().user.role === "admin";
}
