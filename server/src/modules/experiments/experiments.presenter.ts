import { EXPERIMENT_TRANSITIONS, type Experiment, type ExperimentResults, type Snapshot } from "#contracts/experiments";
import { fieldsOf } from "./experiments.fields";
import type { ExperimentRow, SnapshotRow } from "./experiments.queries";
import type { AnalysedSnapshot } from "./results.service";

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const person = (ref: { id: string | null; name: string | null } | null) =>
  ref?.id && ref.name !== null ? { id: ref.id, name: ref.name } : null;

/** The latest snapshot (its metrics left out) with the engine's analysis. */
export function presentResults({ latest, results }: AnalysedSnapshot): ExperimentResults {
  if (!latest) return { snapshot: null, ...results };
  const { metrics: _metrics, ...snapshot } = presentSnapshot(latest);
  return { snapshot, ...results };
}

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
