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

/** Parses the whole text into records; blank lines are skipped. */
export function parseCsv(input: string, separator: "," | ";" = detectSeparator(input)): CsvRecord[] {
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
