// The Alignment Index: the latest visible pulse's released aggregates and today's behavioural signals through
// engines/alignment; the trend from every launched pulse with the signals kept at its close.

import {
  type Alignment,
  type AlignmentCriterion,
  CRITERIA,
  type GroupResult,
  HealthLimits,
  type HealthSide,
  type PartnershipGlance,
  PUBLISHED_FIGURES,
  type PublishedFigureKey,
  type Signal,
} from "#contracts/health";
import {
  type AlignmentResult,
  trend as buildTrend,
  computeAlignment,
  drivers as findDrivers,
  type GroupAggregate,
  type ItemAggregate,
  outcomeAssociations,
  type SignalInput,
  type TrendInput,
} from "#engines/alignment";
import type { Ctx } from "../../context";
import { AppError } from "../../errors";
import { LruCache } from "../../lib/lru";
import { authorize } from "../../policy";
import { readAuditSeq } from "../audit/audit.commands";
import { readHealthState } from "./cadence.queries";
import { findTeam, listLaunchedSurveys, participatedIn, type SurveyRow } from "./health.queries";
import { sideOf } from "./health.service";
import { type ItemRow, listItems } from "./items.queries";
import { playbookFor } from "./playbook";
import { answerVectors, type ReleaseRow, readReleases } from "./responses.queries";
import { releasedRespondents, teamSlice } from "./results.service";
import { type CriterionSignal, computeSignals, MISSING_SIGNALS } from "./signals.service";

// A closed pulse's answers never change (they are rewritten once, at the close): the association of its items
// with the outcome item is computed once per process and kept (by pulse id, up to 200 pulses, for a day).
const associationCache = new LruCache<ReturnType<typeof outcomeAssociations>>(200, 86_400_000);

const r1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

function aggregateOf(rows: readonly ReleaseRow[], items: Map<string, ItemRow>, k: number): GroupAggregate | null {
  if (rows.length === 0) return null;
  const respondents = rows.reduce((max, row) => Math.max(max, row.respondents), 0);
  if (respondents < k) return null;
  const list: ItemAggregate[] = rows.flatMap((row) => {
    const item = items.get(row.itemId);
    return item
      ? [{ itemId: row.itemId, criterion: item.criterion, answers: row.answers, total: row.total, agree: row.agree }]
      : [];
  });
  return { respondents, items: list };
}

const toInput = (signals: readonly { criterion: string; key: string; value: number | null }[]): SignalInput[] =>
  signals.map((signal) => ({
    criterion: signal.criterion as AlignmentCriterion,
    key: signal.key,
    value: signal.value,
  }));

// The computed answer per workspace, team and day, keyed by what it is computed from: the workspace's audit sequence
// (every change to the pulses and to the other modules' records the signals read is audited in its transaction)
// and the Health state (what changes unaudited: released answers, the shipped bank appearing). A key read costs two
// primary-key lookups; a change anywhere makes a new key, in every process. Five minutes bound what an unaudited
// change elsewhere (a job's) could leave unseen.
const alignmentCache = new LruCache<Alignment>(500, 5 * 60_000);

/** How often the cache answered (for tests and metrics). */
export const alignmentCacheStats = { hits: 0, misses: 0 };

/** `GET /api/v1/alignment`: the index, levels, criteria with their signals, drivers, trend and suggestions. */
export async function readAlignment(ctx: Ctx, query: { team?: string }): Promise<Alignment> {
  authorize(ctx.actor, "health.read");
  const db = ctx.database.db;
  const today = ctx.now.toISOString().slice(0, 10);
  const team = query.team ? await findTeam(db, ctx.actor.workspaceId, query.team) : null;
  if (query.team && !team?.side) {
    throw new AppError("validation_failed", "The team cannot be used", [
      { path: "team", message: "is not a marketing or IT team of this workspace" },
    ]);
  }
  const workspaceId = ctx.actor.workspaceId;
  const key = [
    workspaceId,
    team?.id ?? "",
    today,
    await readAuditSeq(db, workspaceId),
    await readHealthState(db, workspaceId),
  ].join("|");
  const kept = alignmentCache.get(key);
  if (kept) {
    alignmentCacheStats.hits++;
    return kept;
  }
  alignmentCacheStats.misses++;
  const computed = await computeAlignmentAnswer(ctx, team, today);
  alignmentCache.set(key, computed);
  return computed;
}

