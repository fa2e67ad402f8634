import type { SampleSizeBody } from "#contracts/experiments";
import { analyzeExperiment, calculateSampleSize, ExperimentInputError, serializeResult } from "#engines/experiments";
import type { Ctx } from "../../context";
import { AppError } from "../../errors";
import { authorize } from "../../policy";

/** Analyses experiment results without storing anything (the same input and output as the CLI). */
export function analyzeStats(ctx: Ctx, input: Record<string, unknown>) {
  authorize(ctx.actor, "stats.analyze");
  return withFieldErrors(() => serializeResult(analyzeExperiment(input)));
}

/** How many units a test needs per variant (and how many days at the given traffic) to detect an effect. */
export function planSampleSize(ctx: Ctx, input: SampleSizeBody) {
  authorize(ctx.actor, "stats.analyze");
  return withFieldErrors(() => calculateSampleSize(input as Parameters<typeof calculateSampleSize>[0]));
}

function withFieldErrors<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof ExperimentInputError) {
      throw new AppError("validation_failed", error.message, [
        { path: error.path || "body", message: error.message.slice(error.path.length).trim() },
      ]);
    }
    throw error;
  }
}
