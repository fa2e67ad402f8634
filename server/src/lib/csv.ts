// RFC 4180 CSV, both ways: quoted fields (with doubled quotes and line breaks inside), a comma or semicolon
// separator (whichever the header uses), an optional byte-order mark, CRLF or LF line ends.

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

// Characters read between two turns of the event loop.
const SLICE = 64 * 1024;

/** What one file may hold: a record's columns and characters, and how many problems a report lists. */
export const CsvLimits = {
  columnsMax: 200,
  recordCharsMax: 64 * 1024,
  /** Problems listed by an import report; the total is always counted. */
  errorsShown: 1000,
} as const;

/** A file beyond CsvLimits: refused whole (400), before any record is read. */
export class CsvLimitError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/**
 * Checks a file's shape in one pass without building anything: no record longer than `recordCharsMax` characters
 * or with more than `columnsMax` fields (quoted separators and line breaks are inside a field). Throws CsvLimitError
 * at the first record over a limit, so a file of a million columns is refused after its 201st.
 */
export function checkCsvShape(text: string, separator: "," | ";" = detectSeparator(text), limits = CsvLimits) {
  const steps = shapeSteps(text, separator, limits);
  while (!steps.next().done) {}
}

function* shapeSteps(text: string, separator: "," | ";", limits: typeof CsvLimits): Generator<void, void> {
  const sep = separator.charCodeAt(0);
  let quoted = false;
  let columns = 1;
  let recordStart = 0;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i++) {
    if (i % SLICE === 0 && i > 0) yield;
    const code = text.charCodeAt(i);
    if (code === 34) quoted = !quoted;
    else if (code === 10) {
      line++;
      if (!quoted) {
        columns = 1;
        recordStart = i + 1;
        recordLine = line;
        continue;
      }
    } else if (code === sep && !quoted && ++columns > limits.columnsMax) {
      throw new CsvLimitError(recordLine, `has more than ${limits.columnsMax} columns`);
    }
    if (i - recordStart >= limits.recordCharsMax) {
      throw new CsvLimitError(recordLine, `is longer than ${limits.recordCharsMax / 1024} KB`);
    }
  }
}

/** Parses the whole text into records; blank lines are skipped. Throws CsvLimitError for a file beyond CsvLimits. */
export function parseCsv(input: string, separator: "," | ";" = detectSeparator(input)): CsvRecord[] {
  const steps = parseSteps(input, separator);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** parseCsv that gives the event loop a turn every 64 K characters, so a large file does not stall other requests. */
export async function parseCsvYielding(input: string, separator: "," | ";" = detectSeparator(input)) {
  const steps = parseSteps(input, separator);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function* parseSteps(input: string, separator: "," | ";"): Generator<void, CsvRecord[]> {
  yield* shapeSteps(input, separator, CsvLimits);
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    fields.push(wasQuoted ? field : field.trim());
    field = "";
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === "")) records.push({ line: recordLine, fields });
    fields = [];
  };
  for (let i = 0; i < text.length; i++) {
    if (i % SLICE === 0 && i > 0) yield;
    const char = text[i];
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (char === "\n") line++;
        field += char;
      }
      continue;
    }
    if (char === '"') {
      if (field.trim() !== "") throw new CsvSyntaxError(line, "a quote inside an unquoted field");
      field = "";
      quoted = true;
      wasQuoted = true;
    } else if (char === separator) {
      endField();
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (wasQuoted) {
      if (char !== " " && char !== "\t") throw new CsvSyntaxError(line, "text after a closing quote");
    } else {
      field += char;
    }
  }
  if (quoted) throw new CsvSyntaxError(recordLine, "a quoted field is never closed");
  endRecord();
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
 * Splits a file after its header into pieces of about `chunkChars` characters that end on a record boundary (a line
 * break outside quotes), each with the line it starts on: a reader of whole files can then read a large file a
 * piece at a time, with the header put before each piece, and give the event loop a turn between two.
 */
export function splitCsvRecords(text: string, chunkChars: number) {
  const boundary = (from: number, least: number) => {
    let quoted = false;
    for (let i = from; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 34) quoted = !quoted;
      else if (code === 10 && !quoted && i >= least) return i + 1;
    }
    return text.length;
  };
  const headerEnd = boundary(0, 0);
  const pieces: { from: number; to: number; line: number }[] = [];
  let line = 2;
  for (let from = headerEnd; from < text.length; ) {
    const to = boundary(from, from + chunkChars);
    pieces.push({ from, to, line });
    for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) line++;
    from = to;
  }
  return { header: text.slice(0, headerEnd), pieces };
}
