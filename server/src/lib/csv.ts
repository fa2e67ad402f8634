// RFC 4180 CSV, both ways. Reading is csv-parse's (quoted fields with doubled quotes and line breaks inside, an
// optional byte-order mark, CRLF, LF or CR line ends) with a comma or semicolon separator (whichever the header
// uses) and the caps below enforced while it reads; writing is csvField/toCsv.
import { setImmediate as nextTurn } from "node:timers/promises";
import { CsvError, type Options, Parser } from "csv-parse";
import { parse } from "csv-parse/sync";

/** One parsed record: its fields and the line of the file it starts on (1-based, the header is line 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** The separator the header line uses: a semicolon when it has more of them than commas. */
export function detectSeparator(text: string): "," | ";" {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (char: string) => header.split(char).length - 1;
  return count(";") > count(",") ? ";" : ",";
}

// Characters handed to the parser between two turns of the event loop.
const SLICE = 64 * 1024;

/** What one file may hold: a record's columns and characters, and how many problems a report lists. */
export const CsvLimits = {
  columnsMax: 200,
  recordCharsMax: 64 * 1024,
  /** Problems listed by an import report; the total is always counted. */
  errorsShown: 1000,
} as const;

/** A file beyond CsvLimits: refused whole (400). */
export class CsvLimitError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

type Keep = (record: CsvRecord) => void;

// A tab is read only where pieces of a statement are cut (expense exports may be tab-separated).
type Separator = "," | ";" | "\t";

/**
 * csv-parse's options for one reading, with the caps checked as it goes: the columns as each field ends (so a
 * line of a million columns stops at its 201st), the characters as each record ends (and, as a backstop for one
 * huge field, csv-parse's byte bound, three bytes being the most UTF-8 spends on a UTF-16 unit). Records are
 * numbered by the line they start on and handed to `keep`; blank lines are skipped. `strict` reads as RFC 4180
 * (unquoted fields trimmed, a stray quote an error); otherwise only the caps are checked, as a shape check does.
 */
function reading(separator: Separator, strict: boolean, keep: Keep, onRaw?: (raw: string) => void) {
  // The line the next record starts on, in the file's numbers and in csv-parse's (which counts a CRLF inside a
  // quoted field twice): an error found inside a record is placed from the difference.
  let line = 1;
  let parserLine = 1;
  const options: Options = {
    delimiter: separator,
    record_delimiter: ["\r\n", "\n", "\r"],
    bom: true,
    relax_column_count: true,
    relax_quotes: !strict,
    raw: onRaw !== undefined,
    trim: strict,
    max_record_size: CsvLimits.recordCharsMax * 3,
    cast: (value, context) => {
      if (context.index >= CsvLimits.columnsMax) {
        throw new CsvLimitError(line, `has more than ${CsvLimits.columnsMax} columns`);
      }
      return value;
    },
    // With `raw`, csv-parse hands over the record and its text together.
    on_record: (read: string[] | { record: string[]; raw: string }, context) => {
      const fields = Array.isArray(read) ? read : read.record;
      const recordLine = line;
      let chars = fields.length - 1;
      let breaks = 0;
      for (const field of fields) {
        chars += field.length;
        if (field.includes("\n") || field.includes("\r")) breaks += field.match(/\r\n?|\n/g)?.length ?? 0;
      }
      line += breaks + 1;
      parserLine = context.lines + 1;
      if (chars > CsvLimits.recordCharsMax) {
        throw new CsvLimitError(recordLine, `is longer than ${CsvLimits.recordCharsMax / 1024} KB`);
      }
      if (!Array.isArray(read)) onRaw?.(read.raw);
      if (!(fields.length === 1 && fields[0] === "")) keep({ line: recordLine, fields });
      return null;
    },
  };
  /** csv-parse's error in the file's terms: a CsvSyntaxError or CsvLimitError on the line it concerns. */
  const explain = (error: unknown) => {
    if (!(error instanceof CsvError)) return error;
    const at = line + Math.max(0, (typeof error.lines === "number" ? error.lines : parserLine) - parserLine);
    switch (error.code) {
      case "CSV_MAX_RECORD_SIZE":
        return new CsvLimitError(line, `is longer than ${CsvLimits.recordCharsMax / 1024} KB`);
      case "CSV_QUOTE_NOT_CLOSED":
        return new CsvSyntaxError(line, "a quoted field is never closed");
      case "INVALID_OPENING_QUOTE":
        return new CsvSyntaxError(at, "a quote inside an unquoted field");
      case "CSV_INVALID_CLOSING_QUOTE":
      case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
        return new CsvSyntaxError(at, "text after a closing quote");
      default:
        return new CsvSyntaxError(at, error.message);
    }
  };
  return { options, explain };
}

