import type { ComplianceStatus, DataClass, Lifecycle, TimeClass, ToolFields, ToolStatus } from "#contracts/stack";
import type { FieldError } from "../../errors";

/** Days before the cancel-by date on which both owners are reminded. */
export const RENEWAL_REMINDER_DAYS = [120, 90, 60, 30] as const;

// A fit of 3 or more out of 5 counts as good.
const GOOD_FIT = 3;

/** The TIME class of a tool from its functional and technical fit (1–5), or null until both are scored. */
export function classifyTime(functionalFit: number | null, technicalFit: number | null): TimeClass | null {
  if (functionalFit === null || technicalFit === null) return null;
  const functional = functionalFit >= GOOD_FIT;
  const technical = technicalFit >= GOOD_FIT;
  if (functional && technical) return "invest";
  if (functional) return "migrate";
  if (technical) return "tolerate";
  return "eliminate";
}

/** A calendar date moved by whole days (UTC, so no daylight-saving surprises). */
export function addDays(date: string, days: number): string {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The last day a contract can be cancelled before it renews: renewal date − notice period. */
export function cancelByDate(renewalDate: string | null, noticeDays: number | null): string | null {
  return renewalDate === null ? null : addDays(renewalDate, -(noticeDays ?? 0));
}

/** The days on which the owners are reminded of a cancel-by date. */
export function renewalReminderDates(cancelBy: string): string[] {
  return RENEWAL_REMINDER_DAYS.map((days) => addDays(cancelBy, -days));
}

/**
 * The reminder due today for a cancel-by date, if any: the latest of 120/90/60/30 days before it that has come
 * (a tool added 50 days before its cancel-by gets the 60-day reminder, not three at once); none once it passed.
 */
export function dueReminder(cancelBy: string, today: string): number | null {
  const daysLeft = daysBetween(today, cancelBy);
  if (daysLeft < 0) return null;
  const due = RENEWAL_REMINDER_DAYS.filter((days) => days >= daysLeft);
  return due.length === 0 ? null : Math.min(...due);
}

/** Seats used as a share of seats bought, or null when unknown. */
export function utilisation(seatsBought: number | null, seatsUsed: number | null): number | null {
  if (seatsBought === null || seatsUsed === null || seatsBought === 0) return null;
  return seatsUsed / seatsBought;
}

/** A compliance finding about a tool. */
export interface ComplianceGap {
  code: string;
  severity: "gap" | "warning" | "unknown";
  message: string;
}

/** What compliance looks at. */
export type ComplianceInput = Pick<
  ToolFields,
  "dataClasses" | "dpaSigned" | "sso" | "securityReviewDate" | "securityReviewExpiry" | "certifications"
>;

const PERSONAL: DataClass[] = ["personal", "sensitive_personal", "payment"];

/** Whether a tool handles data about people. */
export function handlesPersonalData(dataClasses: readonly DataClass[]): boolean {
  return dataClasses.some((dataClass) => PERSONAL.includes(dataClass));
}

/** The compliance gaps (and warnings) of a tool on a given day. */
export function findComplianceGaps(tool: ComplianceInput, today: string): ComplianceGap[] {
  const gaps: ComplianceGap[] = [];
  const handlesData = tool.dataClasses.some((dataClass) => dataClass !== "none");
  if (handlesPersonalData(tool.dataClasses) && !tool.dpaSigned) {
    gaps.push({ code: "dpa_missing", severity: "gap", message: "Handles personal data without a signed DPA" });
  }
  if (handlesData && !tool.securityReviewDate) {
    gaps.push({
      code: "review_missing",
      severity: "gap",
      message: "Handles company data but was never security-reviewed",
    });
  }
  if (tool.securityReviewExpiry) {
    const left = daysBetween(today, tool.securityReviewExpiry);
    if (left < 0) {
      gaps.push({
        code: "review_expired",
        severity: "gap",
        message: `Security review expired ${tool.securityReviewExpiry}`,
      });
    } else if (left <= 30) {
      gaps.push({
        code: "review_expiring",
        severity: "warning",
        message: `Security review expires ${tool.securityReviewExpiry}`,
      });
    }
  }
  if ((tool.dataClasses.includes("sensitive_personal") || tool.dataClasses.includes("payment")) && !tool.sso) {
    gaps.push({
      code: "sso_missing",
      severity: "gap",
      message: "Handles sensitive or payment data without single sign-on",
    });
  } else if (handlesPersonalData(tool.dataClasses) && !tool.sso) {
    gaps.push({ code: "sso_missing", severity: "warning", message: "Handles personal data without single sign-on" });
  }
  if (tool.dataClasses.includes("payment") && !tool.certifications.some((c) => /pci/i.test(c))) {
    gaps.push({
      code: "pci_missing",
      severity: "gap",
      message: "Handles payment data without a PCI DSS certification",
    });
  }
  return gaps;
}

/**
 * What must be known before a tool can be called compliant: what data it handles and who answers for it; and a
 * shadow tool, which nobody vouched for, is never compliant.
 */
export function findAccountabilityGaps(
  tool: Pick<ToolFields, "status" | "dataClasses">,
  hasActiveOwner: boolean,
): ComplianceGap[] {
  const gaps: ComplianceGap[] = [];
  if (tool.dataClasses.length === 0) {
    gaps.push({ code: "data_unknown", severity: "unknown", message: "Nothing recorded about the data it handles" });
  }
  if (!hasActiveOwner) {
    gaps.push({ code: "owner_missing", severity: "unknown", message: "No active owner answers for it" });
  }
  if (tool.status === "shadow") {
    gaps.push({ code: "shadow", severity: "warning", message: "Shadow IT: in use without being sanctioned" });
  }
  return gaps;
}

/** A tool's compliance on a given day: every finding (rules broken, then what is not known) and the status. */
export function assessCompliance(
  tool: ComplianceInput & Pick<ToolFields, "status">,
  hasActiveOwner: boolean,
  today: string,
): { status: ComplianceStatus; gaps: ComplianceGap[] } {
  const gaps = [...findComplianceGaps(tool, today), ...findAccountabilityGaps(tool, hasActiveOwner)];
  return { status: complianceStatus(gaps), gaps };
}

/** non_compliant (a gap), else unknown (something not recorded), else at_risk (warnings), else compliant. */
export function complianceStatus(gaps: readonly ComplianceGap[]): ComplianceStatus {
  if (gaps.some((gap) => gap.severity === "gap")) return "non_compliant";
  if (gaps.some((gap) => gap.severity === "unknown")) return "unknown";
  return gaps.length > 0 ? "at_risk" : "compliant";
}

/** Worst first: the order compliance lists and counts use. */
export const COMPLIANCE_RANK: Record<ComplianceStatus, number> = {
  non_compliant: 0,
  unknown: 1,
  at_risk: 2,
  compliant: 3,
};

/** An owner as the ownership rule sees them. */
export interface OwnerFacts {
  status: "active" | "deactivated";
  teamKind: string;
}

/** Why a tool needs an owner, if it does: missing or deactivated business (marketing) or technical (IT) owner. */
export function findOwnershipGaps(owners: { business: OwnerFacts | null; technical: OwnerFacts | null }): string[] {
  const gaps: string[] = [];
  if (!owners.business) gaps.push("No business owner in marketing");
  else if (owners.business.status !== "active") gaps.push("The business owner was deactivated");
  if (!owners.technical) gaps.push("No technical owner in IT");
  else if (owners.technical.status !== "active") gaps.push("The technical owner was deactivated");
  return gaps;
}

/** The team kinds each owner may come from. */
export const OWNER_TEAM_KINDS = { business: ["marketing"], technical: ["it", "security"] } as const;

const LIFECYCLE_ORDER: (keyof ToolFields["lifecycleDates"])[] = ["phaseIn", "active", "phaseOut", "retired"];

/** Checks the rules that span fields; returns each broken one against the field to fix. */
export function validateToolRules(
  tool: ToolFields,
  owners: { business: OwnerFacts | null; technical: OwnerFacts | null },
): FieldError[] {
  const errors: FieldError[] = [];
  if (tool.contractStart && tool.renewalDate && tool.renewalDate <= tool.contractStart) {
    errors.push({ path: "renewalDate", message: "must be after the contract start" });
  }
  if (tool.securityReviewDate && tool.securityReviewExpiry && tool.securityReviewExpiry <= tool.securityReviewDate) {
    errors.push({ path: "securityReviewExpiry", message: "must be after the security review date" });
  }
  let previous: { key: string; date: string } | null = null;
  for (const key of LIFECYCLE_ORDER) {
    const date = tool.lifecycleDates[key];
    if (!date) continue;
    if (previous && date < previous.date) {
      errors.push({ path: `lifecycleDates.${key}`, message: `must not be before ${previous.key}` });
    }
    previous = { key, date };
  }
  if (tool.dataClasses.includes("none") && tool.dataClasses.length > 1) {
    errors.push({ path: "dataClasses", message: "cannot say none and list data classes" });
  }
  if (tool.noticeDays !== null && tool.renewalDate === null) {
    errors.push({ path: "renewalDate", message: "is required when a notice period is given" });
  }
  if (owners.business && !(OWNER_TEAM_KINDS.business as readonly string[]).includes(owners.business.teamKind)) {
    errors.push({ path: "businessOwnerId", message: "must be someone in a marketing team" });
  }
  if (owners.technical && !(OWNER_TEAM_KINDS.technical as readonly string[]).includes(owners.technical.teamKind)) {
    errors.push({ path: "technicalOwnerId", message: "must be someone in an IT or security team" });
  }
  if (tool.status === "sanctioned" && findOwnershipGaps(owners).length > 0) {
    errors.push({
      path: "status",
      message: "can be sanctioned only with an active business owner in marketing and an active technical owner in IT",
    });
  }
  return errors;
}

/** What the overlap finder needs of a tool. */
export interface OverlapTool {
  id: string;
  name: string;
  category: string;
  subcategory: string;
  capabilities: readonly string[];
  lifecycle: Lifecycle;
  status: ToolStatus;
  annualCost: { amount: string; currency: string } | null;
  seatsBought: number | null;
  seatsUsed: number | null;
}

/** Tools in one subcategory linked by shared capabilities: candidates to consolidate. */
export interface OverlapGroup {
  category: string;
  subcategory: string;
  sharedCapabilities: string[];
  tools: OverlapTool[];
  /** Combined annual cost per currency, as decimal strings. */
  annualCost: { amount: string; currency: string }[];
  seatsBought: number;
  seatsUsed: number;
  utilisation: number | null;
}

/**
 * Groups the live tools (not retired) of each subcategory that share at least one capability,
 * transitively: A and B share "email", B and C share "sms" → one group of three.
 */
export function findOverlaps(tools: readonly OverlapTool[]): OverlapGroup[] {
  const bySubcategory = new Map<string, OverlapTool[]>();
  for (const tool of tools) {
    if (tool.lifecycle === "retired") continue;
    const key = `${tool.category}\u0000${tool.subcategory.toLowerCase()}`;
    bySubcategory.set(key, [...(bySubcategory.get(key) ?? []), tool]);
  }
  const groups: OverlapGroup[] = [];
  for (const members of bySubcategory.values()) {
    if (members.length < 2) continue;
    const parent = members.map((_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) i = parent[i];
      return i;
    };
    const firstWith = new Map<string, number>();
    members.forEach((tool, i) => {
      for (const capability of new Set(tool.capabilities.map((c) => c.toLowerCase()))) {
        const j = firstWith.get(capability);
        if (j === undefined) firstWith.set(capability, i);
        else parent[find(i)] = find(j);
      }
    });
    const components = new Map<number, OverlapTool[]>();
    members.forEach((tool, i) => {
      const root = find(i);
      components.set(root, [...(components.get(root) ?? []), tool]);
    });
    for (const group of components.values()) {
      if (group.length < 2) continue;
      groups.push(summariseOverlap(group));
    }
  }
  return groups.sort((a, b) => b.tools.length - a.tools.length || a.subcategory.localeCompare(b.subcategory));
}

function summariseOverlap(tools: OverlapTool[]): OverlapGroup {
  const counts = new Map<string, number>();
  for (const tool of tools) {
    for (const capability of new Set(tool.capabilities.map((c) => c.toLowerCase()))) {
      counts.set(capability, (counts.get(capability) ?? 0) + 1);
    }
  }
  const cents = new Map<string, bigint>();
  for (const tool of tools) {
    if (!tool.annualCost) continue;
    const [whole, fraction = ""] = tool.annualCost.amount.split(".");
    const amount = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0"));
    cents.set(tool.annualCost.currency, (cents.get(tool.annualCost.currency) ?? 0n) + amount);
  }
  const seatsBought = tools.reduce((sum, tool) => sum + (tool.seatsBought ?? 0), 0);
  const seatsUsed = tools.reduce((sum, tool) => sum + (tool.seatsUsed ?? 0), 0);
  return {
    category: tools[0].category,
    subcategory: tools[0].subcategory,
    sharedCapabilities: [...counts]
      .filter(([, n]) => n >= 2)
      .map(([capability]) => capability)
      .sort(),
    tools: [...tools].sort((a, b) => a.name.localeCompare(b.name)),
    annualCost: [...cents]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, total]) => ({
        amount: `${total / 100n}.${(total % 100n).toString().padStart(2, "0")}`,
        currency,
      })),
    seatsBought,
    seatsUsed,
    utilisation: utilisation(seatsBought || null, seatsBought ? seatsUsed : null),
  };
}
