import type { Integration, Tool, ToolFields } from "../../../../contracts/stack";
import type { tools } from "../../db/schema";
import type { findIntegration, ToolRow } from "./stack.queries";
import { assessCompliance, cancelByDate, classifyTime, findOwnershipGaps, utilisation } from "./stack.rules";

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

function ownerOf(owner: ToolRow["businessOwner"]) {
  const facts = ownerFactsOf(owner);
  return facts ? { id: facts.id, name: facts.name, status: facts.status } : null;
}

/** A tool as the API shows it, with its TIME class, cancel-by date, utilisation, compliance and ownership gaps. */
export function presentTool(row: ToolRow, today: string): Tool {
  const fields = fieldsOf(row.tool);
  const business = ownerFactsOf(row.businessOwner);
  const technical = ownerFactsOf(row.technicalOwner);
  const hasActiveOwner = business?.status === "active" || technical?.status === "active";
  return {
    id: row.tool.id,
    ...fields,
    businessOwner: ownerOf(row.businessOwner),
    technicalOwner: ownerOf(row.technicalOwner),
    timeClass: classifyTime(fields.functionalFit, fields.technicalFit),
    utilisation: utilisation(fields.seatsBought, fields.seatsUsed),
    cancelBy: cancelByDate(fields.renewalDate, fields.noticeDays),
    compliance: assessCompliance(fields, hasActiveOwner, today),
    ownershipGaps: findOwnershipGaps({ business, technical }),
    archived: row.tool.archivedAt !== null,
    version: row.tool.version,
    createdAt: row.tool.createdAt.toISOString(),
    updatedAt: row.tool.updatedAt.toISOString(),
  } as Tool;
}

/** An integration as the API shows it. */
export function presentIntegration(row: NonNullable<Awaited<ReturnType<typeof findIntegration>>>): Integration {
  const { integration } = row;
  return {
    id: integration.id,
    from: row.from,
    to: row.to,
    dataObjects: integration.dataObjects,
    method: integration.method,
    direction: integration.direction,
    owner: row.owner,
    description: integration.description,
    version: integration.version,
    createdAt: integration.createdAt.toISOString(),
    updatedAt: integration.updatedAt.toISOString(),
  };
}
