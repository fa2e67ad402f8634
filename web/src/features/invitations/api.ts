import type { z } from "zod";
import { invitationsApi } from "#contracts/api/people";
import type { AcceptInvitationBody, CreatedInvitation, InvitationPreview } from "#contracts/people";
import { call } from "../../lib/api";
import { remember } from "../auth/api";

export type CreatedInvitationData = z.infer<typeof CreatedInvitation>;
export type InvitationPreviewData = z.infer<typeof InvitationPreview>;

/** Creates the account from an invitation and signs it in. */
export async function acceptInvitation(body: AcceptInvitationBody) {
  return remember(await call(invitationsApi.accept, { body }, { isAuthCall: true }));
}
