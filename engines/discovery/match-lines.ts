import { groupUnknownInSteps, runSteps, type UnknownLine } from "./groups";
import { createSearchState, type Matcher, matchTokens } from "./matcher";
import { normaliseMerchant } from "./normalise";
import type { DescriptionMatch, ExpenseLine, Match, MatchResult, NormalisedMerchant } from "./types";
import { validateLinesInSteps } from "./validate";

/**
 * Matches expense lines to the catalog. Each distinct description is normalised once and each distinct
 * normalised merchant matched once (expense files repeat merchants). Every line ends up in exactly one place:
 * `matches` or one of the `unknown` groups.
 */
export function matchLines(matcher: Matcher, lines: ExpenseLine[]): MatchResult {
  return runSteps(matchLinesInSteps(matcher, lines, Number.POSITIVE_INFINITY));
}

/**
 * `matchLines`, pausing (yielding) after every `linesPerStep` lines matched and as many unknown groups
 * summarised, so a caller can give other work a turn in between: the result is the same.
 */
export function* matchLinesInSteps(
  matcher: Matcher,
  lines: ExpenseLine[],
  linesPerStep: number,
): Generator<void, MatchResult> {
  yield* validateLinesInSteps(lines, linesPerStep);
  const merchants = new Map<string, NormalisedMerchant>();
  const results = new Map<string, DescriptionMatch | null>();
  const matches: Match[] = [];
  const unknown: UnknownLine[] = [];
  const byMethod = { exact: 0, contains: 0, fuzzy: 0 };
  const state = createSearchState(matcher);

  let done = 0;
  for (const line of lines) {
    let merchant = merchants.get(line.description);
    if (!merchant) {
      merchant = normaliseMerchant(line.description);
      merchants.set(line.description, merchant);
    }
    // Domains widen what a common-word name may match ("monday.com"), so the cache key carries them.
    const cacheKey =
      merchant.domains.length === 0 ? merchant.key : `${merchant.key}\u0000${merchant.domains.join(" ")}`;
    let result = results.get(cacheKey);
    if (result === undefined) {
      result = matchTokens(matcher, merchant.tokens, merchant.domains, state);
      results.set(cacheKey, result);
    }
    if (result) {
      matches.push({ line: line.line, key: merchant.key, ...result });
      byMethod[result.method] += 1;
    } else {
      unknown.push({ line, merchant });
    }
    done += 1;
    if (done % linesPerStep === 0) yield;
  }
  matches.sort((a, b) => a.line - b.line);
  yield;
  // A group costs about what four lines do.
  const groups = yield* groupUnknownInSteps(unknown, Math.max(1, Math.floor(linesPerStep / 4)));
  return {
    matches,
    unknown: groups,
    stats: {
      lines: lines.length,
      matchedLines: matches.length,
      unknownLines: unknown.length,
      distinctKeys: new Set([...merchants.values()].map((merchant) => merchant.key)).size,
      byMethod,
      unknownGroups: groups.length,
      softwareLikeGroups: groups.filter((group) => group.software.isLikely).length,
    },
  };
}
