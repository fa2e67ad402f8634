// Rows → API shapes, field by field.
import type {
  AnnotateResult,
  Clash,
  GlossaryPerson,
  Term,
  TermApproval,
  TermCard,
  TermList,
  TermListItem,
  TermRevision,
} from "#contracts/glossary";
import type { TeamKind } from "#contracts/people";
import type { ActiveTerm, RevisionRow, TermRow } from "./glossary.queries";
import { awaitingSides } from "./glossary.rules";
import type {
  AnnotationView,
  ApprovalRow,
  ClashView,
  PersonRow,
  RevisionLinks,
  TermPage,
  TermView,
} from "./glossary.views";

/** The definitions of a revision as a plain record of the kinds that have one. */
function presentDefinitions(definitions: RevisionRow["definitions"]): Partial<Record<TeamKind, string>> {
  const out: Partial<Record<TeamKind, string>> = {};
  for (const [kind, value] of Object.entries(definitions) as [TeamKind, string | undefined][]) {
    if (typeof value === "string" && value !== "") out[kind] = value;
  }
  return out;
}

function presentPerson(person: PersonRow | undefined): GlossaryPerson | null {
  return person ? { id: person.id, name: person.name, teamKind: person.teamKind } : null;
}

function presentApproval(row: ApprovalRow): TermApproval {
  return {
    person: { id: row.userId, name: row.name, teamKind: row.personTeamKind },
    teamKind: row.teamKind,
    decision: row.decision,
    reason: row.reason,
    at: row.createdAt.toISOString(),
  };
}

/** A revision with its approvals and linked records' names (links no longer in the workspace are left out). */
function presentRevision(revision: RevisionRow, approvals: ApprovalRow[], links: RevisionLinks): TermRevision {
  const own = approvals.filter((approval) => approval.revisionId === revision.id);
  return {
    id: revision.id,
    number: revision.number,
    status: revision.status,
    name: revision.name,
    acronym: revision.acronym,
    context: revision.context,
    canonicalDefinition: revision.canonicalDefinition,
    definitions: presentDefinitions(revision.definitions),
    examples: revision.examples,
    synonyms: revision.synonyms,
    relatedTerms: revision.relatedTermIds.flatMap((id) => {
      const term = links.terms.get(id);
      return term ? [{ id, name: term.name, context: term.context }] : [];
    }),
    kpis: revision.kpiIds.flatMap((id) => {
      const name = links.kpis.get(id);
      return name === undefined ? [] : [{ id, name }];
    }),
    tools: revision.toolIds.flatMap((id) => {
      const name = links.tools.get(id);
      return name === undefined ? [] : [{ id, name }];
    }),
    owner: presentPerson(revision.ownerId ? links.people.get(revision.ownerId) : undefined),
    approvals: own.map(presentApproval),
    awaiting: revision.status === "approved" || revision.status === "superseded" ? [] : awaitingSides(own),
    createdBy: presentPerson(revision.createdById ? links.people.get(revision.createdById) : undefined),
    createdAt: revision.createdAt.toISOString(),
  };
}

/** A term with its shown and pending revisions. */
function presentTerm(term: TermRow, shown: TermRevision, pending: TermRevision | null, clashing: boolean): Term {
  return {
    id: term.id,
    status: term.status,
    name: shown.name,
    acronym: shown.acronym,
    context: shown.context,
    shown,
    pending,
    clashing,
    version: term.version,
    createdAt: term.createdAt.toISOString(),
    updatedAt: term.updatedAt.toISOString(),
  };
}

/** A term in a list. */
function presentTermListItem(
  term: TermRow,
  revision: RevisionRow,
  owner: PersonRow | undefined,
  clashing: boolean,
  rank: number | null,
): TermListItem {
  return {
    id: term.id,
    status: term.status,
    name: revision.name,
    acronym: revision.acronym,
    context: revision.context,
    canonicalDefinition: revision.canonicalDefinition,
    definitions: presentDefinitions(revision.definitions),
    synonyms: revision.synonyms,
    owner: presentPerson(owner),
    hasPendingRevision: term.pendingRevisionId !== null && term.approvedRevisionId !== null,
    clashing,
    rank: rank === null ? null : Number(rank),
    version: term.version,
    updatedAt: term.updatedAt.toISOString(),
  };
}

/** The hover card of a term. */
function presentCard(term: ActiveTerm, clashing: boolean): TermCard {
  return {
    id: term.id,
    name: term.name,
    acronym: term.acronym,
    context: term.context,
    status: term.status,
    canonicalDefinition: term.canonicalDefinition,
    definitions: presentDefinitions(term.definitions),
    clashing,
  };
}

/** A term as read (`readTerm`), with its shown and pending revisions. */
export function presentTermView(view: TermView): Term {
  const shown = presentRevision(view.shown, view.approvals, view.links);
  const pending =
    view.pending === null
      ? null
      : view.pending === view.shown
        ? shown
        : presentRevision(view.pending, view.approvals, view.links);
  return presentTerm(view.term, shown, pending, view.clashing);
}

/** A page of the term list. */
export function presentTermPage(page: TermPage): TermList {
  return {
    items: page.items.map(({ term, revision, owner, clashing, rank }) =>
      presentTermListItem(term, revision, owner, clashing, rank),
    ),
    nextCursor: page.nextCursor,
  };
}

function presentClashTerm(term: ActiveTerm): Clash["terms"][number] {
  return {
    id: term.id,
    name: term.name,
    acronym: term.acronym,
    context: term.context,
    status: term.status,
    canonicalDefinition: term.canonicalDefinition,
    definitions: presentDefinitions(term.definitions),
  };
}

/** A clash, open or resolved. */
export function presentClash({ key, form, terms, resolution, resolver }: ClashView): Clash {
  return {
    key,
    form,
    terms: terms.map(presentClashTerm),
    status: resolution === null ? "open" : "resolved",
    resolution: resolution?.resolution ?? null,
    keptTermId: resolution?.keptTermId ?? null,
    resolvedBy: resolver ? { id: resolver.id, name: resolver.name, teamKind: resolver.teamKind } : null,
    resolvedAt: resolution ? resolution.createdAt.toISOString() : null,
    note: resolution ? resolution.note : null,
  };
}

/** An annotated text with the hover card of every term it names. */
export function presentAnnotation(view: AnnotationView): AnnotateResult {
  return {
    spans: view.spans,
    terms: view.terms.map(({ term, clashing }) => presentCard(term, clashing)),
    glossaryVersion: view.glossaryVersion,
  };
}
