import { journeysApi, spendApi } from "#contracts/api/value";
import type { ImportMode, ImportProgress, ImportReport, SpendListQuery } from "#contracts/value";
import { ApiError, apiResponse, pathOf } from "../../lib/api";

/** Filters of the ledger, as the URL keeps them. */
export type SpendFilters = Partial<Pick<SpendListQuery, "q" | "channel" | "kind" | "from" | "to" | "sort">>;

/** What a person imports. */
export type ImportTarget =
  | { kind: "spend" }
  | { kind: "conversions" }
  | { kind: "touchpoints" }
  | { kind: "paths"; periodStart: string; periodEnd: string };

const ROUTES = {
  spend: spendApi.import,
  conversions: journeysApi.importOutcomes,
  touchpoints: journeysApi.importJourneys,
  paths: journeysApi.importJourneys,
} satisfies Record<ImportTarget["kind"], unknown>;

/**
 * Sends a CSV for import and follows its progress: the server streams progress lines (application/x-ndjson)
 * and ends with the report, or with a problem, which is thrown as an ApiError.
 */
export async function importCsv(
  target: ImportTarget,
  input: { file: File; mode: ImportMode },
  onProgress: (progress: Extract<ImportProgress, { type: "progress" }>) => void,
): Promise<ImportReport> {
  const { kind, ...extra } = target;
  // The file goes as a streamed upload; the other fields as form fields.
  const form = new FormData();
  form.set("mode", input.mode);
  form.set("fileName", input.file.name);
  if (kind === "touchpoints" || kind === "paths") {
    form.set("kind", kind);
    for (const [name, value] of Object.entries(extra)) if (typeof value === "string") form.set(name, value);
  }
  form.set("file", input.file, input.file.name);
  const response = await apiResponse(pathOf(ROUTES[kind]), { method: "POST", body: form }, "application/x-ndjson");
  if (!response.body) throw new ApiError(0, { code: "network_error", detail: "The import answered nothing." });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    let newline = buffer.indexOf("\n");
    while (newline !== -1) {
      const line = JSON.parse(buffer.slice(0, newline)) as ImportProgress;
      buffer = buffer.slice(newline + 1);
      if (line.type === "progress") onProgress(line);
      else if (line.type === "report") return line.report;
      else throw new ApiError(line.problem.code === "internal_error" ? 500 : 400, line.problem);
      newline = buffer.indexOf("\n");
    }
    if (done) break;
  }
  throw new ApiError(0, { code: "network_error", detail: "The import stopped before it finished; check the ledger." });
}
