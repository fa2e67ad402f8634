// The glossary's public door: what other modules, the CLI and the demo seed may call. Terms and clashes come out
// presented, as the API shows them.
import type {
  ApproveTermBody,
  Clash,
  ClashListQuery,
  ResolveClashBody,
  Term,
  TermList,
  TermListQuery,
} from "#contracts/glossary";
import type { Ctx } from "../../context";
import { listClashes as readClashes, resolveClash as settleClash } from "./clashes.service";
import { presentClash, presentTermPage, presentTermView } from "./glossary.presenter";
import { approveTerm as approve } from "./revisions.service";
import { getTerm as readTerm, listTerms as readTerms } from "./terms.service";

export { glossaryMatcherBuilds } from "./annotate.service";
export { exportTermsCsv, importTerms } from "./glossary-csv.service";
export { checkTermMeanings, findMeantTerms, type MeantTerm } from "./meanings.service";
export { addStarterTerms, loadStarterGlossary } from "./starter.service";
export { searchTermsForSearch } from "./term-search.service";

/** The workspace's clashes by status. */
export async function listClashes(ctx: Ctx, query: ClashListQuery): Promise<{ items: Clash[] }> {
  return { items: (await readClashes(ctx, query)).items.map(presentClash) };
}

/** Resolves a clash for exactly its terms now. */
export async function resolveClash(ctx: Ctx, input: ResolveClashBody): Promise<Clash> {
  return presentClash(await settleClash(ctx, input));
}

/** One term with its shown and pending revisions. */
export async function getTerm(ctx: Ctx, id: string): Promise<Term> {
  return presentTermView(await readTerm(ctx, id));
}

/** A page of terms, by name or searched. */
export async function listTerms(ctx: Ctx, query: TermListQuery): Promise<TermList> {
  return presentTermPage(await readTerms(ctx, query));
}

/** Approves a term's pending revision for one's side. */
export async function approveTerm(ctx: Ctx, id: string, input: ApproveTermBody): Promise<Term> {
  return presentTermView(await approve(ctx, id, input));
}
