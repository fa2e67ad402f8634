import {
  EXPERIMENT_TRANSITIONS,
  type Experiment,
  type ExperimentFields,
  type Snapshot,
} from "../../../../contracts/experiments";
import type { experiments } from "../../db/schema";
import type { ExperimentRow, SnapshotRow } from "./experiments.queries";

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

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const person = (ref: { id: string | null; name: string | null } | null) =>
  ref?.id && ref.name !== null ? { id: ref.id, name: ref.name } : null;

/** An experiment as the API shows it. */
export function presentExperiment(row: ExperimentRow): Experiment {
  const { experiment } = row;
  const fields = fieldsOf(experiment);
  return {
    id: experiment.id,
    name: fields.name,
    hypothesis: fields.hypothesis,
    kpi: fields.kpi,
    channel: fields.channel,
    requestId: fields.requestId,
    parent:
      row.parent?.id && row.parent.name !== null
        ? { id: row.parent.id, name: row.parent.name, outcome: row.parent.outcome }
        : null,
    owner: person(row.owner),
    itPartner: person(row.itPartner),
    status: experiment.status,
    allowedTransitions: [...EXPERIMENT_TRANSITIONS[experiment.status]],
    variants: fields.variants.map((variant) => ({ name: variant.name, weight: variant.weight })),
    primaryMetric: fields.primaryMetric,
    otherMetrics: fields.otherMetrics,
    startedAt: iso(experiment.startedAt),
    stoppedAt: iso(experiment.stoppedAt),
    decision:
      experiment.outcome && experiment.decidedAt && experiment.decisionReason !== null
        ? {
            outcome: experiment.outcome,
            reason: experiment.decisionReason,
            decidedBy: person(row.decidedBy),
            decidedAt: experiment.decidedAt.toISOString(),
          }
        : null,
    learnings: experiment.learnings,
    headline: experiment.headline ?? null,
    snapshotCount: experiment.snapshotCount,
    version: experiment.version,
    createdAt: experiment.createdAt.toISOString(),
    updatedAt: experiment.updatedAt.toISOString(),
  };
}

/** A result snapshot as the API shows it. */
export function presentSnapshot(row: SnapshotRow): Snapshot {
  return {
    id: row.snapshot.id,
    source: row.snapshot.source,
    note: row.snapshot.note,
    enteredBy: person(row.enteredBy),
    enteredAt: row.snapshot.createdAt.toISOString(),
    totalUnits: row.snapshot.totalUnits,
    metrics: row.snapshot.metrics,
  };
}
