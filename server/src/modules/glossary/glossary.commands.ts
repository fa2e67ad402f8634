// The glossary's public door: what other modules, the CLI and the demo seed may call.
export { annotateText, glossaryMatcherBuilds } from "./annotate.service";
export { listClashes, resolveClash } from "./clashes.service";
export { exportTermsCsv, importTerms } from "./glossary-csv.service";
export { checkTermMeanings, findMeantTerms, type MeantTerm } from "./meanings.service";
export { approveTerm, proposeTerm, rejectTerm, updateTerm } from "./revisions.service";
export { addStarterTerms, loadStarterGlossary } from "./starter.service";
export { searchTermsForSearch } from "./term-search.service";
export { createTerm, getTerm, listTerms } from "./terms.service";
