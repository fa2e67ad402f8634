import { useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";
import { auditApi } from "#contracts/api/audit";
import { call } from "../../../lib/api";
import { apiPages, apiQuery } from "../../../lib/api-query";

/** Audit events matching the filter, newest first, with "load more". */
export function useAuditEvents(filters: { action?: string }) {
  return useInfiniteQuery(apiPages(auditApi.list, { query: { action: filters.action, limit: 50 } }));
}

/** Verifies the chain when asked (it reads every event, so not on page load). */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => call(auditApi.verify) });
}

/** The actions the log holds (for the filter). */
export function useAuditActions() {
  return useQuery({ ...apiQuery(auditApi.actions), staleTime: 60_000 });
}
