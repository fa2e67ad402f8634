export { createMatcherCache, type MatcherCache } from "./cache";
export { TermsInputError } from "./errors";
export { formKey, isCaseSensitiveForm, parseTerms } from "./forms";
export { annotate, buildTermMatcher, type TermMatcher } from "./matcher";
export type { TermDefinition, TermId, TermMatcherStats, TermSpan } from "./types";
