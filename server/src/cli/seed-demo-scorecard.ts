// Northwind's Scorecard over the demo's two years: a company objective and joint objectives co-owned by marketing
// and IT, ~25 KPIs with check-ins that tell a story (checkout conversion slipped during the replatforming and
// recovered, cost per acquisition is off track, last year's loyalty launch hit its targets), voice-of-customer KPIs
// for three segments, one objective marketing keeps to itself, and IT's responsiveness to marketing computed by
// Tandem from the Pipeline's service levels (not typed in), improving as they did; the purchase policy's measures
// computed from the Guardrails' purchases.
import { eq } from "drizzle-orm";
import type { KpiUnit } from "#contracts/scorecard";
import type { Database, Tx } from "../db/client";
import { users } from "../db/schema";
import { recordAudit } from "../modules/audit/audit.commands";
import { insertKpi, upsertMeasurements } from "../modules/scorecard/kpis.queries";
import { cadenceDates } from "../modules/scorecard/measures.rules";
import { recomputeAllWorkspaces } from "../modules/scorecard/scorecard.commands";
import { insertObjective, insertSegment } from "../modules/scorecard/scorecard.queries";
import { elapsedShare } from "../modules/scorecard/scorecard.rules";
import { OBJECTIVES, SEGMENTS, type Shape } from "./seed-demo-scorecard-data";

// The share of the way to target a story has reached at elapsed share e (deterministic, with a little noise).
function storyAt(shape: Shape, e: number, index: number): number {
  const noise = Math.sin(index * 12.9898) * 0.03;
  switch (shape) {
    case "steady":
      return e * 0.98 + noise;
    case "ahead":
      return Math.min(1.08, e * 1.25) + noise;
    case "late_push":
      return e < 0.6 ? e * 0.5 + noise : 0.3 + (e - 0.6) * 1.6 + noise;
    case "stalled":
      return e * 0.15 + noise;
    case "slip_recover":
      // Converting on plan until the replatformed checkout shipped; down for a quarter; back on plan by autumn.
      if (e < 0.3) return e + noise;
      if (e < 0.55) return 0.3 - (e - 0.3) * 1.6 + noise;
      return Math.min(e * 0.97, -0.1 + (e - 0.55) * 3.2) + noise;
  }
}

const round = (value: number, unit: KpiUnit) =>
  unit === "count" && Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;

/** Seeds the Scorecard of the demo company (after the rest of the demo is committed) and computes its measures. */
export async function seedDemoScorecard(database: Database, workspaceId: string, now: Date) {
  const today = now.toISOString().slice(0, 10);
  const year = now.getUTCFullYear();
  const period = (which: "last" | "this") => {
    const y = which === "last" ? year - 1 : year;
    return { periodStart: `${y}-01-01`, periodEnd: `${y}-12-31` };
  };
  const summary = await database.db.transaction(async (tx: Tx) => {
    const people = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(eq(users.workspaceId, workspaceId));
    const idOf = (email: string) => {
      const found = people.find((person) => person.email === email);
      if (!found) throw new Error(`demo person ${email} missing`);
      return found.id;
    };
    const stamp = { workspaceId, createdAt: now, updatedAt: now };
    const segmentIds = new Map<string, string>();
    for (const segment of SEGMENTS)
      segmentIds.set(segment.name, (await insertSegment(tx, { ...stamp, ...segment })).id);
    const objectiveIds = new Map<string, string>();
    let kpiCount = 0;
    let measurementCount = 0;
    for (const objective of OBJECTIVES) {
      const dates = period(objective.year);
      const { id } = await insertObjective(tx, {
        ...stamp,
        ...dates,
        title: objective.title,
        description: objective.description,
        marketingOwnerId: objective.marketing ? idOf(objective.marketing) : null,
        itOwnerId: objective.it ? idOf(objective.it) : null,
        parentId: objective.parent ? (objectiveIds.get(objective.parent) ?? null) : null,
      });
      objectiveIds.set(objective.key, id);
      for (const kpi of objective.kpis) {
        const computed = kpi.measure !== undefined;
        const row = await insertKpi(tx, {
          ...stamp,
          objectiveId: id,
          name: kpi.name,
          definition: kpi.definition,
          unit: kpi.unit,
          currency: kpi.unit === "money" ? "EUR" : null,
          direction: kpi.direction,
          baseline: kpi.baseline,
          target: kpi.target,
          thresholds: kpi.thresholds ?? null,
          cadence: kpi.cadence,
          category: kpi.category,
          ownerId: idOf(kpi.owner),
          segmentId: kpi.segment ? (segmentIds.get(kpi.segment) ?? null) : null,
          source: computed ? "computed" : "manual",
          measure: kpi.measure ?? null,
        });
        kpiCount += 1;
        if (computed || !kpi.shape) continue;
        const until = [dates.periodEnd, today].sort()[0];
        const points = cadenceDates(dates.periodStart, until, kpi.cadence).map((date, index) => {
          const share = storyAt(kpi.shape as Shape, elapsedShare(dates.periodStart, dates.periodEnd, date), index);
          let value = round(kpi.baseline + (kpi.target - kpi.baseline) * share, kpi.unit);
          if (kpi.unit === "percent") value = Math.min(100, Math.max(0, value));
          return { date, value };
        });
        await upsertMeasurements(
          tx,
          points.map((point, index) => ({
            ...stamp,
            kpiId: row.id,
            date: point.date,
            value: point.value,
            comment: index === points.length - 1 ? "Latest check-in" : "",
            confidence: 4,
            source: "check_in" as const,
            computedFrom: null,
            recordedById: idOf(kpi.owner),
          })),
        );
        measurementCount += points.length;
      }
    }
    const counts = {
      objectives: OBJECTIVES.length,
      kpis: kpiCount,
      segments: SEGMENTS.length,
      measurements: measurementCount,
    };
    await recordAudit(
      tx,
      { workspaceId, actorId: null, actorLabel: "demo seed", ip: null, at: now },
      { action: "scorecard.seeded", entityType: "workspace", entityId: workspaceId, after: counts },
    );
    return counts;
  });
  // Computed KPIs read the Pipeline, the Stack, Experiments and Value as committed above.
  const computed = await recomputeAllWorkspaces(database, now, workspaceId);
  return { ...summary, computedMeasurements: computed.measurements };
}
