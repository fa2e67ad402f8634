import { TimeLimits } from "#contracts/common";
import { type ImportError, SpendLineFields, ValueLimits } from "#contracts/value";
import {
  AttributionInputError,
  type CsvLayout,
  type CsvRow,
  createConversionsCsvReader,
  createCsvReader,
  createPathAggregator,
  createPathsCsvReader,
  createTouchpointsCsvReader,
  type JourneyAggregator,
  type PathAggregator,
  type TextSink,
} from "#engines/attribution";
import { AppError } from "../../errors";
import { CsvLimits } from "../../lib/csv";

/** What reading a file gave: the good rows, the bad lines (the first ones listed, all counted). */
export interface ParsedFile<T> {
  rows: T[];
  lines: number;
  errors: ImportError[];
  errorCount: number;
}

/** Called while a file is read: data lines done so far of about `total`. */
export type ProgressListener = (done: number, total: number) => void;

export interface SpendRow {
  spentOn: string;
  channel: string;
  campaign: string;
  initiative: string;
  kind: "planned" | "actual";
  amount: string;
  currency: string;
}

export interface OutcomeRow {
  journeyId: string;
  occurredAt: Date;
  value: number;
}

export interface TouchpointRow {
  journeyId: string;
  occurredAt: Date;
  channel: string;
}

export interface PathRow {
  channels: string[];
  conversions: number;
  value: number;
  nulls: number;
}

/** Columns of a spend file. */
export const SPEND_COLUMNS = {
  required: ["date", "channel", "amount", "currency"],
  optional: ["campaign", "initiative", "kind"],
} as const;

const decoder = new TextDecoder();
const YIELD_EVERY = 5000;

/**
 * Feeds a file to an engine CSV reader one line at a time, so that a bad line is reported and the next
 * one still read: the engine's readers stop at the first error, a dry run must list them all.
 */
async function readLines<T>(
  text: string,
  makeSink: (rows: T[], fail: (line: number, field: string | null, message: string) => void) => TextSink,
  onProgress?: ProgressListener,
): Promise<ParsedFile<T>> {
  const bytes = Buffer.from(text, "utf8");
  const rows: T[] = [];
  const errors: ImportError[] = [];
  let errorCount = 0;
  let lines = 0;
  let headerSeen = false;
  const fail = (line: number, field: string | null, message: string) => {
    errorCount++;
    if (errors.length < ValueLimits.errorsShown) errors.push({ line, field, message });
  };
  const sink = makeSink(rows, fail);
  const total = countLines(bytes);
  let line = 0;
  let from = 0;
  const report = (error: unknown) => {
    if (!(error instanceof AttributionInputError)) throw error;
    const message = error.message.replace(/^line \d+(, [^:]+)?: /, "");
    fail(error.line ?? line, error.field ?? null, message);
  };
  while (from < bytes.length) {
    line++;
    const at = bytes.indexOf(10, from);
    const to = at === -1 ? bytes.length : at + 1;
    const blank = isBlank(bytes, from, to);
    if (to - from > CsvLimits.recordCharsMax) {
      // A line too long to be data: refused whole, so a line of a million columns costs nothing to report.
      const message = `is longer than ${CsvLimits.recordCharsMax / 1024} KB`;
      if (!headerSeen) throw new AppError("validation_failed", `The header ${message}`, [{ path: "csv", message }]);
      fail(line, null, message);
      lines++;
      from = to;
      continue;
    }
    try {
      sink.push(bytes.subarray(from, to));
    } catch (error) {
      report(error);
      // A header the reader refused: nothing after it can be read.
      if (!headerSeen) return { rows: [], lines: 0, errors, errorCount };
    }
    if (!blank) {
      if (headerSeen) lines++;
      headerSeen = true;
    }
    from = to;
    if (line % YIELD_EVERY === 0) {
      onProgress?.(lines, total);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  try {
    sink.end();
  } catch (error) {
    report(error);
  }
  onProgress?.(lines, total);
  return { rows, lines, errors, errorCount };
}

function countLines(bytes: Buffer): number {
  let n = 0;
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) n++;
  return Math.max(0, n);
}

function isBlank(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = bytes[i];
    if (b !== 32 && b !== 9 && b !== 10 && b !== 13) return false;
  }
  return true;
}

function field(row: CsvRow, index: number): string {
  return index < 0 ? "" : decoder.decode(row.bytes.subarray(row.starts[index], row.ends[index]));
}

