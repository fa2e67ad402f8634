import { type CsvLayout, readCsvHeader, splitDataLine } from "./csv";
import { AttributionInputError } from "./errors";
import { decodeUtf8, encodeUtf8 } from "./utf8";

/** Receives a file in chunks of any size — UTF-8 bytes or text — then end(). */
export interface TextSink {
  push(chunk: Uint8Array | string): void;
  end(): void;
}

/**
 * One data line split into fields: field i is bytes[starts[i]] … bytes[ends[i] − 1] (UTF-8), trimmed of
 * spaces and tabs. `bytes` is usually the whole chunk being read: fields are read in place, never copied.
 */
export interface CsvRow {
  bytes: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  line: number;
}

const NEWLINE = 10;
const RETURN = 13;
const QUOTE = 34;

/**
 * Reads a streamed CSV file: the first non-blank line is the header, blank lines are skipped, and every other
 * line must have as many fields as the header. Lines are handled in place in the chunk they arrive in.
 */
export function createCsvReader(
  columns: { required: readonly string[]; optional: readonly string[] },
  onHeader: (layout: CsvLayout) => (row: CsvRow) => void,
): TextSink {
  return new CsvReader(columns, onHeader);
}

/** Returns a field as a string. */
export function readField(row: CsvRow, index: number): string {
  return decodeUtf8(row.bytes, row.starts[index], row.ends[index]);
}

class CsvReader implements TextSink {
  private layout: CsvLayout | null = null;
  private handle: (row: CsvRow) => void = () => {};
  private row: CsvRow = { bytes: new Uint8Array(0), starts: new Int32Array(0), ends: new Int32Array(0), line: 0 };
  private separator = 44;
  private separatorAt = new Int32Array(0);
  private rest: Uint8Array | null = null;
  private lineNumber = 0;
  private first = true;

  constructor(
    private readonly columns: { required: readonly string[]; optional: readonly string[] },
    private readonly onHeader: (layout: CsvLayout) => (row: CsvRow) => void,
  ) {}

