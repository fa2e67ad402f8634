// The catalog as CSV: export what a filter shows, and import a file — checked whole first (a dry run lists every
// bad line and field), then written in one transaction: new names are added, known names updated, nothing
// half-imported.
import { type DataClass, STACK_TAXONOMY, type StackCategory, ToolFields, type ToolListQuery } from "#contracts/stack";
import type { Ctx } from "../../context";
import { AppError } from "../../errors";
import { CsvLimitError, CsvLimits, type CsvRecord, CsvSyntaxError, parseCsvYielding, toCsv } from "../../lib/csv";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { columnsOf, fieldsOf } from "./stack.fields";
import { insertTool, listAllTools, listPeopleOfWorkspace, pageTools, updateTool } from "./stack.queries";
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

type Column = (typeof TOOL_CSV_COLUMNS)[number];

const MAX_LINES = 10_000;
const list = (values: readonly string[]) => values.join("|");
const yesNo = (value: boolean) => (value ? "yes" : "no");

/** Every tool the filter matches (all pages), as CSV. */
export async function exportToolsCsv(ctx: Ctx, filter: ToolListQuery) {
  authorize(ctx.actor, "tool.read");
  const rows = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await pageTools(ctx.database.db, ctx.actor.workspaceId, { ...filter, limit: 200, cursor });
    rows.push(...page.items);
    if (page.nextCursor === null) break;
    cursor = page.nextCursor;
  }
  const emails = await emailsOf(ctx);
  return toCsv(
    TOOL_CSV_COLUMNS,
    rows.map(({ tool }) => {
      const f = fieldsOf(tool);
      const values: Record<Column, unknown> = {
        name: f.name,
        vendor: f.vendor,
        category: f.category,
        subcategory: f.subcategory,
        capabilities: list(f.capabilities),
        status: f.status,
        lifecycle: f.lifecycle,
        business_owner_email: f.businessOwnerId ? emails.byId.get(f.businessOwnerId) : "",
        technical_owner_email: f.technicalOwnerId ? emails.byId.get(f.technicalOwnerId) : "",
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
    }),
  );
}

