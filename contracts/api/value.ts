import { IdParams, Ok } from "../common";
import { defineRoute } from "../route";
import {
  AttributionRun,
  AttributionRunList,
  CreateRunBody,
  CreateSpendBody,
  ImportBody,
  ImportReport,
  JourneyData,
  JourneyImportBody,
  PushOutcomesBody,
  PushResult,
  PushTouchpointsBody,
  RunListQuery,
  SpendLine,
  SpendList,
  SpendListQuery,
  SpendSummary,
  SpendSummaryQuery,
  UpdateSpendBody,
  ValueImportList,
  WhichHalf,
  WhichHalfQuery,
} from "../value";

const tags = ["value"];

const importDescription =
  "mode dry_run checks every line and reports the bad ones; import writes all lines in one transaction or none; " +
  "import_valid writes the valid lines and skips the bad. Send `Accept: application/x-ndjson` for streamed progress. " +
  "The file may come as JSON `{csv}` or as a multipart/form-data upload (`file` and the other fields).";

/** The spend ledger: lines, CSV import, plan vs actual, and the list of imports. */
export const spendApi = {
  list: defineRoute({
    method: "GET",
    path: "/spend",
    tags,
    summary: "The spend ledger",
    query: SpendListQuery,
    response: { 200: SpendList },
  }),
  create: defineRoute({
    method: "POST",
    path: "/spend",
    tags,
    summary: "Add a spend line",
    body: CreateSpendBody,
    response: { 201: SpendLine },
  }),
  update: defineRoute({
    method: "PATCH",
    path: "/spend/:id",
    tags,
    summary: "Edit a spend line",
    params: IdParams,
    body: UpdateSpendBody,
    response: { 200: SpendLine },
  }),
  remove: defineRoute({
    method: "DELETE",
    path: "/spend/:id",
    tags,
    summary: "Remove a spend line",
    params: IdParams,
    response: { 200: Ok },
  }),
  /** Answers JSON, or application/x-ndjson progress lines ending with the report: the web reads it as a stream. */
  import: defineRoute({
    method: "POST",
    path: "/spend/import",
    tags,
    summary: "Import spend from CSV",
    description: importDescription,
    body: ImportBody,
    response: { 200: ImportReport },
  }),
  summary: defineRoute({
    method: "GET",
    path: "/spend/summary",
    tags,
    summary: "Plan vs actual by month, channel and initiative",
    query: SpendSummaryQuery,
    response: { 200: SpendSummary },
  }),
  imports: defineRoute({
    method: "GET",
    path: "/value/imports",
    tags,
    summary: "Recent imports",
    response: { 200: ValueImportList },
  }),
};

/** Outcomes (conversions) and journeys (touchpoints or paths): CSV imports and API pushes. */
export const journeysApi = {
  /** Streamed like the spend import. */
  importOutcomes: defineRoute({
    method: "POST",
    path: "/outcomes/import",
    tags,
    summary: "Import conversions from CSV",
    description: importDescription,
    body: ImportBody,
    response: { 200: ImportReport },
  }),
  pushOutcomes: defineRoute({
    method: "POST",
    path: "/outcomes",
    tags,
    summary: "Push a batch of conversions",
    body: PushOutcomesBody,
    response: { 201: PushResult },
  }),
  /** Streamed like the spend import. */
  importJourneys: defineRoute({
    method: "POST",
    path: "/journeys/import",
    tags,
    summary: "Import touchpoints or paths from CSV",
    description: importDescription,
    body: JourneyImportBody,
    response: { 200: ImportReport },
  }),
  pushTouchpoints: defineRoute({
    method: "POST",
    path: "/journeys",
    tags,
    summary: "Push a batch of touchpoints",
    body: PushTouchpointsBody,
    response: { 201: PushResult },
  }),
  summary: defineRoute({
    method: "GET",
    path: "/journeys/summary",
    tags,
    summary: "What journey data is stored",
    response: { 200: JourneyData },
  }),
};

/** Attribution runs and the which-half view. */
export const attributionApi = {
  listRuns: defineRoute({
    method: "GET",
    path: "/attribution/runs",
    tags,
    summary: "Attribution runs",
    query: RunListQuery,
    response: { 200: AttributionRunList },
  }),
  createRun: defineRoute({
    method: "POST",
    path: "/attribution/runs",
    tags,
    summary: "Run attribution over a period with chosen models",
    body: CreateRunBody,
    response: { 201: AttributionRun, 202: AttributionRun },
  }),
  cancelRun: defineRoute({
    method: "POST",
    path: "/attribution/runs/:id/cancel",
    tags,
    summary: "Cancel a queued or running run (its author or an admin)",
    params: IdParams,
    response: { 200: AttributionRun },
  }),
  getRun: defineRoute({
    method: "GET",
    path: "/attribution/runs/:id",
    tags,
    summary: "One run with its results",
    params: IdParams,
    response: { 200: AttributionRun },
  }),
  whichHalf: defineRoute({
    method: "GET",
    path: "/attribution/runs/:id/which-half",
    tags,
    summary: "Which half of the spend works",
    params: IdParams,
    query: WhichHalfQuery,
    response: { 200: WhichHalf },
  }),
};
