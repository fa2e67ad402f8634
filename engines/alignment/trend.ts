import { CRITERION_LABELS } from "./drivers";
import { computeAlignment } from "./scoring";
import { type AlignmentResult, CRITERIA, type CriterionChange, type TrendInput, type TrendPoint } from "./types";

const r1 = (value: number) => Math.round(value * 10) / 10;
const signed = (value: number) => `${value >= 0 ? "+" : "−"}${Math.abs(r1(value))}`;

/**
 * The trend: each pulse scored with its own answers and the signals as of its close, oldest first. A pulse with
 * a side below k is hidden (no index, no criteria): its figures would describe fewer than k people. Changes are
 * measured against the previous visible point.
 */
export function trend(points: readonly TrendInput[], k: number): TrendPoint[] {
  const result: TrendPoint[] = [];
  let previous: AlignmentResult | null = null;
  for (const point of points) {
    const kk = Math.max(k, point.k ?? k);
    const visible =
      point.marketing !== null && point.it !== null && point.marketing.respondents >= kk && point.it.respondents >= kk;
    if (!visible) {
      result.push({ ...meta(point), hidden: true, index: null, result: null, changes: [] });
      continue;
    }
    const current = computeAlignment({ marketing: point.marketing, it: point.it, k: kk, signals: point.signals });
    result.push({
      ...meta(point),
      hidden: false,
      index: current.index,
      result: current,
      changes: previous ? explainChanges(previous, current) : [],
    });
    previous = current;
  }
  return result;
}

function meta(point: TrendInput) {
  return { id: point.id, title: point.title, on: point.on, status: point.status };
}

/** Per criterion: the change of its score and why, in words (which side's answers, which signals moved). */
export function explainChanges(before: AlignmentResult, after: AlignmentResult): CriterionChange[] {
  return CRITERIA.map((key) => {
    const a = before.criteria.find((criterion) => criterion.key === key);
    const b = after.criteria.find((criterion) => criterion.key === key);
    if (!a || !b || a.score === null || b.score === null) {
      return { key, delta: null, because: `${CRITERION_LABELS[key]}: not comparable (no score on one of the two)` };
    }
    const delta = b.score - a.score;
    const reasons: string[] = [];
    if (a.survey && b.survey) {
      const dm = b.survey.marketing - a.survey.marketing;
      const di = b.survey.it - a.survey.it;
      if (Math.abs(dm) >= 0.5) reasons.push(`marketing's answers ${signed(dm)}`);
      if (Math.abs(di) >= 0.5) reasons.push(`IT's answers ${signed(di)}`);
      const dg = b.survey.gap - a.survey.gap;
      if (Math.abs(dg) >= 0.5) reasons.push(`gap ${dg < 0 ? "narrowed" : "widened"} by ${Math.abs(r1(dg))}`);
    }
    for (const signal of b.signals) {
      const old = a.signals.find((candidate) => candidate.key === signal.key);
      if (!old || old.value === null || signal.value === null) continue;
      const ds = signal.value - old.value;
      if (Math.abs(ds) >= 0.5)
        reasons.push(`${signal.key.replaceAll("_", " ")} ${r1(old.value)} → ${r1(signal.value)}`);
    }
    const head = `${CRITERION_LABELS[key]} ${signed(delta)}`;
    return { key, delta, because: reasons.length > 0 ? `${head}: ${reasons.join("; ")}` : `${head}: no notable move` };
  });
}
