import { ExperimentInputError } from "./errors";
import {
  type AnalysisPlan,
  type ArmStatistic,
  ExperimentDefaults,
  type Metric,
  type Moments,
  type MomentType,
  type Prior,
} from "./types";

type Json = Record<string, unknown>;

const topLevelFields = [
  "metric",
  "variants",
  "method",
  "sided",
  "difference",
  "alpha",
  "sequentialTuning",
  "prior",
  "expectedSplit",
  "postType",
  "preType",
  "correction",
];

const variantFields: Record<Metric, string[]> = {
  mean: ["name", "n", "sum", "sumSquares"],
  proportion: ["name", "n", "sum", "sumSquares"],
  cuped: ["name", "n", "post", "pre", "postType", "preType", "postPreSumOfProducts"],
  ratio: ["name", "n", "m", "d", "mdSumOfProducts"],
};

/** Checks raw input (parsed JSON) and returns the analysis plan with defaults filled in. */
export function parseExperimentInput(raw: unknown): AnalysisPlan {
  const input = readObject(raw, "", "input must be a JSON object");
  rejectUnknownFields(input, topLevelFields, "");
  const metric = readEnum(input.metric, "metric", ["mean", "proportion", "cuped", "ratio"] as const);
  const method =
    readOptionalEnum(input.method, "method", ["frequentist", "sequential", "bayesian"] as const) ??
    ExperimentDefaults.method;
  const sided =
    readOptionalEnum(input.sided, "sided", ["two", "greater", "lesser"] as const) ?? ExperimentDefaults.sided;
  const difference =
    readOptionalEnum(input.difference, "difference", ["relative", "absolute"] as const) ??
    ExperimentDefaults.difference;
  const alpha = readOptionalNumber(input.alpha, "alpha") ?? ExperimentDefaults.alpha;
  if (!(alpha > 0 && alpha < 0.5)) throw new ExperimentInputError("alpha", "must be greater than 0 and less than 0.5");
  const sequentialTuning =
    readOptionalNumber(input.sequentialTuning, "sequentialTuning") ?? ExperimentDefaults.sequentialTuning;
  if (!(sequentialTuning > 0)) throw new ExperimentInputError("sequentialTuning", "must be a positive number");
  const correction = readOptionalEnum(input.correction, "correction", ["holm", "bh"] as const);
  if (correction !== undefined && method === "bayesian") {
    throw new ExperimentInputError("correction", "applies to the frequentist and sequential methods only");
  }
  const prior = readPrior(input.prior);

  if (!Array.isArray(input.variants)) throw new ExperimentInputError("variants", "must be an array of variants");
  if (input.variants.length < 2)
    throw new ExperimentInputError("variants", "must hold a control and at least one treatment");
  const postType = readOptionalEnum(input.postType, "postType", ["mean", "proportion"] as const);
  const preType = readOptionalEnum(input.preType, "preType", ["mean", "proportion"] as const);
  const names: string[] = [];
  const arms: ArmStatistic[] = input.variants.map((value, index) => {
    const path = `variants[${index}]`;
    const variant = readObject(value, path, "must be an object");
    rejectUnknownFields(variant, variantFields[metric], path, metric);
    const name = variant.name;
    if (typeof name !== "string" || name.trim() === "")
      throw new ExperimentInputError(`${path}.name`, "must be a non-empty string");
    if (names.includes(name))
      throw new ExperimentInputError(`${path}.name`, `must be unique ("${name}" appears twice)`);
    names.push(name);
    return readArm(variant, path, metric, { postType, preType });
  });
  checkSameMomentTypes(arms);

  return {
    metric,
    names,
    arms,
    method,
    sided,
    difference,
    alpha,
    sequentialTuning,
    prior,
    expectedSplit: readExpectedSplit(input.expectedSplit, arms.length),
    ...(correction === undefined ? {} : { correction }),
  };
}

function readArm(
  variant: Json,
  path: string,
  metric: Metric,
  types: { postType?: MomentType; preType?: MomentType },
): ArmStatistic {
  const n = variant.n;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 2) {
    throw new ExperimentInputError(`${path}.n`, "must be an integer of at least 2");
  }
  if (metric === "mean" || metric === "proportion") {
    const type: MomentType = metric === "mean" ? "mean" : "proportion";
    return { kind: "moments", n, value: readMoments(variant, path, n, type) };
  }
  if (metric === "ratio") {
    const m = readObject(variant.m, `${path}.m`, "must be an object {sum, sumSquares}");
    const d = readObject(variant.d, `${path}.d`, "must be an object {sum, sumSquares}");
    return {
      kind: "ratio",
      n,
      m: readMoments(m, `${path}.m`, n, inferType(m)),
      d: readMoments(d, `${path}.d`, n, inferType(d)),
      mdSumOfProducts: readNumber(variant.mdSumOfProducts, `${path}.mdSumOfProducts`),
    };
  }
  const post = readObject(variant.post, `${path}.post`, "must be an object {sum, sumSquares}");
  const pre = readObject(variant.pre, `${path}.pre`, "must be an object {sum, sumSquares}");
  const postType =
    readOptionalEnum(variant.postType, `${path}.postType`, ["mean", "proportion"] as const) ??
    types.postType ??
    inferType(post);
  const preType =
    readOptionalEnum(variant.preType, `${path}.preType`, ["mean", "proportion"] as const) ??
    types.preType ??
    inferType(pre);
  return {
    kind: "cuped",
    n,
    post: readMoments(post, `${path}.post`, n, postType),
    pre: readMoments(pre, `${path}.pre`, n, preType),
    postPreSumOfProducts: readNumber(variant.postPreSumOfProducts, `${path}.postPreSumOfProducts`),
  };
}