async function computeAlignmentAnswer(
  ctx: Ctx,
  team: Awaited<ReturnType<typeof findTeam>>,
  today: string,
): Promise<Alignment> {
  const db = ctx.database.db;
  const bank = new Map((await listItems(db, ctx.actor.workspaceId)).map((item) => [item.id, item]));
  const surveys = await listLaunchedSurveys(db, ctx.actor.workspaceId);
  const releases = await readReleases(
    db,
    surveys.map((survey) => survey.id),
    "side",
  );
  const bySurvey = new Map<string, ReleaseRow[]>();
  for (const row of releases) {
    const list = bySurvey.get(row.surveyId) ?? [];
    list.push(row);
    bySurvey.set(row.surveyId, list);
  }
  const live = await computeSignals(ctx, today);
  const inputs: TrendInput[] = surveys.map((survey) => {
    const rows = bySurvey.get(survey.id) ?? [];
    return {
      id: survey.id,
      title: survey.title,
      on: survey.closedOn ?? survey.launchedOn ?? today,
      status: survey.status,
      k: survey.k,
      marketing: aggregateOf(
        rows.filter((row) => row.side === "marketing"),
        bank,
        survey.k,
      ),
      it: aggregateOf(
        rows.filter((row) => row.side === "it"),
        bank,
        survey.k,
      ),
      signals: toInput(survey.status === "closed" && survey.signals ? survey.signals : live),
    };
  });
  const points = buildTrend(inputs, HealthLimits.kMin);
  const visible = points.filter((point) => !point.hidden);
  const basisPoint = visible[visible.length - 1] ?? null;
  const basisSurvey = basisPoint ? (surveys.find((survey) => survey.id === basisPoint.id) ?? null) : null;
  const basisInput = basisPoint ? (inputs.find((input) => input.id === basisPoint.id) ?? null) : null;
  const k = basisSurvey?.k ?? HealthLimits.kDefault;

  // The groups: each side as released, or one team in place of its side.
  let marketing = basisInput?.marketing ?? null;
  let it = basisInput?.it ?? null;
  const basisRows = basisSurvey ? (bySurvey.get(basisSurvey.id) ?? []) : [];
  const groups: Record<HealthSide, GroupResult> = {
    marketing: groupOf(basisRows, "marketing", k, basisSurvey !== null),
    it: groupOf(basisRows, "it", k, basisSurvey !== null),
  };
  if (team?.side && basisSurvey) {
    const slice = await teamSlice(db, basisSurvey, team.id, team.side, basisRows);
    groups[team.side] = slice.group;
    const aggregate = slice.group.suppressed ? null : aggregateOf(slice.rows, bank, k);
    if (team.side === "marketing") marketing = aggregate;
    else it = aggregate;
  }
  const current = computeAlignment({ marketing, it, k, signals: toInput(live) });

  // Drivers: the item–outcome association only from a closed pulse with enough respondents, whole sides.
  let associations: ReturnType<typeof outcomeAssociations> = [];
  const outcome = [...bank.values()].find((item) => item.criterion === "outcome");
  const respondents = releasedRespondents(basisRows, "marketing") + releasedRespondents(basisRows, "it");
  if (basisSurvey?.status === "closed" && !team && outcome && respondents >= HealthLimits.driverAnswersMin) {
    const cached = associationCache.get(basisSurvey.id);
    if (cached) associations = cached;
    else {
      const vectors = await answerVectors(db, basisSurvey.id);
      associations = outcomeAssociations(
        vectors.map((answers) => ({ answers })),
        outcome.id,
        (id) => bank.get(id)?.criterion,
        HealthLimits.driverAnswersMin,
      );
      associationCache.set(basisSurvey.id, associations);
    }
  }
  const drivers = findDrivers(current.criteria, associations);

  const trendPoints = points.slice(-HealthLimits.trendPoints);
  const last = visible[visible.length - 1];
  const previous = visible[visible.length - 2];
  const change =
    last && previous && last.index !== null && previous.index !== null
      ? {
          index: r1(last.index - previous.index),
          criteria: last.changes.map((entry) => ({ ...entry, delta: r1(entry.delta) })),
        }
      : null;

  return {
    index: r1(current.index),
    level: { average: r1(current.level.average), weakestLink: current.level.weakestLink },
    criteria: presentCriteria(current, live),
    drivers,
    trend: trendPoints.map((point) => ({
      surveyId: point.id,
      title: point.title,
      on: point.on,
      status: point.status,
      hidden: point.hidden,
      index: r1(point.index),
      criteria: CRITERIA_KEYS.map((key) => ({
        key,
        score: r1(point.result?.criteria.find((criterion) => criterion.key === key)?.score ?? null),
      })),
      changes: point.changes.map((entry) => ({ ...entry, delta: r1(entry.delta) })),
    })),
    basis: {
      surveyId: basisSurvey?.id ?? null,
      title: basisSurvey?.title ?? null,
      k,
      groups,
      team: team?.side ? { id: team.id, name: team.name, side: team.side } : null,
    },
    change,
    published: publishedComparisons(bank, visible, bySurvey),
    playbook: playbookFor(current.criteria.map((criterion) => ({ key: criterion.key, score: criterion.score }))),
    missingSignals: MISSING_SIGNALS.map(({ key, source, reason }) => ({ key, source, reason })),
    asOf: ctx.now.toISOString(),
  };
}

