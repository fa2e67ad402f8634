// Who owns an agenda item the Guardrails or the Glossary put there (issue 16: each item has a link and an owner).
// Pure choices over what those modules' commands answer; agenda.sources.ts reads the facts.

/** The people a purchase request names. */
export interface RequestPeople {
  requesterId: string;
  sponsorId: string | null;
  itPartnerId: string | null;
}

// The side a reviewing team stands on: an IT or security review is the IT partner's to chase, a marketing one the
// sponsor's; legal and finance reviews (and any review without that person) fall to the purchase's requester.
const CHASER: Record<string, "itPartnerId" | "sponsorId" | null> = {
  it: "itPartnerId",
  security: "itPartnerId",
  marketing: "sponsorId",
};

/** The owner of an open purchase review on the agenda: the request's person of the reviewing side, else its requester. */
export function reviewOwnerOf(reviewerKind: string, people: RequestPeople): string {
  const field = CHASER[reviewerKind] ?? null;
  return (field ? people[field] : null) ?? people.requesterId;
}

/**
 * The owner of a glossary clash on the agenda: the glossary owner of its newest term that has one (a clash opens
 * when a term takes a form already used, so the newest term's side settles it); null when none of its terms has
 * an owner (the caller then asks who wrote the newest term). `termIds` are oldest first, as the Glossary lists them.
 */
export function clashOwnerOf(termIds: readonly string[], owners: ReadonlyMap<string, string | null>): string | null {
  for (let index = termIds.length - 1; index >= 0; index--) {
    const owner = owners.get(termIds[index]);
    if (owner) return owner;
  }
  return null;
}
