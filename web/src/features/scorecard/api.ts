import type { User } from "#contracts/people";
import type {
  BusinessReview,
  CreateKpiBody,
  CreateMeasurementBody,
  CreateObjectiveBody,
  CreateSegmentBody,
  ExperimentKpi,
  ImportMeasurementsResult,
  Kpi,
  KpiDetail,
  KpiSeries,
  KpiStatus,
  MeasuredSideBySide,
  Measurement,
  Objective,
  RecomputeResult,
  RequestKpis,
  Segment,
  SetKpiLinksBody,
  UpdateKpiBody,
  UpdateObjectiveBody,
  UpdateSegmentBody,
} from "#contracts/scorecard";
import { api, csvForm } from "../../lib/api";

type Page<T> = { items: T[]; nextCursor: string | null };

/** Reads every page of a list (objectives and KPIs of a workspace are tens to a few hundred). */
async function listAll<T>(path: string, query: Record<string, string | undefined> = {}): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let count = 0; count < 50; count++) {
    const page = await api<Page<T>>(path, { query: { ...query, limit: 200, cursor } });
    items.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return items;
}

/** Every objective of the workspace. */
export function listObjectives() {
  return listAll<Objective>("/objectives");
}

/** Every KPI, read as of a date (default today). */
export function listKpis(query: { asOf?: string; objectiveId?: string; status?: KpiStatus } = {}) {
  return listAll<Kpi>("/kpis", query);
}

/** One objective. */
export function getObjective(id: string) {
  return api<Objective>(`/objectives/${id}`);
}

/** Creates an objective. */
export function createObjective(body: CreateObjectiveBody) {
  return api<Objective>("/objectives", { method: "POST", body });
}

/** Edits an objective; a stale `version` is answered with 409 conflict. */
export function updateObjective(id: string, body: UpdateObjectiveBody) {
  return api<Objective>(`/objectives/${id}`, { method: "PATCH", body });
}

/** One KPI with its links, read as of a date. */
export function getKpi(id: string, asOf?: string) {
  return api<KpiDetail>(`/kpis/${id}`, { query: { asOf } });
}

/** Creates a KPI under an objective. */
export function createKpi(body: CreateKpiBody) {
  return api<Kpi>("/kpis", { method: "POST", body });
}

/** Edits a KPI. */
export function updateKpi(id: string, body: UpdateKpiBody) {
  return api<Kpi>(`/kpis/${id}`, { method: "PATCH", body });
}

/** Replaces what is linked to a KPI. */
export function setKpiLinks(id: string, body: SetKpiLinksBody) {
  return api<KpiDetail>(`/kpis/${id}/links`, { method: "PUT", body });
}

/** A KPI's values for its chart, with the plan line and thresholds. */
export function getKpiSeries(id: string) {
  return api<KpiSeries>(`/kpis/${id}/series`);
}

/** A page of a KPI's check-in timeline, newest first. */
export function listMeasurements(id: string, cursor?: string) {
  return api<Page<Measurement>>(`/kpis/${id}/measurements`, { query: { limit: 25, cursor } });
}

/** Records a check-in. */
export function createMeasurement(id: string, body: CreateMeasurementBody) {
  return api<Measurement>(`/kpis/${id}/measurements`, { method: "POST", body });
}

/** Recomputes one computed KPI now. */
export function recomputeKpi(id: string) {
  return api<RecomputeResult>(`/kpis/${id}/recompute`, { method: "POST" });
}

/** Imports measurements from CSV (a dry run unless `dryRun` is false). */
export function importMeasurements(csv: string, dryRun: boolean) {
  return api<ImportMeasurementsResult>("/kpis/import", { method: "POST", body: csvForm(csv, { dryRun }) });
}

/** Every customer segment, most important first. */
export function listSegments() {
  return api<{ items: Segment[] }>("/segments");
}

/** Creates a customer segment. */
export function createSegment(body: CreateSegmentBody) {
  return api<Segment>("/segments", { method: "POST", body });
}

/** Edits a customer segment. */
export function updateSegment(id: string, body: UpdateSegmentBody) {
  return api<Segment>(`/segments/${id}`, { method: "PATCH", body });
}

/** "How each of us is measured": marketing's and IT's KPIs side by side. */
export function getMeasured(asOf?: string) {
  return api<MeasuredSideBySide>("/scorecard/measured", { query: { asOf } });
}

/** The business review: objectives, owners, KPI status, trend and top risks. */
export function getReview(query: { asOf?: string; scope?: "active" | "all" }) {
  return api<BusinessReview>("/scorecard/review", { query });
}

/** The address of the business review's CSV export. */
export function reviewCsvUrl(query: { asOf?: string; scope?: "active" | "all" }) {
  const params = new URLSearchParams();
  if (query.asOf) params.set("asOf", query.asOf);
  if (query.scope) params.set("scope", query.scope);
  const search = params.toString();
  return `/api/v1/scorecard/review.csv${search ? `?${search}` : ""}`;
}

/** Active people with their teams, for owner pickers. */
export function listPeople() {
  return listAll<User>("/users", { status: "active" });
}

/** The KPIs a request should move. */
export function getRequestKpis(requestId: string) {
  return api<RequestKpis>(`/requests/${requestId}/kpis`);
}

/** Replaces the KPIs a request should move. */
export function setRequestKpis(requestId: string, kpiIds: string[]) {
  return api<RequestKpis>(`/requests/${requestId}/kpis`, { method: "PUT", body: { kpiIds } });
}

/** The Scorecard KPI an experiment is linked to, beside the KPI its author wrote. */
export function getExperimentKpi(experimentId: string) {
  return api<ExperimentKpi>(`/experiments/${experimentId}/kpi`);
}

/** Links an experiment to a KPI (or unlinks it with null) at the experiment's version. */
export function setExperimentKpi(experimentId: string, body: { kpiId: string | null; version: number }) {
  return api<ExperimentKpi>(`/experiments/${experimentId}/kpi`, { method: "PUT", body });
}