/** Reads a spend file: `date,channel,amount,currency[,campaign][,initiative][,kind]`; comma or semicolon separated. */
export function parseSpendCsv(text: string, today: string, onProgress?: ProgressListener) {
  return readLines<SpendRow>(
    text,
    (rows, fail) =>
      createCsvReader(SPEND_COLUMNS, (layout: CsvLayout) => {
        const at = (name: string) => layout.columns.get(name) ?? -1;
        const columns = {
          date: at("date"),
          channel: at("channel"),
          amount: at("amount"),
          currency: at("currency"),
          campaign: at("campaign"),
          initiative: at("initiative"),
          kind: at("kind"),
        };
        const decimalComma = layout.separator === ";";
        return (row) => {
          let amount = field(row, columns.amount).replace(/[\s']/g, "");
          if (decimalComma) amount = amount.replace(",", ".");
          const kind = field(row, columns.kind).toLowerCase();
          const parsed = SpendLineFields.safeParse({
            date: field(row, columns.date),
            channel: field(row, columns.channel),
            campaign: field(row, columns.campaign),
            initiative: field(row, columns.initiative),
            kind: kind === "" ? undefined : kind,
            amount: amount.startsWith("-") ? "negative" : amount,
            currency: field(row, columns.currency).toUpperCase(),
          });
          if (!parsed.success) {
            for (const issue of parsed.error.issues) {
              const name = String(issue.path[0] ?? "");
              const message = name === "amount" && amount.startsWith("-") ? "cannot be negative" : `${issue.message}`;
              fail(row.line, name || null, message);
            }
            return;
          }
          const value = parsed.data;
          if (value.kind === "actual" && value.date > today) {
            fail(row.line, "date", `is in the future (${value.date}); only planned spend may be`);
            return;
          }
          rows.push({
            spentOn: value.date,
            channel: value.channel,
            campaign: value.campaign,
            initiative: value.initiative,
            kind: value.kind,
            amount: value.amount,
            currency: value.currency,
          });
        };
      }),
    onProgress,
  );
}

// The engine's readers hand each record to an aggregator: these collect the records instead, checking them.
class Collector {
  private readonly journeyIds = new Map<string, number>();
  private readonly journeys: string[] = [];
  private readonly channelIds = new Map<string, number>();
  private readonly channels: string[] = [];

  constructor(private readonly now: number) {}

  journey(bytes: Uint8Array, start: number, end: number): number {
    const name = decoder.decode(bytes.subarray(start, end));
    let id = this.journeyIds.get(name);
    if (id === undefined) {
      if (name.length > 200) throw new AttributionInputError("is longer than 200 characters", { field: "journey_id" });
      id = this.journeys.length;
      this.journeys.push(name);
      this.journeyIds.set(name, id);
    }
    return id;
  }

  channel(bytes: Uint8Array, start: number, end: number): number {
    const name = decoder.decode(bytes.subarray(start, end));
    let id = this.channelIds.get(name);
    if (id === undefined) {
      if (name.length > ValueLimits.channelMax) {
        throw new AttributionInputError(`is longer than ${ValueLimits.channelMax} characters`, { field: "channel" });
      }
      id = this.channels.length;
      this.channels.push(name);
      this.channelIds.set(name, id);
    }
    return id;
  }

  journeyName(id: number) {
    return this.journeys[id];
  }

  channelName(id: number) {
    return this.channels[id];
  }

  // Times from 1970 to a day ahead only: a year 0026 stored once broke every summary of the workspace.
  checkTime(time: number): Date {
    if (!(time >= 0)) {
      throw new AttributionInputError("is before 1970", { field: "timestamp" });
    }
    if (time > this.now + TimeLimits.eventLeadMs) {
      throw new AttributionInputError(`is in the future (${new Date(time).toISOString()})`, { field: "timestamp" });
    }
    return new Date(time);
  }
}

function collectingJourneys(collector: Collector, handlers: Partial<JourneyAggregator>): JourneyAggregator {
  const refuse = () => {
    throw new Error("not used by the file readers");
  };
  return {
    addTouchpoint: refuse,
    addConversion: refuse,
    internJourney: (bytes, start, end) => collector.journey(bytes, start, end),
    internChannel: (bytes, start, end) => collector.channel(bytes, start, end),
    addTouchpointById: refuse,
    addConversionById: refuse,
    finish: refuse,
    ...handlers,
  };
}

/** Reads a conversions file (`journey_id,timestamp[,value]`) with the engine's reader. */
export function parseConversionsCsv(text: string, now: Date, onProgress?: ProgressListener) {
  return readLines<OutcomeRow>(
    text,
    (rows) => {
      const collector = new Collector(now.getTime());
      return createConversionsCsvReader(
        collectingJourneys(collector, {
          addConversionById: (journey, time, value) => {
            rows.push({ journeyId: collector.journeyName(journey), occurredAt: collector.checkTime(time), value });
          },
        }),
      );
    },
    onProgress,
  );
}

/** Reads a touchpoints file (`journey_id,timestamp,channel`) with the engine's reader. */
export function parseTouchpointsCsv(text: string, now: Date, onProgress?: ProgressListener) {
  return readLines<TouchpointRow>(
    text,
    (rows) => {
      const collector = new Collector(now.getTime());
      return createTouchpointsCsvReader(
        collectingJourneys(collector, {
          addTouchpointById: (journey, time, channel) => {
            rows.push({
              journeyId: collector.journeyName(journey),
              occurredAt: collector.checkTime(time),
              channel: collector.channelName(channel),
            });
          },
        }),
      );
    },
    onProgress,
  );
}

/** Reads a paths file (`path,total_conversions[,total_conversion_value][,total_null]`) with the engine's reader. */
export function parsePathsCsv(text: string, onProgress?: ProgressListener) {
  return readLines<PathRow>(
    text,
    (rows) => {
      // The engine's own aggregator checks each path's counts; the rows are kept as read.
      const checker = createPathAggregator();
      const collecting: PathAggregator = {
        get channelCount() {
          return checker.channelCount;
        },
        internChannel: (name) => checker.internChannel(name),
        addPath: (ids, length, conversions, value, nulls) => checker.addPath(ids, length, conversions, value, nulls),
        addNamedPath: (channels, conversions, value, nulls) => {
          const long = channels.find((name) => name.length > ValueLimits.channelMax);
          if (long !== undefined) {
            throw new AttributionInputError(`has a channel name longer than ${ValueLimits.channelMax} characters`, {
              field: "path",
            });
          }
          checker.addNamedPath(channels, conversions, value, nulls);
          rows.push({ channels: [...channels], conversions, value, nulls });
        },
        finish: () => checker.finish(),
      };
      return createPathsCsvReader(collecting);
    },
    onProgress,
  );
}
