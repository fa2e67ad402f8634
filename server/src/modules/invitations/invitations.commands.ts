// The Invitations' public door for other modules: withdrawing what a deactivated admin sent, and deleting the
// invitations that can no longer be accepted (the purge job).
export { deleteStaleInvitations, revokePendingInvitedBy } from "./invitations.queries";
