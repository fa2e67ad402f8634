import { z } from "zod";
import { DiscoveryInputError } from "./errors";
import type { CatalogTool, ExpenseLine, MatcherOptions } from "./types";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar date "YYYY-MM-DD". */
export function isIsoDate(text: string): boolean {
  const parts = ISO_DATE.exec(text);
  if (!parts) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const text = z.string({ error: "must be a string" });
const nonEmpty = z.string({ error: "must be a non-empty string" });

/** One catalog tool as the matcher takes it (ids are checked unique across the catalog by `validateTools`). */
export const CatalogToolSchema = z.object(
  {
    id: nonEmpty.min(1, { error: "must be a non-empty string" }),
    name: nonEmpty.refine((name) => name.trim() !== "", { error: "must be a non-empty string" }),
    vendor: text,
    aliases: z.array(text, { error: "must be an array of strings" }).optional(),
  },
  { error: "must be an object" },
);

/** The matcher's options; other fields are ignored. */
export const MatcherOptionsSchema = z.object({
  fuzzyThreshold: z
    .number({ error: "must be a number in (0, 1]" })
    .gt(0, { error: "must be a number in (0, 1]" })
    .lte(1, { error: "must be a number in (0, 1]" })
    .optional(),
  search: z.enum(["index", "scan"], { error: 'must be "index" or "scan"' }).optional(),
});

/** One expense line as the matcher takes it (line numbers are checked unique by `validateLines`). */
export const ExpenseLineSchema = z.object(
  {
    line: z
      .number({ error: "must be a positive integer" })
      .int({ error: "must be a positive integer" })
      .min(1, { error: "must be a positive integer" }),
    date: z.string({ error: "must be a date YYYY-MM-DD" }).refine(isIsoDate, { error: "must be a date YYYY-MM-DD" }),
    description: text,
    amount: z
      .number({ error: "must be a finite number" })
      .gt(-1e11, { error: "must be below 100,000,000,000" })
      .lt(1e11, { error: "must be below 100,000,000,000" }),
    currency: z
      .string({ error: "must be a 3-letter ISO 4217 code in upper case" })
      .regex(/^[A-Z]{3}$/, { error: "must be a 3-letter ISO 4217 code in upper case" }),
    employee: text.optional(),
    costCentre: text.optional(),
  },
  { error: "must be an object" },
);

/** Parses with a schema or throws DiscoveryInputError naming the first bad field under `at` (`tools[3].id`). */
function read<Schema extends z.ZodType>(schema: Schema, value: unknown, at: string): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue.path
    .map((segment) => (typeof segment === "number" ? `[${segment}]` : `.${String(segment)}`))
    .join("");
  throw new DiscoveryInputError(`${at}${path}`, issue.message);
}

/** Throws DiscoveryInputError naming the first bad field of the catalog. */
export function validateTools(tools: unknown): asserts tools is CatalogTool[] {
  if (!Array.isArray(tools)) throw new DiscoveryInputError("tools", "must be an array");
  const ids = new Set<string>();
  tools.forEach((tool: unknown, i) => {
    const { id } = read(CatalogToolSchema, tool, `tools[${i}]`);
    if (ids.has(id)) throw new DiscoveryInputError(`tools[${i}].id`, `repeats "${id}"`);
    ids.add(id);
  });
}

/** Throws DiscoveryInputError naming a bad option. */
export function validateOptions(options: MatcherOptions): void {
  read(MatcherOptionsSchema, options, "options");
}

/** Throws DiscoveryInputError naming the first bad field of the expense lines. */
export function validateLines(lines: unknown): asserts lines is ExpenseLine[] {
  const steps = validateLinesInSteps(lines, Number.POSITIVE_INFINITY);
  while (!steps.next().done);
}

/** `validateLines`, pausing (yielding) after every `linesPerStep` lines checked: the same checks and errors. */
export function* validateLinesInSteps(lines: unknown, linesPerStep: number): Generator<void, void> {
  if (!Array.isArray(lines)) throw new DiscoveryInputError("lines", "must be an array");
  const numbers = new Set<number>();
  for (let i = 0; i < lines.length; i += 1) {
    if (i > 0 && i % linesPerStep === 0) yield;
    const { line } = read(ExpenseLineSchema, lines[i], `lines[${i}]`);
    if (numbers.has(line)) throw new DiscoveryInputError(`lines[${i}].line`, `repeats line ${line}`);
    numbers.add(line);
  }
}
