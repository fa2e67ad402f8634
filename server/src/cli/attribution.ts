import { createReadStream } from "node:fs";
import { parseArgs } from "node:util";
import {
  AttributionInputError,
  type AttributionResult,
  computeAttribution,
  createConversionsCsvReader,
  createJourneyAggregator,
  createPathAggregator,
  createPathsCsvReader,
  createTouchpointsCsvReader,
  MODEL_NAMES,
  type ModelName,
  type PathModelName,
  type PathTable,
  type TextSink,
} from "#engines/attribution";

/** Where the command writes. */
export interface AttributionCommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const HELP = `Usage:
  tandem attribution --paths FILE.csv --model MODEL [--order K] [--format json|csv]
  tandem attribution --touchpoints FILE.csv --conversions FILE.csv --model MODEL
                     [--lookback-days 30] [--half-life-days 7] [--order K] [--format json|csv]

Multi-touch attribution of conversions and their value to marketing channels.

Models:
  first        all credit to the first touch
  last         all credit to the last touch
  linear       conversions / path length to each touch (a channel touched twice gets twice)
  position     40% first, 40% last, 20% split over the middle (one touch 100%, two touches 50/50)
  time-decay   weight 2^(-age / half-life) per touch, normalised per conversion (raw touchpoints only)
  markov       k-order Markov chain (--order 1..4, default 1); exact removal effects, no simulation
  shapley      simplified Shapley value (Zhao et al. 2018) over converting paths

Options:
  --paths FILE            aggregated paths, header: path,total_conversions[,total_conversion_value][,total_null]
                          a path lists channels separated by ">" (e.g. "Search > Email > Direct")
  --touchpoints FILE      raw touchpoints, header: journey_id,timestamp,channel (one touch per line, any order)
  --conversions FILE      raw conversions, header: journey_id,timestamp[,value] (one conversion per line)
  --model MODEL           one of the models above (required)
  --order K               Markov order: channels per state, 1 to 4 (markov only; default 1)
  --lookback-days N       touches more than N days before a conversion do not count towards it (default 30)
  --half-life-days N      time-decay half-life in days (default 7)
  --format json|csv       output format (default json)
  -h, --help              show this help

Input files: UTF-8 CSV with a header line, columns in any order and case, extra columns ignored; comma
or semicolon separated (decided by the header; semicolon files may use decimal commas); double quotes
may wrap a field (not across lines); fields are trimmed. Timestamps are ISO 8601 (2024-03-01,
2024-03-01T12:30:00Z, 2024-03-01 12:30:00+02:00; no offset means UTC) or Unix epoch seconds. Counts and
values are numbers >= 0; an empty value is 0. Files are streamed, never read whole into memory.

From raw data, each journey's touches (in time order) are cut at its conversions: a conversion gets the
touches since the journey's previous conversion, up to its own time and within the lookback window;
conversions of one journey at the same time share a path. Touches after a journey's last conversion form
one non-converting path (within the lookback window before the last of them). Conversions without any
touch in their window cannot be attributed: they are counted on stderr and left out of the totals.

Output (json): {"model", "order", "totals": {"conversions", "value"},
                "channels": [{"channel", "conversions", "value", "removalEffect" (markov only)}]}
Output (csv):  channel,conversions,value[,removal_effect]
Channels are sorted by name. Exit status: 0 on success, 1 on bad input files, 2 on bad arguments.
`;

class UsageError extends Error {}

interface Settings {
  model: ModelName;
  order: number | null;
  format: "json" | "csv";
  paths?: string;
  touchpoints?: string;
  conversions?: string;
  lookbackDays: number;
  halfLifeDays: number;
}

/** Runs `tandem attribution …` and returns the process exit code. */
export async function runAttributionCommand(args: string[], io: AttributionCommandIo): Promise<number> {
  let settings: Settings | null;
  try {
    settings = parseSettings(args);
  } catch (error) {
    if (!(error instanceof UsageError || isParseArgsError(error))) throw error;
    io.stderr.write(`tandem attribution: ${(error as Error).message}\nRun "tandem attribution --help" for usage.\n`);
    return 2;
  }
  if (!settings) {
    io.stdout.write(HELP);
    return 0;
  }
  try {
    const result = await computeResult(settings, io);
    io.stdout.write(settings.format === "json" ? formatJson(result) : formatCsv(result));
    return 0;
  } catch (error) {
    const message = describeFailure(error);
    if (message === null) throw error;
    io.stderr.write(`tandem attribution: ${message}\n`);
    return 1;
  }
}

