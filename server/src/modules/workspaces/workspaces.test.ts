import { expect, it } from "vitest";
import { Priority } from "#contracts/pipeline";
import { describeWithApp, json, type TestApp } from "../../../test/app";
import { unique } from "../../../test/factories";
import { DEFAULT_TEAMS } from "../teams/teams.commands";
import { createWorkspace } from "./workspaces.commands";

// Every module's defaults of a new workspace, read straight from the tables: a module whose seeding
// `createWorkspace` forgets to call fails here.
async function defaultsOf(t: TestApp, workspaceId: string) {
  const count = async (table: string, where = "") =>
    Number(
      (
        await t.database.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE workspace_id = $1 ${where}`, [
          workspaceId,
        ])
      )[0].n,
    );
  const teams = await t.database.query<{ name: string; kind: string }>(
    "SELECT name, kind FROM team WHERE workspace_id = $1 ORDER BY name",
    [workspaceId],
  );
  return {
    teams,
    defaultCalendars: await count("work_calendar", "AND is_default"),
    slaPolicies: await count("sla_policy"),
  };
}

const expectedDefaults = {
  teams: [...DEFAULT_TEAMS].sort((a, b) => a.name.localeCompare(b.name)),
  defaultCalendars: 1,
  slaPolicies: Priority.options.length,
};

describeWithApp("workspaces", (get) => {
  it("seeds every module's defaults when the installation is set up", async () => {
    const t = get();
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/setup",
      payload: {
        workspaceName: "Acme",
        name: "Ada Admin",
        email: "ada@acme.test",
        password: "a long new passphrase 7",
      },
    });
    expect(response.statusCode).toBe(201);
    expect(await defaultsOf(t, json(response).workspace.id)).toEqual(expectedDefaults);
  });

  it("createWorkspace gives a new workspace the default teams, working calendar and service levels", async () => {
    const t = get();
    const { workspace, teams } = await createWorkspace(t.database.db, unique("Workspace "), new Date());
    expect(teams.map((team) => team.kind)).toEqual(DEFAULT_TEAMS.map((team) => team.kind));
    expect(await defaultsOf(t, workspace.id)).toEqual(expectedDefaults);
  });
});
