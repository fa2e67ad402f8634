import type { Tx } from "../../db/client";
import { seedPipelineDefaults } from "../pipeline/pipeline.commands";
import { seedTeamDefaults } from "../teams/teams.commands";
import { insertWorkspaceRow } from "./workspaces.queries";

/**
 * Creates a workspace and asks each module to seed its defaults, all or nothing (a savepoint inside the caller's
 * transaction): the default teams first (other defaults may name them), then the Pipeline's working calendar and
 * service levels. A module with defaults of its own adds its `seed…Defaults` here, through its commands file.
 * Every workspace is made here: setup, `tandem create-admin --new-workspace`, the demo seed, the tests' factories.
 */
export async function createWorkspace(tx: Tx, name: string, now: Date) {
  return tx.transaction(async (inner) => {
    const workspace = await insertWorkspaceRow(inner, name, now);
    const teams = await seedTeamDefaults(inner, workspace.id, now);
    await seedPipelineDefaults(inner, workspace.id, now);
    return { workspace, teams };
  });
}
