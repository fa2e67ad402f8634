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
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(source);
  const records = readRecords(source, delimiter);
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
    if (record.isUnterminated) {
      errors.push({ line: record.line, field: "row", message: "has a quote that is never closed" });
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
  return { lines, errors, delimiter };
}

interface CsvRecord {
  /** Line of the file where the record starts (1-based). */
  line: number;
  fields: string[];
  isUnterminated: boolean;
}

function isBlank(fields: readonly string[]): boolean {
  return fields.length === 1 && fields[0].trim() === "";
}

function detectDelimiter(text: string): "," | ";" | "\t" {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) {
      if (counts[","] + counts[";"] + counts["\t"] > 0) break;
    } else if (!quoted && (char === "," || char === ";" || char === "\t")) counts[char] += 1;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","]) return "\t";
  return ",";
}

// RFC 4180 records: quoted fields may hold delimiters, doubled quotes and line breaks; CRLF, LF or CR end a record.
function readRecords(text: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    records.push({ line: start, fields, isUnterminated: false });
    fields = [];
    field = "";
  };
  while (i < text.length) {
    const char = text[i];
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (char === "\n" || (char === "\r" && text[i + 1] !== "\n")) line += 1;
        field += char;
      }
      i += 1;
      continue;
    }
    if (char === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (char === delimiter) {
      fields.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i += 1;
      endRecord();
      line += 1;
      start = line;
    } else field += char;
    i += 1;
  }
  if (quoted) {
    fields.push(field);
    records.push({ line: start, fields, isUnterminated: true });
  } else if (field !== "" || fields.length > 0) endRecord();
  return records;
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
