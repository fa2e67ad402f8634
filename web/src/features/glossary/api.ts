import type {
  AnnotateResult,
  ApproveTermBody,
  ClashList,
  CreateTermBody,
  ImportTermsResult,
  LoadStarterResult,
  RejectTermBody,
  ResolveClashBody,
  Term,
  TermList,
  TermListQuery,
  UpdateTermBody,
} from "#contracts/glossary";
import { api, csvForm } from "../../lib/api";

/** Filters of the term list, as the URL keeps them. */
export type TermFilters = Partial<Pick<TermListQuery, "q" | "status" | "clashing" | "teamKind">>;

/** A page of terms (best rank first when searching, else by name). */
export function listTerms(query: TermFilters & { cursor?: string; limit?: number }) {
  return api<TermList>("/glossary/terms", { query });
}

/** One term with its shown and pending revisions. */
export function getTerm(id: string) {
  return api<Term>(`/glossary/terms/${id}`);
}

/** Writes a new term (a draft, or proposed straight away). */
export function createTerm(body: CreateTermBody) {
  return api<Term>("/glossary/terms", { method: "POST", body });
}

/** Edits a term; on an approved term this proposes a revision. */
export function updateTerm(id: string, body: UpdateTermBody) {
  return api<Term>(`/glossary/terms/${id}`, { method: "PATCH", body });
}

/** Sends a draft for review. */
export function proposeTerm(id: string, version: number) {
  return api<Term>(`/glossary/terms/${id}/propose`, { method: "POST", body: { version } });
}

/** Approves the pending revision for one's side. */
export function approveTerm(id: string, body: ApproveTermBody) {
  return api<Term>(`/glossary/terms/${id}/approve`, { method: "POST", body });
}

/** Rejects the pending revision with a reason. */
export function rejectTerm(id: string, body: RejectTermBody) {
  return api<Term>(`/glossary/terms/${id}/reject`, { method: "POST", body });
}

/** Clashes: the same name or acronym with different meanings. */
export function listClashes(status: "open" | "resolved" | "all" = "open") {
  return api<ClashList>("/glossary/clashes", { query: { status } });
}

/** Settles a clash: one meaning, or both with their contexts. */
export function resolveClash(body: ResolveClashBody) {
  return api<ClashList["items"][number]>("/glossary/clashes/resolve", { method: "POST", body });
}

/** The glossary's terms found in a text: offsets and a card per term. */
export function annotate(text: string, signal?: AbortSignal) {
  return api<AnnotateResult>("/glossary/annotate", { method: "POST", body: { text }, signal });
}

/** Imports terms from CSV (a dry run unless `dryRun` is false); imported terms start proposed. */
export function importTerms(csv: string, dryRun: boolean) {
  return api<ImportTermsResult>("/glossary/import", { method: "POST", body: csvForm(csv, { dryRun }) });
}

/** Loads the starter glossary (about 120 marketing and IT terms) as proposed terms. */
export function loadStarter() {
  return api<LoadStarterResult>("/glossary/starter", { method: "POST" });
}

/** The address of the CSV export. */
export const termsCsvUrl = "/api/v1/glossary/terms.csv";
