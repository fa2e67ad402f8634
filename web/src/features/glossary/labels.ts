import type { TermStatus } from "#contracts/glossary";
import type { TeamKind } from "#contracts/people";

/** How each term status reads, and its colour. */
export const termStatusMeta: Record<TermStatus, { label: string; color: string }> = {
  draft: { label: "Draft", color: "gray" },
  proposed: { label: "Proposed", color: "orange" },
  approved: { label: "Approved", color: "teal" },
  retired: { label: "Retired", color: "gray" },
};

/** Whose meaning a definition is. */
export const teamKindLabels: Record<TeamKind, string> = {
  marketing: "Marketing",
  it: "IT",
  security: "Security",
  legal: "Legal",
  finance: "Finance",
  other: "Other teams",
};

/** Team kinds in the order definitions are shown: the two sides first. */
export const teamKindOrder: TeamKind[] = ["marketing", "it", "security", "legal", "finance", "other"];

/** "CMS" or "Content management system (CMS)" with its context: "SQL · sales". */
export function termTitle(term: { name: string; acronym: string | null; context: string }): string {
  const name = term.acronym && term.acronym !== term.name ? `${term.name} (${term.acronym})` : term.name;
  return term.context ? `${name} · ${term.context}` : name;
}
