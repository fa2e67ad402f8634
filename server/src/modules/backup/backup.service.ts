import type { Ctx } from "../../context";
import { dumpPgliteArchive } from "../../db/backup";
import { AppError } from "../../errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { countInstallationWorkspaces } from "./backup.queries";

/**
 * A backup of the running embedded database (admins), audited before it is taken so that it holds its own
 * record. A backup holds every workspace of the installation, so a workspace's admin may take one only when
 * theirs is the only workspace; on PostgreSQL backups are pg_dump's job.
 */
export async function createOnlineBackup(ctx: Ctx): Promise<Buffer> {
  authorize(ctx.actor, "backup.create");
  if (ctx.database.kind !== "pglite") {
    throw new AppError(
      "invalid_state",
      "On PostgreSQL, backups are pg_dump's job: run `tandem backup` with DATABASE_URL set (it runs " +
        "pg_dump --format=custom, also while Tandem serves), or use your provider's backups.",
    );
  }
  const workspaces = await countInstallationWorkspaces(ctx.database.db);
  if (workspaces > 1) {
    throw new AppError(
      "invalid_state",
      `This installation holds ${workspaces} workspaces and a backup holds them all: its operator takes ` +
        "one on the server (`tandem backup` while Tandem is stopped).",
    );
  }
  await ctx.database.db.transaction((tx) =>
    recordAudit(tx, originOf(ctx), {
      action: "backup.created",
      entityType: "installation",
      after: { database: ctx.database.kind, via: ctx.actor.via },
    }),
  );
  return dumpPgliteArchive(ctx.database);
}
