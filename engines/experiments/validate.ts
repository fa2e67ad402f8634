import type { z } from "zod";
import { ExperimentInputError } from "./errors";
import { ExperimentInputSchema, inputProblem, type MomentsInputSchema, VariantInputSchemas } from "./schema";
import { type AnalysisPlan, type ArmStatistic, ExperimentDefaults, type Moments, type MomentType } from "./types";

type MomentsInput = z.infer<typeof MomentsInputSchema>;

/** Parses with a schema or throws ExperimentInputError naming the first bad field under `prefix`. */
function read<Schema extends z.ZodType>(schema: Schema, value: unknown, prefix: (string | number)[] = []) {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data as z.infer<Schema>;
  const { path, message } = inputProblem(parsed.error, prefix);
  throw new ExperimentInputError(path, message);
}

/**
 * Checks raw input (parsed JSON) against ExperimentInputSchema and the variants' schema for its metric, then what
 * a schema cannot say (unique names, moments consistent with n, one moment type across variants, the split's
 * length), and returns the analysis plan with defaults filled in.
 */
export function parseExperimentInput(raw: unknown): AnalysisPlan {
  const input = read(ExperimentInputSchema, raw);
  const { metric, correction } = input;
  const method = input.method ?? ExperimentDefaults.method;
  if (correction !== undefined && method === "bayesian") {
    throw new ExperimentInputError("correction", "applies to the frequentist and sequential methods only");
  }
  const defaults = ExperimentDefaults.prior;
  const prior = {
    mean: input.prior?.mean ?? defaults.mean,
    variance: input.prior?.variance ?? defaults.variance,
    proper: input.prior?.proper ?? defaults.proper,
  };
  const names: string[] = [];
  const arms: ArmStatistic[] = input.variants.map((value, index) => {
    const path = `variants[${index}]`;
    const variant = read(VariantInputSchemas[metric], value, ["variants", index]);
    if (names.includes(variant.name)) {
      throw new ExperimentInputError(`${path}.name`, `must be unique ("${variant.name}" appears twice)`);
    }
    names.push(variant.name);
    const { n } = variant;
    if ("sum" in variant) {
      const type: MomentType = metric === "mean" ? "mean" : "proportion";
      return { kind: "moments", n, value: readMoments(variant, path, n, type) };
    }
    if ("m" in variant) {
      return {
        kind: "ratio",
        n,
        m: readMoments(variant.m, `${path}.m`, n, inferType(variant.m)),
        d: readMoments(variant.d, `${path}.d`, n, inferType(variant.d)),
        mdSumOfProducts: variant.mdSumOfProducts,
      };
    }
    const postType = variant.postType ?? input.postType ?? inferType(variant.post);
    const preType = variant.preType ?? input.preType ?? inferType(variant.pre);
    return {
      kind: "cuped",
      n,
      post: readMoments(variant.post, `${path}.post`, n, postType),
      pre: readMoments(variant.pre, `${path}.pre`, n, preType),
      postPreSumOfProducts: variant.postPreSumOfProducts,
    };
  });
  checkSameMomentTypes(arms);

  return {
    metric,
    names,
    arms,
    method,
    sided: input.sided ?? ExperimentDefaults.sided,
    difference: input.difference ?? ExperimentDefaults.difference,
    alpha: input.alpha ?? ExperimentDefaults.alpha,
    sequentialTuning: input.sequentialTuning ?? ExperimentDefaults.sequentialTuning,
    prior,
    expectedSplit: readExpectedSplit(input.expectedSplit, arms.length),
    ...(correction === undefined ? {} : { correction }),
  };
}

function inferType(moments: MomentsInput): MomentType {
  return moments.sumSquares === undefined ? "proportion" : "mean";
}

function readMoments(source: MomentsInput, path: string, n: number, type: MomentType): Moments {
  const { sum, sumSquares } = source;
  if (type === "proportion") {
    if (sum < 0 || sum > n)
      throw new ExperimentInputError(`${path}.sum`, `must be between 0 and n (${n}) for a proportion`);
    if (sumSquares !== undefined && sumSquares !== sum) {
      throw new ExperimentInputError(`${path}.sumSquares`, "must equal sum (or be left out) for a proportion");
    }
    return { type, n, sum };
  }
  if (sumSquares === undefined) {
    throw new ExperimentInputError(`${path}.sumSquares`, "is required for a numeric value");
  }
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

function readExpectedSplit(shares: number[] | undefined, count: number): number[] {
  if (shares === undefined) return Array.from({ length: count }, () => 1 / count);
  if (shares.length !== count) {
    throw new ExperimentInputError("expectedSplit", `must be an array of ${count} shares, one per variant`);
  }
  const total = shares.reduce((sum, share) => sum + share, 0);
  return shares.map((share) => share / total);
}
