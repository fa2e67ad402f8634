// The glossary's part of the app-wide search (`GET /api/v1/search`, the command palette): active terms by their
// names, acronym, synonyms and definitions, ranked by PostgreSQL full-text search.
import type { Ctx } from "../../context";
import { authorize } from "../../policy";
import { searchActiveTerms } from "./glossary.queries";

/** What the search asks for: the words typed (lower-cased letters and digits), the whole query, how many. */
export interface TermSearch {
  words: readonly string[];
  phrase: string;
  limit: number;
}

/** Active terms matching every word (prefixes), best first, each with its rank (higher is better). */
export async function searchTermsForSearch(ctx: Ctx, search: TermSearch) {
  authorize(ctx.actor, "glossary.read");
  if (search.words.length === 0) return [];
  const rows = await searchActiveTerms(ctx.database.db, ctx.actor.workspaceId, search);
  return rows.map((row) => ({ ...row, rank: Number(row.rank) }));
}
