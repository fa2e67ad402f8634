import { type CsvLayout, locateError, parseAmountField } from "./csv";
import { type CsvRow, createCsvReader, readField, type TextSink } from "./csv-reader";
import { AttributionInputError } from "./errors";
import type { JourneyAggregator } from "./journeys";
import type { PathAggregator } from "./paths";
import { createTimestampParser } from "./timestamps";

/** Column names of a paths file. */
export const PATHS_COLUMNS = {
  required: ["path", "total_conversions"],
  optional: ["total_conversion_value", "total_null"],
} as const;

/** Column names of a touchpoints file. */
export const TOUCHPOINTS_COLUMNS = { required: ["journey_id", "timestamp", "channel"], optional: [] } as const;

/** Column names of a conversions file. */
export const CONVERSIONS_COLUMNS = { required: ["journey_id", "timestamp"], optional: ["value"] } as const;

/**
 * Reads a paths CSV (`path,total_conversions[,total_conversion_value][,total_null]`, comma or semicolon
 * separated, channels in a path separated by `>` and trimmed) into a path aggregator.
 */
export function createPathsCsvReader(aggregator: PathAggregator): TextSink {
  const channels: string[] = [];
  return createCsvReader(PATHS_COLUMNS, (layout) => {
    const pathAt = column(layout, "path");
    const conversionsAt = column(layout, "total_conversions");
    const valueAt = column(layout, "total_conversion_value");
    const nullsAt = column(layout, "total_null");
    const decimalComma = layout.separator === ";";
    return (row) => {
      const { line } = row;
      const path = readField(row, pathAt);
      channels.length = 0;
      let from = 0;
      for (;;) {
        const at = path.indexOf(">", from);
        const name = path.slice(from, at === -1 ? path.length : at).trim();
        if (name === "") {
          const what = path === "" ? "is empty" : `has an empty channel name at position ${channels.length + 1}`;
          throw new AttributionInputError(`${what} in "${path}"`, { line, field: "path" });
        }
        channels.push(name);
        if (at === -1) break;
        from = at + 1;
      }
      const conversions = parseAmountField(
        readField(row, conversionsAt),
        line,
        "total_conversions",
        decimalComma,
        false,
      );
      const value =
        valueAt < 0 ? 0 : parseAmountField(readField(row, valueAt), line, "total_conversion_value", decimalComma, true);
      const nulls = nullsAt < 0 ? 0 : parseAmountField(readField(row, nullsAt), line, "total_null", decimalComma, true);
      try {
        aggregator.addNamedPath(channels, conversions, value, nulls);
      } catch (error) {
        locateError(error, line);
      }
    };
  });
}

/** Reads a touchpoints CSV (`journey_id,timestamp,channel`) into a journey aggregator. */
export function createTouchpointsCsvReader(journeys: JourneyAggregator): TextSink {
  return createCsvReader(TOUCHPOINTS_COLUMNS, (layout) => {
    const journeyAt = column(layout, "journey_id");
    const timeAt = column(layout, "timestamp");
    const channelAt = column(layout, "channel");
    const parseTime = createTimestampParser();
    return (row) => {
      const { bytes, starts, ends, line } = row;
      if (starts[journeyAt] === ends[journeyAt])
        throw new AttributionInputError("is empty", { line, field: "journey_id" });
      if (starts[channelAt] === ends[channelAt])
        throw new AttributionInputError("is empty", { line, field: "channel" });
      const time = readTime(row, timeAt, parseTime);
      journeys.addTouchpointById(
        journeys.internJourney(bytes, starts[journeyAt], ends[journeyAt]),
        time,
        journeys.internChannel(bytes, starts[channelAt], ends[channelAt]),
      );
    };
  });
}

/** Reads a conversions CSV (`journey_id,timestamp[,value]`, one conversion per line) into a journey aggregator. */
export function createConversionsCsvReader(journeys: JourneyAggregator): TextSink {
  return createCsvReader(CONVERSIONS_COLUMNS, (layout) => {
    const journeyAt = column(layout, "journey_id");
    const timeAt = column(layout, "timestamp");
    const valueAt = column(layout, "value");
    const decimalComma = layout.separator === ";";
    const parseTime = createTimestampParser();
    return (row) => {
      const { bytes, starts, ends, line } = row;
      if (starts[journeyAt] === ends[journeyAt])
        throw new AttributionInputError("is empty", { line, field: "journey_id" });
      const time = readTime(row, timeAt, parseTime);
      const value = valueAt < 0 ? 0 : parseAmountField(readField(row, valueAt), line, "value", decimalComma, true);
      journeys.addConversionById(journeys.internJourney(bytes, starts[journeyAt], ends[journeyAt]), time, value);
    };
  });
}

function column(layout: CsvLayout, name: string): number {
  return layout.columns.get(name) ?? -1;
}

function readTime(
  row: CsvRow,
  index: number,
  parse: (bytes: Uint8Array, start: number, end: number) => number,
): number {
  const time = parse(row.bytes, row.starts[index], row.ends[index]);
  if (Number.isNaN(time)) {
    throw new AttributionInputError(`expected an ISO 8601 date-time or Unix seconds, got "${readField(row, index)}"`, {
      line: row.line,
      field: "timestamp",
    });
  }
  return time;
}
