import type { z } from "zod";
import type {
  AttributionRun,
  AttributionRunSummary,
  CreateRunBody,
  CreateSpendBody,
  ImportMode,
  ImportProgress,
  ImportReport,
  JourneyData,
  SpendLine,
  SpendListQuery,
  SpendSummary,
  UpdateSpendBody,
  ValueImportList,
  WhichHalf,
} from "#contracts/value";
import { ApiError, api, apiResponse } from "../../lib/api";

type Page<T> = { items: T[]; nextCursor: string | null };

/** Filters of the ledger, as the URL keeps them. */
export type SpendFilters = Partial<Pick<SpendListQuery, "q" | "channel" | "kind" | "from" | "to" | "sort">>;

/** A page of spend lines. */
export function listSpend(query: SpendFilters & { cursor?: string; limit?: number }) {
  return api<Page<SpendLine>>("/spend", { query });
}

/** Adds a spend line. */
export function createSpend(body: z.input<typeof CreateSpendBody>) {
  return api<SpendLine>("/spend", { method: "POST", body });
}

/** Edits a spend line. */
export function updateSpend(id: string, body: UpdateSpendBody) {
  return api<SpendLine>(`/spend/${id}`, { method: "PATCH", body });
}

/** Removes a spend line. */
export function deleteSpend(id: string) {
  return api<{ ok: true }>(`/spend/${id}`, { method: "DELETE" });
}

/** Plan vs actual by month, channel and initiative. */
export function getSpendSummary(query: { from?: string; to?: string; currency?: string } = {}) {
  return api<SpendSummary>("/spend/summary", { query });
}

/** Recent imports. */
export function listImports() {
  return api<z.infer<typeof ValueImportList>>("/value/imports");
}

/** The journey data stored. */
export function getJourneyData() {
  return api<z.infer<typeof JourneyData>>("/journeys/summary");
}

/** Attribution runs, newest first. */
export function listRuns(query: { cursor?: string; limit?: number } = {}) {
  return api<Page<AttributionRunSummary>>("/attribution/runs", { query });
}

/** One run with its results. */
export function getRun(id: string) {
  return api<AttributionRun>(`/attribution/runs/${id}`);
}

/** Runs attribution. */
export function createRun(body: z.input<typeof CreateRunBody>) {
  return api<AttributionRun>("/attribution/runs", { method: "POST", body });
}

/** Cancels a queued or running run (its author or an admin). */
export function cancelRun(id: string) {
  return api<AttributionRun>(`/attribution/runs/${id}/cancel`, { method: "POST" });
}

/** The which-half view of a run. */
export function getWhichHalf(id: string, model?: string) {
  return api<WhichHalf>(`/attribution/runs/${id}/which-half`, { query: { model } });
}

/** What a person imports. */
export type ImportTarget =
  | { kind: "spend" }
  | { kind: "conversions" }
  | { kind: "touchpoints" }
  | { kind: "paths"; periodStart: string; periodEnd: string };

const PATHS: Record<ImportTarget["kind"], string> = {
  spend: "/spend/import",
  conversions: "/outcomes/import",
  touchpoints: "/journeys/import",
  paths: "/journeys/import",
};

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
  const response = await apiResponse(PATHS[kind], { method: "POST", body: form }, "application/x-ndjson");
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
