// The catalog as CSV: export what a filter shows, and import a file — checked whole first (a dry run lists every
// bad line and field), then written in one transaction: new names are added, known names updated, nothing
// half-imported.
import type { ToolFields, ToolListQuery } from "#contracts/stack";
import type { Ctx } from "../../context";
import { AppError } from "../../errors";
import { CsvLimitError, CsvLimits, type CsvRecord, CsvSyntaxError, parseCsvYielding, toCsv } from "../../lib/csv";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { columnsOf, fieldsOf } from "./stack.fields";
import { insertTool, listAllTools, listPeopleOfWorkspace, pageTools, updateTool } from "./stack.queries";
import { type Column, columnOf, csvLineOf, type ImportError, readToolLine, TOOL_CSV_COLUMNS } from "./tools-csv.fields";

const MAX_LINES = 10_000;

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
    rows.map(({ tool }) => csvLineOf(fieldsOf(tool), (id) => emails.byId.get(id))),
  );
}

async function emailsOf(ctx: Ctx) {
  const rows = await listPeopleOfWorkspace(ctx.database.db, ctx.actor.workspaceId);
  return {
    byId: new Map(rows.map((row) => [row.id, row.email])),
    byEmail: new Map(rows.map((row) => [row.email.toLowerCase(), row])),
  };
}

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
    const fields = readToolLine(cell, current ? fieldsOf(current) : null, emails.byEmail, fail, lineErrors);
    const twice = seen.get(name.toLowerCase());
    if (name && twice !== undefined) fail("name", `is also on line ${twice}`);
    seen.set(name.toLowerCase(), record.line);
    if (lineErrors.length > 0 || !fields) {
      errors.push(...lineErrors);
      continue;
    }
    // The same field rules as the form: a marketer cannot sanction a tool or score its technical fit by file.
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
