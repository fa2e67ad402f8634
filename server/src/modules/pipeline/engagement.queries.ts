// Who does what: a request's RACI rows and the workspace's templates, its watchers and comments, the scoring settings.
import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { RequestType } from "#contracts/pipeline";
import type { Tx } from "../../db/client";
import { comments, pipelineSettings, raciTemplates, requestRaci, teams, users, watchers } from "../../db/schema";

const raciUser = alias(users, "raci_user");
const raciTeam = alias(teams, "raci_team");

/** A request's who-does-what, in template order. */
export function listRaci(tx: Tx, requestId: string) {
  return tx
    .select({
      row: requestRaci,
      user: { id: raciUser.id, name: raciUser.name },
      team: { id: raciTeam.id, name: raciTeam.name },
    })
    .from(requestRaci)
    .leftJoin(raciUser, eq(raciUser.id, requestRaci.userId))
    .leftJoin(raciTeam, eq(raciTeam.id, requestRaci.teamId))
    .where(eq(requestRaci.requestId, requestId))
    .orderBy(asc(requestRaci.position));
}

export async function replaceRaci(
  tx: Tx,
  workspaceId: string,
  requestId: string,
  rows: { activity: string; role: "R" | "A" | "C" | "I"; teamId: string | null; userId: string | null }[],
) {
  await tx.delete(requestRaci).where(eq(requestRaci.requestId, requestId));
  if (rows.length === 0) return;
  await tx.insert(requestRaci).values(rows.map((row, position) => ({ ...row, workspaceId, requestId, position })));
}

export function listRaciTemplates(tx: Tx, workspaceId: string) {
  return tx.select().from(raciTemplates).where(eq(raciTemplates.workspaceId, workspaceId));
}

export async function findRaciTemplate(tx: Tx, workspaceId: string, type: RequestType) {
  const [row] = await tx
    .select()
    .from(raciTemplates)
    .where(and(eq(raciTemplates.workspaceId, workspaceId), eq(raciTemplates.requestType, type)));
  return row ?? null;
}

/** Stores a template: inserted at version 1 when `version` is 0 (the built-in default), else only at that version. */
export async function saveRaciTemplate(
  tx: Tx,
  workspaceId: string,
  type: RequestType,
  version: number,
  activities: unknown,
  now: Date,
) {
  if (version === 0) {
    const rows = await tx
      .insert(raciTemplates)
      .values({ workspaceId, requestType: type, activities, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning({ id: raciTemplates.id });
    return rows.length > 0;
  }
  const rows = await tx
    .update(raciTemplates)
    .set({ activities, updatedAt: now, version: version + 1 })
    .where(
      and(
        eq(raciTemplates.workspaceId, workspaceId),
        eq(raciTemplates.requestType, type),
        eq(raciTemplates.version, version),
      ),
    )
    .returning({ id: raciTemplates.id });
  return rows.length > 0;
}

/** The workspace's team of each kind (the first by name). */
export async function teamsByKind(tx: Tx, workspaceId: string) {
  const rows = await tx
    .select({ id: teams.id, kind: teams.kind })
    .from(teams)
    .where(eq(teams.workspaceId, workspaceId))
    .orderBy(asc(teams.name));
  const byKind: Record<string, string> = {};
  for (const row of rows) byKind[row.kind] ??= row.id;
  return byKind;
}

export async function insertComment(tx: Tx, values: typeof comments.$inferInsert) {
  const [row] = await tx.insert(comments).values(values).returning({ id: comments.id });
  return row;
}

export function listComments(tx: Tx, requestId: string) {
  return tx
    .select({ comment: comments, author: { id: users.id, name: users.name } })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.requestId, requestId))
    .orderBy(asc(comments.createdAt), asc(comments.id));
}

export async function addWatchers(tx: Tx, requestId: string, userIds: string[]) {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  await tx
    .insert(watchers)
    .values(unique.map((userId) => ({ requestId, userId })))
    .onConflictDoNothing();
}

export async function removeWatcher(tx: Tx, requestId: string, userId: string) {
  await tx.delete(watchers).where(and(eq(watchers.requestId, requestId), eq(watchers.userId, userId)));
}

export async function listWatchers(tx: Tx, requestId: string) {
  const rows = await tx.select({ userId: watchers.userId }).from(watchers).where(eq(watchers.requestId, requestId));
  return rows.map((row) => row.userId);
}

export async function findSettings(tx: Tx, workspaceId: string) {
  const [row] = await tx.select().from(pipelineSettings).where(eq(pipelineSettings.workspaceId, workspaceId));
  return row ?? null;
}

export async function saveSettings(
  tx: Tx,
  workspaceId: string,
  version: number,
  settings: { scoring: unknown; slaGoal: number },
  now: Date,
) {
  const { scoring, slaGoal } = settings;
  if (version === 0) {
    const rows = await tx
      .insert(pipelineSettings)
      .values({ workspaceId, scoring, slaGoal, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning({ id: pipelineSettings.workspaceId });
    return rows.length > 0;
  }
  const rows = await tx
    .update(pipelineSettings)
    .set({ scoring, slaGoal, updatedAt: now, version: version + 1 })
    .where(and(eq(pipelineSettings.workspaceId, workspaceId), eq(pipelineSettings.version, version)))
    .returning({ id: pipelineSettings.workspaceId });
  return rows.length > 0;
}
