import { analyzeExperiment, ExperimentInputError, serializeResult } from "../../../../engines/experiments";
import type { Ctx } from "../../context";
import { AppError } from "../../errors";
import { authorize } from "../../policy";

/** Analyses experiment results without storing anything (the same input and output as the CLI). */
export function analyzeStats(ctx: Ctx, input: Record<string, unknown>) {
  authorize(ctx.actor, "stats.analyze");
  try {
    return serializeResult(analyzeExperiment(input));
  } catch (error) {
    if (error instanceof ExperimentInputError) {
      throw new AppError("validation_failed", error.message, [
        { path: error.path || "body", message: error.message.slice(error.path.length).trim() },
      ]);
    }
    throw error;
  }
}
