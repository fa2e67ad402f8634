import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { annotate, buildTermMatcher, parseTerms, TermsInputError } from "#engines/terms";

/** Where the command reads and writes. */
export interface GlossaryCommandIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const HELP = `Usage:
  tandem glossary annotate --terms TERMS.json --text FILE

Finds a glossary's terms in a text, with the rules Tandem uses wherever people write.

TERMS.json is a JSON array of terms: [{"id": "…", "name": "customer data platform", "acronym": "CDP",
"synonyms": ["CDP platform"]}, …]. "acronym" and "synonyms" are optional; other fields are ignored. The id
is a non-empty string or a number, unique in the file. FILE is the text (UTF-8), or "-" for standard input;
offsets index it as read (a byte-order mark, if any, counts as one code unit).

Prints one line of JSON: {"spans": [{"start", "end", "termId", "form"}, …], "buildMs", "annotateMs"}
  start, end   JavaScript string indices (UTF-16 code units) into the text, end exclusive
  form         the term's form that matched, exactly as written in TERMS.json (without a plural ending)
  buildMs      time to check the terms and build the matcher; annotateMs: time to annotate the text

Rules:
  - A term's forms are its name, its acronym and its synonyms.
  - A form written entirely in capital letters and digits, with at least one letter (CMS, IT, SLA, B2B, 5G),
    matches case-sensitively: "it" in a sentence is not IT. Every other form matches case-insensitively
    (Unicode lower-casing, one character at a time; final sigma is read as sigma): that includes forms with
    punctuation or spaces (A/B, CI/CD, 24/7, "IT ops") and forms with no letter at all (365).
  - A form also matches followed by "s" or "es" (CMSs, SLAs, customer journeys); after a case-sensitive form
    the ending must be lower case (CMSs, not CMSS).
  - A run of whitespace in a form (after trimming) matches any run of whitespace in the text, line breaks
    included.
  - Whole words only: the character before and after a match is not a Unicode letter or decimal digit
    (or is the text's edge). Combining marks and emoji are not letters.
  - Leftmost-longest, non-overlapping: scanning left to right, the longest match at a position wins
    ("customer data platform" over "customer data"); the scan continues after it.
  - Clashes: when several terms match the same longest text (SQL as a sales-qualified lead and as the query
    language), each of them gets a span with the same start and end, in the order of TERMS.json, so that
    both meanings can be shown. A term whose several forms match the same text gets one span, with the form
    that has no plural ending, then the first of name, acronym, synonyms.

Exit status: 0 on success; 2 on bad arguments, an unreadable file or bad TERMS (not JSON, not an array, a
missing or duplicate id, a missing or empty form), with the reason on standard error and nothing on standard
output.
`;

class UsageError extends Error {}

/** Runs `tandem glossary …` and returns the process exit code. */
export async function runGlossaryCommand(args: string[], io: GlossaryCommandIo): Promise<number> {
  try {
    const request = parseRequest(args);
    if (request === null) {
      io.stdout.write(HELP);
      return 0;
    }
    const termsText = await readInput(request.terms, "--terms", io);
    const text = await readInput(request.text, "--text", io);
    const raw = parseJson(termsText, request.terms);
    const startedBuild = performance.now();
    const matcher = buildTermMatcher(parseTerms(raw));
    const buildMs = performance.now() - startedBuild;
    const startedAnnotate = performance.now();
    const spans = annotate(matcher, text);
    const annotateMs = performance.now() - startedAnnotate;
    io.stdout.write(`${JSON.stringify({ spans, buildMs: round(buildMs), annotateMs: round(annotateMs) })}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr.write(`tandem glossary: ${(error as Error).message}\nRun "tandem glossary --help" for usage.\n`);
      return 2;
    }
    if (error instanceof TermsInputError) {
      io.stderr.write(`tandem glossary annotate: bad TERMS: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** Returns null when help was asked for. */
function parseRequest(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: { terms: { type: "string" }, text: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  const [command, ...extra] = positionals;
  if (values.help || command === "help") return null;
  if (command === undefined) throw new UsageError('name a subcommand: "annotate"');
  if (command !== "annotate") throw new UsageError(`unknown subcommand "${command}"; use "annotate"`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (values.terms === undefined) throw new UsageError("--terms TERMS.json is required");
  if (values.text === undefined) throw new UsageError("--text FILE is required");
  if (values.terms === "-" && values.text === "-") {
    throw new UsageError("only one of --terms and --text can read standard input");
  }
  return { terms: values.terms, text: values.text };
}

async function readInput(file: string, option: string, io: GlossaryCommandIo): Promise<string> {
  if (file === "-") {
    let text = "";
    for await (const chunk of io.stdin) text += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return text;
  }
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder" : (error as Error).message;
    throw new UsageError(`${option} ${file}: cannot read the file (${reason})`);
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const where = position === null ? "" : ` at line ${lineAndColumn(text, Number(position[1]))}`;
    throw new TermsInputError("", `${file} is not valid JSON${where} (${message})`);
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `${before.split("\n").length}, column ${before.length - before.lastIndexOf("\n")}`;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof TypeError && typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}
