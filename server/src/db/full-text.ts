import { type SQL, type SQLWrapper, sql } from "drizzle-orm";

// One text-search configuration everywhere: 'simple' folds case and keeps every word (no language stemming),
// so names, numbers and words of any language match by prefix. The GIN indexes are built on this very
// expression (schema files), so a query written with it can use them.

/** The search document of one or more text columns: `to_tsvector('simple', a || ' ' || b)`. */
export function searchDocument(...columns: SQLWrapper[]): SQL {
  const joined = sql.join(
    columns.map((column) => sql`${column}`),
    sql` || ' ' || `,
  );
  return sql`to_tsvector('simple'::regconfig, ${joined})`;
}

/** The words of what someone typed, lower-cased: letters and digits only, so they are safe in a tsquery. */
export function searchWords(text: string, max: number): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, max);
}

/** A prefix query of all the words (`shad:* & it:*`); call only with words from `searchWords`. */
export function prefixQuery(words: readonly string[]): SQL {
  return sql`to_tsquery('simple'::regconfig, ${words.map((word) => `${word}:*`).join(" & ")})`;
}
