import { randomId } from "@mantine/hooks";
import type {
  CreateExperimentBody,
  Experiment,
  MetricDirection,
  MetricRole,
  MetricType,
  StatsMethod,
} from "#contracts/experiments";

/** Each field's label, also naming it in error messages. */
export const labels: Record<string, string> = {
  name: "Name",
  "hypothesis.change": "We believe that…",
  "hypothesis.outcome": "…will cause…",
  "hypothesis.measure": "…measured by…",
  "hypothesis.rationale": "…because…",
  kpi: "KPI it should move",
  channel: "Channel",
  requestId: "Pipeline request",
  parentId: "Follows up",
  ownerId: "Owner",
  itPartnerId: "IT partner",
  variants: "Variants",
  "primaryMetric.name": "Primary metric",
  "primaryMetric.type": "Metric type",
  "primaryMetric.direction": "Good direction",
  "primaryMetric.method": "Statistical method",
  "primaryMetric.alpha": "Confidence",
  "primaryMetric.sided": "Test",
  "primaryMetric.difference": "Effect as",
  "primaryMetric.mde": "Minimum detectable effect (%)",
  otherMetrics: "Guardrail and secondary metrics",
};

/** Channels the channel field suggests. */
export const channels = [
  "Website",
  "Email",
  "Paid search",
  "Paid social",
  "Organic social",
  "Mobile app",
  "In-store",
  "SMS",
];

/** A guardrail or secondary metric row of the form. */
export interface MetricRow {
  key: string;
  name: string;
  type: MetricType;
  direction: MetricDirection;
  role: MetricRole;
}

/** What the form edits: the contract's fields, with numbers as typed and rows keyed for React. */
export interface FormValues {
  name: string;
  hypothesis: { change: string; outcome: string; measure: string; rationale: string };
  kpi: string;
  channel: string;
  requestId: string;
  ownerId: string | null;
  itPartnerId: string | null;
  variants: { key: string; name: string; weight: number | string }[];
  primaryMetric: {
    name: string;
    type: MetricType;
    direction: MetricDirection;
    method: StatsMethod;
    alpha: string;
    sided: "two" | "greater" | "lesser";
    difference: "relative" | "absolute";
    mde: number | string;
  };
  otherMetrics: MetricRow[];
}

/** The form's first values: the experiment's, or a new draft's owned by the person writing it. */
export function valuesOf(experiment: Experiment | null, meId: string): FormValues {
  const metric = experiment?.primaryMetric;
  return {
    name: experiment?.name ?? "",
    hypothesis: {
      change: experiment?.hypothesis.change ?? "",
      outcome: experiment?.hypothesis.outcome ?? "",
      measure: experiment?.hypothesis.measure ?? "",
      rationale: experiment?.hypothesis.rationale ?? "",
    },
    kpi: experiment?.kpi ?? "",
    channel: experiment?.channel ?? "",
    requestId: experiment?.requestId ?? "",
    ownerId: experiment ? (experiment.owner?.id ?? null) : meId,
    itPartnerId: experiment?.itPartner?.id ?? null,
    variants: (
      experiment?.variants ?? [
        { name: "Control", weight: 50 },
        { name: "Treatment", weight: 50 },
      ]
    ).map((variant) => ({ key: randomId(), name: variant.name, weight: variant.weight })),
    primaryMetric: {
      name: metric?.name ?? "",
      type: metric?.type ?? "proportion",
      direction: metric?.direction ?? "increase",
      method: metric?.method ?? "sequential",
      alpha: String(metric?.alpha ?? 0.05),
      sided: metric?.sided ?? "two",
      difference: metric?.difference ?? "relative",
      mde: metric?.mde != null ? Math.round(metric.mde * 10000) / 100 : "",
    },
    otherMetrics: (experiment?.otherMetrics ?? []).map((other) => ({
      key: randomId(),
      name: other.name,
      type: other.type,
      direction: other.direction,
      role: other.role,
    })),
  };
}

/** The form's values as the contract's body; secondary metrics share the primary metric's method. */
export function bodyOf(values: FormValues, parentId: string | null) {
  const primary = values.primaryMetric;
  const mde = String(primary.mde).trim();
  const shared = {
    method: primary.method,
    alpha: Number(primary.alpha),
    sided: primary.sided,
    difference: primary.difference,
  };
  return {
    name: values.name,
    hypothesis: values.hypothesis,
    kpi: values.kpi,
    channel: values.channel,
    requestId: values.requestId.trim() === "" ? null : values.requestId.trim(),
    parentId,
    ownerId: values.ownerId,
    itPartnerId: values.itPartnerId,
    variants: values.variants.map((variant) => ({ name: variant.name, weight: Number(variant.weight) })),
    primaryMetric: {
      name: primary.name,
      type: primary.type,
      direction: primary.direction,
      ...shared,
      mde: mde === "" ? null : Number(mde) / 100,
    },
    otherMetrics: values.otherMetrics.map(({ key: _key, ...metric }) => ({ ...metric, ...shared, mde: null })),
  } satisfies CreateExperimentBody;
}
