import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import {
  type CompiledPolicy,
  compilePolicy,
  describeProblem,
  evaluatePolicy,
  PolicyError,
  type PolicyInput,
  PolicyInputError,
  readPolicyInputs,
} from "#engines/policy";

/** Where the command reads and writes. */
export interface PolicyCommandIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const HELP = `Usage:
  tandem policy evaluate --policy POLICY.json --input INPUT.json [--compact]

Decides purchase requests by a purchase policy whose rule conditions are CEL (Common Expression Language).

POLICY.json: {"rules": [{"id": "fast-lane", "when": "request.annualCost < 5000.0 && request.sso",
                         "outcome": "approve" | "review" | "block",
                         "require": ["it", "security", "legal", "finance", "marketing"],  (review rules only)
                         "explain": "shown when the rule matches"}, ...]}
INPUT.json:  {"request": {...}, "stack": {...}} (a missing stack is {}), or a JSON array of such inputs;
             "-" reads standard input. JSON numbers are CEL doubles: write request.seats > 10.0.
             (Comparisons and "in" also accept int literals, request.seats > 10; arithmetic does not
             mix them: request.seats * 2.0, not * 2, which makes the rule an error.)

Every rule is evaluated. A true condition matches; a condition that fails (missing field, wrong type) or is not
a boolean is an error: listed, and it asks IT to review. The outcome is block if a matched rule blocks, else
review if a matched rule reviews, a rule errored or none matched, else approve.

Prints {"outcome", "reviews", "matched", "errors": [{"rule", "message"}], "explanation": [{"rule", "text"}]}
(reviews sorted, empty unless the outcome is review; matched and explanation in policy order). For an array,
prints a JSON array of results in input order, one result per line.

Options:
  --compact    print a single result on one line
  -h, --help   show this help

Exit status: 0 when every input was decided; 2 on an invalid policy (each problem names its rule; nothing is
printed on standard output), bad input (the message names the element and field) or bad arguments.
`;

class UsageError extends Error {}
class InputFileError extends Error {}

/** Runs `tandem policy …` and returns the process exit code. */
export async function runPolicyCommand(args: string[], io: PolicyCommandIo): Promise<number> {
  let request: ReturnType<typeof parseRequest>;
  try {
    request = parseRequest(args);
  } catch (error) {
    if (!(error instanceof UsageError || isParseArgsError(error))) throw error;
    io.stderr.write(`tandem policy: ${(error as Error).message}\nRun "tandem policy --help" for usage.\n`);
    return 2;
  }
  if (request === null) {
    io.stdout.write(HELP);
    return 0;
  }
  const fail = (message: string) => {
    io.stderr.write(`tandem policy evaluate: ${message}\n`);
    return 2;
  };
  let policy: CompiledPolicy;
  try {
    policy = compilePolicy(parseJson(await readInputFile(request.policy, io), "a JSON object"));
  } catch (error) {
    if (error instanceof InputFileError) return fail(`${request.policy}: ${error.message}`);
    if (!(error instanceof PolicyError)) throw error;
    return fail(
      `${request.policy}: the policy is not valid:\n${error.problems.map((p) => `  ${describeProblem(p)}`).join("\n")}`,
    );
  }
  for (const warning of policy.warnings) {
    io.stderr.write(`tandem policy evaluate: ${request.policy}: warning: ${describeProblem(warning)}\n`);
  }
  const source = request.input === "-" ? "standard input" : request.input;
  let read: { many: boolean; inputs: PolicyInput[] };
  try {
    read = readPolicyInputs(parseJson(await readInputFile(request.input, io), "a JSON object or array"));
  } catch (error) {
    if (error instanceof InputFileError) return fail(`${source}: ${error.message}`);
    if (!(error instanceof PolicyInputError)) throw error;
    const field = error.path === "" ? "the input" : `input${error.path.startsWith("[") ? "" : "."}${error.path}`;
    return fail(`${source}: ${field} ${error.message.slice(error.path.length).trim()}`);
  }
  if (!read.many) {
    const result = evaluatePolicy(policy, read.inputs[0]);
    io.stdout.write(`${JSON.stringify(result, null, request.compact ? undefined : 2)}\n`);
    return 0;
  }
  await writeResults(policy, read.inputs, io.stdout);
  return 0;
}

/** Evaluates and prints an array of inputs as it goes, one result per line, in chunks that respect backpressure. */
async function writeResults(policy: CompiledPolicy, inputs: PolicyInput[], stdout: NodeJS.WritableStream) {
  if (inputs.length === 0) {
    stdout.write("[]\n");
    return;
  }
  let chunk = "[\n";
  for (let index = 0; index < inputs.length; index++) {
    chunk += JSON.stringify(evaluatePolicy(policy, inputs[index]));
    chunk += index === inputs.length - 1 ? "\n]\n" : ",\n";
    if (chunk.length >= 65_536 || index === inputs.length - 1) {
      const flushed = stdout.write(chunk);
      chunk = "";
      if (!flushed) await new Promise<void>((resolve) => stdout.once("drain", () => resolve()));
    }
  }
}

/** Returns null when help was asked for. */
function parseRequest(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      policy: { type: "string" },
      input: { type: "string" },
      compact: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, ...extra] = positionals;
  if (values.help || command === "help") return null;
  if (command === undefined) throw new UsageError('name a subcommand: "evaluate"');
  if (command !== "evaluate") throw new UsageError(`unknown subcommand "${command}"; use "evaluate"`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (values.policy === undefined) throw new UsageError("give the policy: --policy POLICY.json");
  if (values.input === undefined)
    throw new UsageError('give the input: --input INPUT.json (or "-" for standard input)');
  if (values.policy === "-" && values.input === "-") throw new UsageError("only one of --policy and --input can be -");
  return { policy: values.policy, input: values.input, compact: Boolean(values.compact) };
}

async function readInputFile(file: string, io: PolicyCommandIo): Promise<string> {
  if (file === "-") {
    if ((io.stdin as { isTTY?: boolean }).isTTY) throw new InputFileError("pipe the JSON into standard input");
    let text = "";
    for await (const chunk of io.stdin) text += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return text;
  }
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder" : (error as Error).message;
    throw new InputFileError(`cannot read the file (${reason})`);
  }
}

function parseJson(text: string, expected: string): unknown {
  if (text.trim() === "") throw new InputFileError(`is empty; expected ${expected}`);
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    if (position === null) throw new InputFileError(`is not valid JSON (${message})`);
    const before = text.slice(0, Number(position[1]));
    const line = before.split("\n").length;
    const column = before.length - before.lastIndexOf("\n");
    throw new InputFileError(`is not valid JSON at line ${line}, column ${column}`);
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof TypeError && typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}
