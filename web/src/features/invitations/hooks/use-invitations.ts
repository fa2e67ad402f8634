import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { invitationsApi } from "#contracts/api/people";
import type { CreateInvitationBody } from "#contracts/people";
import { call, keyOf } from "../../../lib/api";
import { apiQuery } from "../../../lib/api-query";
import { acceptInvitation } from "../api";

/** Pending invitations, newest first (admins). */
export const pendingInvitationsQuery = {
  ...apiQuery(invitationsApi.list, { query: { status: "pending", limit: 100 } }),
  // Someone may have accepted one in the meantime: opening the page always asks again.
  refetchOnMount: "always" as const,
};

/** The workspace's pending invitations. */
export function usePendingInvitations(enabled: boolean) {
  return useQuery({ ...pendingInvitationsQuery, enabled });
}

/** Invites someone and refreshes the pending list. */
export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInvitationBody) => call(invitationsApi.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keyOf(invitationsApi.list) }),
  });
}

/** Revokes an invitation and refreshes the pending list. */
export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(invitationsApi.revoke, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keyOf(invitationsApi.list) }),
  });
}

/** What the invitation behind a link offers (null token: nothing to look up). */
export function useInvitationPreview(token: string | null) {
  return useQuery({
    // A POST (the secret stays out of URLs and logs): keyed by hand, under the route's path.
    queryKey: [...keyOf(invitationsApi.preview), token],
    queryFn: () => call(invitationsApi.preview, { body: { token: token ?? "" } }, { isAuthCall: true }),
    enabled: token !== null,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

/** Accepts an invitation. */
export function useAcceptInvitation() {
  return useMutation({ mutationFn: acceptInvitation });
}
