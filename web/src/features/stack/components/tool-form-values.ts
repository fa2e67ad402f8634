// The tool form's model: its labels, its values, and the values as the contract's body (and back from a tool).
import type { CreateToolBody, DataClass, Lifecycle, StackCategory, Tool, ToolStatus } from "#contracts/stack";

/** Each field's label, by its path in the form and in the server's field errors. */
export const labels: Record<string, string> = {
  name: "Name",
  vendor: "Vendor",
  description: "What it is for",
  url: "Website",
  category: "Category",
  subcategory: "Subcategory",
  capabilities: "Capabilities",
  status: "Status",
  lifecycle: "Lifecycle",
  "lifecycleDates.phaseIn": "Phase-in date",
  "lifecycleDates.active": "Active since",
  "lifecycleDates.phaseOut": "Phase-out date",
  "lifecycleDates.retired": "Retired on",
  businessOwnerId: "Business owner",
  technicalOwnerId: "Technical owner",
  functionalFit: "Functional fit",
  technicalFit: "Technical fit",
  "annualCost.amount": "Annual cost",
  "annualCost.currency": "Currency",
  annualCost: "Currency",
  seatsBought: "Seats bought",
  seatsUsed: "Seats used",
  contractStart: "Contract start",
  renewalDate: "Renewal date",
  noticeDays: "Notice period (days)",
  autoRenew: "Renews automatically",
  dataClasses: "Data handled",
  sso: "Single sign-on",
  dpaSigned: "DPA signed",
  securityReviewDate: "Security review",
  securityReviewExpiry: "Review expires",
  certifications: "Certifications",
  hostingRegion: "Hosting region",
};

/** Server paths that have no field of their own, and the field that shows their error. */
export const aliases: Record<string, string> = { annualCost: "annualCost.currency", lifecycleDates: "lifecycle" };

/** What the form edits: the tool's fields as its inputs hold them (empty text for no number or date). */
export interface ToolFormValues {
  name: string;
  vendor: string;
  description: string;
  url: string;
  category: StackCategory | null;
  subcategory: string;
  capabilities: string[];
  status: ToolStatus;
  lifecycle: Lifecycle;
  lifecycleDates: { phaseIn: string; active: string; phaseOut: string; retired: string };
  businessOwnerId: string | null;
  technicalOwnerId: string | null;
  functionalFit: string | null;
  technicalFit: string | null;
  annualCost: { amount: string | number; currency: string };
  seatsBought: string | number;
  seatsUsed: string | number;
  contractStart: string;
  renewalDate: string;
  noticeDays: string | number;
  autoRenew: boolean;
  dataClasses: DataClass[];
  sso: boolean;
  dpaSigned: boolean;
  securityReviewDate: string;
  securityReviewExpiry: string;
  certifications: string[];
  hostingRegion: string;
}

const orNull = (value: string) => (value.trim() === "" ? null : value.trim());
const numberOrNull = (value: string | number) => (value === "" || value === null ? null : Number(value));

export function valuesOf(tool: Tool | null): ToolFormValues {
  return {
    name: tool?.name ?? "",
    vendor: tool?.vendor ?? "",
    description: tool?.description ?? "",
    url: tool?.url ?? "",
    category: tool?.category ?? null,
    subcategory: tool?.subcategory ?? "",
    capabilities: tool?.capabilities ?? [],
    status: tool?.status ?? "under_review",
    lifecycle: tool?.lifecycle ?? "plan",
    lifecycleDates: {
      phaseIn: tool?.lifecycleDates.phaseIn ?? "",
      active: tool?.lifecycleDates.active ?? "",
      phaseOut: tool?.lifecycleDates.phaseOut ?? "",
      retired: tool?.lifecycleDates.retired ?? "",
    },
    businessOwnerId: tool?.businessOwner?.id ?? null,
    technicalOwnerId: tool?.technicalOwner?.id ?? null,
    functionalFit: tool?.functionalFit ? String(tool.functionalFit) : null,
    technicalFit: tool?.technicalFit ? String(tool.technicalFit) : null,
    annualCost: { amount: tool?.annualCost?.amount ?? "", currency: tool?.annualCost?.currency ?? "EUR" },
    seatsBought: tool?.seatsBought ?? "",
    seatsUsed: tool?.seatsUsed ?? "",
    contractStart: tool?.contractStart ?? "",
    renewalDate: tool?.renewalDate ?? "",
    noticeDays: tool?.noticeDays ?? "",
    autoRenew: tool?.autoRenew ?? false,
    dataClasses: tool?.dataClasses ?? [],
    sso: tool?.sso ?? false,
    dpaSigned: tool?.dpaSigned ?? false,
    securityReviewDate: tool?.securityReviewDate ?? "",
    securityReviewExpiry: tool?.securityReviewExpiry ?? "",
    certifications: tool?.certifications ?? [],
    hostingRegion: tool?.hostingRegion ?? "",
  };
}

/** The form's values as the contract's body. */
export function bodyOf(values: ToolFormValues) {
  const amount = String(values.annualCost.amount).trim();
  return {
    name: values.name,
    vendor: values.vendor,
    description: values.description,
    url: orNull(values.url),
    category: values.category as StackCategory,
    subcategory: values.subcategory,
    capabilities: values.capabilities,
    status: values.status,
    lifecycle: values.lifecycle,
    lifecycleDates: {
      phaseIn: orNull(values.lifecycleDates.phaseIn),
      active: orNull(values.lifecycleDates.active),
      phaseOut: orNull(values.lifecycleDates.phaseOut),
      retired: orNull(values.lifecycleDates.retired),
    },
    businessOwnerId: values.businessOwnerId,
    technicalOwnerId: values.technicalOwnerId,
    functionalFit: values.functionalFit ? Number(values.functionalFit) : null,
    technicalFit: values.technicalFit ? Number(values.technicalFit) : null,
    annualCost: amount === "" ? null : { amount, currency: values.annualCost.currency.trim().toUpperCase() },
    seatsBought: numberOrNull(values.seatsBought),
    seatsUsed: numberOrNull(values.seatsUsed),
    contractStart: orNull(values.contractStart),
    renewalDate: orNull(values.renewalDate),
    noticeDays: numberOrNull(values.noticeDays),
    autoRenew: values.autoRenew,
    dataClasses: values.dataClasses,
    sso: values.sso,
    dpaSigned: values.dpaSigned,
    securityReviewDate: orNull(values.securityReviewDate),
    securityReviewExpiry: orNull(values.securityReviewExpiry),
    certifications: values.certifications,
    hostingRegion: values.hostingRegion,
  } satisfies CreateToolBody;
}
