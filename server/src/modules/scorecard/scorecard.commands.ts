// The Scorecard's public door: what other modules, the jobs, the CLI and the demo seed may call.
export { createKpi, editKpi, getKpiDetail, listWorkspaceKpis, setKpiLinks } from "./kpis.service";
export { importMeasurements, recordMeasurement } from "./measurements.service";
export { computeMeasure, recomputeAllWorkspaces, recomputeKpi, recomputeWorkspace } from "./measures.service";
export { createObjective, createSegment, editObjective, listWorkspaceObjectives } from "./objectives.service";
export { getBusinessReview, getMeasuredSideBySide } from "./review.service";
