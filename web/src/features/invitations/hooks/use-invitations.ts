import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateInvitationBody } from "#contracts/people";
import { acceptInvitation, createInvitation, listInvitations, previewInvitation, revokeInvitation } from "../api";

/** Pending invitations, newest first (admins). */
export const pendingInvitationsQuery = queryOptions({
  queryKey: ["invitations", "pending"],
  queryFn: () => listInvitations({ status: "pending", limit: 100 }),
  // Someone may have accepted one in the meantime: opening the page always asks again.
  refetchOnMount: "always",
});

/** The workspace's pending invitations. */
export function usePendingInvitations(enabled: boolean) {
  return useQuery({ ...pendingInvitationsQuery, enabled });
}

/** Invites someone and refreshes the pending list. */
export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInvitationBody) => createInvitation(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["invitations"] }),
  });
}

/** Revokes an invitation and refreshes the pending list. */
export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["invitations"] }),
  });
}

/** What the invitation behind a link offers (null token: nothing to look up). */
export function useInvitationPreview(token: string | null) {
  return useQuery({
    queryKey: ["invitation-preview", token],
    queryFn: () => previewInvitation(token as string),
    enabled: token !== null,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

/** Accepts an invitation. */
export function useAcceptInvitation() {
  return useMutation({ mutationFn: acceptInvitation });
}
