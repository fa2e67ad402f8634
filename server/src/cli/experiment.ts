import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import {
  analyzeExperiment,
  calculateMinimumDetectableEffect,
  calculatePower,
  calculateSampleSize,
  ExperimentInputError,
  type PowerInput,
  serializeResult,
} from "#engines/experiments";

/** Where the command reads and writes. */
export interface ExperimentCommandIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const HELP = `Usage:
  tandem experiment analyze [FILE.json | -] [--compact]
  tandem experiment power [FILE.json | -] [--compact]

Experiment statistics with GrowthBook's formulas (gbstats). Reads JSON from FILE, or from standard
input when FILE is "-" or left out, and prints JSON.

analyze — compares every variant with the first (the control):
  {"metric": "mean" | "proportion" | "cuped" | "ratio",
   "variants": [{"name": "control", "n": 3407, "sum": 1396.87, "sumSquares": 52377.9767}, {"name": "b", ...}],
   "method": "frequentist" | "sequential" | "bayesian",        (default frequentist)
   "sided": "two" | "greater" | "lesser",                      (default two; frequentist and sequential)
   "difference": "relative" | "absolute", "alpha": 0.05,      (defaults; alpha in (0, 0.5))
   "sequentialTuning": 5000, "prior": {"mean": 0, "variance": 0.09, "proper": false},
   "expectedSplit": [0.5, 0.5], "correction": "holm" | "bh"}  (correction: optional, across variants)
  proportion variants: n and sum (conversions). cuped variants: n, post and pre ({sum, sumSquares}, or
  {sum} for a 0/1 value) and postPreSumOfProducts. ratio variants: n, m and d ({sum, sumSquares}) and
  mdSumOfProducts.
  Output: {"srmPValue", "variants": [{"name", "estimate", "ci": [lo, hi], "standardError",
           "pValue" | "chanceToWin" and "risk": [control, treatment], "adjustedPValue"?}]}
  for every variant but the control; an open bound of a one-sided interval is "Infinity" / "-Infinity".

power — sample size and duration, or power and minimum detectable effect:
  {"metric": "mean" | "proportion", "mean": 0.1, "standardDeviation": 2.5 (mean only),
   "effect": 0.05 (relative lift to detect), "variants": 2, "power": 0.8, "dailyUsers": 1200,
   "usersPerVariant": 10000, plus method, sided, difference, alpha, sequentialTuning and prior as above}
  Without usersPerVariant: {"usersPerVariant", "totalUsers", "power", "days" (with dailyUsers)}.
  With usersPerVariant:    {"power" (of "effect", if given), "minimumDetectableEffect" (null if above 500%)}.

Options:
  --compact    print the JSON on one line
  -h, --help   show this help

Exit status: 0 on success, 1 on unreadable or invalid input (the message names the field), 2 on bad
arguments.
`;

class UsageError extends Error {}

/** Runs `tandem experiment …` and returns the process exit code. */
export async function runExperimentCommand(args: string[], io: ExperimentCommandIo): Promise<number> {
  let request: { command: "analyze" | "power"; file: string | null; compact: boolean } | null;
  try {
    request = parseRequest(args);
  } catch (error) {
    if (!(error instanceof UsageError || isParseArgsError(error))) throw error;
    io.stderr.write(`tandem experiment: ${(error as Error).message}\nRun "tandem experiment --help" for usage.\n`);
    return 2;
  }
  if (request === null) {
    io.stdout.write(HELP);
    return 0;
  }
  const source = request.file ?? "standard input";
  try {
    if (request.file === null && (io.stdin as { isTTY?: boolean }).isTTY) {
      throw new UsageError("give FILE.json, or pipe the JSON into standard input");
    }
    const text = request.file === null ? await readStream(io.stdin) : await readInputFile(request.file);
    const input = parseJson(text);
    const output = request.command === "analyze" ? serializeResult(analyzeExperiment(input)) : planPower(input);
    io.stdout.write(`${JSON.stringify(output, null, request.compact ? undefined : 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`tandem experiment ${request.command}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof ExperimentInputError || error instanceof InputFileError) {
      io.stderr.write(`tandem experiment ${request.command}: ${source}: ${error.message}\n`);
      return 1;
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
    options: { compact: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  const [command, file, ...extra] = positionals;
  if (values.help || command === "help") return null;
  if (command === undefined) throw new UsageError('name a subcommand: "analyze" or "power"');
  if (command !== "analyze" && command !== "power") {
    throw new UsageError(`unknown subcommand "${command}"; use "analyze" or "power"`);
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"; give one FILE.json`);
  return { command, file: file === undefined || file === "-" ? null : file, compact: Boolean(values.compact) } as const;
}

function planPower(raw: unknown): Record<string, unknown> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new ExperimentInputError("", "input must be a JSON object");
  }
  const input = raw as PowerInput & { usersPerVariant?: number; power?: number; dailyUsers?: number };
  if (input.usersPerVariant === undefined) return { ...calculateSampleSize(input) };
  const { effect, dailyUsers, ...design } = input;
  if (dailyUsers !== undefined)
    throw new ExperimentInputError("dailyUsers", "applies only when usersPerVariant is left out");
  const usersPerVariant = input.usersPerVariant;
  return {
    ...(effect === undefined ? {} : { power: calculatePower({ ...design, effect, usersPerVariant }) }),
    minimumDetectableEffect: calculateMinimumDetectableEffect({ ...design, usersPerVariant }),
  };
}

class InputFileError extends Error {}

async function readInputFile(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder" : (error as Error).message;
    throw new InputFileError(`cannot read the file (${reason})`);
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
  return text;
}

function parseJson(text: string): unknown {
  if (text.trim() === "") throw new InputFileError("is empty; expected a JSON object");
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    if (position === null) throw new InputFileError(`is not valid JSON (${message})`);
    const before = text.slice(0, Number(position[1]));
    const line = before.split("\n").length;
    const column = before.length - before.lastIndexOf("\n");
    throw new InputFileError(
      `is not valid JSON at line ${line}, column ${column} (${message.replace(/ \(line \d+ column \d+\)$/, "")})`,
    );
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof TypeError && typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}
