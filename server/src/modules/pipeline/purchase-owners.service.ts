// Who owns a purchased tool in the Stack (issue 15 item 8): the requester's side as business owner, the IT partner
// as technical owner. The IT partner is the one named on the request; else the IT person Accountable, then
// Responsible, in its who-does-what; else the workspace's IT lead (an IT admin, else the first IT member by name).
import type { Tx } from "../../db/client";
import { findNamedPeople, listItPeople, listRaciPeople } from "./purchase-owners.queries";

type Person = { id: string; status: string; teamKind: string };
type RaciPerson = { userId: string; role: string; status: string; teamKind: string };

/** Where the technical owner came from, said in the audit of the tool it goes on. */
export type TechnicalOwnerSource = "it_partner" | "raci_accountable" | "raci_responsible" | "it_lead" | null;

export interface PurchaseOwners {
  businessOwnerId: string | null;
  technicalOwnerId: string | null;
  technicalOwnerFrom: TechnicalOwnerSource;
}

// The Stack takes a technical owner from an IT or a security team, a business owner from a marketing team.
const TECHNICAL_KINDS = ["it", "security"];
const isActive = (person: { status: string } | null | undefined) => person?.status === "active";

/** Chooses a purchase's owners from the request's people, its who-does-what and the workspace's IT people. */
export function choosePurchaseOwners(facts: {
  requester: Person | null;
  sponsor: Person | null;
  itPartner: Person | null;
  raci: readonly RaciPerson[];
  itPeople: readonly { id: string }[];
}): PurchaseOwners {
  const marketing = [facts.requester, facts.sponsor].find((p) => isActive(p) && p?.teamKind === "marketing");
  const businessOwnerId = marketing?.id ?? facts.requester?.id ?? null;
  if (isActive(facts.itPartner) && TECHNICAL_KINDS.includes(facts.itPartner?.teamKind ?? "")) {
    return { businessOwnerId, technicalOwnerId: facts.itPartner?.id ?? null, technicalOwnerFrom: "it_partner" };
  }
  for (const [role, from] of [
    ["A", "raci_accountable"],
    ["R", "raci_responsible"],
  ] as const) {
    const found = facts.raci.find((row) => row.role === role && isActive(row) && row.teamKind === "it");
    if (found) return { businessOwnerId, technicalOwnerId: found.userId, technicalOwnerFrom: from };
  }
  const lead = facts.itPeople[0];
  return lead
    ? { businessOwnerId, technicalOwnerId: lead.id, technicalOwnerFrom: "it_lead" }
    : { businessOwnerId, technicalOwnerId: null, technicalOwnerFrom: null };
}

/** The owners a purchased tool gets in the Stack, read in the caller's transaction. */
export async function readPurchaseOwners(
  tx: Tx,
  request: {
    workspaceId: string;
    id: string;
    requesterId: string;
    sponsorId: string | null;
    itPartnerId: string | null;
  },
): Promise<PurchaseOwners> {
  const ids = [request.requesterId, request.sponsorId, request.itPartnerId].filter((id): id is string => id !== null);
  const people = new Map((await findNamedPeople(tx, request.workspaceId, ids)).map((p) => [p.id, p]));
  const of = (id: string | null) => (id === null ? null : (people.get(id) ?? null));
  return choosePurchaseOwners({
    requester: of(request.requesterId),
    sponsor: of(request.sponsorId),
    itPartner: of(request.itPartnerId),
    raci: await listRaciPeople(tx, request.workspaceId, request.id),
    itPeople: await listItPeople(tx, request.workspaceId),
  });
}
