import type { HomeItem, HomeList, HomeSummary } from "#contracts/home";
import type { RequestSummary } from "#contracts/pipeline";
import type { Kpi } from "#contracts/scorecard";
import type { Ctx } from "../../context";
import { authorize, can } from "../../policy";
import { readExperimentList } from "../experiments/experiments.commands";
import { listWorkspaceReviews } from "../guardrails/guardrails.commands";
import { readPartnershipGlance } from "../health/health.commands";
import { readRequestList, readServiceLevelReport } from "../pipeline/pipeline.commands";
import { readHomeRituals } from "../rituals/rituals.commands";
import { listWorkspaceKpis, listWorkspaceObjectives } from "../scorecard/scorecard.commands";
import { readComplianceSummary, readRenewals, readShadowCandidates } from "../stack/stack.commands";
import { readLatestWhichHalf } from "../value/value.commands";

// Each tile shows its first few records and counts up to a page; beyond that it says "more".
const SHOWN = 5;
const COUNTED = 200;
const RENEWAL_DAYS = 90;
const empty: HomeList = { items: [], count: 0, more: false };

const gapCount = (count: number) => `${count} ${count === 1 ? "gap" : "gaps"}`;

function listOf(items: HomeItem[], more = false): HomeList {
  return { items: items.slice(0, SHOWN), count: items.length, more };
}

function requestItem(request: RequestSummary): HomeItem {
  return {
    id: request.id,
    title: `${request.reference} · ${request.title}`,
    detail: `${request.stage.replaceAll("_", " ")}${request.breached ? " · past target" : ""}`,
    url: `/pipeline/requests/${request.id}`,
  };
}

function kpiItem(kpi: Kpi): HomeItem {
  return {
    id: kpi.id,
    title: kpi.name,
    detail: `${kpi.status.replaceAll("_", " ")} · ${kpi.objectiveTitle}`,
    url: `/scorecard/kpis/${kpi.id}`,
  };
}

// Sums decimal strings per currency in cents, so the totals are exact.
function sumByCurrency(amounts: Array<{ currency: string; amount: string }>) {
  const cents = new Map<string, number>();
  for (const { currency, amount } of amounts) {
    cents.set(currency, (cents.get(currency) ?? 0) + Math.round(Number(amount) * 100));
  }
  return [...cents]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, total]) => ({ currency, amount: (total / 100).toFixed(2) }));
}

