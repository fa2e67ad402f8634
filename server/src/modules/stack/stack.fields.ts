// A tool's stored columns and the fields the API takes, both ways (services and presenters use them).
import type { ToolFields } from "#contracts/stack";
import type { tools } from "../../db/schema";
import type { ToolRow } from "./stack.queries";
import { assessCompliance, findOwnershipGaps } from "./stack.rules";

type ToolRecord = typeof tools.$inferSelect;

/** The editable fields of a stored tool, in the shape the API takes them. */
export function fieldsOf(tool: ToolRecord): ToolFields {
  return {
    name: tool.name,
    vendor: tool.vendor,
    description: tool.description,
    url: tool.url,
    category: tool.category,
    subcategory: tool.subcategory,
    capabilities: tool.capabilities,
    status: tool.status,
    lifecycle: tool.lifecycle,
    lifecycleDates: {
      phaseIn: tool.phaseInOn,
      active: tool.activeOn,
      phaseOut: tool.phaseOutOn,
      retired: tool.retiredOn,
    },
    businessOwnerId: tool.businessOwnerId,
    technicalOwnerId: tool.technicalOwnerId,
    functionalFit: tool.functionalFit,
    technicalFit: tool.technicalFit,
    annualCost:
      tool.annualCost !== null && tool.currency !== null ? { amount: tool.annualCost, currency: tool.currency } : null,
    seatsBought: tool.seatsBought,
    seatsUsed: tool.seatsUsed,
    contractStart: tool.contractStart,
    renewalDate: tool.renewalDate,
    noticeDays: tool.noticeDays,
    autoRenew: tool.autoRenew,
    dataClasses: tool.dataClasses as ToolFields["dataClasses"],
    sso: tool.sso,
    dpaSigned: tool.dpaSigned,
    securityReviewDate: tool.securityReviewDate,
    securityReviewExpiry: tool.securityReviewExpiry,
    certifications: tool.certifications,
    hostingRegion: tool.hostingRegion,
  };
}

/** The columns that store a tool's fields. */
export function columnsOf(fields: ToolFields) {
  return {
    name: fields.name,
    vendor: fields.vendor,
    description: fields.description,
    url: fields.url,
    category: fields.category,
    subcategory: fields.subcategory,
    // Tags are compared case-insensitively: store them once, as typed first.
    capabilities: dedupeTags(fields.capabilities),
    status: fields.status,
    lifecycle: fields.lifecycle,
    phaseInOn: fields.lifecycleDates.phaseIn,
    activeOn: fields.lifecycleDates.active,
    phaseOutOn: fields.lifecycleDates.phaseOut,
    retiredOn: fields.lifecycleDates.retired,
    businessOwnerId: fields.businessOwnerId,
    technicalOwnerId: fields.technicalOwnerId,
    functionalFit: fields.functionalFit,
    technicalFit: fields.technicalFit,
    annualCost: fields.annualCost?.amount ?? null,
    currency: fields.annualCost?.currency ?? null,
    seatsBought: fields.seatsBought,
    seatsUsed: fields.seatsUsed,
    contractStart: fields.contractStart,
    renewalDate: fields.renewalDate,
    noticeDays: fields.noticeDays,
    autoRenew: fields.autoRenew,
    dataClasses: [...new Set(fields.dataClasses)],
    sso: fields.sso,
    dpaSigned: fields.dpaSigned,
    securityReviewDate: fields.securityReviewDate,
    securityReviewExpiry: fields.securityReviewExpiry,
    certifications: dedupeTags(fields.certifications),
    hostingRegion: fields.hostingRegion,
  };
}

function dedupeTags(tags: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const tag of tags) if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  return [...seen.values()];
}

/** An owner of a tool as the rules see them, or null when there is none. */
export function ownerFactsOf(owner: ToolRow["businessOwner"]) {
  if (!owner?.id || !owner.name || !owner.status || !owner.teamKind) return null;
  return { id: owner.id, name: owner.name, status: owner.status, teamKind: owner.teamKind };
}

/** What the rules say of a stored tool today: its fields, its owners, its compliance and its ownership gaps. */
export function judgeTool(row: ToolRow, today: string) {
  const fields = fieldsOf(row.tool);
  const business = ownerFactsOf(row.businessOwner);
  const technical = ownerFactsOf(row.technicalOwner);
  const hasActiveOwner = business?.status === "active" || technical?.status === "active";
  return {
    fields,
    business,
    technical,
    compliance: assessCompliance(fields, hasActiveOwner, today),
    ownershipGaps: findOwnershipGaps({ business, technical }),
  };
}
