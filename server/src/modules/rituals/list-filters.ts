// The list filters that name a record (a person, a series, a meeting): another workspace's id, or one that does not
// exist, is refused with a 400 naming the filter rather than answered with an empty list that looks like "none".
import type { Ctx } from "../../context";
import { findReferenceErrors } from "../../db/references";
import { AppError, type FieldError } from "../../errors";
import { findMeeting } from "./meetings.queries";
import { findSeries } from "./rituals.queries";

/** A list filter naming a record: its query parameter, the kind of record, and the id given (if any). */
export interface FilterReference {
  path: string;
  kind: "person" | "series" | "meeting";
  id: string | undefined;
}

/** Throws one 400 naming each filter whose id is not a record of the acting workspace (`me` is resolved before). */
export async function assertListFilters(ctx: Ctx, filters: FilterReference[]): Promise<void> {
  const db = ctx.database.db;
  const workspaceId = ctx.actor.workspaceId;
  const errors: FieldError[] = await findReferenceErrors(
    db,
    workspaceId,
    filters.filter((filter) => filter.kind === "person").map(({ path, id }) => ({ path, kind: "person", id })),
  );
  for (const filter of filters) {
    if (filter.id === undefined) continue;
    if (filter.kind === "series" && (await findSeries(db, workspaceId, filter.id)) === null) {
      errors.push({ path: filter.path, message: "is not a meeting series of this workspace" });
    }
    if (filter.kind === "meeting" && (await findMeeting(db, workspaceId, filter.id)) === null) {
      errors.push({ path: filter.path, message: "is not a meeting of this workspace" });
    }
  }
  if (errors.length > 0)
    throw new AppError("validation_failed", "A filter names a record not of this workspace", errors);
}
