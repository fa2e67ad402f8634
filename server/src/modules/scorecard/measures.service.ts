// Computed KPIs: Tandem measures the collaboration from its own data, through each source module's own report
// (its commands file), so a computed value equals the figure that report shows for the same period. Each value
// keeps what it was computed from. Recomputed daily by a job and on demand.
import { COMPUTED_MEASURES, type ComputedFrom, type ComputedMeasure, type RecomputeResult } from "#contracts/scorecard";
import type { Actor, Ctx } from "../../context";
import type { Database } from "../../db/client";
import { AppError } from "../../errors";
import { canonicalJson } from "../../lib/canonical-json";
import { authorize } from "../../policy";
import { type AuditOrigin, originOf, recordAudit } from "../audit/audit.commands";
import { countDecidedExperiments } from "../experiments/experiments.commands";
import { guardrailMeasures } from "../guardrails/guardrails.commands";
import { readServiceLevelReport } from "../pipeline/pipeline.commands";
import { listCatalogTools, readComplianceSummary, readShadowCandidates } from "../stack/stack.commands";
import { readLatestWhichHalf, returnOnSpendOf } from "../value/value.commands";
import { findMeasurementsOn, type KpiRecord, listComputedKpis, upsertMeasurements } from "./kpis.queries";
import { getKpiRow } from "./kpis.service";
import { cadenceDates, guardrailWindowOf, quarterStartOf, trailingStartOf } from "./measures.rules";
import { todayOf } from "./objectives.service";

/** One computed value, or null when there is nothing to compute it from, and what it was computed from. */
export type MeasureValue = { value: number | null; computedFrom: ComputedFrom };

/** Measures whose source keeps its history (events with dates): they can be computed for any past date. */
const HISTORICAL: ReadonlySet<ComputedMeasure> = new Set([
  "marketing_requests_within_sla",
  "marketing_request_decision_hours",
  "experiments_decided_per_quarter",
]);

