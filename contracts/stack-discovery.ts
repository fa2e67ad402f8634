import { z } from "zod";
import { Id, Timestamp } from "./common";
import { StackCategory } from "./stack-taxonomy";
import { StackLimits } from "./stack-tools";

/** An expense or card statement to check (dry run) or import for shadow-IT discovery. */
export const ImportExpensesBody = z.strictObject({
  fileName: z.string().trim().min(1).max(200).default("statement.csv"),
  csv: z
    .string()
    .min(1, { error: "is empty" })
    .max(16 * 1024 * 1024),
  /** dry_run: check and match, write nothing; import: all lines or none; import_valid: skip the bad lines. */
  mode: z.enum(["dry_run", "import", "import_valid"]).default("dry_run"),
});
export const ImportExpensesResult = z.object({
  mode: z.enum(["dry_run", "import", "import_valid"]),
  imported: z.boolean(),
  importId: Id.nullable(),
  lines: z.number().int(),
  matchedLines: z.number().int(),
  candidates: z.number().int(),
  /** The first 1,000 problems, by line. */
  errors: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
  /** How many problems the file has in all. */
  errorCount: z.number().int(),
});
export type ImportExpensesResult = z.infer<typeof ImportExpensesResult>;
export const ExpenseImportList = z.object({
  items: z.array(
    z.object({
      id: Id,
      fileName: z.string(),
      importedBy: z.object({ id: Id, name: z.string() }),
      lines: z.number().int(),
      matchedLines: z.number().int(),
      firstDate: z.string().nullable(),
      lastDate: z.string().nullable(),
      createdAt: Timestamp,
    }),
  ),
});
/** A software-like merchant of the statements that is in no catalog tool: a shadow-IT candidate. */
export const ShadowCandidate = z.object({
  merchantKey: z.string(),
  label: z.string(),
  example: z.string(),
  lines: z.number().int(),
  months: z.number().int(),
  isRecurring: z.boolean(),
  employees: z.number().int(),
  departments: z.array(z.string()),
  firstDate: z.string(),
  lastDate: z.string(),
  spend: z.array(z.object({ currency: z.string(), total: z.string(), yearly: z.string() })),
});
export type ShadowCandidate = z.infer<typeof ShadowCandidate>;
export const ShadowCandidateList = z.object({ items: z.array(ShadowCandidate) });
export const AdoptCandidateBody = z.strictObject({
  merchantKey: z.string().min(1).max(200),
  name: z.string().trim().min(1, { error: "is required" }).max(StackLimits.nameMax),
  vendor: z.string().trim().max(StackLimits.vendorMax).default(""),
  category: StackCategory,
  subcategory: z.string().trim().min(1, { error: "is required" }).max(80),
});
export const AdoptCandidateResult = z.object({ toolId: Id, requestId: Id, requestNumber: z.number().int() });
export const DismissCandidateBody = z.strictObject({
  merchantKey: z.string().min(1).max(200),
  reason: z.string().trim().max(500).default(""),
});