function readAll(text: string, separator: "," | ";", strict: boolean, keep: Keep) {
  const { options, explain } = reading(separator, strict, keep);
  try {
    parse(text, options);
  } catch (error) {
    throw explain(error);
  }
}

/** Reads the text in slices of 64 K characters with a turn of the event loop between two. */
async function readInTurns(
  text: string,
  separator: Separator,
  strict: boolean,
  keep: Keep,
  onRaw?: (raw: string) => void,
) {
  const { options, explain } = reading(separator, strict, keep, onRaw);
  const parser = new Parser(options);
  // The parser's failure is read from `errored` (set as it happens); the event itself needs a listener.
  parser.on("error", () => {});
  for (let from = 0; from < text.length; ) {
    let to = Math.min(from + SLICE, text.length);
    // Never between the two halves of a surrogate pair: each slice is encoded to UTF-8 on its own.
    if (to < text.length && (text.charCodeAt(to - 1) & 0xfc00) === 0xd800) to--;
    parser.write(text.slice(from, to));
    if (parser.errored) throw explain(parser.errored);
    from = to;
    await nextTurn();
  }
  await new Promise<void>((resolve) => parser.end(resolve));
  if (parser.errored) throw explain(parser.errored);
}

/**
 * Checks a file's shape without keeping anything: no record longer than `recordCharsMax` characters or with more
 * than `columnsMax` fields (quoted separators and line breaks are inside a field). Throws CsvLimitError at the
 * first record over a limit, so a file of a million columns is refused after its 201st; quotes are read leniently.
 */
export function checkCsvShape(text: string, separator: "," | ";" = detectSeparator(text)) {
  try {
    readAll(text, separator, false, () => {});
  } catch (error) {
    // Only the caps are this check's business; a parser that reads the file says what else is wrong with it.
    if (!(error instanceof CsvSyntaxError)) throw error;
  }
}

/** Parses the whole text into records; blank lines are skipped. Throws CsvLimitError for a file beyond CsvLimits. */
export function parseCsv(input: string, separator: "," | ";" = detectSeparator(input)): CsvRecord[] {
  const records: CsvRecord[] = [];
  readAll(input, separator, true, (record) => records.push(record));
  return records;
}

/** parseCsv that gives the event loop a turn every 64 K characters, so a large file does not stall other requests. */
export async function parseCsvYielding(input: string, separator: "," | ";" = detectSeparator(input)) {
  const records: CsvRecord[] = [];
  await readInTurns(input, separator, true, (record) => records.push(record));
  return records;
}

/** One field as CSV: quoted when it holds a separator, quote or line break; a leading =, +, -, @ is neutralised. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  // Spreadsheets run cells that start with these as formulas: prefix them so an export cannot carry one.
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV text with a header, CRLF line ends (as RFC 4180 and spreadsheets expect). */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [header.join(","), ...rows.map((row) => row.map((value) => csvField(value as string)).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * Splits a file after its header into pieces of about `chunkChars` characters that end on a record boundary, each
 * with the line it starts on, checking its shape (checkCsvShape) in the same pass and giving the event loop a turn
 * every 64 K characters: a reader of whole files can then read a large file a piece at a time, with the header put
 * before each piece, and give the event loop a turn between two. Throws CsvLimitError for a file beyond CsvLimits.
 */
export async function splitCsvRecords(text: string, chunkChars: number) {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const comma = detectSeparator(text);
  const separator = header.split("\t").length > header.split(comma).length ? "\t" : comma;
  // csv-parse gives each record's text as read, its line end included (of a CRLF only the CR).
  let offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let headerEnd = -1;
  const bounds: { from: number; to: number }[] = [];
  let from = 0;
  const onRaw = (raw: string) => {
    offset += raw.length;
    if (raw.endsWith("\r") && text.charCodeAt(offset) === 10) offset++;
    if (headerEnd < 0) {
      headerEnd = from = offset;
    } else if (offset - from >= chunkChars) {
      bounds.push({ from, to: offset });
      from = offset;
    }
  };
  try {
    await readInTurns(text, separator, false, () => {}, onRaw);
  } catch (error) {
    // Only the caps are this pass's business; the reader of each piece says what else is wrong.
    if (!(error instanceof CsvSyntaxError)) throw error;
  }
  if (headerEnd < 0) headerEnd = from = text.length;
  // What csv-parse could not end as a record (a quote never closed) belongs to the last piece.
  if (from < text.length) bounds.push({ from, to: text.length });
  const pieces: { from: number; to: number; line: number }[] = [];
  let line = 2;
  for (const bound of bounds) {
    pieces.push({ ...bound, line });
    for (let i = bound.from; i < bound.to; i++) if (text.charCodeAt(i) === 10) line++;
  }
  return { header: text.slice(0, headerEnd), pieces };
}
