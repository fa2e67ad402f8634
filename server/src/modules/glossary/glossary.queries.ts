// Drizzle queries of the glossary: terms, revisions, approvals, clash resolutions and the glossary version.
import { and, asc, desc, eq, gt, inArray, isNotNull, ne, notInArray, or, type SQL, sql } from "drizzle-orm";
import type { TeamKind } from "#contracts/people";
import type { Db, Tx } from "../../db/client";
import {
  glossaryApprovals,
  glossaryClashResolutions,
  glossaryStates,
  glossaryTermRevisions,
  glossaryTerms,
  kpis,
  teams,
  tools,
  users,
} from "../../db/schema";
import { updateVersioned } from "../../db/versioned";

export type TermRow = typeof glossaryTerms.$inferSelect;
export type RevisionRow = typeof glossaryTermRevisions.$inferSelect;
export type NewRevision = typeof glossaryTermRevisions.$inferInsert;

/** Bumps a term's version if it is still `version` (touching `updatedAt`); false when someone changed it meanwhile. */
export function claimTermVersion(tx: Tx, workspaceId: string, id: string, version: number, now: Date) {
  return updateVersioned(tx, glossaryTerms, { workspaceId, id, version }, { updatedAt: now });
}

/** The shown revision of a term: the approved one, else the pending one. */
const shownRevisionId = sql`coalesce(${glossaryTerms.approvedRevisionId}, ${glossaryTerms.pendingRevisionId})`;

/** Bumps the workspace's glossary version (every term change does, in its transaction); returns the new one. */
export async function bumpGlossaryVersion(tx: Tx, workspaceId: string, now: Date): Promise<number> {
  const [row] = await tx
    .insert(glossaryStates)
    .values({ workspaceId, version: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: glossaryStates.workspaceId,
      set: { version: sql`${glossaryStates.version} + 1`, updatedAt: now },
    })
    .returning({ version: glossaryStates.version });
  return row.version;
}

/** The workspace's glossary version (0 before any term): one row read by its key. */
export async function readGlossaryVersion(db: Db, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ version: glossaryStates.version })
    .from(glossaryStates)
    .where(eq(glossaryStates.workspaceId, workspaceId));
  return row?.version ?? 0;
}

/** Inserts a term identity and returns its id. */
export async function insertTerm(tx: Tx, values: typeof glossaryTerms.$inferInsert): Promise<string> {
  const [row] = await tx.insert(glossaryTerms).values(values).returning({ id: glossaryTerms.id });
  return row.id;
}

/** Inserts a revision and returns it. */
export async function insertRevision(tx: Tx, values: NewRevision): Promise<RevisionRow> {
  const [row] = await tx.insert(glossaryTermRevisions).values(values).returning();
  return row;
}

/** Rewrites a revision's content or status. */
export async function updateRevision(tx: Tx, id: string, values: Partial<NewRevision>): Promise<void> {
  await tx.update(glossaryTermRevisions).set(values).where(eq(glossaryTermRevisions.id, id));
}

/** Sets a term's pointers and repeated fields without a version check (the caller holds the row). */
export async function setTerm(tx: Tx, id: string, values: Partial<typeof glossaryTerms.$inferInsert>): Promise<void> {
  await tx.update(glossaryTerms).set(values).where(eq(glossaryTerms.id, id));
}

/** A term of the workspace, or null. */
export async function findTerm(tx: Db, workspaceId: string, id: string, lock = false): Promise<TermRow | null> {
  const query = tx
    .select()
    .from(glossaryTerms)
    .where(and(eq(glossaryTerms.workspaceId, workspaceId), eq(glossaryTerms.id, id)));
  const [row] = lock ? await query.for("no key update") : await query;
  return row ?? null;
}

/** Revisions by id. */
export async function findRevisions(tx: Db, ids: string[]): Promise<RevisionRow[]> {
  if (ids.length === 0) return [];
  return tx.select().from(glossaryTermRevisions).where(inArray(glossaryTermRevisions.id, ids));
}

