// The catalog file's columns, both ways: a tool's fields as a line to export, and a line's cells read back into
// a tool's fields, each problem named by its column.
import { type DataClass, STACK_TAXONOMY, type StackCategory, ToolFields } from "#contracts/stack";
import type { listPeopleOfWorkspace } from "./stack.queries";
import { validateToolRules } from "./stack.rules";

/** The columns of a catalog file, in order; list fields separate their items with "|". */
export const TOOL_CSV_COLUMNS = [
  "name",
  "vendor",
  "category",
  "subcategory",
  "capabilities",
  "status",
  "lifecycle",
  "business_owner_email",
  "technical_owner_email",
  "functional_fit",
  "technical_fit",
  "annual_cost",
  "currency",
  "seats_bought",
  "seats_used",
  "contract_start",
  "renewal_date",
  "notice_days",
  "auto_renew",
  "data_classes",
  "sso",
  "dpa_signed",
  "security_review_date",
  "security_review_expiry",
  "certifications",
  "hosting_region",
  "url",
  "description",
] as const;

export type Column = (typeof TOOL_CSV_COLUMNS)[number];

const list = (values: readonly string[]) => values.join("|");
const yesNo = (value: boolean) => (value ? "yes" : "no");

/** Someone of the workspace, as a catalog file names them: by email. */
type Person = Awaited<ReturnType<typeof listPeopleOfWorkspace>>[number];

/** A tool's fields as a line of the catalog file, owners by email. */
export function csvLineOf(f: ToolFields, emailOf: (id: string) => string | undefined): unknown[] {
  const values: Record<Column, unknown> = {
    name: f.name,
    vendor: f.vendor,
    category: f.category,
    subcategory: f.subcategory,
    capabilities: list(f.capabilities),
    status: f.status,
    lifecycle: f.lifecycle,
    business_owner_email: f.businessOwnerId ? emailOf(f.businessOwnerId) : "",
    technical_owner_email: f.technicalOwnerId ? emailOf(f.technicalOwnerId) : "",
    functional_fit: f.functionalFit,
    technical_fit: f.technicalFit,
    annual_cost: f.annualCost?.amount,
    currency: f.annualCost?.currency,
    seats_bought: f.seatsBought,
    seats_used: f.seatsUsed,
    contract_start: f.contractStart,
    renewal_date: f.renewalDate,
    notice_days: f.noticeDays,
    auto_renew: yesNo(f.autoRenew),
    data_classes: list(f.dataClasses),
    sso: yesNo(f.sso),
    dpa_signed: yesNo(f.dpaSigned),
    security_review_date: f.securityReviewDate,
    security_review_expiry: f.securityReviewExpiry,
    certifications: list(f.certifications),
    hosting_region: f.hostingRegion,
    url: f.url,
    description: f.description,
  };
  return TOOL_CSV_COLUMNS.map((column) => values[column]);
}

/** One problem of an imported file: the line, the column, and what is wrong. */
export interface ImportError {
  line: number;
  field: string;
  message: string;
}

const categoryByLabel = new Map<string, StackCategory>(
  Object.entries(STACK_TAXONOMY).flatMap(([key, value]) => [
    [key.toLowerCase(), key as StackCategory],
    [value.label.toLowerCase(), key as StackCategory],
  ]),
);

// A yes/no cell: yes, no, true, false, 1, 0 (empty is no).
function readBoolean(text: string): boolean | string {
  const value = text.trim().toLowerCase();
  if (["yes", "true", "1", "y"].includes(value)) return true;
  if (["no", "false", "0", "n", ""].includes(value)) return false;
  return "must be yes or no";
}

const splitList = (text: string) =>
  text
    .split("|")
    .map((item) => item.trim())
    .filter(Boolean);

const camelOf: Record<string, Column> = {
  name: "name",
  vendor: "vendor",
  description: "description",
  url: "url",
  category: "category",
  subcategory: "subcategory",
  capabilities: "capabilities",
  status: "status",
  lifecycle: "lifecycle",
  businessOwnerId: "business_owner_email",
  technicalOwnerId: "technical_owner_email",
  functionalFit: "functional_fit",
  technicalFit: "technical_fit",
  annualCost: "annual_cost",
  seatsBought: "seats_bought",
  seatsUsed: "seats_used",
  contractStart: "contract_start",
  renewalDate: "renewal_date",
  noticeDays: "notice_days",
  autoRenew: "auto_renew",
  dataClasses: "data_classes",
  sso: "sso",
  dpaSigned: "dpa_signed",
  securityReviewDate: "security_review_date",
  securityReviewExpiry: "security_review_expiry",
  certifications: "certifications",
  hostingRegion: "hosting_region",
};

/** The column a validation path points at (annualCost.amount → annual_cost). */
export const columnOf = (path: string) => camelOf[path.split(".")[0]] ?? path;

