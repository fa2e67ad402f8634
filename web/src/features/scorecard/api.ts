import { scorecardApi } from "#contracts/api/scorecard";
import { kpisApi } from "#contracts/api/scorecard-kpis";
import type { RouteQuery } from "#contracts/route";
import { buildUrl, call, csvForm, pathOf } from "../../lib/api";

/** Imports measurements from CSV (a dry run unless `dryRun` is false). */
export function importMeasurements(csv: string, dryRun: boolean) {
  return call(kpisApi.importMeasurements, { body: csvForm(csv, { dryRun }) });
}

/** The address of the business review's CSV export (a download, not a JSON call). */
export function reviewCsvUrl(query: RouteQuery<typeof scorecardApi.reviewCsv>) {
  return buildUrl(pathOf(scorecardApi.reviewCsv), query);
}

/** Replaces the KPIs a request should move (the Pipeline's intake form sets them once the request is saved). */
export function setRequestKpis(requestId: string, kpiIds: string[]) {
  return call(kpisApi.setRequestKpis, { params: { id: requestId }, body: { kpiIds } });
}
