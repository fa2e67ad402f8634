import { and, eq, inArray, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { unionAll } from "drizzle-orm/pg-core";
import { AppError } from "../errors";
import type { Tx } from "./client";
import { experiments, requests, teams, tools, users, workCalendars } from "./schema";

/** What a referenced id must be: a record of the acting workspace, of this kind. */
export type ReferenceKind = "person" | "activePerson" | "team" | "tool" | "request" | "experiment" | "calendar";

/** One reference a body makes: the field that names it (its path), the kind it must be, and the id (if any). */
export interface Reference {
  path: string;
  kind: ReferenceKind;
  id: string | null | undefined;
}

type Table = PgTable & { id: PgColumn; workspaceId: PgColumn };

const tables: Record<Exclude<ReferenceKind, "activePerson">, { table: Table; noun: string }> = {
  person: { table: users, noun: "a person" },
  team: { table: teams, noun: "a team" },
  tool: { table: tools, noun: "a tool" },
  request: { table: requests, noun: "a request" },
  experiment: { table: experiments, noun: "an experiment" },
  calendar: { table: workCalendars, noun: "a working calendar" },
};

/**
 * Checks in one query that every referenced id is a record of the workspace (and, for `activePerson`, an active
 * one); throws one 400 naming each field that is not. Ids of another workspace are answered as unknown ones.
 */
export async function assertReferences(tx: Tx, workspaceId: string, references: Reference[]): Promise<void> {
  const errors = await findReferenceErrors(tx, workspaceId, references);
  if (errors.length > 0) throw new AppError("validation_failed", "Some references are not of this workspace", errors);
}

/** The field errors of `assertReferences`, for a service that reports them with its own (one query). */
export async function findReferenceErrors(
  tx: Tx,
  workspaceId: string,
  references: Reference[],
): Promise<{ path: string; message: string }[]> {
  const given = references.filter((ref): ref is Reference & { id: string } => typeof ref.id === "string");
  if (given.length === 0) return [];
  const byKind = new Map<Exclude<ReferenceKind, "activePerson">, Set<string>>();
  for (const ref of given) {
    const kind = ref.kind === "activePerson" ? "person" : ref.kind;
    byKind.set(kind, (byKind.get(kind) ?? new Set()).add(ref.id));
  }
  const selects = [...byKind].map(([kind, ids]) => {
    const { table } = tables[kind];
    const active = kind === "person" ? sql<boolean>`${users.status} = 'active'` : sql<boolean>`true`;
    return tx
      .select({ kind: sql<string>`${sql.raw(`'${kind}'`)}`.as("kind"), id: table.id, active: active.as("active") })
      .from(table)
      .where(and(eq(table.workspaceId, workspaceId), inArray(table.id, [...ids])));
  });
  const [head, second, ...rest] = selects;
  const rows = second ? await unionAll(head, second, ...rest) : await head;
  const found = new Map(rows.map((row) => [`${row.kind}:${row.id}`, row.active]));
  return given.flatMap((ref) => {
    const kind = ref.kind === "activePerson" ? "person" : ref.kind;
    const active = found.get(`${kind}:${ref.id}`);
    if (active === undefined) return [{ path: ref.path, message: `is not ${tables[kind].noun} of this workspace` }];
    if (ref.kind === "activePerson" && !active) return [{ path: ref.path, message: "is deactivated" }];
    return [];
  });
}
