import type { PolicyCheckFinding } from "#contracts/guardrails";
import type { PolicyOutcome, PolicyRule, ReviewerKind } from "#contracts/policy";

/** A rule as the editor holds it: every field a string or list, and a key that survives renaming. */
export interface DraftRule {
  key: string;
  id: string;
  when: string;
  outcome: PolicyOutcome;
  require: ReviewerKind[];
  explain: string;
}

let counter = 0;
const nextKey = () => `rule-${++counter}`;

/** The editor's copy of stored rules. */
export function draftOf(rules: readonly PolicyRule[]): DraftRule[] {
  return rules.map((rule) => ({
    key: nextKey(),
    id: rule.id,
    when: rule.when,
    outcome: rule.outcome,
    require: rule.require ?? [],
    explain: rule.explain ?? "",
  }));
}

/** A new, empty rule. */
export function blankRule(): DraftRule {
  return { key: nextKey(), id: "", when: "", outcome: "review", require: ["it"], explain: "" };
}

/** The rules as the API takes them: `require` only on review rules, `explain` only when written. */
export function rulesOf(draft: readonly DraftRule[]): PolicyRule[] {
  return draft.map((rule) => ({
    id: rule.id.trim(),
    when: rule.when,
    outcome: rule.outcome,
    ...(rule.outcome === "review" ? { require: rule.require } : {}),
    ...(rule.explain.trim() ? { explain: rule.explain.trim() } : {}),
  }));
}

/** The findings of one rule, by the field they belong to (`require[1]` belongs to `require`). */
export function findingsByField(findings: readonly PolicyCheckFinding[], index: number): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const finding of findings) {
    if (finding.index !== index) continue;
    const field = finding.field.replace(/\[\d+\]$/, "") || "rule";
    const known = ["id", "when", "outcome", "require", "explain"].includes(field) ? field : "rule";
    const text = known === "rule" && finding.field ? `${finding.field} ${finding.message}` : finding.message;
    fields[known] = [...(fields[known] ?? []), text];
  }
  return fields;
}

/** The rules the example starts from: a fast lane, personal data to security and legal, a denied vendor. */
export const STARTER_RULES: PolicyRule[] = [
  {
    id: "fast-lane",
    when: "request.annualCost < 5000.0 && request.dataClasses.all(d, d == 'none') && request.sso",
    outcome: "approve",
    explain: "Low cost, no personal data, SSO",
  },
  {
    id: "personal-data",
    when: "request.dataClasses.exists(d, d in ['personal', 'sensitive_personal'])",
    outcome: "review",
    require: ["security", "legal"],
    explain: "Personal data needs a security review and a DPA",
  },
  {
    id: "overlap",
    when: "size(stack.overlapping) > 0",
    outcome: "review",
    require: ["it"],
    explain: "The Stack already has a tool that does this",
  },
  {
    id: "denied-vendor",
    when: "request.vendor in ['Acme Spyware']",
    outcome: "block",
    explain: "Vendor not allowed",
  },
];
