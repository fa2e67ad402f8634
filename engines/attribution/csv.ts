import { AttributionInputError } from "./errors";

/** The columns of a CSV file as read from its header line. */
export interface CsvLayout {
  separator: "," | ";";
  /** Column index by lower-case column name. */
  columns: Map<string, number>;
  fieldCount: number;
}

/**
 * Reads a header line: the separator is `;` when the header has more semicolons than commas, else `,`.
 * Column names are trimmed and compared case-insensitively; unknown columns are allowed and ignored.
 */
export function readCsvHeader(
  line: string,
  lineNumber: number,
  required: readonly string[],
  optional: readonly string[] = [],
): CsvLayout {
  const separator = count(line, ";") > count(line, ",") ? ";" : ",";
  const names = splitCsvFields(line, separator, lineNumber).map((name) => name.trim().toLowerCase());
  const columns = new Map<string, number>();
  names.forEach((name, index) => {
    if (columns.has(name))
      throw new AttributionInputError(`column "${name}" appears twice in the header`, { line: lineNumber });
    columns.set(name, index);
  });
  const expected = [...required, ...optional.map((name) => `[${name}]`)].join(separator);
  for (const name of required) {
    if (!columns.has(name)) {
      throw new AttributionInputError(`header lacks column "${name}" (expected ${expected})`, { line: lineNumber });
    }
  }
  return { separator, columns, fieldCount: names.length };
}

/** Splits one CSV line into fields; double quotes may wrap a field and "" stands for one quote inside it. */
export function splitCsvFields(line: string, separator: string, lineNumber: number): string[] {
  if (line.indexOf('"') === -1) return line.split(separator);
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    while (at < line.length && line[at] === " ") at++;
    if (line[at] === '"') {
      let value = "";
      let from = at + 1;
      for (;;) {
        const quote = line.indexOf('"', from);
        if (quote === -1) throw new AttributionInputError("unterminated quoted field", { line: lineNumber });
        value += line.slice(from, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          from = quote + 2;
          continue;
        }
        at = quote + 1;
        break;
      }
      while (at < line.length && line[at] === " ") at++;
      fields.push(value);
      if (at === line.length) return fields;
      if (line[at] !== separator) {
        throw new AttributionInputError(`unexpected text after a quoted field at column ${at + 1}`, {
          line: lineNumber,
        });
      }
      at++;
    } else {
      const next = line.indexOf(separator, at);
      fields.push(line.slice(at, next === -1 ? line.length : next));
      if (next === -1) return fields;
      at = next + 1;
    }
  }
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses a field holding a finite number ≥ 0. With `decimalComma` (semicolon files) "12,5" means 12.5.
 * An empty field is 0 when `emptyIsZero`, else an error.
 */
export function parseAmountField(
  text: string,
  lineNumber: number,
  field: string,
  decimalComma: boolean,
  emptyIsZero: boolean,
): number {
  let trimmed = text.trim();
  if (trimmed === "") {
    if (emptyIsZero) return 0;
    throw new AttributionInputError("is empty; expected a number ≥ 0", { line: lineNumber, field });
  }
  if (decimalComma && trimmed.indexOf(",") !== -1) trimmed = trimmed.replace(",", ".");
  const value = NUMBER.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!(value >= 0 && Number.isFinite(value))) {
    throw new AttributionInputError(`expected a number ≥ 0, got "${text}"`, { line: lineNumber, field });
  }
  return value;
}

/** Returns the fields of a data line, or throws when their number differs from the header's. */
export function splitDataLine(line: string, layout: CsvLayout, lineNumber: number): string[] {
  const fields = splitCsvFields(line, layout.separator, lineNumber);
  if (fields.length !== layout.fieldCount) {
    throw new AttributionInputError(`expected ${layout.fieldCount} fields, got ${fields.length}`, { line: lineNumber });
  }
  return fields;
}

/** Re-throws an error raised while handling one line with that line (and a field, if given) attached. */
export function locateError(error: unknown, lineNumber: number, field?: string): never {
  if (error instanceof AttributionInputError && error.line === undefined) {
    throw new AttributionInputError(error.message, { line: lineNumber, field: error.field ?? field });
  }
  throw error;
}

function count(text: string, character: string): number {
  let n = 0;
  for (let at = text.indexOf(character); at !== -1; at = text.indexOf(character, at + 1)) n++;
  return n;
}
