// The rows an answer of the glossary is made of: what its services return and its presenters show.
import type { AnnotatedSpan } from "#contracts/glossary";
import type { TeamKind } from "#contracts/people";
import type { ActiveTerm, listTermPage, ResolutionRow, RevisionRow, TermRow } from "./glossary.queries";

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

/** One term as read: its shown and pending revisions (the same row when the shown one is pending), approvals, links. */
export interface TermView {
  term: TermRow;
  shown: RevisionRow;
  pending: RevisionRow | null;
  approvals: ApprovalRow[];
  links: RevisionLinks;
  clashing: boolean;
}

/** A page of the term list: each term with its shown revision, owner, clash and search rank. */
export interface TermPage {
  items: (Awaited<ReturnType<typeof listTermPage>>[number] & { owner: PersonRow | undefined; clashing: boolean })[];
  nextCursor: string | null;
}

/** A clash: the form several terms share, those terms, and the resolution that settles it (or none) with who did. */
export interface ClashView {
  key: string;
  form: string;
  terms: ActiveTerm[];
  resolution: ResolutionRow | null;
  resolver: PersonRow | undefined;
}

/** An annotated text: its spans, and each term named with whether it is in an open clash. */
export interface AnnotationView {
  spans: AnnotatedSpan[];
  terms: { term: ActiveTerm; clashing: boolean }[];
  glossaryVersion: number;
}
