import { useMe } from "../auth/hooks/use-me";

/** Whether the signed-in person keeps the spend ledger (admins, marketing and finance members), as the server rules. */
export function useCanKeepLedger(): boolean {
  const me = useMe();
  return me.user.role === "admin" || (me.user.role === "member" && ["marketing", "finance"].includes(me.team.kind));
}

/** Whether the signed-in person may load journeys and run attribution (any member or admin). */
export function useCanRunAttribution(): boolean {
  return useMe().user.role !== "viewer";
}

/** Whether the signed-in person may cancel a run: the one who started it, or an admin (as the server rules). */
export function useCanCancelRun(createdBy: { id: string } | null): boolean {
  const me = useMe();
  return me.user.role === "admin" || (createdBy !== null && createdBy.id === me.user.id);
}