async function allKpis(ctx: Ctx, query: { status?: Kpi["status"]; ownerId?: string }) {
  const kpis: Kpi[] = [];
  let cursor: string | undefined;
  do {
    const page = await listWorkspaceKpis(ctx, { limit: COUNTED, cursor, ...query });
    kpis.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return kpis;
}

/** Home: what waits on the actor and the shared picture, each figure as its module's own page shows it. */
export async function readHome(ctx: Ctx): Promise<HomeSummary> {
  authorize(ctx.actor, "home.read");
  const today = ctx.now.toISOString().slice(0, 10);
  const yearAgo = new Date(ctx.now.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
  const canRequests = can(ctx.actor, "request.read");
  const canKpis = can(ctx.actor, "kpi.read");
  const canExperiments = can(ctx.actor, "experiment.read");
  const canTools = can(ctx.actor, "tool.read");

  // One after the other: PGlite has one connection, and each read is a few indexed queries.
  const mineRequests = canRequests ? await readRequestList(ctx, { waitingOn: "me", limit: COUNTED }) : null;
  const decisions = canRequests ? await readRequestList(ctx, { stage: "decision", limit: COUNTED }) : null;
  const breaching = canRequests
    ? await readRequestList(ctx, { stage: "in_flight", breached: "true", limit: COUNTED })
    : null;
  const sla = can(ctx.actor, "sla.read") ? await readServiceLevelReport(ctx, { from: yearAgo, to: today }) : null;
  const myKpis = canKpis ? await allKpis(ctx, { ownerId: ctx.actor.userId }) : [];
  const offTrack = canKpis ? await allKpis(ctx, { status: "off_track" }) : [];
  const atRisk = canKpis ? await allKpis(ctx, { status: "at_risk" }) : [];
  const objectives = can(ctx.actor, "objective.read")
    ? await listWorkspaceObjectives(ctx, { limit: 50, activeOn: today })
    : null;
  const stopped = canExperiments ? await readExperimentList(ctx, { status: "stopped", limit: COUNTED }) : null;
  const renewals = canTools ? await readRenewals(ctx, RENEWAL_DAYS) : [];
  const compliance = canTools ? await readComplianceSummary(ctx) : null;
  const shadow = can(ctx.actor, "discovery.read") ? (await readShadowCandidates(ctx)).items : [];
  const whichHalf = can(ctx.actor, "attribution.read") ? await readLatestWhichHalf(ctx) : null;
  const myReviews = can(ctx.actor, "purchaseReview.read")
    ? (await listWorkspaceReviews(ctx, { waitingOn: "me" })).items
    : [];

  const toCheckIn = myKpis.filter(
    (kpi) => kpi.status === "no_data" || kpi.status === "off_track" || kpi.status === "at_risk",
  );
  const experimentItems = (stopped?.items ?? []).map((experiment) => ({
    id: experiment.id,
    title: experiment.name,
    detail: experiment.owner ? `stopped · owner ${experiment.owner.name}` : "stopped",
    url: `/experiments/${experiment.id}`,
  }));
  const gaps = (compliance?.tools ?? []).filter((entry) => entry.status !== "compliant");

  const partnership = can(ctx.actor, "health.read") ? await readPartnershipGlance(ctx) : null;
  const rituals = can(ctx.actor, "ritual.read") ? await readHomeRituals(ctx) : null;
  return {
    partnership,
    rituals: {
      nextMeeting: rituals?.nextMeeting
        ? {
            id: rituals.nextMeeting.id,
            title: rituals.nextMeeting.title,
            startsAt: rituals.nextMeeting.startsAt,
            endsAt: rituals.nextMeeting.endsAt,
            agendaItemCount: rituals.nextMeeting.agendaItemCount,
            prepared: rituals.nextMeeting.preparedAt !== null,
            url: `/rituals/meetings/${rituals.nextMeeting.id}`,
          }
        : null,
      commitmentsDue: listOf(
        (rituals?.commitmentsDue ?? []).map((item) => ({
          id: item.id,
          title: item.title,
          detail: `${item.late ? "overdue since" : "due"} ${item.dueDate} · ${item.priority} priority`,
          url: `/rituals/commitments?item=${item.id}`,
        })),
        rituals?.moreCommitmentsDue ?? false,
      ),
    },
    asOf: today,
    mine: {
      requests: mineRequests ? listOf(mineRequests.items.map(requestItem), mineRequests.more) : empty,
      kpisToCheckIn: listOf(toCheckIn.map(kpiItem)),
      experimentsToDecide: listOf(
        experimentItems.filter((_, index) => stopped?.items[index].owner?.id === ctx.actor.userId),
        false,
      ),
      reviews: listOf(
        myReviews.map((review) => ({
          id: review.id,
          title: `${review.request.reference} · ${review.request.title}`,
          detail: `${review.kind} review${review.dueAt ? ` · due ${review.dueAt.slice(0, 10)}` : ""}`,
          url: `/guardrails/reviews?review=${review.id}`,
        })),
      ),
    },
    serviceLevels: sla
      ? {
          decision: sla.overall.decision,
          delivery: sla.overall.delivery,
          goal: sla.goal,
          trend: sla.trend.map((month) => ({
            month: month.month,
            decisionShare: month.decisionShare,
            deliveryShare: month.deliveryShare,
          })),
        }
      : null,
    awaitingDecision: decisions ? listOf(decisions.items.map(requestItem), decisions.more) : empty,
    breaching: breaching ? listOf(breaching.items.map(requestItem), breaching.more) : empty,
    whichHalf: whichHalf
      ? {
          runId: whichHalf.run.id,
          headline: whichHalf.headline,
          currency: whichHalf.currency,
          totalSpend: whichHalf.totalSpend,
          totalValue: whichHalf.totalValue,
          url: `/value/runs/${whichHalf.run.id}/which-half`,
        }
      : null,
    renewals: {
      list: listOf(
        renewals.map((renewal) => ({
          id: renewal.tool.id,
          title: renewal.tool.name,
          detail: `cancel by ${renewal.cancelBy} · renews ${renewal.renewalDate}${
            renewal.annualCost ? ` · ${renewal.annualCost.amount} ${renewal.annualCost.currency}` : ""
          }`,
          url: `/stack/tools/${renewal.tool.id}`,
        })),
      ),
      atStake: sumByCurrency(renewals.flatMap((renewal) => (renewal.annualCost ? [renewal.annualCost] : []))),
    },
    shadowIt: {
      candidates: shadow.length,
      yearlySpend: sumByCurrency(
        shadow.flatMap((candidate) =>
          candidate.spend.map((spend) => ({ currency: spend.currency, amount: spend.yearly })),
        ),
      ),
    },
    experimentsToDecide: listOf(experimentItems, stopped?.more ?? false),
    compliance: {
      tools: compliance?.tools.length ?? 0,
      withGaps: gaps.length,
      list: listOf(
        gaps.map((entry) => ({
          id: entry.tool.id,
          title: entry.tool.name,
          detail: `${entry.status.replaceAll("_", " ")} · ${gapCount(entry.gaps.length + entry.ownershipGaps.length)}`,
          url: `/stack/tools/${entry.tool.id}`,
        })),
      ),
    },
    scorecard: {
      objectives: (objectives?.items ?? []).map((objective) => ({
        id: objective.id,
        title: objective.title,
        shared: objective.shared,
        kpiCount: objective.kpiCount,
        url: "/scorecard",
      })),
      offTrack: listOf(offTrack.map(kpiItem)),
      atRisk: listOf(atRisk.map(kpiItem)),
    },
  };
}
