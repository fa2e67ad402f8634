import type { TeamKind, User } from "#contracts/people";

/** Options for a person picker: one side's people first (grouped, with their team), then everyone else. */
export function ownerOptions(people: User[] | undefined, side?: TeamKind) {
  const label = (person: User) => `${person.name} · ${person.team.name}`;
  const all = people ?? [];
  if (!side) return all.map((person) => ({ value: person.id, label: label(person) }));
  const own = all.filter((person) => person.team.kind === side);
  const others = all.filter((person) => person.team.kind !== side);
  const groups = [
    { group: side === "marketing" ? "Marketing" : side === "it" ? "IT" : "This side", items: own },
    { group: "Other teams", items: others },
  ];
  return groups
    .filter((group) => group.items.length > 0)
    .map((group) => ({
      group: group.group,
      items: group.items.map((person) => ({ value: person.id, label: label(person) })),
    }));
}
