// The agenda's snapshot of the workspace, read through each module's public door (its *.commands.ts): what the
// pure builder (engines/agenda) needs of the Scorecard, the Pipeline, the Guardrails, the Stack, Experiments and
// the Glossary. Each source is read as the person preparing (or the system, for the job) would see it.
import type { ClashFact, ExperimentFact, KpiFact, RenewalFact, RequestFact, ReviewFact } from "#engines/agenda";
import type { Ctx } from "../../context";
import { readExperimentList } from "../experiments/experiments.commands";
import { getTerm, listClashes, listTerms } from "../glossary/glossary.commands";
import { listWorkspaceReviews } from "../guardrails/guardrails.commands";
import { readRequestList, readRequestRecord } from "../pipeline/pipeline.commands";
import { readKpiStatuses } from "../scorecard/scorecard.commands";
import { readRenewalsBetween } from "../stack/stack.commands";
import { clashOwnerOf, type RequestPeople, reviewOwnerOf } from "./agenda.owners";

/** How many records of a list source are read at most (the agenda shows a few; the rest are counted). */
export const SOURCE_LIMIT = 100;

const DAY = 86_400_000;

export interface WorkspaceFacts {
  kpis: KpiFact[];
  requests: RequestFact[];
  reviews: ReviewFact[];
  renewals: RenewalFact[];
  experiments: ExperimentFact[];
  clashes: ClashFact[];
  truncated: { request: boolean; experiment: boolean };
}

/**
 * Reads the workspace's live facts for an agenda of a meeting on `meetingDay` (YYYY-MM-DD) whose series meets next
 * on `horizon` (renewals are read up to it).
 */
export async function readWorkspaceFacts(ctx: Ctx, meetingDay: string, horizon: Date): Promise<WorkspaceFacts> {
  const today = ctx.now.toISOString().slice(0, 10);
  // Renewals whose cancel-by date falls before the next occurrence (from 30 days back: just missed ones too).
  const renewalsFrom = new Date(ctx.now.getTime() - 30 * DAY).toISOString().slice(0, 10);
  const horizonDay = horizon.toISOString().slice(0, 10);
  // One after another: a transaction-less PGlite serialises them anyway, and PostgreSQL's pool stays free.
  const kpis = await readKpiStatuses(ctx, meetingDay < today ? today : meetingDay);
  const waiting = await readRequestList(ctx, { stage: "decision", limit: SOURCE_LIMIT });
  const breached = await readRequestList(ctx, { stage: "open", breached: "true", limit: SOURCE_LIMIT });
  const reviews = await listWorkspaceReviews(ctx, { status: "open" });
  const renewals = await readRenewalsBetween(ctx, renewalsFrom, horizonDay);
  const stopped = await readExperimentList(ctx, { status: "stopped", limit: SOURCE_LIMIT });
  const running = await readExperimentList(ctx, { status: "running", limit: SOURCE_LIMIT });
  const clashes = await listClashes(ctx, { status: "open" });

  const requests = [...breached.items, ...waiting.items].map(
    (request): RequestFact => ({
      id: request.id,
      reference: request.reference,
      title: request.title,
      stage: request.stage,
      priority: request.priority,
      breached: request.breached,
      ownerId:
        request.stage === "decision"
          ? (request.sponsor?.id ?? request.itPartner?.id ?? request.requester.id)
          : (request.itPartner?.id ?? request.sponsor?.id ?? request.requester.id),
      nextDueAt: request.nextDueAt ? new Date(request.nextDueAt) : null,
    }),
  );
  const reviewPeople = await readReviewPeople(ctx, [...new Set(reviews.items.map((review) => review.request.id))]);
  const clashOwners = await readClashOwners(
    ctx,
    clashes.items.map((clash) => clash.terms.map((term) => term.id)),
  );
  return {
    kpis: kpis.map((kpi) => ({
      id: kpi.id,
      name: kpi.name,
      status: kpi.status,
      reason: kpi.reason,
      objectiveTitle: kpi.objectiveTitle,
      ownerId: kpi.ownerId,
    })),
    requests,
    reviews: reviews.items.map((review) => ({
      id: review.id,
      reviewerKind: review.kind,
      requestId: review.request.id,
      requestReference: review.request.reference,
      requestTitle: review.request.title,
      dueAt: review.dueAt ? new Date(review.dueAt) : null,
      ownerId: ((people) => (people ? reviewOwnerOf(review.kind, people) : null))(reviewPeople.get(review.request.id)),
    })),
    renewals: renewals.map((renewal) => ({
      toolId: renewal.tool.id,
      name: renewal.tool.name,
      renewalDate: renewal.renewalDate,
      cancelBy: renewal.cancelBy,
      autoRenew: renewal.autoRenew,
      cost: renewal.annualCost ? `${renewal.annualCost.amount} ${renewal.annualCost.currency}` : null,
      ownerId: renewal.businessOwnerId ?? renewal.technicalOwnerId,
    })),
    experiments: [...stopped.items, ...running.items].map((experiment) => ({
      id: experiment.id,
      name: experiment.name,
      status: experiment.status,
      verdict: experiment.headline?.verdict ?? null,
      ownerId: experiment.owner?.id ?? experiment.itPartner?.id ?? null,
    })),
    clashes: clashes.items.map((clash, index) => ({
      key: clash.key,
      form: clash.form,
      terms: clash.terms.map((term) => (term.context ? `${term.name} (${term.context})` : term.name)),
      ownerId: clashOwners[index],
    })),
    truncated: { request: waiting.more || breached.more, experiment: stopped.more || running.more },
  };
}

/** The people each reviewed purchase request names (one read per request: open reviews are few). */
async function readReviewPeople(ctx: Ctx, requestIds: readonly string[]): Promise<Map<string, RequestPeople>> {
  const people = new Map<string, RequestPeople>();
  for (const id of requestIds) {
    const request = await readRequestRecord(ctx.database.db, ctx.actor.workspaceId, id);
    if (request) {
      people.set(id, {
        requesterId: request.requesterId,
        sponsorId: request.sponsorId,
        itPartnerId: request.itPartnerId,
      });
    }
  }
  return people;
}

/**
 * The owner of each clash (its terms' ids, oldest first): the newest term's glossary owner that has one, read from
 * the clashing terms' list; else whoever wrote the newest term's shown revision.
 */
async function readClashOwners(ctx: Ctx, clashes: readonly string[][]): Promise<(string | null)[]> {
  if (clashes.length === 0) return [];
  const owners = new Map<string, string | null>();
  let cursor: string | undefined;
  // A few pages at most: the agenda shows a handful of clashes.
  for (let page = 0; page < 5; page++) {
    const terms = await listTerms(ctx, { clashing: "true", limit: 200, cursor });
    for (const term of terms.items) owners.set(term.id, term.owner?.id ?? null);
    if (!terms.nextCursor) break;
    cursor = terms.nextCursor;
  }
  const result: (string | null)[] = [];
  for (const termIds of clashes) {
    const owner = clashOwnerOf(termIds, owners);
    const newest = termIds[termIds.length - 1];
    result.push(owner ?? (newest ? ((await getTerm(ctx, newest)).shown.createdBy?.id ?? null) : null));
  }
  return result;
}
