import type {
  DataClass,
  IntegrationMethod,
  Lifecycle,
  StackCategory,
  TimeClass,
  Tool,
  ToolStatus,
} from "#contracts/stack";
import { STACK_TAXONOMY } from "#contracts/stack";

/** Each category's label and colour (the same colour in the table, the graph and the charts). */
export const categoryMeta: Record<StackCategory, { label: string; color: string; hex: string }> = {
  advertising: { label: STACK_TAXONOMY.advertising.label, color: "orange", hex: "#e8590c" },
  content: { label: STACK_TAXONOMY.content.label, color: "violet", hex: "#7048e8" },
  social: { label: STACK_TAXONOMY.social.label, color: "pink", hex: "#c2255c" },
  commerce: { label: STACK_TAXONOMY.commerce.label, color: "teal", hex: "#0c8599" },
  data: { label: STACK_TAXONOMY.data.label, color: "blue", hex: "#1971c2" },
  management: { label: STACK_TAXONOMY.management.label, color: "gray", hex: "#495057" },
};

export const categoryOptions = (Object.keys(categoryMeta) as StackCategory[]).map((key) => ({
  value: key,
  label: categoryMeta[key].label,
}));

export const statusMeta: Record<ToolStatus, { label: string; color: string }> = {
  sanctioned: { label: "Sanctioned", color: "green" },
  under_review: { label: "Under review", color: "yellow" },
  shadow: { label: "Shadow IT", color: "red" },
};
export const statusOptions = (Object.keys(statusMeta) as ToolStatus[]).map((key) => ({
  value: key,
  label: statusMeta[key].label,
}));

export const lifecycleLabels: Record<Lifecycle, string> = {
  plan: "Plan",
  phase_in: "Phase-in",
  active: "Active",
  phase_out: "Phase-out",
  retired: "Retired",
};
export const lifecycleOptions = (Object.keys(lifecycleLabels) as Lifecycle[]).map((key) => ({
  value: key,
  label: lifecycleLabels[key],
}));

export const timeMeta: Record<TimeClass, { label: string; color: string; help: string }> = {
  invest: { label: "Invest", color: "green", help: "Good for the business and sound technically" },
  tolerate: { label: "Tolerate", color: "blue", help: "Technically sound but of little business use" },
  migrate: { label: "Migrate", color: "orange", help: "Useful to the business but technically weak" },
  eliminate: { label: "Eliminate", color: "red", help: "Neither useful nor sound" },
};

export const dataClassLabels: Record<DataClass, string> = {
  none: "No personal data",
  personal: "Personal",
  sensitive_personal: "Sensitive personal",
  payment: "Payment",
  confidential: "Confidential",
};
export const dataClassOptions = (Object.keys(dataClassLabels) as DataClass[]).map((key) => ({
  value: key,
  label: dataClassLabels[key],
}));

/** Data classes about people or their money: what the graph highlights. */
export const personalDataClasses: DataClass[] = ["personal", "sensitive_personal", "payment"];

/** Whether a tool handles personal, sensitive or payment data. */
export function handlesPersonalData(tool: Pick<Tool, "dataClasses">): boolean {
  return tool.dataClasses.some((dataClass) => personalDataClasses.includes(dataClass));
}

export const methodLabels: Record<IntegrationMethod, string> = {
  native: "Native connector",
  api: "API",
  ipaas: "iPaaS",
  file: "File transfer",
  manual: "Manual",
};
export const methodOptions = (Object.keys(methodLabels) as IntegrationMethod[]).map((key) => ({
  value: key,
  label: methodLabels[key],
}));

/** Each compliance status's label, colour and rank (worst first); unknown is grey, never green. */
export const complianceMeta: Record<Tool["compliance"]["status"], { label: string; color: string; rank: number }> = {
  non_compliant: { label: "Not compliant", color: "red", rank: 0 },
  unknown: { label: "Unknown", color: "gray", rank: 1 },
  at_risk: { label: "At risk", color: "yellow", rank: 2 },
  compliant: { label: "Compliant", color: "green", rank: 3 },
};

/** " (warning)" or " (not recorded)" after a finding that is not a broken rule. */
export function findingSuffix(severity: Tool["compliance"]["gaps"][number]["severity"]): string {
  if (severity === "warning") return " (warning)";
  return severity === "unknown" ? " (not recorded)" : "";
}

/** Whole days from today (UTC) to a calendar date; negative when it has passed. */
export function daysUntil(date: string, now: Date = new Date()): number {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((Date.parse(`${date}T00:00:00Z`) - today) / 86_400_000);
}

/** "in 12 days", "today", "5 days ago". */
export function describeDays(days: number): string {
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days === -1) return "yesterday";
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** The colour of a cancel-by countdown: red inside 30 days, orange inside 90. */
export function countdownColor(days: number): string {
  if (days < 0) return "gray";
  if (days <= 30) return "red";
  if (days <= 90) return "orange";
  return "teal";
}

/** A calendar date as "12 Mar 2026" (no time-zone shift). */
export function formatCalendarDate(date: string | null | undefined): string {
  if (!date) return "—";
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}
