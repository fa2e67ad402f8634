// An experiment's stored columns and the fields the API takes, both ways (services and presenters use them).
import type { ExperimentFields } from "#contracts/experiments";
import type { experiments } from "../../db/schema";

type ExperimentRecord = typeof experiments.$inferSelect;

/** The editable fields of a stored experiment, in the shape the API takes them. */
export function fieldsOf(experiment: ExperimentRecord): ExperimentFields {
  return {
    name: experiment.name,
    hypothesis: {
      change: experiment.hypothesisChange,
      outcome: experiment.hypothesisOutcome,
      measure: experiment.hypothesisMeasure,
      rationale: experiment.hypothesisRationale,
    },
    kpi: experiment.kpi,
    channel: experiment.channel,
    requestId: experiment.requestId,
    parentId: experiment.parentId,
    ownerId: experiment.ownerId,
    itPartnerId: experiment.itPartnerId,
    variants: experiment.variants,
    primaryMetric: experiment.primaryMetric,
    otherMetrics: experiment.otherMetrics,
  };
}

/** The columns that store an experiment's editable fields. */
export function columnsOf(fields: ExperimentFields) {
  return {
    name: fields.name,
    hypothesisChange: fields.hypothesis.change,
    hypothesisOutcome: fields.hypothesis.outcome,
    hypothesisMeasure: fields.hypothesis.measure,
    hypothesisRationale: fields.hypothesis.rationale,
    kpi: fields.kpi,
    channel: fields.channel,
    requestId: fields.requestId,
    parentId: fields.parentId,
    ownerId: fields.ownerId,
    itPartnerId: fields.itPartnerId,
    variants: fields.variants,
    primaryMetric: fields.primaryMetric,
    otherMetrics: fields.otherMetrics,
  };
}
