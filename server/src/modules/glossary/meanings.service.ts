// Intended meanings: which glossary term a record means where it writes a form several terms share (a clash),
// checked and read for other modules (the Pipeline's requests) through the glossary's commands.
import type { TermStatus } from "#contracts/glossary";
import type { Tx } from "../../db/client";
import type { FieldError } from "../../errors";
import { findShownTerms } from "./glossary.queries";
import { meaningProblems } from "./glossary.rules";

/** The term a record means, as its readers see it. */
export interface MeantTerm {
  id: string;
  name: string;
  acronym: string | null;
  context: string;
  status: TermStatus;
}

/**
 * The problems of a list of intended meanings, each naming its field under `path` (`termMeanings.0.termId`): a term
 * that is not one of the workspace's, a retired term, a form that is not the term's name, acronym or synonym, a form
 * given twice. Empty when all are good.
 */
export async function checkTermMeanings(
  tx: Tx,
  workspaceId: string,
  meanings: readonly { form: string; termId: string }[],
  path = "termMeanings",
): Promise<FieldError[]> {
  if (meanings.length === 0) return [];
  const terms = await findShownTerms(tx, workspaceId, [...new Set(meanings.map((meaning) => meaning.termId))]);
  return meaningProblems(meanings, new Map(terms.map((term) => [term.id, term])), path);
}

/** The terms named by intended meanings, by id (retired ones too: a reader still sees what was meant). */
export async function findMeantTerms(tx: Tx, workspaceId: string, ids: readonly string[]) {
  const terms = await findShownTerms(tx, workspaceId, [...new Set(ids)]);
  return new Map<string, MeantTerm>(
    terms.map((term) => [
      term.id,
      { id: term.id, name: term.name, acronym: term.acronym, context: term.context, status: term.status },
    ]),
  );
}
