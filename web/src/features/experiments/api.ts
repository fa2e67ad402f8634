import type {
  AddSnapshotBody,
  CreateExperimentBody,
  DecideExperimentBody,
  Experiment,
  ExperimentDetail,
  ExperimentListQuery,
  ExperimentResults,
  ExperimentStatus,
  ImportResult,
  ImportSnapshotBody,
  LearningListQuery,
  SampleSize,
  SampleSizeBody,
  Snapshot,
  UpdateExperimentBody,
} from "#contracts/experiments";
import type { User } from "#contracts/people";
import { api } from "../../lib/api";

type Page<T> = { items: T[]; nextCursor: string | null };

/** Filters of the experiments list, as the URL keeps them. */
export type ExperimentFilters = Partial<Pick<ExperimentListQuery, "q" | "status" | "outcome" | "sort">>;

/** Filters of the learning library. */
export type LearningFilters = Partial<Pick<LearningListQuery, "q" | "outcome" | "kpi" | "channel">>;

/** A page of experiments. */
export function listExperiments(query: ExperimentFilters & { cursor?: string; limit?: number }) {
  return api<Page<Experiment>>("/experiments", { query });
}

/** A page of the learning library. */
export function listLearnings(query: LearningFilters & { cursor?: string; limit?: number }) {
  return api<Page<Experiment>>("/experiments/learnings", { query });
}

/** One experiment with its follow-ups. */
export function getExperiment(id: string) {
  return api<ExperimentDetail>(`/experiments/${id}`);
}

/** Writes down a new hypothesis (a draft). */
export function createExperiment(body: CreateExperimentBody) {
  return api<Experiment>("/experiments", { method: "POST", body });
}

/** Edits an experiment; a stale `version` is answered with 409 conflict. */
export function updateExperiment(id: string, body: UpdateExperimentBody) {
  return api<Experiment>(`/experiments/${id}`, { method: "PATCH", body });
}

/** Starts, stops or resumes an experiment. */
export function transitionExperiment(id: string, version: number, status: ExperimentStatus) {
  return api<Experiment>(`/experiments/${id}/status`, { method: "POST", body: { version, status } });
}

/** Decides an experiment. */
export function decideExperiment(id: string, body: DecideExperimentBody) {
  return api<Experiment>(`/experiments/${id}/decision`, { method: "POST", body });
}

/** The latest results, analysed. */
export function getResults(id: string) {
  return api<ExperimentResults>(`/experiments/${id}/results`);
}

/** Every snapshot entered, newest first. */
export function listSnapshots(id: string) {
  return api<{ items: Snapshot[] }>(`/experiments/${id}/snapshots`);
}

/** Adds a result snapshot. */
export function addSnapshot(id: string, body: AddSnapshotBody) {
  return api<ExperimentResults>(`/experiments/${id}/results`, { method: "POST", body });
}

/** Imports a snapshot from CSV (or previews it with dryRun). */
export function importSnapshot(id: string, body: ImportSnapshotBody) {
  return api<ImportResult>(`/experiments/${id}/results/import`, { method: "POST", body });
}

/** Units and days a test needs to detect an effect (nothing is stored). */
export function planSampleSize(body: SampleSizeBody) {
  return api<SampleSize>("/stats/sample-size", { method: "POST", body });
}

/** Every active person of the workspace, for owner pickers. */
export async function listActivePeople(): Promise<User[]> {
  const people: User[] = [];
  let cursor: string | undefined;
  for (let count = 0; count < 50; count++) {
    const page = await api<Page<User>>("/users", { query: { limit: 200, cursor, status: "active" } });
    people.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return people;
}
