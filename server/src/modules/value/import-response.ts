import { PassThrough } from "node:stream";
import type { FastifyReply, FastifyRequest } from "fastify";
import { type ImportProgress, type ImportReport, ValueLimits } from "#contracts/value";
import { AppError } from "../../errors";
import { ctxOf } from "../../plugins/request-context";
import { type Action, authorize } from "../../policy";
import type { ImportProgressListener } from "./imports";

// A CSV in a JSON string: the file's size plus room for escaping.
const IMPORT_BODY_LIMIT = ValueLimits.csvMax + 8 * 1024 * 1024;

/**
 * Answers an import as JSON, or, when the client accepts application/x-ndjson, as a stream of progress
 * lines ending with the report (or a problem): large files show how far they are.
 */
export async function answerImport(
  request: FastifyRequest,
  reply: FastifyReply,
  action: Action,
  run: (onProgress?: ImportProgressListener) => Promise<ImportReport>,
) {
  if (!String(request.headers.accept ?? "").includes("application/x-ndjson")) return run();
  // Refused before the stream starts, so a 403 is still a 403.
  authorize(ctxOf(request).actor, action);
  const stream = new PassThrough();
  const send = (line: ImportProgress) => stream.write(`${JSON.stringify(line)}\n`);
  let last = 0;
  void run((phase, done, total) => {
    const now = Date.now();
    if (now - last < 100 && done < total) return;
    last = now;
    send({ type: "progress", phase, done, total });
  })
    .then((report) => send({ type: "report", report }))
    .catch((error: unknown) => {
      if (error instanceof AppError) {
        send({ type: "problem", problem: { code: error.code, detail: error.message, errors: error.errors } });
      } else {
        request.log.error({ err: error }, "import failed");
        send({ type: "problem", problem: { code: "internal_error", detail: "Something went wrong on our side" } });
      }
    })
    .finally(() => stream.end());
  return reply
    .header("content-type", "application/x-ndjson; charset=utf-8")
    .header("cache-control", "no-store")
    .send(stream);
}

/** The route options every CSV import shares besides its declaration: a large body, taken as JSON or multipart. */
export const importOptions = {
  bodyLimit: IMPORT_BODY_LIMIT,
  config: { csvUpload: { maxBytes: ValueLimits.csvMax, fileNameField: "fileName" } },
};
