import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "#contracts/common";
import {
  AsOfQuery,
  CreateKpiBody,
  CreateMeasurementBody,
  ExperimentKpi,
  ImportMeasurementsBody,
  ImportMeasurementsResult,
  Kpi,
  KpiDetail,
  KpiList,
  KpiListQuery,
  KpiSeries,
  KpiSeriesQuery,
  Measurement,
  MeasurementList,
  MeasurementListQuery,
  RecomputeResult,
  RequestKpis,
  ScorecardLimits,
  SetExperimentKpiBody,
  SetKpiLinksBody,
  SetRequestKpisBody,
  UpdateKpiBody,
} from "#contracts/scorecard";
import { ctxOf } from "../../plugins/request-context";
import { getExperimentKpi, setExperimentKpi } from "./experiment-kpi.service";
import { createKpi, editKpi, getKpiDetail, getKpiSeries, listWorkspaceKpis, setKpiLinks } from "./kpis.service";
import { importMeasurements, listKpiMeasurements, recordMeasurement } from "./measurements.service";
import { recomputeKpi, recomputeWorkspace } from "./measures.service";
import { getRequestKpis, setRequestKpis } from "./request-kpis.service";

const tags = ["scorecard"];

/** KPIs, their measurements (check-ins, API pushes, CSV import, computed values), links and series. */
export const kpisRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/kpis",
    {
      schema: {
        tags,
        summary: "KPIs with their status as of a date",
        querystring: KpiListQuery,
        response: { 200: KpiList },
      },
    },
    async (request) => listWorkspaceKpis(ctxOf(request), request.query),
  );

  app.post(
    "/kpis",
    { schema: { tags, summary: "Add a KPI under an objective", body: CreateKpiBody, response: { 201: Kpi } } },
    async (request, reply) => reply.status(201).send(await createKpi(ctxOf(request), request.body)),
  );

  app.post(
    "/kpis/import",
    {
      bodyLimit: ScorecardLimits.importMaxBytes + 64 * 1024,
      config: { csvUpload: { maxBytes: ScorecardLimits.importMaxBytes, booleans: ["dryRun"] } },
      schema: {
        tags,
        summary: "Check (dry run) or import measurements from CSV (kpi, date, value): all lines or none",
        body: ImportMeasurementsBody,
        response: { 200: ImportMeasurementsResult },
      },
    },
    async (request) => importMeasurements(ctxOf(request), request.body),
  );

  app.post(
    "/kpis/recompute",
    { schema: { tags, summary: "Recompute every computed KPI now", response: { 200: RecomputeResult } } },
    async (request) => recomputeWorkspace(ctxOf(request)),
  );

  app.get(
    "/kpis/:id",
    {
      schema: {
        tags,
        summary: "One KPI with status, progress and reason as of a date, and what is linked to it",
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: KpiDetail },
      },
    },
    async (request) => getKpiDetail(ctxOf(request), request.params.id, request.query.asOf),
  );

  app.patch(
    "/kpis/:id",
    { schema: { tags, summary: "Edit a KPI", params: IdParams, body: UpdateKpiBody, response: { 200: Kpi } } },
    async (request) => editKpi(ctxOf(request), request.params.id, request.body),
  );

  app.put(
    "/kpis/:id/links",
    {
      schema: {
        tags,
        summary: "Set the requests, experiments and tools linked to a KPI",
        params: IdParams,
        body: SetKpiLinksBody,
        response: { 200: KpiDetail },
      },
    },
    async (request) => setKpiLinks(ctxOf(request), request.params.id, request.body),
  );

  app.get(
    "/kpis/:id/measurements",
    {
      schema: {
        tags,
        summary: "The check-in timeline, newest first",
        params: IdParams,
        querystring: MeasurementListQuery,
        response: { 200: MeasurementList },
      },
    },
    async (request) => listKpiMeasurements(ctxOf(request), request.params.id, request.query),
  );

  app.post(
    "/kpis/:id/measurements",
    {
      schema: {
        tags,
        summary: "Check in a value (or push one with a read-write API token); one value per date",
        params: IdParams,
        body: CreateMeasurementBody,
        response: { 201: Measurement },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordMeasurement(ctxOf(request), request.params.id, request.body)),
  );

  app.get(
    "/kpis/:id/series",
    {
      // The chart's answer, read again and again on a busy scorecard: kept per person until a KPI, its objective or
      // a measurement changes (check-ins, imports, pushes and computed values all write kpi_measurement).
      config: { cache: ["kpi", "objective", "kpi_measurement"] },
      schema: {
        tags,
        summary: "The KPI's values for the chart, with the plan line and thresholds",
        params: IdParams,
        querystring: KpiSeriesQuery,
        response: { 200: KpiSeries },
      },
    },
    async (request) => getKpiSeries(ctxOf(request), request.params.id, request.query),
  );

  app.post(
    "/kpis/:id/recompute",
    { schema: { tags, summary: "Recompute a computed KPI now", params: IdParams, response: { 200: RecomputeResult } } },
    async (request) => recomputeKpi(ctxOf(request), request.params.id),
  );

  app.get(
    "/experiments/:id/kpi",
    {
      schema: {
        tags,
        summary: "The Scorecard KPI an experiment is linked to, beside the KPI its author wrote",
        params: IdParams,
        response: { 200: ExperimentKpi },
      },
    },
    async (request) => getExperimentKpi(ctxOf(request), request.params.id),
  );

  app.put(
    "/experiments/:id/kpi",
    {
      schema: {
        tags,
        summary: "Link an experiment to a Scorecard KPI, or unlink it (null), at the experiment's version",
        params: IdParams,
        body: SetExperimentKpiBody,
        response: { 200: ExperimentKpi },
      },
    },
    async (request) => setExperimentKpi(ctxOf(request), request.params.id, request.body),
  );

  app.get(
    "/requests/:id/kpis",
    {
      schema: {
        tags,
        summary: "The KPIs a Pipeline request should move",
        params: IdParams,
        response: { 200: RequestKpis },
      },
    },
    async (request) => getRequestKpis(ctxOf(request), request.params.id),
  );

  app.put(
    "/requests/:id/kpis",
    {
      schema: {
        tags,
        summary: "Set the KPIs a Pipeline request should move (the intake's field)",
        params: IdParams,
        body: SetRequestKpisBody,
        response: { 200: RequestKpis },
      },
    },
    async (request) => setRequestKpis(ctxOf(request), request.params.id, request.body),
  );
};
