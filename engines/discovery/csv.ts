import { CsvError as CsvParseError, type Options, parse } from "csv-parse/sync";
import type { CsvError, ExpenseLine, ParsedExpenses, ParseExpenseCsvOptions } from "./types";
import { isIsoDate } from "./validate";

type Column = "date" | "description" | "amount" | "currency" | "employee" | "costCentre";

// Header names as exports print them, compared in lower case without spaces, dashes, dots or underscores.
const HEADERS: Record<string, Column> = {
  date: "date",
  transactiondate: "date",
  bookingdate: "date",
  posteddate: "date",
  postingdate: "date",
  description: "description",
  merchant: "description",
  merchantname: "description",
  vendor: "description",
  payee: "description",
  amount: "amount",
  currency: "currency",
  employee: "employee",
  cardholder: "employee",
  cardholdername: "employee",
  costcentre: "costCentre",
  costcenter: "costCentre",
  department: "costCentre",
};

const CURRENCY_SYMBOLS: Record<string, string> = { "€": "EUR", $: "USD", "£": "GBP", "¥": "JPY", "₹": "INR" };

/**
 * Parses an expense or card export. The header line names the columns (case-insensitive): date,
 * description|merchant|vendor|payee, amount, currency (optional with `defaultCurrency`),
 * employee|cardholder and cost centre|department (optional). The delimiter (comma, semicolon or tab) is the one
 * the header uses most; fields may be quoted with doubled quotes inside. Amounts accept a decimal comma, thousands
 * separators, currency symbols, a trailing minus and parentheses for negatives. A bad row is reported by line and
 * field and left out; nothing is dropped silently.
 */
export function parseExpenseCsv(text: string, options: ParseExpenseCsvOptions = {}): ParsedExpenses {
  const dateOrder = options.dateOrder ?? "DMY";
  const errors: CsvError[] = [];
  const lines: ExpenseLine[] = [];
  const delimiter = detectDelimiter(text);
  const { records, problems } = readRecords(text, delimiter);
  const header = records.find((record) => !isBlank(record.fields));
  if (!header) {
    errors.push({ line: 1, field: "header", message: "the file has no header line" });
    return { lines, errors, delimiter };
  }

  const columns = new Map<Column, number>();
  header.fields.forEach((name, position) => {
    const column = HEADERS[name.toLowerCase().replace(/[\s\-_.]/g, "")];
    if (column && !columns.has(column)) columns.set(column, position);
  });
  for (const required of ["date", "description", "amount"] as const) {
    if (!columns.has(required)) {
      errors.push({ line: header.line, field: required, message: `no ${required} column in the header` });
    }
  }
  let defaultCurrency: string | undefined;
  if (options.defaultCurrency !== undefined) {
    defaultCurrency = options.defaultCurrency.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(defaultCurrency)) {
      errors.push({ line: header.line, field: "currency", message: "the default currency is not a 3-letter code" });
    }
  } else if (!columns.has("currency")) {
    errors.push({ line: header.line, field: "currency", message: "no currency column and no default currency" });
  }
  if (errors.length > 0) return { lines, errors, delimiter };

  for (const record of records) {
    if (record === header || isBlank(record.fields)) continue;
    if (record.fields.length !== header.fields.length) {
      errors.push({
        line: record.line,
        field: "row",
        message: `has ${record.fields.length} fields, the header has ${header.fields.length}`,
      });
      continue;
    }
    const cell = (column: Column) => {
      const position = columns.get(column);
      return position === undefined ? "" : record.fields[position].trim();
    };
    const rowErrors: CsvError[] = [];
    const fail = (field: Column, message: string) => rowErrors.push({ line: record.line, field, message });

    const date = parseDate(cell("date"), dateOrder);
    if (date === null) fail("date", `"${cell("date")}" is not a date (YYYY-MM-DD, DD.MM.YYYY or ${dateOrder} with /)`);
    const description = cell("description");
    if (description === "") fail("description", "is empty");
    const amount = parseAmount(cell("amount"));
    if (amount.value === null) fail("amount", `"${cell("amount")}" is not an amount`);
    let currency = cell("currency").toUpperCase();
    if (currency === "") currency = amount.currency ?? defaultCurrency ?? "";
    if (currency.length === 1 && CURRENCY_SYMBOLS[currency]) currency = CURRENCY_SYMBOLS[currency];
    if (!/^[A-Z]{3}$/.test(currency)) {
      fail("currency", currency === "" ? "is empty" : `"${cell("currency")}" is not a 3-letter currency code`);
    }
    if (rowErrors.length > 0 || date === null || amount.value === null) {
      errors.push(...rowErrors);
      continue;
    }
    const line: ExpenseLine = { line: record.line, date, description, amount: amount.value, currency };
    const employee = cell("employee");
    if (employee !== "") line.employee = employee;
    const costCentre = cell("costCentre");
    if (costCentre !== "") line.costCentre = costCentre;
    lines.push(line);
  }
  // A record that could not be read is reported in its place among the others.
  if (problems.length > 0) errors.push(...problems);
  errors.sort((a, b) => a.line - b.line);
  return { lines, errors, delimiter };
}

