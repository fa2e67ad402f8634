import {
  type CsvLayout,
  createLineSplitter,
  locateError,
  parseAmountField,
  readCsvHeader,
  splitDataLine,
  type TextSink,
} from "./csv";
import { AttributionInputError } from "./errors";
import type { JourneyAggregator } from "./journeys";
import type { PathAggregator } from "./paths";
import { parseTimestamp } from "./timestamps";

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
    return (fields, line) => {
      const path = fields[pathAt];
      channels.length = 0;
      let from = 0;
      for (;;) {
        const at = path.indexOf(">", from);
        const name = path.slice(from, at === -1 ? path.length : at).trim();
        if (name === "") {
          const what = path.trim() === "" ? "is empty" : `has an empty channel name at position ${channels.length + 1}`;
          throw new AttributionInputError(`${what} in "${path}"`, { line, field: "path" });
        }
        channels.push(name);
        if (at === -1) break;
        from = at + 1;
      }
      const conversions = parseAmountField(fields[conversionsAt], line, "total_conversions", decimalComma, false);
      const value = valueAt < 0 ? 0 : parseAmountField(fields[valueAt], line, "total_conversion_value", decimalComma, true);
      const nulls = nullsAt < 0 ? 0 : parseAmountField(fields[nullsAt], line, "total_null", decimalComma, true);
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
    return (fields, line) => {
      const journeyId = requireText(fields[journeyAt], line, "journey_id");
      const time = requireTime(fields[timeAt], line);
      const channel = requireText(fields[channelAt], line, "channel");
      try {
        journeys.addTouchpoint(journeyId, time, channel);
      } catch (error) {
        locateError(error, line);
      }
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
    return (fields, line) => {
      const journeyId = requireText(fields[journeyAt], line, "journey_id");
      const time = requireTime(fields[timeAt], line);
      const value = valueAt < 0 ? 0 : parseAmountField(fields[valueAt], line, "value", decimalComma, true);
      try {
        journeys.addConversion(journeyId, time, value);
      } catch (error) {
        locateError(error, line);
      }
    };
  });
}

type RowHandler = (fields: string[], line: number) => void;

/** A CSV reader: the first non-blank line is the header, blank lines are skipped. */
function createCsvReader(
  columns: { required: readonly string[]; optional: readonly string[] },
  onHeader: (layout: CsvLayout) => RowHandler,
): TextSink {
  let layout: CsvLayout | null = null;
  let handle: RowHandler | null = null;
  const lines = createLineSplitter((text, line) => {
    if (layout && handle) {
      if (text.length === 0 || text.trim() === "") return;
      handle(splitDataLine(text, layout, line), line);
      return;
    }
    if (text.trim() === "") return;
    layout = readCsvHeader(text, line, columns.required, columns.optional);
    handle = onHeader(layout);
  });
  return {
    push: lines.push,
    end() {
      lines.end();
      if (!layout) {
        const header = [...columns.required, ...columns.optional.map((name) => `[${name}]`)].join(",");
        throw new AttributionInputError(`the file is empty; expected a header line ${header}`, { line: 1 });
      }
    },
  };
}

function column(layout: CsvLayout, name: string): number {
  return layout.columns.get(name) ?? -1;
}

function requireText(text: string, line: number, field: string): string {
  const trimmed = text.trim();
  if (trimmed === "") throw new AttributionInputError("is empty", { line, field });
  return trimmed;
}

function requireTime(text: string, line: number): number {
  const time = parseTimestamp(text);
  if (Number.isNaN(time)) {
    throw new AttributionInputError(`expected an ISO 8601 date-time or Unix seconds, got "${text}"`, {
      line,
      field: "timestamp",
    });
  }
  return time;
}
