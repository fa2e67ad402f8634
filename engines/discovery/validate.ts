import { DiscoveryInputError } from "./errors";
import type { CatalogTool, ExpenseLine, MatcherOptions } from "./types";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CURRENCY = /^[A-Z]{3}$/;

/** Throws DiscoveryInputError naming the first bad field of the catalog. */
export function validateTools(tools: unknown): asserts tools is CatalogTool[] {
  if (!Array.isArray(tools)) throw new DiscoveryInputError("tools", "must be an array");
  const ids = new Set<string>();
  tools.forEach((tool: unknown, i) => {
    const at = `tools[${i}]`;
    if (typeof tool !== "object" || tool === null) throw new DiscoveryInputError(at, "must be an object");
    const { id, name, vendor, aliases } = tool as Record<string, unknown>;
    if (typeof id !== "string" || id === "") throw new DiscoveryInputError(`${at}.id`, "must be a non-empty string");
    if (ids.has(id)) throw new DiscoveryInputError(`${at}.id`, `repeats "${id}"`);
    ids.add(id);
    if (typeof name !== "string" || name.trim() === "") {
      throw new DiscoveryInputError(`${at}.name`, "must be a non-empty string");
    }
    if (typeof vendor !== "string") throw new DiscoveryInputError(`${at}.vendor`, "must be a string");
    if (aliases === undefined) return;
    if (!Array.isArray(aliases)) throw new DiscoveryInputError(`${at}.aliases`, "must be an array of strings");
    aliases.forEach((alias, k) => {
      if (typeof alias !== "string") throw new DiscoveryInputError(`${at}.aliases[${k}]`, "must be a string");
    });
  });
}

/** Throws DiscoveryInputError naming a bad option. */
export function validateOptions(options: MatcherOptions): void {
  const { fuzzyThreshold, search } = options;
  if (
    fuzzyThreshold !== undefined &&
    (typeof fuzzyThreshold !== "number" || !(fuzzyThreshold > 0) || !(fuzzyThreshold <= 1))
  ) {
    throw new DiscoveryInputError("options.fuzzyThreshold", "must be a number in (0, 1]");
  }
  if (search !== undefined && search !== "index" && search !== "scan") {
    throw new DiscoveryInputError("options.search", 'must be "index" or "scan"');
  }
}

/** Whether `text` is a real calendar date "YYYY-MM-DD". */
export function isIsoDate(text: string): boolean {
  const parts = ISO_DATE.exec(text);
  if (!parts) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
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
    const line: unknown = lines[i];
    const at = `lines[${i}]`;
    if (typeof line !== "object" || line === null) throw new DiscoveryInputError(at, "must be an object");
    const { line: number, date, description, amount, currency, employee, costCentre } = line as Record<string, unknown>;
    if (typeof number !== "number" || !Number.isInteger(number) || number < 1) {
      throw new DiscoveryInputError(`${at}.line`, "must be a positive integer");
    }
    if (numbers.has(number)) throw new DiscoveryInputError(`${at}.line`, `repeats line ${number}`);
    numbers.add(number);
    if (typeof date !== "string" || !isIsoDate(date)) {
      throw new DiscoveryInputError(`${at}.date`, "must be a date YYYY-MM-DD");
    }
    if (typeof description !== "string") throw new DiscoveryInputError(`${at}.description`, "must be a string");
    if (typeof amount !== "number" || !Number.isFinite(amount)) {
      throw new DiscoveryInputError(`${at}.amount`, "must be a finite number");
    }
    if (Math.abs(amount) >= 1e11) throw new DiscoveryInputError(`${at}.amount`, "must be below 100,000,000,000");
    if (typeof currency !== "string" || !CURRENCY.test(currency)) {
      throw new DiscoveryInputError(`${at}.currency`, "must be a 3-letter ISO 4217 code in upper case");
    }
    if (employee !== undefined && typeof employee !== "string") {
      throw new DiscoveryInputError(`${at}.employee`, "must be a string");
    }
    if (costCentre !== undefined && typeof costCentre !== "string") {
      throw new DiscoveryInputError(`${at}.costCentre`, "must be a string");
    }
  }
}
