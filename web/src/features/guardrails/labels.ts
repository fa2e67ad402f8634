import type { ReviewStatus } from "#contracts/guardrails";
import type { PolicyOutcome, ReviewerKind } from "#contracts/policy";

/** Each outcome's word and colour, the same on every Guardrails page. */
export const outcomeMeta: Record<PolicyOutcome, { label: string; color: string; verdict: string }> = {
  approve: { label: "Approve", color: "green", verdict: "Approved at once" },
  review: { label: "Review", color: "yellow", verdict: "Sent for review" },
  block: { label: "Block", color: "red", verdict: "Blocked" },
};

export const outcomeOptions = (Object.keys(outcomeMeta) as PolicyOutcome[]).map((value) => ({
  value,
  label: outcomeMeta[value].label,
}));

/** The reviewer kinds as people read them. */
export const reviewerLabels: Record<ReviewerKind, string> = {
  it: "IT",
  security: "Security",
  legal: "Legal",
  finance: "Finance",
  marketing: "Marketing",
};

export const reviewerOptions = (Object.keys(reviewerLabels) as ReviewerKind[]).map((value) => ({
  value,
  label: reviewerLabels[value],
}));

export const reviewStatusMeta: Record<ReviewStatus, { label: string; color: string }> = {
  open: { label: "Open", color: "blue" },
  approved: { label: "Approved", color: "green" },
  rejected: { label: "Rejected", color: "red" },
  cancelled: { label: "Cancelled", color: "gray" },
};

/** A list of reviewer kinds in words: "Legal and Security". */
export function reviewersInWords(kinds: readonly ReviewerKind[]): string {
  const words = kinds.map((kind) => reviewerLabels[kind]);
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}