interface CsvRecord {
  /** Line of the file where the record starts (1-based). */
  line: number;
  fields: string[];
}

function isBlank(fields: readonly string[]): boolean {
  return fields.length === 1 && fields[0].trim() === "";
}

type Delimiter = "," | ";" | "\t";

// csv-parse as exports are written: CRLF, LF or CR line ends; blanks around a quoted field; a quote inside an
// unquoted field taken as text; rows of any width (the width is checked against the header, per row).
const READING: Options = {
  bom: true,
  record_delimiter: ["\r\n", "\n", "\r"],
  relax_column_count: true,
  relax_quotes: true,
  trim: true,
};

// csv-parse counts each CR and LF inside a quoted field as a line; the file's lines count a CRLF once.
const countParserBreaks = (field: string) => field.match(/[\r\n]/g)?.length ?? 0;
const countBreaks = (field: string) => field.match(/\r\n?|\n/g)?.length ?? 0;

/**
 * Reads every record, each numbered by the line it starts on. A record csv-parse cannot read (text after a
 * closing quote) is reported as a row problem and reading resumes on the next line; a quote never closed ends
 * the file and is reported on the line it opens.
 */
function readRecords(text: string, delimiter: Delimiter): { records: CsvRecord[]; problems: CsvError[] } {
  const records: CsvRecord[] = [];
  const problems: CsvError[] = [];
  let rest = text;
  // The file's line csv-parse's line 1 is, and the line the next record starts on.
  let firstLine = 1;
  let next = 1;
  for (;;) {
    // Lines csv-parse counted more than the file has so far (CRLFs inside quoted fields).
    let drift = 0;
    try {
      parse(rest, {
        ...READING,
        delimiter,
        on_record: (fields: string[], context) => {
          let parserBreaks = 0;
          let breaks = 0;
          for (const field of fields) {
            if (!field.includes("\n") && !field.includes("\r")) continue;
            parserBreaks += countParserBreaks(field);
            breaks += countBreaks(field);
          }
          const line = firstLine - 1 + context.lines - parserBreaks - drift;
          drift += parserBreaks - breaks;
          next = line + breaks + 1;
          records.push({ line, fields });
          return null;
        },
      });
      return { records, problems };
    } catch (error) {
      if (!(error instanceof CsvParseError)) throw error;
      if (error.code === "CSV_QUOTE_NOT_CLOSED") {
        problems.push({ line: next, field: "row", message: "has a quote that is never closed" });
        return { records, problems };
      }
      if (error.code !== "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE") throw error;
      problems.push({ line: next, field: "row", message: "has text after a closing quote" });
      // Resume on the line after the one the text is on.
      const at = firstLine - 1 + (typeof error.lines === "number" ? error.lines : 1) - drift;
      const lineEnds = /\r\n|\r|\n/g;
      for (let line = firstLine; line <= at && lineEnds.exec(rest); line++) {}
      if (lineEnds.lastIndex === 0) return { records, problems };
      rest = rest.slice(lineEnds.lastIndex);
      firstLine = at + 1;
      next = firstLine;
    }
  }
}

