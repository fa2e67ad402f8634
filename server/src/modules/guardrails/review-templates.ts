// The built-in review checklists, one per reviewer kind; a workspace's own template replaces its kind's.
import type { ReviewerKind } from "#contracts/policy";
import type { reviewTemplates } from "../../db/schema";

/** The built-in checklist of each reviewer kind. */
export const DEFAULT_CHECKLISTS: Record<ReviewerKind, string[]> = {
  it: ["Overlap with owned tools checked", "Integrations are feasible", "A technical owner is named"],
  security: [
    "Security questionnaire answered",
    "SSO and MFA confirmed",
    "Certifications checked (SOC 2, ISO 27001)",
    "Hosting region acceptable",
  ],
  legal: ["DPA checked and signed", "Sub-processors reviewed", "Terms, liability and exit reviewed"],
  finance: ["Budget check: the cost fits a budget line", "Payment terms and renewal reviewed"],
  marketing: ["Business case and owner confirmed", "Adoption plan agreed"],
};

/** The checklist items of a kind: the workspace's template, or the built-in one. */
export function checklistOf(templates: (typeof reviewTemplates.$inferSelect)[], kind: ReviewerKind): string[] {
  return templates.find((t) => t.kind === kind)?.items ?? DEFAULT_CHECKLISTS[kind];
}
