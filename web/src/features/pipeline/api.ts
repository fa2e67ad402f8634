import type { RequestListQuery, Stage } from "#contracts/pipeline";

/** Filters of the backlog, as the URL keeps them. */
export type RequestFilters = Partial<
  Pick<RequestListQuery, "q" | "type" | "priority" | "teamId" | "sponsorId" | "breached" | "waitingOn">
> & { stage?: Stage | "open" | "in_flight" };
