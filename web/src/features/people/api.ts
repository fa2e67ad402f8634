import type { UpdateUserBody, User, UserListQuery } from "#contracts/people";
import { api } from "../../lib/api";

/** Filters of the people list, as the URL keeps them. */
export type PeopleFilters = Pick<Partial<UserListQuery>, "q" | "teamId" | "role" | "status">;

/** A page of people matching the filters. */
export function listUsers(query: PeopleFilters & { cursor?: string; limit?: number }) {
  return api<{ items: User[]; nextCursor: string | null }>("/users", { query });
}

/** Edits a person; `version` must be the one last read, or the answer is 409 conflict. */
export function updateUser(id: string, body: UpdateUserBody) {
  return api<User>(`/users/${id}`, { method: "PATCH", body });
}

/** One person. */
export function getUser(id: string) {
  return api<User>(`/users/${id}`);
}
