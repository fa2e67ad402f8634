import type { TeamKind } from "#contracts/people";
import type { TestApp } from "./app";
import { buildPersona, buildWorkspace, type Persona, unique } from "./factories";

/** A workspace with an admin, `marketing` marketing people, `it` IT people and one person of legal. */
export async function buildHealthWorld(t: TestApp, sizes: { marketing: number; it: number }) {
  const workspace = await buildWorkspace(t);
  const admin = await buildPersona(t, { role: "admin", teamKind: "it", workspace });
  const people = async (count: number, teamKind: TeamKind) => {
    const list: Persona[] = [];
    for (let i = 0; i < count; i++) list.push(await buildPersona(t, { teamKind, workspace }));
    return list;
  };
  const marketing = await people(sizes.marketing, "marketing");
  const it = await people(sizes.it, "it");
  const [legal] = await people(1, "legal");
  return { workspace, admin, marketing, it, legal: legal as Persona };
}

/** A new team of the workspace; people moved into it keep their sessions. */
export async function addTeam(t: TestApp, workspaceId: string, kind: TeamKind, members: readonly Persona[]) {
  const [team] = await t.database.query<{ id: string }>(
    "INSERT INTO team (workspace_id, name, kind) VALUES ($1, $2, $3) RETURNING id",
    [workspaceId, unique("Team "), kind],
  );
  if (!team) throw new Error("team not created");
  for (const member of members) {
    await t.database.query("UPDATE app_user SET team_id = $1 WHERE id = $2", [team.id, member.user.id]);
  }
  return team.id;
}

/** Creates and launches a pulse as the admin; returns it. */
export async function launchedPulse(admin: Persona, body: Record<string, unknown> = {}) {
  const created = await admin.request({
    method: "POST",
    url: "/api/v1/surveys",
    payload: { title: unique("Pulse "), closesOn: "2100-01-01", ...body },
  });
  if (created.statusCode !== 201) throw new Error(`pulse not created: ${created.body}`);
  const launched = await admin.request({
    method: "POST",
    url: `/api/v1/surveys/${created.json().id}/launch`,
    payload: { version: created.json().version },
  });
  if (launched.statusCode !== 200) throw new Error(`pulse not launched: ${launched.body}`);
  return launched.json() as { id: string; version: number; k: number; items: { id: string; criterion: string }[] };
}

/** Answers every item of the pulse with `value(item index)`. */
export function answer(
  persona: Persona,
  pulse: { id: string; items: { id: string }[] },
  value: (index: number) => number,
  comment?: string,
) {
  return persona.request({
    method: "POST",
    url: `/api/v1/surveys/${pulse.id}/responses`,
    payload: {
      answers: pulse.items.map((item, index) => ({ itemId: item.id, value: value(index) })),
      ...(comment ? { comment } : {}),
    },
  });
}
