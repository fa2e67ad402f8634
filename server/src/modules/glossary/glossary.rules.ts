// The glossary's pure rules: two-sided approval, form conflicts in one context, clashes, what search reads.

import type { TeamDefinitions } from "#contracts/glossary";
import type { TeamKind } from "#contracts/people";
import { formKey } from "#engines/terms";
import type { FieldError } from "../../errors";

/** The two sides whose approval makes a term approved. */
export const APPROVING_SIDES = ["marketing", "it"] as const;
export type ApprovingSide = (typeof APPROVING_SIDES)[number];

/** One person's decision on a revision, with their team's kind when they decided. */
export interface Decision {
  userId: string;
  teamKind: TeamKind;
  decision: "approve" | "reject";
}

/**
 * The sides still awaited for a revision: a side counts once a distinct person of that side approved. One person
 * has one home team, so never counts for both; the same person approving twice is one approval.
 */
export function awaitingSides(decisions: readonly Decision[]): ApprovingSide[] {
  const approvedBy = new Map<ApprovingSide, Set<string>>();
  for (const { userId, teamKind, decision } of decisions) {
    if (decision !== "approve" || (teamKind !== "marketing" && teamKind !== "it")) continue;
    approvedBy.set(teamKind, (approvedBy.get(teamKind) ?? new Set()).add(userId));
  }
  return APPROVING_SIDES.filter((side) => (approvedBy.get(side)?.size ?? 0) === 0);
}

/** A term's content as the rules see it. */
export interface TermForms {
  id: string | null;
  name: string;
  acronym: string | null;
  context: string;
  synonyms: readonly string[];
}

/**
 * What refuses a term's forms: a form repeated within the term, or (in the same context) a synonym equal to another
 * term's form, or a name or acronym equal to another term's synonym. The same name or acronym in two terms is
 * allowed: it is a clash, listed until resolved.
 */
export function formProblems(term: TermForms, others: readonly TermForms[]): FieldError[] {
  const problems: FieldError[] = [];
  const own = new Map<string, string>();
  const fields: [string, string][] = [
    ["name", term.name],
    ...(term.acronym ? [["acronym", term.acronym] as [string, string]] : []),
    ...term.synonyms.map((synonym, index): [string, string] => [`synonyms.${index}`, synonym]),
  ];
  for (const [path, value] of fields) {
    const key = formKey(value);
    const earlier = own.get(key);
    if (earlier !== undefined) problems.push({ path, message: `repeats the term's ${earlier.replace(/\.\d+$/, "")}` });
    else own.set(key, path);
  }
  const context = formKey(term.context);
  for (const other of others) {
    if (other.id !== null && other.id === term.id) continue;
    if (formKey(other.context) !== context) continue;
    const otherForms = new Set([other.name, ...(other.acronym ? [other.acronym] : []), ...other.synonyms].map(formKey));
    const otherSynonyms = new Set(other.synonyms.map(formKey));
    const where = other.context === "" ? "with no context" : `in the context "${other.context}"`;
    for (const [path, value] of fields) {
      const key = formKey(value);
      if (path.startsWith("synonyms.") && otherForms.has(key)) {
        problems.push({ path, message: `is already a form of the term "${other.name}" ${where}` });
      } else if (!path.startsWith("synonyms.") && otherSynonyms.has(key)) {
        problems.push({ path, message: `is already a synonym of the term "${other.name}" ${where}` });
      }
    }
  }
  return problems;
}

/** A term as clashes see it. */
export interface ClashCandidate {
  id: string;
  name: string;
  acronym: string | null;
}

/** The clash keys of a term: its name's and acronym's normalised forms. */
export function clashKeysOf(term: ClashCandidate): string[] {
  return [...new Set([term.name, ...(term.acronym ? [term.acronym] : [])].map(formKey))];
}

/** A group of terms sharing a name or acronym: the key, the form as first written, the terms (in input order). */
export interface ClashGroup<T extends ClashCandidate> {
  key: string;
  form: string;
  terms: T[];
}

/** Every key shared by two or more terms, by key; a term's own name equal to its acronym is no clash. */
export function groupClashes<T extends ClashCandidate>(terms: readonly T[]): ClashGroup<T>[] {
  const groups = new Map<string, ClashGroup<T>>();
  for (const term of terms) {
    for (const key of clashKeysOf(term)) {
      const written = formKey(term.name) === key ? term.name : (term.acronym ?? term.name);
      const group = groups.get(key) ?? { key, form: written.trim(), terms: [] };
      group.terms.push(term);
      groups.set(key, group);
    }
  }
  return [...groups.values()].filter((group) => group.terms.length > 1).sort((a, b) => a.key.localeCompare(b.key));
}

/** The sorted ids of a set of terms: how a resolution names exactly the terms it settled. */
export function termSetKey(ids: readonly string[]): string {
  return [...ids].sort().join(",");
}

/** What full-text search reads of a revision: name, acronym, context, synonyms, examples and every definition. */
export function searchTextOf(revision: {
  name: string;
  acronym: string | null;
  context: string;
  synonyms: readonly string[];
  canonicalDefinition: string;
  definitions: TeamDefinitions;
}): string {
  return [
    revision.name,
    revision.acronym ?? "",
    revision.context,
    ...revision.synonyms,
    revision.canonicalDefinition,
    ...Object.values(revision.definitions).filter((value): value is string => typeof value === "string"),
  ]
    .filter((part) => part !== "")
    .join("\n");
}

/** A term as an intended meaning is checked against: its status and its forms. */
export interface MeaningTerm {
  status: string;
  name: string;
  acronym: string | null;
  synonyms: readonly string[];
}

/**
 * The problems of intended meanings (`{form, termId}` each), named under `path`: an unknown term (another
 * workspace's too), a retired one, a form that is not the term's name, acronym or synonym (compared as the
 * recogniser does: trimmed, whitespace collapsed, lower-cased), the same form given twice.
 */
export function meaningProblems(
  meanings: readonly { form: string; termId: string }[],
  terms: ReadonlyMap<string, MeaningTerm>,
  path: string,
): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  meanings.forEach((meaning, index) => {
    const key = formKey(meaning.form);
    if (seen.has(key)) problems.push({ path: `${path}.${index}.form`, message: "is given twice" });
    seen.add(key);
    const term = terms.get(meaning.termId);
    if (!term) {
      problems.push({ path: `${path}.${index}.termId`, message: "is not a term of this glossary" });
      return;
    }
    if (term.status === "retired") {
      problems.push({ path: `${path}.${index}.termId`, message: "is retired: its clash kept another meaning" });
      return;
    }
    const forms = [term.name, ...(term.acronym ? [term.acronym] : []), ...term.synonyms].map(formKey);
    if (!forms.includes(key)) {
      problems.push({ path: `${path}.${index}.form`, message: "is not a name, acronym or synonym of the term" });
    }
  });
  return problems;
}
