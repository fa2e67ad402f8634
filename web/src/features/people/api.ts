import type { UserListQuery } from "#contracts/people";

/** Filters of the people list, as the URL keeps them. */
export type PeopleFilters = Pick<Partial<UserListQuery>, "q" | "teamId" | "role" | "status">;
