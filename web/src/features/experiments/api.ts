import type { ExperimentListQuery, LearningListQuery } from "#contracts/experiments";

/** Filters of the experiments list, as the URL keeps them. */
export type ExperimentFilters = Partial<Pick<ExperimentListQuery, "q" | "status" | "outcome" | "sort">>;

/** Filters of the learning library. */
export type LearningFilters = Partial<Pick<LearningListQuery, "q" | "outcome" | "kpi" | "channel">>;
