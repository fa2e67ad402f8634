// The glossary's public door: what other modules, the CLI and the demo seed may call.
export { annotateText, glossaryMatcherBuilds } from "./annotate.service";
export { listClashes, resolveClash } from "./clashes.service";
export { exportTermsCsv, importTerms } from "./glossary-csv.service";
export { approveTerm, proposeTerm, rejectTerm, updateTerm } from "./revisions.service";
export { addStarterTerms, loadStarterGlossary } from "./starter.service";
export { createTerm, getTerm, listTerms } from "./terms.service";
