import type { TeamKind } from "#contracts/people";

/** How each kind of team is named and coloured everywhere in the app. */
export const teamKinds: Record<TeamKind, { label: string; color: string }> = {
  marketing: { label: "Marketing", color: "grape" },
  it: { label: "IT", color: "cyan" },
  security: { label: "Security", color: "red" },
  legal: { label: "Legal", color: "orange" },
  finance: { label: "Finance", color: "teal" },
  other: { label: "Other", color: "gray" },
};

/** The kinds as Select options. */
export const teamKindOptions = (Object.keys(teamKinds) as TeamKind[]).map((kind) => ({
  value: kind,
  label: teamKinds[kind].label,
}));