function inferType(moments: Json): MomentType {
  return moments.sumSquares === undefined ? "proportion" : "mean";
}

function readMoments(source: Json, path: string, n: number, type: MomentType): Moments {
  const sum = readNumber(source.sum, `${path}.sum`);
  if (type === "proportion") {
    if (sum < 0 || sum > n)
      throw new ExperimentInputError(`${path}.sum`, `must be between 0 and n (${n}) for a proportion`);
    if (source.sumSquares !== undefined && source.sumSquares !== sum) {
      throw new ExperimentInputError(`${path}.sumSquares`, "must equal sum (or be left out) for a proportion");
    }
    return { type, n, sum };
  }
  if (source.sumSquares === undefined) {
    throw new ExperimentInputError(`${path}.sumSquares`, "is required for a numeric value");
  }
  const sumSquares = readNumber(source.sumSquares, `${path}.sumSquares`);
  const centred = sumSquares - (sum * sum) / n;
  // Tolerate rounding in Σx² for constant data; anything beyond it is a real inconsistency.
  if (sumSquares < 0 || centred < -1e-9 * Math.max(1, sumSquares)) {
    throw new ExperimentInputError(
      `${path}.sumSquares`,
      "is inconsistent with sum and n (the variance would be negative)",
    );
  }
  return { type, n, sum, sumSquares };
}

function checkSameMomentTypes(arms: ArmStatistic[]): void {
  const describe = (arm: ArmStatistic): Record<string, MomentType> => {
    if (arm.kind === "moments") return {};
    if (arm.kind === "ratio") return { m: arm.m.type, d: arm.d.type };
    return { post: arm.post.type, pre: arm.pre.type };
  };
  const control = describe(arms[0]);
  arms.forEach((arm, index) => {
    for (const [field, type] of Object.entries(describe(arm))) {
      if (type !== control[field]) {
        throw new ExperimentInputError(
          `variants[${index}].${field}`,
          `must be the same type as the control's (${control[field] === "mean" ? "numeric with sumSquares" : "proportion"})`,
        );
      }
    }
  });
}

function readPrior(value: unknown): Prior {
  const defaults = ExperimentDefaults.prior;
  if (value === undefined) return { ...defaults };
  const prior = readObject(value, "prior", "must be an object {mean, variance, proper}");
  rejectUnknownFields(prior, ["mean", "variance", "proper"], "prior");
  const mean = readOptionalNumber(prior.mean, "prior.mean") ?? defaults.mean;
  const variance = readOptionalNumber(prior.variance, "prior.variance") ?? defaults.variance;
  if (!(variance > 0)) throw new ExperimentInputError("prior.variance", "must be a positive number");
  if (prior.proper !== undefined && typeof prior.proper !== "boolean")
    throw new ExperimentInputError("prior.proper", "must be true or false");
  return { mean, variance, proper: prior.proper ?? defaults.proper };
}

function readExpectedSplit(value: unknown, count: number): number[] {
  if (value === undefined) return Array.from({ length: count }, () => 1 / count);
  if (!Array.isArray(value) || value.length !== count) {
    throw new ExperimentInputError("expectedSplit", `must be an array of ${count} shares, one per variant`);
  }
  const shares = value.map((share, index) => {
    const number = readNumber(share, `expectedSplit[${index}]`);
    if (!(number > 0)) throw new ExperimentInputError(`expectedSplit[${index}]`, "must be a positive number");
    return number;
  });
  const total = shares.reduce((sum, share) => sum + share, 0);
  return shares.map((share) => share / total);
}

function readObject(value: unknown, path: string, message: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new ExperimentInputError(path, message);
  return value as Json;
}

function rejectUnknownFields(object: Json, known: string[], path: string, metric?: Metric): void {
  for (const key of Object.keys(object)) {
    if (known.includes(key)) continue;
    const where = path ? `${path}.${key}` : key;
    throw new ExperimentInputError(where, metric ? `is not a field of a "${metric}" variant` : "is not a known field");
  }
}

function readNumber(value: unknown, path: string): number {
  if (typeof value !== "number" || !Number.isFinite(value))
    throw new ExperimentInputError(path, "must be a finite number");
  return value;
}

function readOptionalNumber(value: unknown, path: string): number | undefined {
  return value === undefined ? undefined : readNumber(value, path);
}

function readEnum<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== "string" || !allowed.includes(value as T)) {
    throw new ExperimentInputError(path, `must be one of ${allowed.map((option) => `"${option}"`).join(", ")}`);
  }
  return value as T;
}

function readOptionalEnum<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | undefined {
  return value === undefined ? undefined : readEnum(value, path, allowed);
}