/** The delimiter (comma, semicolon or tab) the first line that has one uses most; a comma on a tie. */
function detectDelimiter(text: string): Delimiter {
  const firsts = ([",", ";", "\t"] as const).map((delimiter) => {
    let first = { line: Number.POSITIVE_INFINITY, count: 0 };
    try {
      parse(text, {
        ...READING,
        delimiter,
        to_line: 100,
        on_record: (fields: string[], context) => {
          if (fields.length > 1 && context.lines < first.line)
            first = { line: context.lines, count: fields.length - 1 };
          return null;
        },
      });
    } catch {
      // What was read before the problem decides; reading the file reports the problem.
    }
    return first;
  });
  const line = Math.min(...firsts.map((first) => first.line));
  const [comma, semicolon, tab] = firsts.map((first) => (first.line === line ? first.count : 0));
  if (semicolon > comma && semicolon >= tab) return ";";
  if (tab > comma) return "\t";
  return ",";
}

function parseDate(text: string, order: "DMY" | "MDY"): string | null {
  let year: string;
  let month: string;
  let day: string;
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(text);
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const slashed = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(text);
  if (iso) [, year, month, day] = iso;
  else if (dotted) [, day, month, year] = dotted;
  else if (slashed) {
    [, day, month, year] = slashed;
    if (order === "MDY") [day, month] = [month, day];
  } else return null;
  const date = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  return isIsoDate(date) ? date : null;
}

/** Parses "1,234.56", "1.234,56", "12,50", "€ 12.00", "-12", "12.00-", "(12.00)", "12.00 EUR". */
function parseAmount(text: string): { value: number | null; currency: string | null } {
  let rest = text.replace(/[\s\u00a0\u202f']/g, "");
  let currency: string | null = null;
  const code = /^([A-Za-z]{3})|([A-Za-z]{3})$/.exec(rest);
  if (code) {
    currency = (code[1] ?? code[2]).toUpperCase();
    rest = rest.slice(0, code.index) + rest.slice(code.index + 3);
  }
  for (const [symbol, iso] of Object.entries(CURRENCY_SYMBOLS)) {
    if (rest.includes(symbol)) {
      currency ??= iso;
      rest = rest.replace(symbol, "");
    }
  }
  let negative = false;
  if (/^\(.*\)$/.test(rest)) {
    negative = true;
    rest = rest.slice(1, -1);
  }
  if (rest.endsWith("-")) {
    negative = !negative;
    rest = rest.slice(0, -1);
  } else if (rest.startsWith("-")) {
    negative = !negative;
    rest = rest.slice(1);
  } else if (rest.startsWith("+")) rest = rest.slice(1);
  if (!/^\d[\d.,]*$/.test(rest)) return { value: null, currency: null };
  const lastComma = rest.lastIndexOf(",");
  const lastDot = rest.lastIndexOf(".");
  let normalised: string;
  if (lastComma >= 0 && lastDot >= 0) {
    // Both: the later one is the decimal separator, the other groups thousands.
    const decimal = lastComma > lastDot ? "," : ".";
    const group = decimal === "," ? "." : ",";
    if (rest.split(decimal).length > 2) return { value: null, currency: null };
    normalised = rest.split(group).join("").replace(decimal, ".");
  } else if (lastComma >= 0) {
    const pieces = rest.split(",");
    // One comma followed by 1–2 digits is a decimal comma; otherwise commas group thousands in threes.
    if (pieces.length === 2 && pieces[1].length <= 2) normalised = `${pieces[0]}.${pieces[1]}`;
    else if (pieces.slice(1).every((piece) => piece.length === 3)) normalised = pieces.join("");
    else return { value: null, currency: null };
  } else if (rest.split(".").length > 2) {
    const pieces = rest.split(".");
    if (!pieces.slice(1).every((piece) => piece.length === 3)) return { value: null, currency: null };
    normalised = pieces.join("");
  } else normalised = rest;
  if (!/^\d+(\.\d+)?$/.test(normalised)) return { value: null, currency: null };
  const value = Number(normalised);
  if (!Number.isFinite(value) || value >= 1e11) return { value: null, currency: null };
  return { value: negative ? -value : value, currency };
}
