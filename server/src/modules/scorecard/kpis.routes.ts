import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { kpisApi } from "#contracts/api/scorecard-kpis";
import { ScorecardLimits } from "#contracts/scorecard";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { getExperimentKpi, setExperimentKpi } from "./experiment-kpi.service";
import { createKpi, editKpi, getKpiDetail, getKpiSeries, listWorkspaceKpis, setKpiLinks } from "./kpis.service";
import { importMeasurements, listKpiMeasurements, recordMeasurement } from "./measurements.service";
import { recomputeKpi, recomputeWorkspace } from "./measures.service";
import { getRequestKpis, setRequestKpis } from "./request-kpis.service";
import {
  presentExperimentKpi,
  presentKpiAsOf,
  presentKpiDetail,
  presentKpiPage,
  presentMeasurementPage,
  presentMeasurementRead,
  presentRequestKpis,
} from "./scorecard.presenter";

/** KPIs, their measurements (check-ins, API pushes, CSV import, computed values), links and series. */
export const kpisRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(kpisApi.list),
    handler: async (request) => presentKpiPage(await listWorkspaceKpis(ctxOf(request), request.query)),
  });

  app.route({
    ...routeOf(kpisApi.create),
    handler: async (request, reply) =>
      reply.status(201).send(presentKpiAsOf(await createKpi(ctxOf(request), request.body))),
  });

  app.route({
    ...routeOf(kpisApi.importMeasurements),
    bodyLimit: ScorecardLimits.importMaxBytes + 64 * 1024,
    config: { csvUpload: { maxBytes: ScorecardLimits.importMaxBytes, booleans: ["dryRun"] } },
    handler: async (request) => importMeasurements(ctxOf(request), request.body),
  });

  app.route({
    ...routeOf(kpisApi.recomputeAll),
    handler: async (request) => recomputeWorkspace(ctxOf(request)),
  });

  app.route({
    ...routeOf(kpisApi.get),
    handler: async (request) =>
      presentKpiDetail(await getKpiDetail(ctxOf(request), request.params.id, request.query.asOf)),
  });

  app.route({
    ...routeOf(kpisApi.edit),
    handler: async (request) => presentKpiAsOf(await editKpi(ctxOf(request), request.params.id, request.body)),
  });

  app.route({
    ...routeOf(kpisApi.setLinks),
    handler: async (request) => presentKpiDetail(await setKpiLinks(ctxOf(request), request.params.id, request.body)),
  });

  app.route({
    ...routeOf(kpisApi.listMeasurements),
    handler: async (request) =>
      presentMeasurementPage(await listKpiMeasurements(ctxOf(request), request.params.id, request.query)),
  });

  app.route({
    ...routeOf(kpisApi.recordMeasurement),
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(presentMeasurementRead(await recordMeasurement(ctxOf(request), request.params.id, request.body))),
  });

  app.route({
    ...routeOf(kpisApi.series),
    // The chart's answer, read again and again on a busy scorecard: kept per person until a KPI, its objective or
    // a measurement changes (check-ins, imports, pushes and computed values all write kpi_measurement).
    config: { cache: ["kpi", "objective", "kpi_measurement"] },
    handler: async (request) => getKpiSeries(ctxOf(request), request.params.id, request.query),
  });

  app.route({
    ...routeOf(kpisApi.recompute),
    handler: async (request) => recomputeKpi(ctxOf(request), request.params.id),
  });

  app.route({
    ...routeOf(kpisApi.getExperimentKpi),
    handler: async (request) => presentExperimentKpi(await getExperimentKpi(ctxOf(request), request.params.id)),
  });

  app.route({
    ...routeOf(kpisApi.setExperimentKpi),
    handler: async (request) =>
      presentExperimentKpi(await setExperimentKpi(ctxOf(request), request.params.id, request.body)),
  });

  app.route({
    ...routeOf(kpisApi.getRequestKpis),
    handler: async (request) => presentRequestKpis(await getRequestKpis(ctxOf(request), request.params.id)),
  });

  app.route({
    ...routeOf(kpisApi.setRequestKpis),
    handler: async (request) =>
      presentRequestKpis(await setRequestKpis(ctxOf(request), request.params.id, request.body)),
  });
};
