import { glossaryApi } from "#contracts/api/glossary";
import type { TermListQuery } from "#contracts/glossary";
import { buildUrl, call, csvForm, pathOf } from "../../lib/api";

/** Filters of the term list, as the URL keeps them. */
export type TermFilters = Partial<Pick<TermListQuery, "q" | "status" | "clashing" | "teamKind">>;

/** Imports terms from CSV (a dry run unless `dryRun` is false); imported terms start proposed. */
export function importTerms(csv: string, dryRun: boolean) {
  return call(glossaryApi.importTerms, { body: csvForm(csv, { dryRun }) });
}

/** The address of the CSV export (a download, not a JSON call). */
export const termsCsvUrl = buildUrl(pathOf(glossaryApi.termsCsv));