  push(chunk: Uint8Array | string): void {
    let bytes = typeof chunk === "string" ? encodeUtf8(chunk) : chunk;
    if (this.first && bytes.length > 0) {
      this.first = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    let from = 0;
    if (this.rest) {
      const at = bytes.indexOf(NEWLINE);
      if (at === -1) {
        this.rest = concat(this.rest, bytes, bytes.length);
        return;
      }
      const joined = concat(this.rest, bytes, at + 1);
      this.rest = null;
      this.process(joined, 0, false);
      from = at + 1;
    }
    const unfinished = this.process(bytes, from, false);
    // A copy: the caller may reuse its buffer once push returns.
    if (unfinished < bytes.length) this.rest = bytes.slice(unfinished);
  }

  end(): void {
    const bytes = this.rest;
    this.rest = null;
    if (bytes) this.process(bytes, 0, true);
    if (!this.layout) {
      const header = [...this.columns.required, ...this.columns.optional.map((name) => `[${name}]`)].join(",");
      throw new AttributionInputError(`the file is empty; expected a header line ${header}`, { line: 1 });
    }
  }

  /** Reads the complete lines from `from`; returns where the unfinished last line starts. */
  private process(bytes: Uint8Array, from: number, final: boolean): number {
    while (!this.layout) {
      let at = bytes.indexOf(NEWLINE, from);
      if (at === -1) {
        if (!final || from === bytes.length) return from;
        at = bytes.length;
      }
      this.readHeader(bytes, from, at);
      if (at === bytes.length) return at;
      from = at + 1;
    }
    return this.scan(bytes, from, final);
  }

  private readHeader(bytes: Uint8Array, from: number, to: number): void {
    this.lineNumber++;
    const line = decodeUtf8(bytes, from, to).replace(/\r$/, "");
    if (line.trim() === "") return;
    const layout = readCsvHeader(line, this.lineNumber, this.columns.required, this.columns.optional);
    this.layout = layout;
    this.separator = layout.separator.charCodeAt(0);
    this.separatorAt = new Int32Array(layout.fieldCount);
    this.row = { bytes, starts: new Int32Array(layout.fieldCount), ends: new Int32Array(layout.fieldCount), line: 0 };
    this.handle = this.onHeader(layout);
  }

  /** Reads the lines from `from`; returns where the unfinished last line starts (the end when `final`). */
  private scan(bytes: Uint8Array, from: number, final: boolean): number {
    const separator = this.separator;
    const separatorAt = this.separatorAt;
    const capacity = separatorAt.length;
    // Quotes are rare: find the next one once and reuse it until the scan passes it.
    let nextQuote = bytes.indexOf(QUOTE, from);
    let lineStart = from;
    for (;;) {
      let lineEnd = bytes.indexOf(NEWLINE, lineStart);
      if (lineEnd === -1) {
        if (!final || lineStart === bytes.length) return lineStart;
        lineEnd = bytes.length;
      }
      if (nextQuote !== -1 && nextQuote < lineStart) nextQuote = bytes.indexOf(QUOTE, lineStart);
      const quoted = nextQuote !== -1 && nextQuote < lineEnd;
      let separators = 0;
      if (!quoted) {
        for (let i = lineStart; i < lineEnd; i++) {
          if (bytes[i] !== separator) continue;
          if (separators < capacity) separatorAt[separators] = i;
          separators++;
        }
      }
      this.readRow(bytes, lineStart, lineEnd, separators, quoted);
      if (lineEnd === bytes.length) return lineEnd;
      lineStart = lineEnd + 1;
    }
  }

  private readRow(bytes: Uint8Array, start: number, end: number, separators: number, quoted: boolean): void {
    const line = ++this.lineNumber;
    const layout = this.layout as CsvLayout;
    const row = this.row;
    if (end > start && bytes[end - 1] === RETURN) end--;
    if (quoted) {
      splitQuotedLine(decodeUtf8(bytes, start, end), layout, line, row);
    } else {
      if (separators === 0) {
        let at = start;
        while (at < end && isBlank(bytes[at])) at++;
        if (at === end) return;
      }
      if (separators + 1 !== layout.fieldCount) {
        throw new AttributionInputError(`expected ${layout.fieldCount} fields, got ${separators + 1}`, { line });
      }
      row.bytes = bytes;
      const separatorAt = this.separatorAt;
      for (let k = 0; k <= separators; k++) {
        let a = k === 0 ? start : separatorAt[k - 1] + 1;
        let b = k === separators ? end : separatorAt[k];
        while (a < b && isBlank(bytes[a])) a++;
        while (b > a && isBlank(bytes[b - 1])) b--;
        row.starts[k] = a;
        row.ends[k] = b;
      }
    }
    row.line = line;
    this.handle(row);
  }
}

/** Parses a line with quotes as text, then lays its unquoted fields out in a fresh buffer. */
function splitQuotedLine(line: string, layout: CsvLayout, lineNumber: number, row: CsvRow): void {
  const fields = splitDataLine(line, layout, lineNumber).map((field) =>
    encodeUtf8(field.replace(/^[ \t]+|[ \t]+$/g, "")),
  );
  const bytes = new Uint8Array(fields.reduce((sum, field) => sum + field.length, 0));
  let at = 0;
  fields.forEach((field, i) => {
    bytes.set(field, at);
    row.starts[i] = at;
    at += field.length;
    row.ends[i] = at;
  });
  row.bytes = bytes;
}

function concat(head: Uint8Array, tail: Uint8Array, tailLength: number): Uint8Array {
  const joined = new Uint8Array(head.length + tailLength);
  joined.set(head);
  joined.set(tail.subarray(0, tailLength), head.length);
  return joined;
}

function isBlank(byte: number): boolean {
  return byte === 32 || byte === 9;
}