const CRITERIA_KEYS = Object.keys(CRITERIA) as AlignmentCriterion[];

function groupOf(rows: readonly ReleaseRow[], side: HealthSide, k: number, any: boolean): GroupResult {
  const answered = releasedRespondents(rows, side);
  if (!any || answered < k) return { answered: null, suppressed: "below_k" };
  return { answered, suppressed: null };
}

function presentCriteria(result: AlignmentResult, signals: readonly CriterionSignal[]) {
  return result.criteria.map((criterion) => ({
    key: criterion.key,
    label: CRITERIA[criterion.key].label,
    survey: criterion.survey
      ? {
          marketing: r1(criterion.survey.marketing) ?? 0,
          it: r1(criterion.survey.it) ?? 0,
          gap: r1(criterion.survey.gap) ?? 0,
        }
      : null,
    surveyScore: r1(criterion.survey?.score ?? null),
    behaviour: r1(criterion.behaviour),
    score: r1(criterion.score),
    level: criterion.level,
    signals: signals
      .filter((signal) => signal.criterion === criterion.key)
      .map(({ criterion: _criterion, ...signal }): Signal => signal),
  }));
}

/** Each published figure beside our marketing people's agreement with the matching item, latest visible pulse. */
function publishedComparisons(
  bank: Map<string, ItemRow>,
  visible: readonly { id: string }[],
  bySurvey: Map<string, ReleaseRow[]>,
) {
  return (Object.keys(PUBLISHED_FIGURES) as PublishedFigureKey[]).map((key) => {
    const item = [...bank.values()].find((entry) => entry.publishedFigure === key) ?? null;
    let ours: number | null = null;
    if (item) {
      for (let index = visible.length - 1; index >= 0 && ours === null; index--) {
        const point = visible[index];
        const row = point
          ? (bySurvey.get(point.id) ?? []).find((entry) => entry.side === "marketing" && entry.itemId === item.id)
          : undefined;
        if (row && row.answers > 0) ours = r1((row.agree / row.answers) * 100);
      }
    }
    return {
      key,
      label: PUBLISHED_FIGURES[key].label,
      published: PUBLISHED_FIGURES[key].percent,
      itemId: item?.id ?? null,
      ours,
    };
  });
}

/** Home's "the partnership at a glance": index, trend, top three drivers, change, next actions, the open pulse. */
export async function readPartnershipGlance(ctx: Ctx): Promise<PartnershipGlance> {
  const alignment = await readAlignment(ctx, {});
  const surveys: SurveyRow[] = await listLaunchedSurveys(ctx.database.db, ctx.actor.workspaceId);
  const open = [...surveys]
    .reverse()
    .find((survey) => survey.status === "open" && survey.closesOn >= alignment.asOf.slice(0, 10));
  const answered = open ? (await participatedIn(ctx.database.db, ctx.actor.userId, [open.id])).has(open.id) : false;
  return {
    index: alignment.index,
    level: alignment.level,
    trend: alignment.trend.map((point) => ({ on: point.on, index: point.index })),
    drivers: alignment.drivers.slice(0, 3),
    change: alignment.change?.index ?? null,
    nextActions: alignment.playbook.slice(0, 3),
    openSurvey: open
      ? { id: open.id, title: open.title, answered, canAnswer: !answered && sideOf(ctx.actor) !== null }
      : null,
  };
}
