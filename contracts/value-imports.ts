// Value's imports (CSV files) and API pushes of outcomes and journeys, and what journey data is stored.
import { z } from "zod";
import { EventTimestamp, Id, Timestamp } from "./common";
import { ChannelName, MoneyAmount, SpendDate, ValueLimits } from "./value-spend";

/** What an import does: check only, import all-or-nothing, or import the valid lines and skip the bad. */
export const ImportMode = z.enum(["dry_run", "import", "import_valid"]);
export type ImportMode = z.infer<typeof ImportMode>;

/** What a journeys import holds: aggregated paths, or raw touchpoints. */
export const JourneyImportKind = z.enum(["paths", "touchpoints"]);

/** A CSV file sent for import. */
export const ImportBody = z.strictObject({
  csv: z.string().min(1, { error: "is empty" }).max(ValueLimits.csvMax, { error: "is larger than 48 MB" }),
  mode: ImportMode.default("dry_run"),
  fileName: z.string().trim().max(200).default(""),
});
export type ImportBody = z.infer<typeof ImportBody>;

/** A journeys file: paths (with the period they cover) or touchpoints. */
export const JourneyImportBody = ImportBody.extend({
  kind: JourneyImportKind,
  /** Paths only: the first and last day the paths' journeys fall in. */
  periodStart: SpendDate.optional(),
  periodEnd: SpendDate.optional(),
});
export type JourneyImportBody = z.infer<typeof JourneyImportBody>;

/** One bad line of a file. */
export const ImportError = z.object({ line: z.number().int(), field: z.string().nullable(), message: z.string() });
export type ImportError = z.infer<typeof ImportError>;

/** What an import found and did. */
export const ImportReport = z.object({
  importId: Id.nullable(),
  kind: z.enum(["spend", "conversions", "paths", "touchpoints"]),
  mode: ImportMode,
  /** Data lines read (the header and blank lines are not counted). */
  lines: z.number().int(),
  validLines: z.number().int(),
  errorCount: z.number().int(),
  /** The first errors, by line. */
  errors: z.array(ImportError),
  imported: z.number().int(),
  /** A short summary of what the file holds (channels, period, total amount…). */
  summary: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** A line of a streamed (application/x-ndjson) import: progress, then the report or a problem. */
export type ImportProgress =
  | { type: "progress"; phase: "checking" | "writing"; done: number; total: number }
  | { type: "report"; report: ImportReport }
  | { type: "problem"; problem: { code: string; detail: string; errors?: { path: string; message: string }[] } };

/** A past import. */
export const ValueImport = z.object({
  id: Id,
  kind: z.enum(["spend", "conversions", "paths", "touchpoints"]),
  fileName: z.string(),
  lines: z.number().int(),
  imported: z.number().int(),
  skipped: z.number().int(),
  createdBy: z.object({ id: Id, name: z.string() }).nullable(),
  createdAt: Timestamp,
});
export const ValueImportList = z.object({ items: z.array(ValueImport) });

/** Conversions pushed by API. */
export const PushOutcomesBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        journeyId: z.string().trim().min(1, { error: "is required" }).max(200),
        occurredAt: EventTimestamp,
        value: z.number().min(0, { error: "cannot be negative" }).max(1e12).default(0),
      }),
    )
    .min(1)
    .max(ValueLimits.batchMax),
});

/** Touchpoints pushed by API. */
export const PushTouchpointsBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        journeyId: z.string().trim().min(1, { error: "is required" }).max(200),
        occurredAt: EventTimestamp,
        channel: ChannelName,
      }),
    )
    .min(1)
    .max(ValueLimits.batchMax),
});

/** How many records a push stored. */
export const PushResult = z.object({ imported: z.number().int() });

/** What is stored to attribute: counts and the period it covers. */
export const JourneyData = z.object({
  touchpoints: z.number().int(),
  journeys: z.number().int(),
  conversions: z.number().int(),
  conversionValue: MoneyAmount,
  paths: z.number().int(),
  pathConversions: z.number(),
  channels: z.array(z.string()),
  firstTouch: z.string().nullable(),
  lastTouch: z.string().nullable(),
  pathPeriod: z.object({ start: z.string().nullable(), end: z.string().nullable() }),
});
