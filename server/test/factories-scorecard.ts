import type { TestApp } from "./app";
import { buildPersona, buildWorkspace, type Persona } from "./factories";

/** A workspace with a marketing member, an IT member, a viewer, and a shared objective for Q1 2026. */
export async function buildScorecardWorld(t: TestApp) {
  const ws = await buildWorkspace(t);
  const [marketing, it, viewer] = await Promise.all([
    buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws }),
    buildPersona(t, { role: "member", teamKind: "it", workspace: ws }),
    buildPersona(t, { role: "viewer", teamKind: "marketing", workspace: ws }),
  ]);
  const objective = (
    await marketing.request({
      method: "POST",
      url: "/api/v1/objectives",
      payload: {
        title: "Grow repeat orders",
        periodStart: "2026-01-01",
        periodEnd: "2026-03-31",
        marketingOwnerId: marketing.user.id,
        itOwnerId: it.user.id,
      },
    })
  ).json();
  return { ws, marketing, it, viewer, objective };
}

/** A manual KPI under an objective: repeat-order rate from 20% to 30%, owned by the given person. */
export async function buildKpi(
  persona: Persona,
  objectiveId: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; version: number; [key: string]: unknown }> {
  const response = await persona.request({
    method: "POST",
    url: "/api/v1/kpis",
    payload: {
      objectiveId,
      name: "Repeat-order rate",
      unit: "percent",
      direction: "up",
      baseline: 20,
      target: 30,
      cadence: "weekly",
      category: "retention",
      ownerId: persona.user.id,
      ...overrides,
    },
  });
  if (response.statusCode !== 201) throw new Error(`KPI not created: ${response.body}`);
  return response.json();
}

/** The audit actions recorded for an entity, oldest first. */
export async function auditActionsOf(t: TestApp, entityId: string) {
  const rows = await t.database.query<{ action: string }>(
    "SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY seq",
    [entityId],
  );
  return rows.map((row) => row.action);
}
