import type { ImportBody, ImportError, ImportReport } from "#contracts/value";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { AppError } from "../../errors";
import { originOf, recordAudit } from "../audit/audit.commands";
import type { ParsedFile } from "./value.csv";
import { insertImport } from "./value.queries";

/** Progress of an import: lines checked, then rows written. */
export type ImportProgressListener = (phase: "checking" | "writing", done: number, total: number) => void;

/** The 400 answered when a file has bad lines and the caller asked for all or nothing. */
export function badLinesError(parsed: ParsedFile<unknown>): AppError {
  const shown = parsed.errors.map((e: ImportError) => ({
    path: `line ${e.line}${e.field ? `.${e.field}` : ""}`,
    message: e.message,
  }));
  return new AppError(
    "validation_failed",
    parsed.lines === 0
      ? "The file cannot be read; nothing was imported"
      : `${parsed.lines - parsed.rows.length} of ${parsed.lines} lines are not valid; nothing was imported`,
    shown,
  );
}

/**
 * The common path of every import: a dry run reports; a real one refuses bad lines unless told to skip them,
 * then writes the import record, its rows and one audit event in one transaction.
 */
export async function runImport<T>(
  ctx: Ctx,
  input: {
    kind: ImportReport["kind"];
    body: Pick<ImportBody, "mode" | "fileName">;
    parsed: ParsedFile<T>;
    summary: ImportReport["summary"];
    write: (tx: Tx, importId: string, rows: T[], onBatch: (done: number) => void) => Promise<unknown>;
    onProgress?: ImportProgressListener;
  },
): Promise<ImportReport> {
  const { parsed, body } = input;
  const report: ImportReport = {
    importId: null,
    kind: input.kind,
    mode: body.mode,
    lines: parsed.lines,
    validLines: parsed.rows.length,
    errorCount: parsed.errorCount,
    errors: parsed.errors,
    imported: 0,
    summary: input.summary,
  };
  if (body.mode === "dry_run") return report;
  if (parsed.errorCount > 0 && (body.mode === "import" || parsed.rows.length === 0)) {
    throw badLinesError(parsed);
  }
  if (parsed.rows.length === 0) {
    throw new AppError("validation_failed", "The file has no data lines", [
      { path: "csv", message: "has a header but no data lines" },
    ]);
  }
  const total = parsed.rows.length;
  const importId = await ctx.database.db.transaction(async (tx) => {
    const { id } = await insertImport(tx, {
      workspaceId: ctx.actor.workspaceId,
      kind: input.kind,
      fileName: body.fileName,
      lines: parsed.lines,
      imported: total,
      skipped: parsed.lines - total,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await input.write(tx, id, parsed.rows, (done) => input.onProgress?.("writing", done, total));
    await recordAudit(tx, originOf(ctx), {
      action: `${input.kind === "spend" ? "spend" : input.kind === "conversions" ? "outcomes" : "journeys"}.imported`,
      entityType: "value_import",
      entityId: id,
      after: {
        kind: input.kind,
        fileName: body.fileName,
        mode: body.mode,
        lines: parsed.lines,
        imported: total,
        skipped: parsed.lines - total,
        summary: input.summary,
      },
    });
    return id;
  });
  return { ...report, importId, imported: total };
}
