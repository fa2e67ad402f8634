import { and, desc, eq, isNull, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { prefixQuery, searchDocument } from "../../db/full-text";
import { experiments, kpis, objectives, requests, spendLines, tools, users } from "../../db/schema";

/** What the searches share: the workspace, the prefix query of the words, the whole query lower-cased. */
export interface SearchTerms {
  workspaceId: string;
  words: readonly string[];
  phrase: string;
  limit: number;
}

// At most this many matches of a kind are ranked: a word as common as a prefix of one letter would otherwise rank
// (and rebuild the document of) thousands of rows; the first ones the index finds are ranked instead.
const CANDIDATES = 400;

// The ids of the first matches of a kind, found through its GIN index.
function candidates(table: SQLWrapper, id: SQLWrapper, workspaceId: SQLWrapper, terms: SearchTerms, document: SQL) {
  // ARRAY(…) runs the subquery once (an init plan); `IN (…)` let a planner without statistics (PGlite) rerun it per row.
  return sql`${id} = ANY(ARRAY(SELECT ${id} FROM ${table} WHERE ${workspaceId} = ${terms.workspaceId} AND ${document} @@ ${prefixQuery(terms.words)} LIMIT ${CANDIDATES}))`;
}

// ts_rank of the document, one more when the title is exactly what was typed.
function rankOf(document: SQL, query: SQL, title: SQLWrapper, phrase: string) {
  return sql<number>`ts_rank(${document}, ${query}) + CASE WHEN lower(${title}) = ${phrase} THEN 1 ELSE 0 END`;
}

/** The request with this number, or null. */
export async function findRequestByNumber(tx: Tx, workspaceId: string, number: number) {
  const [row] = await tx
    .select({ id: requests.id, number: requests.number, title: requests.title, stage: requests.stage })
    .from(requests)
    .where(and(eq(requests.workspaceId, workspaceId), eq(requests.number, number)));
  return row ?? null;
}

/** Requests whose title has all the words (prefixes), best first. */
export async function searchRequests(tx: Tx, terms: SearchTerms) {
  const document = searchDocument(requests.title);
  const query = prefixQuery(terms.words);
  const rank = rankOf(document, query, requests.title, terms.phrase);
  return tx
    .select({ id: requests.id, number: requests.number, title: requests.title, stage: requests.stage, rank })
    .from(requests)
    .where(
      and(
        eq(requests.workspaceId, terms.workspaceId),
        candidates(requests, requests.id, requests.workspaceId, terms, document),
      ),
    )
    .orderBy(desc(rank), desc(requests.number))
    .limit(terms.limit);
}

/** Tools whose name or vendor has all the words, best first. */
export async function searchTools(tx: Tx, terms: SearchTerms) {
  const document = searchDocument(tools.name, tools.vendor);
  const query = prefixQuery(terms.words);
  const rank = rankOf(document, query, tools.name, terms.phrase);
  return tx
    .select({
      id: tools.id,
      name: tools.name,
      vendor: tools.vendor,
      status: tools.status,
      archivedAt: tools.archivedAt,
      rank,
    })
    .from(tools)
    .where(
      and(eq(tools.workspaceId, terms.workspaceId), candidates(tools, tools.id, tools.workspaceId, terms, document)),
    )
    .orderBy(desc(rank), tools.name)
    .limit(terms.limit);
}

/** Vendors of live tools whose name has all the words, with how many tools each sells us. */
export async function searchVendors(tx: Tx, terms: SearchTerms) {
  const document = searchDocument(tools.vendor);
  const query = prefixQuery(terms.words);
  const rank = sql<number>`max(ts_rank(${document}, ${query})) + CASE WHEN lower(${tools.vendor}) = ${terms.phrase} THEN 1 ELSE 0 END`;
  return tx
    .select({ vendor: tools.vendor, toolCount: sql<number>`count(*)::int`, rank })
    .from(tools)
    .where(
      and(
        eq(tools.workspaceId, terms.workspaceId),
        isNull(tools.archivedAt),
        sql`${tools.vendor} <> ''`,
        sql`${document} @@ ${query}`,
      ),
    )
    .groupBy(tools.vendor)
    .orderBy(desc(rank), tools.vendor)
    .limit(terms.limit);
}

/** Experiments whose name has all the words, best first. */
export async function searchExperiments(tx: Tx, terms: SearchTerms) {
  const document = searchDocument(experiments.name);
  const query = prefixQuery(terms.words);
  const rank = rankOf(document, query, experiments.name, terms.phrase);
  return tx
    .select({ id: experiments.id, name: experiments.name, status: experiments.status, rank })
    .from(experiments)
    .where(
      and(
        eq(experiments.workspaceId, terms.workspaceId),
        candidates(experiments, experiments.id, experiments.workspaceId, terms, document),
      ),
    )
    .orderBy(desc(rank), experiments.name)
    .limit(terms.limit);
}

/** People whose name has all the words, best first. */
export async function searchPeople(tx: Tx, terms: SearchTerms) {
  const document = searchDocument(users.name);
  const query = prefixQuery(terms.words);
  const rank = rankOf(document, query, users.name, terms.phrase);
  return tx
    .select({ id: users.id, name: users.name, email: users.email, status: users.status, rank })
    .from(users)
    .where(
      and(eq(users.workspaceId, terms.workspaceId), candidates(users, users.id, users.workspaceId, terms, document)),
    )
    .orderBy(desc(rank), users.name)
    .limit(terms.limit);
}

/** Spend lines whose channel, campaign or initiative has all the words, best first, newest first among equals. */
export async function searchSpendLines(tx: Tx, terms: SearchTerms) {
  const document = searchDocument(spendLines.channel, spendLines.campaign, spendLines.initiative);
  const query = prefixQuery(terms.words);
  const rank = rankOf(document, query, spendLines.campaign, terms.phrase);
  return tx
    .select({
      id: spendLines.id,
      channel: spendLines.channel,
      campaign: spendLines.campaign,
      spentOn: spendLines.spentOn,
      kind: spendLines.kind,
      amount: spendLines.amount,
      currency: spendLines.currency,
      rank,
    })
    .from(spendLines)
    .where(
      and(
        eq(spendLines.workspaceId, terms.workspaceId),
        candidates(spendLines, spendLines.id, spendLines.workspaceId, terms, document),
      ),
    )
    .orderBy(desc(rank), desc(spendLines.spentOn))
    .limit(terms.limit);
}

/** KPIs whose name has all the words, best first. */
export async function searchKpis(tx: Tx, terms: SearchTerms) {
  const document = searchDocument(kpis.name);
  const query = prefixQuery(terms.words);
  const rank = rankOf(document, query, kpis.name, terms.phrase);
  return tx
    .select({ id: kpis.id, name: kpis.name, objectiveTitle: objectives.title, rank })
    .from(kpis)
    .innerJoin(objectives, eq(objectives.id, kpis.objectiveId))
    .where(and(eq(kpis.workspaceId, terms.workspaceId), candidates(kpis, kpis.id, kpis.workspaceId, terms, document)))
    .orderBy(desc(rank), kpis.name)
    .limit(terms.limit);
}

/** Objectives whose title has all the words, best first. */
export async function searchObjectives(tx: Tx, terms: SearchTerms) {
  const document = searchDocument(objectives.title);
  const query = prefixQuery(terms.words);
  const rank = rankOf(document, query, objectives.title, terms.phrase);
  return tx
    .select({
      id: objectives.id,
      title: objectives.title,
      periodStart: objectives.periodStart,
      periodEnd: objectives.periodEnd,
      rank,
    })
    .from(objectives)
    .where(
      and(
        eq(objectives.workspaceId, terms.workspaceId),
        candidates(objectives, objectives.id, objectives.workspaceId, terms, document),
      ),
    )
    .orderBy(desc(rank), objectives.title)
    .limit(terms.limit);
}
