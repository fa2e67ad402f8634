import type { z } from "zod";
import type { Me } from "#contracts/auth";
import type {
  AcceptInvitationBody,
  CreatedInvitation,
  CreateInvitationBody,
  Invitation,
  InvitationListQuery,
  InvitationPreview,
} from "#contracts/people";
import { api, setCsrfToken } from "../../lib/api";

export type CreatedInvitationData = z.infer<typeof CreatedInvitation>;
export type InvitationPreviewData = z.infer<typeof InvitationPreview>;

/** A page of the workspace's invitations (admins). */
export function listInvitations(query: Partial<InvitationListQuery>) {
  return api<{ items: Invitation[]; nextCursor: string | null }>("/invitations", { query });
}

/** Invites someone; the answer carries the one-time link. */
export function createInvitation(body: CreateInvitationBody) {
  return api<CreatedInvitationData>("/invitations", { method: "POST", body });
}

/** Revokes a pending invitation. */
export function revokeInvitation(id: string) {
  return api<Invitation>(`/invitations/${id}`, { method: "DELETE" });
}

/** What an invitation link offers, before accepting it. */
export function previewInvitation(token: string) {
  return api<InvitationPreviewData>("/invitations/preview", { method: "POST", body: { token }, isAuthCall: true });
}

/** Creates the account from an invitation and signs it in. */
export async function acceptInvitation(body: AcceptInvitationBody) {
  const me = await api<Me>("/invitations/accept", { method: "POST", body, isAuthCall: true });
  setCsrfToken(me.csrfToken);
  return me;
}
