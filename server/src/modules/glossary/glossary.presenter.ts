// Rows → API shapes, field by field.
import type { GlossaryPerson, Term, TermApproval, TermCard, TermListItem, TermRevision } from "#contracts/glossary";
import type { TeamKind } from "#contracts/people";
import type { ActiveTerm, RevisionRow, TermRow } from "./glossary.queries";
import { awaitingSides } from "./glossary.rules";

/** A person row as the glossary shows it. */
export interface PersonRow {
  id: string;
  name: string;
  teamKind: TeamKind;
}

/** An approval row with the deciding person. */
export interface ApprovalRow {
  revisionId: string;
  userId: string;
  name: string;
  personTeamKind: TeamKind;
  teamKind: TeamKind;
  decision: "approve" | "reject";
  reason: string | null;
  createdAt: Date;
}

/** What a revision links to, by id → name. */
export interface RevisionLinks {
  people: Map<string, PersonRow>;
  terms: Map<string, { name: string; context: string }>;
  kpis: Map<string, string>;
  tools: Map<string, string>;
}

/** The definitions of a revision as a plain record of the kinds that have one. */
export function presentDefinitions(definitions: RevisionRow["definitions"]): Partial<Record<TeamKind, string>> {
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
export function presentRevision(revision: RevisionRow, approvals: ApprovalRow[], links: RevisionLinks): TermRevision {
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
export function presentTerm(term: TermRow, shown: TermRevision, pending: TermRevision | null, clashing: boolean): Term {
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
export function presentTermListItem(
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
export function presentCard(term: ActiveTerm, clashing: boolean): TermCard {
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
