import type { DecisionOutcome, Priority, RaciRole, RequestType, SlaClock, Stage } from "#contracts/pipeline";

export const typeLabels: Record<RequestType, string> = {
  change: "Change to a system",
  capability: "New capability",
  data: "Data or analytics",
  purchase: "New tool purchase",
  project: "Joint project",
};
export const typeOptions = (Object.keys(typeLabels) as RequestType[]).map((value) => ({
  value,
  label: typeLabels[value],
}));

export const priorityMeta: Record<Priority, { label: string; color: string }> = {
  crucial: { label: "Crucial", color: "red" },
  secondary: { label: "Secondary", color: "blue" },
  nice_to_have: { label: "Nice to have", color: "gray" },
};
export const priorityOptions = (Object.keys(priorityMeta) as Priority[]).map((value) => ({
  value,
  label: priorityMeta[value].label,
}));

export const stageMeta: Record<Stage, { label: string; color: string }> = {
  draft: { label: "Draft", color: "gray" },
  submitted: { label: "Submitted", color: "blue" },
  triage: { label: "Triage", color: "cyan" },
  planning: { label: "Planning", color: "teal" },
  decision: { label: "Decision", color: "violet" },
  delivery: { label: "Delivery", color: "indigo" },
  delivered: { label: "Delivered", color: "green" },
  value_review: { label: "Value review", color: "lime" },
  closed: { label: "Closed", color: "dark" },
  declined: { label: "Declined", color: "red" },
  withdrawn: { label: "Withdrawn", color: "gray" },
};

/** The stages a request goes through on its way, in order (the page's stepper). */
export const PATH_STAGES: Stage[] = [
  "submitted",
  "triage",
  "planning",
  "decision",
  "delivery",
  "delivered",
  "value_review",
  "closed",
];

/** The board's columns. */

export const stageOptions = [
  { value: "open", label: "Open" },
  { value: "in_flight", label: "Open, before delivered" },
  ...(Object.keys(stageMeta) as Stage[]).map((value) => ({
    value,
    label: value === "draft" ? "Draft (yours)" : stageMeta[value].label,
  })),
];

export const outcomeMeta: Record<DecisionOutcome, { label: string; color: string }> = {
  approved: { label: "Approved", color: "green" },
  declined: { label: "Declined", color: "red" },
  deferred: { label: "Deferred", color: "yellow" },
  alternative: { label: "Alternative offered", color: "orange" },
};

export const roleNames: Record<RaciRole, string> = {
  R: "Responsible",
  A: "Accountable",
  C: "Consulted",
  I: "Informed",
};

export const clockStatusMeta: Record<SlaClock["status"], { label: string; color: string }> = {
  met: { label: "Met", color: "green" },
  breached: { label: "Breached", color: "red" },
  running: { label: "Running", color: "blue" },
  at_risk: { label: "At risk", color: "orange" },
  paused: { label: "Paused", color: "gray" },
  none: { label: "Not started", color: "gray" },
};

/** Business minutes as "3 h 20 min", "2 d 1 h" (a business day is 8 hours). */
export function formatBusinessMinutes(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  const days = Math.floor(whole / 480);
  const hours = Math.floor((whole % 480) / 60);
  const rest = whole % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(`${days} d`);
  if (hours > 0) parts.push(`${hours} h`);
  if (rest > 0 && days === 0) parts.push(`${rest} min`);
  return parts.length === 0 ? "0 min" : parts.join(" ");
}

/** A share 0–1 as "87%"; "—" when nothing was measured. */
export function formatShare(share: number | null | undefined): string {
  return share === null || share === undefined ? "—" : `${Math.round(share * 100)}%`;
}

export { OPEN_STAGES, TRANSITIONS } from "#contracts/pipeline";