/** The window the service-level measures read: the 90 days up to the date. */
export const SLA_WINDOW_DAYS = 90;

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Computes one measure as of a date (in the KPI's currency for money), through the source module's report. */
export async function computeMeasure(
  ctx: Ctx,
  measure: ComputedMeasure,
  date: string,
  currency: string | null,
): Promise<MeasureValue> {
  switch (measure) {
    case "marketing_requests_within_sla":
    case "marketing_request_decision_hours": {
      const range = { from: trailingStartOf(date, SLA_WINDOW_DAYS), to: date };
      const report = await readServiceLevelReport(ctx, range);
      const from = { report: "service levels", from: range.from, to: range.to };
      if (measure === "marketing_request_decision_hours") {
        const { median, count } = report.timeToDecision;
        return { value: median, computedFrom: { ...from, decided: count, medianHours: median } };
      }
      const { met, total, share } = report.overall.decision;
      return {
        value: share === null ? null : round(share * 100),
        computedFrom: { ...from, decidedWithinTarget: met, decided: total },
      };
    }
    case "active_stack_annual_cost": {
      const tools = await listCatalogTools(ctx, ["phase_in", "active"]);
      const priced = tools.filter((tool) => tool.annualCost?.currency === currency);
      const total = round(sum(priced.map((tool) => Number(tool.annualCost?.amount ?? 0))), 2);
      return {
        value: total,
        computedFrom: {
          report: "catalog (phase-in and active)",
          date,
          currency,
          tools: tools.length,
          pricedTools: priced.length,
          otherCurrencyTools: tools.filter((tool) => tool.annualCost && tool.annualCost.currency !== currency).length,
        },
      };
    }
    case "shadow_it_spend_share": {
      const candidates = (await readShadowCandidates(ctx)).items;
      const catalog = await listCatalogTools(ctx, ["phase_in", "active", "phase_out"]);
      const shadowBy = new Map<string, number>();
      const knownBy = new Map<string, number>();
      for (const spend of candidates.flatMap((candidate) => candidate.spend)) {
        shadowBy.set(spend.currency, (shadowBy.get(spend.currency) ?? 0) + Number(spend.yearly));
      }
      for (const tool of catalog) {
        if (tool.annualCost) {
          const { currency: code, amount } = tool.annualCost;
          knownBy.set(code, (knownBy.get(code) ?? 0) + Number(amount));
        }
      }
      // A share needs one currency: the KPI's, else the one most software spend is seen in.
      const seenIn = (code: string) => (shadowBy.get(code) ?? 0) + (knownBy.get(code) ?? 0);
      const codes = [...new Set([...shadowBy.keys(), ...knownBy.keys()])].sort((a, b) => seenIn(b) - seenIn(a));
      const chosen = currency ?? codes[0] ?? null;
      const shadow = chosen === null ? 0 : (shadowBy.get(chosen) ?? 0);
      const known = chosen === null ? 0 : (knownBy.get(chosen) ?? 0);
      const seen = shadow + known;
      return {
        value: seen === 0 ? null : round((shadow / seen) * 100),
        computedFrom: {
          report: "shadow-IT candidates and the catalog",
          date,
          currency: chosen,
          candidates: candidates.length,
          shadowYearlySpend: round(shadow, 2),
          catalogAnnualCost: round(known, 2),
        },
      };
    }
    case "tools_with_both_owners": {
      const summary = await readComplianceSummary(ctx);
      const owned = summary.tools.filter((tool) => tool.ownershipGaps.length === 0).length;
      const total = summary.tools.length;
      return {
        value: total === 0 ? null : round((owned / total) * 100),
        computedFrom: { report: "stack compliance", date, toolsWithBothOwners: owned, liveTools: total },
      };
    }
    case "experiments_decided_per_quarter": {
      const range = { from: quarterStartOf(date), to: date };
      const decided = await countDecidedExperiments(ctx, range);
      return { value: decided, computedFrom: { report: "learning library", from: range.from, to: range.to, decided } };
    }
    case "purchases_decided_at_once":
    case "purchase_decision_hours":
    case "software_spend_through_tandem":
      return computeGuardrailMeasure(ctx, measure, date, currency);
    case "attributed_return_on_spend": {
      const view = await readLatestWhichHalf(ctx);
      if (view === null) return { value: null, computedFrom: { report: "attribution", date, run: null } };
      const roas = returnOnSpendOf(view);
      return {
        value: roas === null ? null : round(roas),
        computedFrom: {
          report: "attribution which-half",
          run: view.run.id,
          runName: view.run.name,
          model: view.model,
          currency: view.currency,
          totalValue: view.totalValue,
          totalSpend: view.totalSpend,
        },
      };
    }
  }
}

/** The Guardrails' measures (issue 15 item 10), read through the same command as `GET /api/v1/guardrails/measures`. */
async function computeGuardrailMeasure(
  ctx: Ctx,
  measure: "purchases_decided_at_once" | "purchase_decision_hours" | "software_spend_through_tandem",
  date: string,
  currency: string | null,
): Promise<MeasureValue> {
  const window = guardrailWindowOf(date);
  const figures = await guardrailMeasures(ctx, { from: new Date(window.from), to: new Date(window.to) });
  const from = { report: "guardrails measures", from: window.from, to: window.to };
  if (measure === "purchases_decided_at_once") {
    const value = figures.decidedAtOncePercent;
    return {
      value: value === null ? null : round(value),
      computedFrom: { ...from, purchases: figures.purchases, judged: figures.judged },
    };
  }
  if (measure === "purchase_decision_hours") {
    const value = figures.medianHoursToDecision;
    return {
      value: value === null ? null : round(value, 2),
      computedFrom: { ...from, purchases: figures.purchases, medianHours: value },
    };
  }
  // A share needs one currency: the KPI's, else the one most of the spend is in.
  const through = new Map(figures.spendThroughTandem.map((s) => [s.currency, Number(s.yearly)]));
  const found = new Map(figures.spendFoundInExpenses.map((s) => [s.currency, Number(s.yearly)]));
  const seenIn = (code: string) => (through.get(code) ?? 0) + (found.get(code) ?? 0);
  const codes = [...new Set([...through.keys(), ...found.keys()])].sort(
    (a, b) => seenIn(b) - seenIn(a) || (a < b ? -1 : 1),
  );
  const chosen = currency ?? codes[0] ?? null;
  const tandem = chosen === null ? 0 : (through.get(chosen) ?? 0);
  const expenses = chosen === null ? 0 : (found.get(chosen) ?? 0);
  return {
    value: tandem + expenses === 0 ? null : round((tandem / (tandem + expenses)) * 100),
    computedFrom: {
      ...from,
      currency: chosen,
      throughTandem: round(tandem, 2),
      foundInExpenses: round(expenses, 2),
      otherCurrencies: codes.filter((code) => code !== chosen).length,
    },
  };
}

type ComputedKpi = { kpi: KpiRecord; periodStart: string; periodEnd: string };

/** The dates a computed KPI is (re)computed for today: its cadence's dates so far for a measure with history. */
export function datesToCompute(entry: ComputedKpi, measure: ComputedMeasure, today: string): string[] {
  if (today < entry.periodStart) return [];
  const last = today < entry.periodEnd ? today : entry.periodEnd;
  if (!HISTORICAL.has(measure)) return today <= entry.periodEnd ? [today] : [];
  return cadenceDates(entry.periodStart, last, entry.kpi.cadence);
}

async function recomputeEntries(ctx: Ctx, entries: ComputedKpi[], origin: AuditOrigin): Promise<RecomputeResult> {
  const today = todayOf(ctx);
  const result: RecomputeResult = { kpis: entries.length, measurements: 0, items: [] };
  for (const entry of entries) {
    const measure = entry.kpi.measure as ComputedMeasure;
    if (!(measure in COMPUTED_MEASURES)) continue;
    const computed: Array<{ date: string } & MeasureValue> = [];
    for (const date of datesToCompute(entry, measure, today)) {
      computed.push({ date, ...(await computeMeasure(ctx, measure, date, entry.kpi.currency)) });
    }
    const existing = new Map(
      (await findMeasurementsOn(ctx.database.db, entry.kpi.workspaceId, [entry.kpi.id])).map((row) => [row.date, row]),
    );
    const changed = computed.filter(
      (point): point is { date: string; value: number; computedFrom: ComputedFrom } =>
        point.value !== null &&
        Number.isFinite(point.value) &&
        (existing.get(point.date)?.value !== point.value ||
          canonicalJson(existing.get(point.date)?.computedFrom ?? null) !== canonicalJson(point.computedFrom)),
    );
    result.items.push(...computed.map((point) => ({ kpiId: entry.kpi.id, ...point })));
    if (changed.length === 0) continue;
    await ctx.database.db.transaction(async (tx) => {
      await upsertMeasurements(
        tx,
        changed.map((point) => ({
          workspaceId: entry.kpi.workspaceId,
          kpiId: entry.kpi.id,
          date: point.date,
          value: point.value,
          comment: "",
          confidence: null,
          source: "computed" as const,
          computedFrom: point.computedFrom,
          recordedById: null,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })),
      );
      await recordAudit(tx, origin, {
        action: "kpi.recomputed",
        entityType: "kpi",
        entityId: entry.kpi.id,
        after: { measure, dates: changed.map((point) => point.date) },
      });
    });
    result.measurements += changed.length;
  }
  return result;
}

/** Recomputes one computed KPI now (writers). */
export async function recomputeKpi(ctx: Ctx, id: string) {
  const row = await getKpiRow(ctx, id, todayOf(ctx));
  authorize(ctx.actor, "kpi.recompute", { workspaceId: row.kpi.workspaceId });
  if (row.kpi.source !== "computed") {
    throw new AppError("invalid_state", "Only a computed KPI can be recomputed", [
      { path: "source", message: "is manual: values come from check-ins, imports and pushes" },
    ]);
  }
  const entries = (await listComputedKpis(ctx.database.db, ctx.actor.workspaceId)).filter((e) => e.kpi.id === id);
  return recomputeEntries(ctx, entries, originOf(ctx));
}

/** Recomputes every computed KPI of the actor's workspace now (writers). */
export async function recomputeWorkspace(ctx: Ctx) {
  authorize(ctx.actor, "kpi.recompute");
  return recomputeEntries(ctx, await listComputedKpis(ctx.database.db, ctx.actor.workspaceId), originOf(ctx));
}

// The job reads the source reports as a viewer of each workspace would: it has no person of its own.
function systemActor(workspaceId: string): Actor {
  return {
    userId: "00000000-0000-0000-0000-000000000000",
    workspaceId,
    name: "Tandem",
    email: "",
    role: "viewer",
    teamId: "00000000-0000-0000-0000-000000000000",
    teamName: "",
    teamKind: "other",
    workspaceName: "",
    via: "session",
    sessionId: null,
    tokenId: null,
    tokenScope: null,
  };
}

/** Recomputes every computed KPI of every workspace (the daily job), or of one; returns what it stored. */
export async function recomputeAllWorkspaces(database: Database, now: Date, onlyWorkspaceId: string | null = null) {
  const entries = await listComputedKpis(database.db, onlyWorkspaceId);
  const byWorkspace = new Map<string, ComputedKpi[]>();
  for (const entry of entries) {
    byWorkspace.set(entry.kpi.workspaceId, [...(byWorkspace.get(entry.kpi.workspaceId) ?? []), entry]);
  }
  let kpiCount = 0;
  let measurements = 0;
  for (const [workspaceId, list] of byWorkspace) {
    const ctx: Ctx = { database, actor: systemActor(workspaceId), ip: null, now };
    const origin: AuditOrigin = { workspaceId, actorId: null, actorLabel: "system", ip: null, at: now };
    const result = await recomputeEntries(ctx, list, origin);
    kpiCount += result.kpis;
    measurements += result.measurements;
  }
  return { kpis: kpiCount, measurements };
}
