// The Invitations' public door for other modules: withdrawing what a deactivated admin sent.
export { revokePendingInvitedBy } from "./invitations.queries";