/** Returns null when help was asked for. */
function parseSettings(args: string[]): Settings | null {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      paths: { type: "string" },
      touchpoints: { type: "string" },
      conversions: { type: "string" },
      model: { type: "string" },
      order: { type: "string" },
      format: { type: "string" },
      "lookback-days": { type: "string" },
      "half-life-days": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return null;
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (values.model === undefined) throw new UsageError(`--model is required (one of ${MODEL_NAMES.join(", ")})`);
  const model = values.model as ModelName;
  if (!MODEL_NAMES.includes(model)) {
    throw new UsageError(`unknown model "${values.model}"; choose one of ${MODEL_NAMES.join(", ")}`);
  }
  const format = values.format ?? "json";
  if (format !== "json" && format !== "csv") throw new UsageError(`unknown format "${format}"; choose json or csv`);
  const raw = values.touchpoints !== undefined || values.conversions !== undefined;
  if (values.paths !== undefined && raw)
    throw new UsageError("give either --paths or --touchpoints with --conversions, not both");
  if (values.paths === undefined && !raw)
    throw new UsageError("give --paths FILE, or --touchpoints FILE with --conversions FILE");
  if (raw && (values.touchpoints === undefined || values.conversions === undefined)) {
    throw new UsageError("--touchpoints and --conversions go together");
  }
  if (!raw) {
    if (model === "time-decay")
      throw new UsageError("time-decay needs timestamps: use --touchpoints and --conversions");
    for (const name of ["lookback-days", "half-life-days"] as const) {
      if (values[name] !== undefined) throw new UsageError(`--${name} applies to --touchpoints input only`);
    }
  }
  if (values.order !== undefined && model !== "markov") throw new UsageError("--order applies to --model markov only");
  if (values["half-life-days"] !== undefined && model !== "time-decay") {
    throw new UsageError("--half-life-days applies to --model time-decay only");
  }
  const order =
    model === "markov"
      ? parseNumberOption(
          "order",
          values.order ?? "1",
          (n) => Number.isInteger(n) && n >= 1 && n <= 4,
          "a whole number from 1 to 4",
        )
      : null;
  return {
    model,
    order,
    format,
    paths: values.paths,
    touchpoints: values.touchpoints,
    conversions: values.conversions,
    lookbackDays: parseNumberOption(
      "lookback-days",
      values["lookback-days"] ?? "30",
      (n) => n >= 0,
      "a number of days ≥ 0",
    ),
    halfLifeDays: parseNumberOption(
      "half-life-days",
      values["half-life-days"] ?? "7",
      (n) => n > 0,
      "a number of days > 0",
    ),
  };
}

function parseNumberOption(name: string, text: string, isValid: (n: number) => boolean, expected: string): number {
  const value = text.trim() === "" ? Number.NaN : Number(text);
  if (!Number.isFinite(value) || !isValid(value)) throw new UsageError(`--${name} must be ${expected}, got "${text}"`);
  return value;
}

async function computeResult(settings: Settings, io: AttributionCommandIo): Promise<AttributionResult> {
  let table: PathTable;
  if (settings.paths !== undefined) {
    const aggregator = createPathAggregator();
    await streamFileToSink(settings.paths, createPathsCsvReader(aggregator));
    table = aggregator.finish();
  } else {
    const journeys = createJourneyAggregator({
      lookbackDays: settings.lookbackDays,
      halfLifeDays: settings.halfLifeDays,
    });
    await streamFileToSink(settings.conversions as string, createConversionsCsvReader(journeys));
    await streamFileToSink(settings.touchpoints as string, createTouchpointsCsvReader(journeys));
    const aggregation = journeys.finish();
    if (aggregation.unmatched.conversions > 0) {
      io.stderr.write(
        `tandem attribution: ${aggregation.unmatched.conversions} conversion(s) worth ${roundValue(aggregation.unmatched.value)} had no ` +
          `touchpoint within the ${settings.lookbackDays}-day lookback window and were left out\n`,
      );
    }
    if (settings.model === "time-decay") return aggregation.timeDecay;
    table = aggregation.paths;
  }
  return computeAttribution(table, settings.model as PathModelName, { order: settings.order ?? undefined });
}

/** Feeds a file to a sink chunk by chunk, as raw UTF-8 bytes, so the file is never held in memory whole. */
export async function streamFileToSink(path: string, sink: TextSink): Promise<void> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) sink.push(chunk as Buffer);
    sink.end();
  } catch (error) {
    stream.destroy();
    if (error instanceof AttributionInputError) throw new FileInputError(path, error.message);
    throw error;
  }
}

class FileInputError extends Error {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail}`);
  }
}

/** Returns the message for an expected failure, or null for a bug that should surface as one. */
function describeFailure(error: unknown): string | null {
  if (error instanceof FileInputError) return error.message;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const path = (error as NodeJS.ErrnoException | null)?.path;
  if (code === "ENOENT") return `cannot read ${path}: no such file`;
  if (code === "EISDIR") return `cannot read ${path}: it is a directory`;
  if (code === "EACCES" || code === "EPERM") return `cannot read ${path}: permission denied`;
  if (typeof code === "string" && path) return `cannot read ${path}: ${(error as Error).message}`;
  return null;
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}

function formatJson(result: AttributionResult): string {
  const { model, order, totals, channels } = result;
  return `${JSON.stringify({ model, order, totals, channels }, null, 2)}\n`;
}

function formatCsv(result: AttributionResult): string {
  const markov = result.model === "markov";
  const lines = [markov ? "channel,conversions,value,removal_effect" : "channel,conversions,value"];
  for (const c of result.channels) {
    const fields = [quoteCsv(c.channel), String(c.conversions), String(c.value)];
    if (markov) fields.push(String(c.removalEffect ?? 0));
    lines.push(fields.join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** Rounds to 12 significant digits, which hides binary noise such as 0.1 + 0.2 = 0.30000000000000004. */
function roundValue(value: number): number {
  return Number(value.toPrecision(12));
}

function quoteCsv(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
