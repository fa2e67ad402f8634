export { parseExpenseCsv } from "./csv";
export { DiscoveryInputError } from "./errors";
export { findKnownVendor, runSteps } from "./groups";
export { matchLines, matchLinesInSteps } from "./match-lines";
export { buildMatcher, type Matcher, matchDescription } from "./matcher";
export { normaliseMerchant } from "./normalise";
export {
  type CatalogTool,
  type CsvError,
  type CurrencyTotal,
  type DescriptionMatch,
  DiscoveryDefaults,
  type ExpenseLine,
  type Match,
  type MatcherOptions,
  type MatchField,
  type MatchMethod,
  type MatchResult,
  type MatchStats,
  type NormalisedMerchant,
  type ParsedExpenses,
  type ParseExpenseCsvOptions,
  type SoftwareSignals,
  type UnknownGroup,
} from "./types";
