import type { z } from "zod";
import type {
  ImportBody,
  ImportReport,
  JourneyImportBody,
  PushOutcomesBody,
  PushTouchpointsBody,
} from "#contracts/value";
import type { Ctx } from "../../context";
import { AppError } from "../../errors";
import { centsOfNumber, formatCents } from "../../lib/money";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { type ImportProgressListener, runImport } from "./imports";
import { parseConversionsCsv, parsePathsCsv, parseTouchpointsCsv } from "./value.csv";
import { insertOutcomes, insertPaths, insertTouchpoints, listImports, summariseJourneyData } from "./value.queries";

function timeRange(times: Date[]) {
  let first: number | null = null;
  let last: number | null = null;
  for (const time of times) {
    const t = time.getTime();
    if (first === null || t < first) first = t;
    if (last === null || t > last) last = t;
  }
  return {
    first: first === null ? null : new Date(first).toISOString(),
    last: last === null ? null : new Date(last).toISOString(),
  };
}

/** Imports conversions (`journey_id,timestamp[,value]`), read by the attribution engine's reader. */
export async function importOutcomes(
  ctx: Ctx,
  body: ImportBody,
  onProgress?: ImportProgressListener,
): Promise<ImportReport> {
  authorize(ctx.actor, "journey.write");
  const parsed = await parseConversionsCsv(body.csv, ctx.now, (done, total) => onProgress?.("checking", done, total));
  const range = timeRange(parsed.rows.map((row) => row.occurredAt));
  return runImport(ctx, {
    kind: "conversions",
    body,
    parsed,
    onProgress,
    summary: {
      conversions: parsed.rows.length,
      value: formatCents(parsed.rows.reduce((sum, row) => sum + centsOfNumber(row.value), 0n)),
      first: range.first,
      last: range.last,
    },
    write: (tx, importId, rows, onBatch) =>
      insertOutcomes(
        tx,
        rows.map((row) => ({ ...row, workspaceId: ctx.actor.workspaceId, importId, createdAt: ctx.now })),
        onBatch,
      ),
  });
}

/** Imports journeys: raw touchpoints, or aggregated paths over a stated period. */
export async function importJourneys(
  ctx: Ctx,
  body: JourneyImportBody,
  onProgress?: ImportProgressListener,
): Promise<ImportReport> {
  authorize(ctx.actor, "journey.write");
  const checking = (done: number, total: number) => onProgress?.("checking", done, total);
  if (body.kind === "touchpoints") {
    const parsed = await parseTouchpointsCsv(body.csv, ctx.now, checking);
    const range = timeRange(parsed.rows.map((row) => row.occurredAt));
    return runImport(ctx, {
      kind: "touchpoints",
      body,
      parsed,
      onProgress,
      summary: {
        touchpoints: parsed.rows.length,
        journeys: new Set(parsed.rows.map((row) => row.journeyId)).size,
        channels: new Set(parsed.rows.map((row) => row.channel)).size,
        first: range.first,
        last: range.last,
      },
      write: (tx, importId, rows, onBatch) =>
        insertTouchpoints(
          tx,
          rows.map((row) => ({ ...row, workspaceId: ctx.actor.workspaceId, importId, createdAt: ctx.now })),
          onBatch,
        ),
    });
  }
  const missing = (["periodStart", "periodEnd"] as const).filter((key) => !body[key]);
  if (missing.length > 0) {
    throw new AppError(
      "validation_failed",
      "A paths file needs the period its journeys fall in",
      missing.map((path) => ({ path, message: "is required for paths" })),
    );
  }
  const periodStart = body.periodStart as string;
  const periodEnd = body.periodEnd as string;
  if (periodStart > periodEnd) {
    throw new AppError("validation_failed", "The period ends before it starts", [
      { path: "periodEnd", message: "must be on or after periodStart" },
    ]);
  }
  const parsed = await parsePathsCsv(body.csv, checking);
  return runImport(ctx, {
    kind: "paths",
    body,
    parsed,
    onProgress,
    summary: {
      paths: parsed.rows.length,
      conversions: parsed.rows.reduce((sum, row) => sum + row.conversions, 0),
      channels: new Set(parsed.rows.flatMap((row) => row.channels)).size,
      periodStart,
      periodEnd,
    },
    write: (tx, importId, rows, onBatch) =>
      insertPaths(
        tx,
        rows.map((row) => ({
          ...row,
          periodStart,
          periodEnd,
          workspaceId: ctx.actor.workspaceId,
          importId,
          createdAt: ctx.now,
        })),
        onBatch,
      ),
  });
}

function refuseFuture(ctx: Ctx, items: { occurredAt: string }[]) {
  const errors = items.flatMap((item, index) =>
    Date.parse(item.occurredAt) > ctx.now.getTime()
      ? [{ path: `items.${index}.occurredAt`, message: "is in the future" }]
      : [],
  );
  if (errors.length > 0)
    throw new AppError("validation_failed", "Some items are dated in the future", errors.slice(0, 200));
}

/** Stores a batch of conversions pushed by API, all or nothing. */
export async function pushOutcomes(ctx: Ctx, input: z.infer<typeof PushOutcomesBody>) {
  authorize(ctx.actor, "journey.write");
  refuseFuture(ctx, input.items);
  return ctx.database.db.transaction(async (tx) => {
    await insertOutcomes(
      tx,
      input.items.map((item) => ({
        workspaceId: ctx.actor.workspaceId,
        journeyId: item.journeyId,
        occurredAt: new Date(item.occurredAt),
        value: item.value,
        createdAt: ctx.now,
      })),
    );
    await recordAudit(tx, originOf(ctx), {
      action: "outcomes.pushed",
      entityType: "outcome",
      after: { count: input.items.length },
    });
    return { imported: input.items.length };
  });
}

/** Stores a batch of touchpoints pushed by API, all or nothing. */
export async function pushTouchpoints(ctx: Ctx, input: z.infer<typeof PushTouchpointsBody>) {
  authorize(ctx.actor, "journey.write");
  refuseFuture(ctx, input.items);
  return ctx.database.db.transaction(async (tx) => {
    await insertTouchpoints(
      tx,
      input.items.map((item) => ({
        workspaceId: ctx.actor.workspaceId,
        journeyId: item.journeyId,
        occurredAt: new Date(item.occurredAt),
        channel: item.channel,
        createdAt: ctx.now,
      })),
    );
    await recordAudit(tx, originOf(ctx), {
      action: "journeys.pushed",
      entityType: "touchpoint",
      after: { count: input.items.length },
    });
    return { imported: input.items.length };
  });
}

/** What journey data the workspace holds. */
export async function describeJourneyData(ctx: Ctx) {
  authorize(ctx.actor, "journey.read");
  const { touch, conv, path, channels } = await summariseJourneyData(ctx.database.db, ctx.actor.workspaceId);
  const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
  return {
    touchpoints: Number(touch.touchpoints),
    journeys: Number(touch.journeys),
    conversions: Number(conv.conversions),
    conversionValue: conv.value,
    paths: Number(path.paths),
    pathConversions: Number(path.conversions),
    channels,
    firstTouch: iso(touch.first),
    lastTouch: iso(touch.last),
    pathPeriod: { start: path.start, end: path.end },
  };
}

/** The latest imports of every kind. */
export async function listWorkspaceImports(ctx: Ctx) {
  authorize(ctx.actor, "spend.read");
  return listImports(ctx.database.db, ctx.actor.workspaceId, 50);
}