/** The highest revision number of a term. */
export async function lastRevisionNumber(tx: Tx, termId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(${glossaryTermRevisions.number}), 0)::int` })
    .from(glossaryTermRevisions)
    .where(eq(glossaryTermRevisions.termId, termId));
  return row.n;
}

/** Approvals and rejections of revisions, with each person's name and current team kind, oldest first. */
export async function listApprovals(tx: Db, revisionIds: string[]) {
  if (revisionIds.length === 0) return [];
  return tx
    .select({
      revisionId: glossaryApprovals.revisionId,
      userId: glossaryApprovals.userId,
      name: users.name,
      personTeamKind: teams.kind,
      teamKind: glossaryApprovals.teamKind,
      decision: glossaryApprovals.decision,
      reason: glossaryApprovals.reason,
      createdAt: glossaryApprovals.createdAt,
    })
    .from(glossaryApprovals)
    .innerJoin(users, eq(users.id, glossaryApprovals.userId))
    .innerJoin(teams, eq(teams.id, users.teamId))
    .where(inArray(glossaryApprovals.revisionId, revisionIds))
    .orderBy(asc(glossaryApprovals.createdAt), asc(glossaryApprovals.id));
}

/** Records a person's decision on a revision; false when that person already decided on it. */
export async function insertApproval(tx: Tx, values: typeof glossaryApprovals.$inferInsert): Promise<boolean> {
  const rows = await tx
    .insert(glossaryApprovals)
    .values(values)
    .onConflictDoNothing({ target: [glossaryApprovals.revisionId, glossaryApprovals.userId] })
    .returning({ id: glossaryApprovals.id });
  return rows.length > 0;
}

/** Removes a revision's approvals (its content changed, or it went back to draft). */
export async function deleteApprovals(tx: Tx, revisionId: string): Promise<void> {
  await tx.delete(glossaryApprovals).where(eq(glossaryApprovals.revisionId, revisionId));
}

/** People of the workspace by id, with their home team's kind. */
export async function findPeople(tx: Db, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: users.id, name: users.name, teamKind: teams.kind })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, ids)));
}

/** Names of the workspace's KPIs, tools and terms by id (what a revision links to). */
export async function findLinkNames(tx: Db, workspaceId: string, ids: { kpis: string[]; tools: string[] }) {
  const [kpiRows, toolRows] = await Promise.all([
    ids.kpis.length === 0
      ? []
      : tx
          .select({ id: kpis.id, name: kpis.name })
          .from(kpis)
          .where(and(eq(kpis.workspaceId, workspaceId), inArray(kpis.id, ids.kpis))),
    ids.tools.length === 0
      ? []
      : tx
          .select({ id: tools.id, name: tools.name })
          .from(tools)
          .where(and(eq(tools.workspaceId, workspaceId), inArray(tools.id, ids.tools))),
  ]);
  return { kpis: kpiRows, tools: toolRows };
}

/** The workspace's KPIs or tools whose names (any case) are given: what a CSV line names. */
export async function findByNames(tx: Db, workspaceId: string, kind: "kpi" | "tool", names: string[]) {
  if (names.length === 0) return [];
  const table = kind === "kpi" ? kpis : tools;
  return tx
    .select({ id: table.id, name: table.name })
    .from(table)
    .where(
      and(
        eq(table.workspaceId, workspaceId),
        inArray(
          sql`lower(${table.name})`,
          names.map((name) => name.toLowerCase()),
        ),
      ),
    );
}

/** Every term of the workspace that is not retired, with its shown revision's content (for clashes and matching). */
export async function listActiveTerms(tx: Db, workspaceId: string, includeRetired = false) {
  return tx
    .select({
      id: glossaryTerms.id,
      status: glossaryTerms.status,
      revisionId: glossaryTermRevisions.id,
      name: glossaryTermRevisions.name,
      acronym: glossaryTermRevisions.acronym,
      context: glossaryTermRevisions.context,
      synonyms: glossaryTermRevisions.synonyms,
      canonicalDefinition: glossaryTermRevisions.canonicalDefinition,
      definitions: glossaryTermRevisions.definitions,
    })
    .from(glossaryTerms)
    .innerJoin(glossaryTermRevisions, eq(glossaryTermRevisions.id, shownRevisionId))
    .where(
      and(eq(glossaryTerms.workspaceId, workspaceId), includeRetired ? undefined : ne(glossaryTerms.status, "retired")),
    )
    .orderBy(asc(glossaryTerms.createdAt), asc(glossaryTerms.id));
}
export type ActiveTerm = Awaited<ReturnType<typeof listActiveTerms>>[number];

/** Terms of the workspace by id (retired ones too) with their shown revision's forms. */
export async function findShownTerms(tx: Tx, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({
      id: glossaryTerms.id,
      status: glossaryTerms.status,
      name: glossaryTermRevisions.name,
      acronym: glossaryTermRevisions.acronym,
      context: glossaryTermRevisions.context,
      synonyms: glossaryTermRevisions.synonyms,
    })
    .from(glossaryTerms)
    .innerJoin(glossaryTermRevisions, eq(glossaryTermRevisions.id, shownRevisionId))
    .where(and(eq(glossaryTerms.workspaceId, workspaceId), inArray(glossaryTerms.id, ids)));
}

// At most this many matching terms are ranked for the app-wide search (the first ones its GIN index finds): the
// English document of each is rebuilt to rank it, so the cap bounds the work of a one-letter prefix (the palette
// shows a handful of terms; the glossary's own list ranks them all).
const SEARCH_CANDIDATES = 120;

/**
 * Active terms whose names, acronym, synonyms or definitions hold every word (prefixes), best first: full-text rank,
 * plus 1 when the name or acronym is exactly what was typed (as the app-wide search ranks every kind of record).
 */
export async function searchActiveTerms(
  tx: Tx,
  workspaceId: string,
  search: { words: readonly string[]; phrase: string; limit: number },
) {
  const tsquery = searchQuery(search.words.join(" "));
  if (tsquery === null) return [];
  const query = sql`to_tsquery('english', ${tsquery})`;
  const vector = sql`to_tsvector('english', ${glossaryTerms.searchText})`;
  const rank = sql<number>`(ts_rank(${vector}, ${query})
    + CASE WHEN lower(${glossaryTerms.name}) = ${search.phrase} OR lower(${glossaryTerms.acronym}) = ${search.phrase}
      THEN 1 ELSE 0 END)::float8`;
  // ARRAY(…) runs the index lookup once, bounded, before anything is ranked.
  const candidates = sql`${glossaryTerms.id} = ANY(ARRAY(SELECT ${glossaryTerms.id} FROM ${glossaryTerms}
    WHERE ${glossaryTerms.workspaceId} = ${workspaceId} AND ${glossaryTerms.status} <> 'retired'
    AND ${vector} @@ ${query} LIMIT ${SEARCH_CANDIDATES}))`;
  return tx
    .select({
      id: glossaryTerms.id,
      status: glossaryTerms.status,
      name: glossaryTerms.name,
      acronym: glossaryTerms.acronym,
      context: glossaryTerms.context,
      canonicalDefinition: glossaryTermRevisions.canonicalDefinition,
      rank,
    })
    .from(glossaryTerms)
    .innerJoin(glossaryTermRevisions, eq(glossaryTermRevisions.id, shownRevisionId))
    .where(and(eq(glossaryTerms.workspaceId, workspaceId), candidates))
    .orderBy(desc(rank), asc(sql`lower(${glossaryTerms.name})`), asc(glossaryTerms.id))
    .limit(search.limit);
}

/** The filters of a term list page, already resolved (clashing ids computed by the caller). */
export interface TermPageFilter {
  q?: string;
  status?: TermRow["status"];
  teamKind?: TeamKind;
  onlyIds?: string[];
  exceptIds?: string[];
}

/**
 * The words of a search as a prefix tsquery ("cust dat" → "'cust':* & 'dat':*"), or null when none. Each word is
 * quoted, so no character of the search is read as tsquery syntax.
 */
export function searchQuery(q: string | undefined): string | null {
  const words = (q ?? "").match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length === 0 ? null : words.map((word) => `'${word}':*`).join(" & ");
}

/**
 * A page of terms with their shown revision. With a search, by full-text rank (best first, offset cursor); without,
 * by name (keyset after `after`).
 */
export async function listTermPage(
  db: Db,
  workspaceId: string,
  filter: TermPageFilter,
  limit: number,
  after: { name: string; id: string } | null,
  offset: number,
) {
  const tsquery = searchQuery(filter.q);
  const vector = sql`to_tsvector('english', ${glossaryTerms.searchText})`;
  // A term whose name or acronym matches ranks above one that only mentions the words in a definition.
  const naming = sql`to_tsvector('english', ${glossaryTerms.name} || ' ' || coalesce(${glossaryTerms.acronym}, ''))`;
  const rank = tsquery
    ? sql<number>`(ts_rank(${vector}, to_tsquery('english', ${tsquery}))
        + CASE WHEN ${naming} @@ to_tsquery('english', ${tsquery}) THEN 1 ELSE 0 END)::float8`
    : sql<null>`null`;
  const conditions: (SQL | undefined)[] = [eq(glossaryTerms.workspaceId, workspaceId)];
  if (tsquery) conditions.push(sql`${vector} @@ to_tsquery('english', ${tsquery})`);
  if (filter.status) conditions.push(eq(glossaryTerms.status, filter.status));
  if (filter.teamKind) conditions.push(isNotNull(sql`${glossaryTermRevisions.definitions} ->> ${filter.teamKind}`));
  if (filter.onlyIds)
    conditions.push(filter.onlyIds.length === 0 ? sql`false` : inArray(glossaryTerms.id, filter.onlyIds));
  if (filter.exceptIds && filter.exceptIds.length > 0) conditions.push(notInArray(glossaryTerms.id, filter.exceptIds));
  const lowerName = sql`lower(${glossaryTerms.name})`;
  if (!tsquery && after) {
    conditions.push(
      // Compared by the database's lower() and collation, as the ORDER BY sorts.
      or(
        sql`${lowerName} > lower(${after.name})`,
        and(sql`${lowerName} = lower(${after.name})`, gt(glossaryTerms.id, after.id)),
      ),
    );
  }
  const query = db
    .select({ term: glossaryTerms, revision: glossaryTermRevisions, rank })
    .from(glossaryTerms)
    .innerJoin(glossaryTermRevisions, eq(glossaryTermRevisions.id, shownRevisionId))
    .where(and(...conditions))
    .orderBy(
      ...(tsquery ? [desc(rank), asc(lowerName), asc(glossaryTerms.id)] : [asc(lowerName), asc(glossaryTerms.id)]),
    )
    .limit(limit);
  return tsquery ? query.offset(offset) : query;
}

/** The workspace's clash resolutions, newest first. */
export async function listResolutions(tx: Db, workspaceId: string) {
  return tx
    .select()
    .from(glossaryClashResolutions)
    .where(eq(glossaryClashResolutions.workspaceId, workspaceId))
    .orderBy(desc(glossaryClashResolutions.createdAt), desc(glossaryClashResolutions.id));
}
export type ResolutionRow = Awaited<ReturnType<typeof listResolutions>>[number];

/** Records a clash resolution. */
export async function insertResolution(tx: Tx, values: typeof glossaryClashResolutions.$inferInsert): Promise<void> {
  await tx.insert(glossaryClashResolutions).values(values);
}

/** The terms of the workspace with a name (and context) among those given: what the starter and CSV match. */
export async function listTermKeys(tx: Db, workspaceId: string) {
  return tx
    .select({
      id: glossaryTerms.id,
      name: glossaryTerms.name,
      context: glossaryTerms.context,
      status: glossaryTerms.status,
      version: glossaryTerms.version,
    })
    .from(glossaryTerms)
    .where(eq(glossaryTerms.workspaceId, workspaceId));
}

/** People of the workspace by email (lower-cased): what a CSV line's owner names. */
export async function findPeopleByEmail(tx: Db, workspaceId: string, emails: string[]) {
  if (emails.length === 0) return [];
  return tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), inArray(sql`lower(${users.email})`, emails)));
}

/** The owners' emails of revisions (for the export). */
export async function findEmails(tx: Db, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, ids)));
}