async function emailsOf(ctx: Ctx) {
  const rows = await listPeopleOfWorkspace(ctx.database.db, ctx.actor.workspaceId);
  return {
    byId: new Map(rows.map((row) => [row.id, row.email])),
    byEmail: new Map(rows.map((row) => [row.email.toLowerCase(), row])),
  };
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
const columnOf = (path: string) => camelOf[path.split(".")[0]] ?? path;

/**
 * Checks a catalog file and, unless it is a dry run or has any error, imports it in one transaction.
 * Returns what each line would do (or did) and every error with its line and column.
 */
export async function importToolsCsv(ctx: Ctx, input: { csv: string; dryRun: boolean; onlyValid?: boolean }) {
  const result = await checkAndImport(ctx, input);
  // The first problems are listed, all are counted: a bad file's report stays small.
  return { ...result, errors: result.errors.slice(0, CsvLimits.errorsShown), errorCount: result.errors.length };
}

async function checkAndImport(ctx: Ctx, input: { csv: string; dryRun: boolean; onlyValid?: boolean }) {
  authorize(ctx.actor, "tool.create");
  let records: CsvRecord[];
  try {
    records = await parseCsvYielding(input.csv);
  } catch (error) {
    if (error instanceof CsvLimitError) {
      throw new AppError("validation_failed", `The file is too wide: ${error.message}`, [
        { path: "csv", message: error.message },
      ]);
    }
    if (error instanceof CsvSyntaxError) {
      return {
        dryRun: input.dryRun,
        imported: false,
        created: 0,
        updated: 0,
        lines: [],
        errors: [{ line: error.line, field: "", message: error.message }],
      };
    }
    throw error;
  }
  const [header, ...data] = records;
  const errors: ImportError[] = [];
  if (!header) throw new AppError("validation_failed", "The file is empty", [{ path: "csv", message: "is empty" }]);
  const names = header.fields.map((field) => field.trim().toLowerCase());
  const unknown = names.filter((name) => !(TOOL_CSV_COLUMNS as readonly string[]).includes(name));
  for (const name of unknown) errors.push({ line: 1, field: name, message: "is not a column of the catalog file" });
  for (const required of ["name", "category", "subcategory"]) {
    if (!names.includes(required)) errors.push({ line: 1, field: required, message: "column is required" });
  }
  if (data.length > MAX_LINES) {
    throw new AppError("validation_failed", `A file may hold at most ${MAX_LINES.toLocaleString("en")} tools`, [
      { path: "csv", message: `has ${data.length} lines; split it` },
    ]);
  }
  if (errors.length > 0) return { dryRun: input.dryRun, imported: false, created: 0, updated: 0, lines: [], errors };

  const emails = await emailsOf(ctx);
  // Archived tools too: their names are taken until they are restored.
  const existing = await listAllTools(ctx.database.db, ctx.actor.workspaceId);
  const byName = new Map(existing.map((tool) => [tool.name.toLowerCase(), tool]));
  const seen = new Map<string, number>();
  const planned: {
    line: number;
    action: "create" | "update";
    name: string;
    fields: ToolFields;
    id?: string;
    version?: number;
  }[] = [];

  for (const [index, record] of data.entries()) {
    // A turn for other requests every hundred lines: checking a line costs a Zod parse and the field rules.
    if (index % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
    const cell = (column: Column) => {
      const index = names.indexOf(column);
      return index < 0 ? undefined : (record.fields[index] ?? "");
    };
    const lineErrors: ImportError[] = [];
    const fail = (field: string, message: string) => lineErrors.push({ line: record.line, field, message });
    if (record.fields.length !== names.length) {
      fail("", `has ${record.fields.length} fields, the header has ${names.length}`);
      errors.push(...lineErrors);
      continue;
    }
    const name = (cell("name") ?? "").trim();
    const current = byName.get(name.toLowerCase());
    if (current?.archivedAt) fail("name", "belongs to an archived tool; restore it before importing over it");
    const base: Record<string, unknown> = current ? { ...fieldsOf(current) } : {};
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
      const person = emails.byEmail.get(value.trim().toLowerCase());
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
        const person = [...emails.byEmail.values()].find((row) => row.id === id);
        return person ? { status: person.status, teamKind: person.teamKind } : null;
      };
      for (const error of validateToolRules(parsed.data, {
        business: people(parsed.data.businessOwnerId),
        technical: people(parsed.data.technicalOwnerId),
      })) {
        fail(columnOf(error.path), error.message);
      }
    }
    const twice = seen.get(name.toLowerCase());
    if (name && twice !== undefined) fail("name", `is also on line ${twice}`);
    seen.set(name.toLowerCase(), record.line);
    if (lineErrors.length > 0 || !parsed.success) {
      errors.push(...lineErrors);
      continue;
    }
    // The same field rules as the form: a marketer cannot sanction a tool or score its technical fit by file.
    const fields = parsed.data;
    try {
      if (current) {
        const before = fieldsOf(current);
        const changed = (Object.keys(fields) as (keyof ToolFields)[]).filter(
          (key) => JSON.stringify(before[key]) !== JSON.stringify(fields[key]),
        );
        authorize(
          ctx.actor,
          "tool.update",
          { businessOwnerId: before.businessOwnerId, technicalOwnerId: before.technicalOwnerId },
          changed,
        );
      } else {
        authorize(ctx.actor, "tool.create", {}, [
          ...(fields.status !== "under_review" ? ["status"] : []),
          ...(fields.functionalFit !== null ? ["functionalFit"] : []),
          ...(fields.technicalFit !== null ? ["technicalFit"] : []),
        ]);
      }
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "forbidden") throw error;
      for (const refused of error.errors ?? [{ path: "", message: error.message }]) {
        errors.push({ line: record.line, field: columnOf(refused.path), message: refused.message });
      }
      continue;
    }
    planned.push({
      line: record.line,
      action: current ? "update" : "create",
      name: fields.name,
      fields,
      id: current?.id,
      version: current?.version,
    });
  }

  const summary = {
    dryRun: input.dryRun,
    created: planned.filter((plan) => plan.action === "create").length,
    updated: planned.filter((plan) => plan.action === "update").length,
    lines: planned.map(({ line, action, name }) => ({ line, action, name })),
    errors,
  };
  const blocked = errors.length > 0 && !input.onlyValid;
  if (input.dryRun || blocked || planned.length === 0) return { ...summary, imported: false };

  await ctx.database.db.transaction(async (tx) => {
    for (const plan of planned) {
      if (plan.action === "create") {
        await insertTool(tx, {
          ...columnsOf(plan.fields),
          workspaceId: ctx.actor.workspaceId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
      } else {
        const updated = await updateTool(tx, ctx.actor.workspaceId, plan.id as string, plan.version as number, {
          ...columnsOf(plan.fields),
          updatedAt: ctx.now,
        });
        if (!updated) {
          throw new AppError("conflict", `${plan.name} changed while the file was imported; nothing was imported`);
        }
      }
    }
    await recordAudit(tx, originOf(ctx), {
      action: "tool.imported",
      entityType: "workspace",
      entityId: ctx.actor.workspaceId,
      after: { created: summary.created, updated: summary.updated, names: planned.map((plan) => plan.name) },
    });
  });
  return { ...summary, imported: true };
}