/**
 * A line's cells read over the tool's current fields (a column the file leaves out keeps its field), parsed with
 * the contract and checked with the tool rules. Every problem goes to `fail`, one per column (`lineErrors` holds
 * the line's problems so far); null when the fields do not parse.
 */
export function readToolLine(
  cell: (column: Column) => string | undefined,
  current: ToolFields | null,
  byEmail: ReadonlyMap<string, Person>,
  fail: (field: string, message: string) => void,
  lineErrors: readonly ImportError[],
): ToolFields | null {
  const base: Record<string, unknown> = { ...current };
  const set = (key: string, value: unknown) => {
    base[key] = value;
  };
  const text = (column: Column, key: string) => {
    const value = cell(column);
    if (value !== undefined) set(key, value);
  };
  text("name", "name");
  text("vendor", "vendor");
  text("subcategory", "subcategory");
  text("hosting_region", "hostingRegion");
  text("description", "description");
  const url = cell("url");
  if (url !== undefined) set("url", url === "" ? null : url);
  const category = cell("category");
  if (category !== undefined) {
    const key = categoryByLabel.get(category.trim().toLowerCase());
    if (key) set("category", key);
    else fail("category", "is not a category of the taxonomy");
  }
  for (const [column, key] of [
    ["status", "status"],
    ["lifecycle", "lifecycle"],
  ] as const) {
    const value = cell(column);
    if (value !== undefined && value !== "")
      set(key, value.trim().toLowerCase().replaceAll(" ", "_").replaceAll("-", "_"));
  }
  for (const [column, key] of [
    ["capabilities", "capabilities"],
    ["certifications", "certifications"],
  ] as const) {
    const value = cell(column);
    if (value !== undefined) set(key, splitList(value));
  }
  const dataClasses = cell("data_classes");
  if (dataClasses !== undefined)
    set(
      "dataClasses",
      splitList(dataClasses).map((item) => item.toLowerCase().replaceAll(" ", "_") as DataClass),
    );
  for (const [column, key] of [
    ["functional_fit", "functionalFit"],
    ["technical_fit", "technicalFit"],
    ["seats_bought", "seatsBought"],
    ["seats_used", "seatsUsed"],
    ["notice_days", "noticeDays"],
  ] as const) {
    const value = cell(column);
    if (value === undefined) continue;
    if (value === "") set(key, null);
    else if (/^-?\d+$/.test(value)) set(key, Number(value));
    else fail(column, "must be a whole number");
  }
  for (const [column, key] of [
    ["contract_start", "contractStart"],
    ["renewal_date", "renewalDate"],
    ["security_review_date", "securityReviewDate"],
    ["security_review_expiry", "securityReviewExpiry"],
  ] as const) {
    const value = cell(column);
    if (value !== undefined) set(key, value === "" ? null : value);
  }
  for (const [column, key] of [
    ["auto_renew", "autoRenew"],
    ["sso", "sso"],
    ["dpa_signed", "dpaSigned"],
  ] as const) {
    const value = cell(column);
    if (value === undefined) continue;
    const read = readBoolean(value);
    if (typeof read === "string") fail(column, read);
    else set(key, read);
  }
  const amount = cell("annual_cost");
  const currency = cell("currency");
  if (amount !== undefined || currency !== undefined) {
    const previous = base.annualCost as { amount: string; currency: string } | null | undefined;
    const nextAmount = (amount ?? previous?.amount ?? "").replace(/\s/g, "");
    const nextCurrency = (currency ?? previous?.currency ?? "").trim().toUpperCase();
    if (nextAmount === "") set("annualCost", null);
    else set("annualCost", { amount: nextAmount, currency: nextCurrency || "EUR" });
  }
  for (const [column, key] of [
    ["business_owner_email", "businessOwnerId"],
    ["technical_owner_email", "technicalOwnerId"],
  ] as const) {
    const value = cell(column);
    if (value === undefined) continue;
    if (value.trim() === "") {
      set(key, null);
      continue;
    }
    const person = byEmail.get(value.trim().toLowerCase());
    if (!person) fail(column, "is not a person of this workspace");
    else set(key, person.id);
  }
  const parsed = ToolFields.safeParse(base);
  if (!parsed.success) {
    // One problem per column: a column already named above (an unknown category) is not named twice.
    for (const issue of parsed.error.issues) {
      const field = columnOf(issue.path.map(String).join("."));
      if (!lineErrors.some((error) => error.field === field)) fail(field, issue.message);
    }
  } else {
    const people = (id: string | null) => {
      if (!id) return null;
      const person = [...byEmail.values()].find((row) => row.id === id);
      return person ? { status: person.status, teamKind: person.teamKind } : null;
    };
    for (const error of validateToolRules(parsed.data, {
      business: people(parsed.data.businessOwnerId),
      technical: people(parsed.data.technicalOwnerId),
    })) {
      fail(columnOf(error.path), error.message);
    }
  }
  return parsed.success ? parsed.data : null;
}
