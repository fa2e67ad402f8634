// Annotation: the workspace's terms recognised in a text by the engine's matcher, built once per glossary version.

import type { AnnotateBody, AnnotatedSpan } from "#contracts/glossary";
import { annotate, createMatcherCache, formKey, type TermDefinition } from "#engines/terms";
import type { Ctx } from "../../context";
import type { Db } from "../../db/client";
import { authorize } from "../../policy";
import { readClashState } from "./clashes.service";
import { type ActiveTerm, readGlossaryVersion } from "./glossary.queries";
import type { AnnotationView } from "./glossary.views";

/**
 * What one workspace's glossary version becomes once loaded: the engine's terms, each term's row with whether it
 * is in an open clash (its card's content), who shares a form.
 */
interface LoadedGlossary {
  version: number;
  terms: TermDefinition<string>[];
  cards: Map<string, { term: ActiveTerm; clashing: boolean }>;
  /** Form key → the ids of every active term with that form. */
  termsByForm: Map<string, string[]>;
}

const MAX_WORKSPACES = 64;
// Per process. The key is the workspace, the version the database's counter: a change made through any process
// bumps it in its transaction, so every process sees a new version on its next annotation and rebuilds.
const matchers = createMatcherCache<string>(MAX_WORKSPACES);
const loaded = new Map<string, LoadedGlossary>();

/** How many matchers this process has built (for tests and metrics). */
export function glossaryMatcherBuilds(): number {
  return matchers.builds;
}

async function loadGlossary(db: Db, workspaceId: string, version: number): Promise<LoadedGlossary> {
  const state = await readClashState(db, workspaceId);
  const terms = state.terms.map((term) => ({
    id: term.id,
    name: term.name,
    acronym: term.acronym,
    synonyms: term.synonyms,
  }));
  const cards = new Map(state.terms.map((term) => [term.id, { term, clashing: state.openTermIds.has(term.id) }]));
  const termsByForm = new Map<string, string[]>();
  for (const term of terms) {
    const keys = new Set([term.name, ...(term.acronym ? [term.acronym] : []), ...term.synonyms].map(formKey));
    for (const key of keys) termsByForm.set(key, [...(termsByForm.get(key) ?? []), term.id]);
  }
  return { version, terms, cards, termsByForm };
}

/**
 * Recognises the workspace's active terms in a plain text (the engine's rules: whole words, leftmost-longest,
 * all-capital forms case-sensitive). Returns offsets only, never markup, and every term named (for its card).
 */
export async function annotateText(ctx: Ctx, input: AnnotateBody): Promise<AnnotationView> {
  authorize(ctx.actor, "glossary.read");
  const db = ctx.database.db;
  const workspaceId = ctx.actor.workspaceId;
  const version = await readGlossaryVersion(db, workspaceId);
  let glossary = loaded.get(workspaceId);
  if (glossary === undefined || glossary.version !== version) {
    // Another request may have loaded a newer version meanwhile: keep whichever is newer.
    const fresh = await loadGlossary(db, workspaceId, version);
    const current = loaded.get(workspaceId);
    glossary = current !== undefined && current.version > fresh.version ? current : fresh;
    loaded.delete(workspaceId);
    loaded.set(workspaceId, glossary);
    if (loaded.size > MAX_WORKSPACES) loaded.delete(loaded.keys().next().value as string);
  }
  const { terms, cards, termsByForm } = glossary;
  const matcher = matchers.get(workspaceId, glossary.version, () => terms);
  const named = new Set<string>();
  // The engine gives one span per term when several terms share the matched form: one span here, the others as
  // its alternatives (with the other terms that have the form another way, e.g. as a synonym).
  const spans: AnnotatedSpan[] = [];
  for (const span of annotate(matcher, input.text)) {
    const previous = spans[spans.length - 1];
    if (previous !== undefined && previous.start === span.start && previous.end === span.end) {
      if (!previous.alternativeTermIds.includes(span.termId)) previous.alternativeTermIds.push(span.termId);
      previous.clashing = true;
      named.add(span.termId);
      continue;
    }
    const alternatives = (termsByForm.get(formKey(span.form)) ?? []).filter((id) => id !== span.termId);
    named.add(span.termId);
    for (const id of alternatives) named.add(id);
    const clashing = alternatives.length > 0 || (cards.get(span.termId)?.clashing ?? false);
    spans.push({ ...span, clashing, alternativeTermIds: alternatives });
  }
  return {
    spans,
    terms: [...named].flatMap((id) => {
      const card = cards.get(id);
      return card ? [card] : [];
    }),
    glossaryVersion: glossary.version,
  };
}
