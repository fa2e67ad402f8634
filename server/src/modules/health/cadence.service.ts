// Health's pulse cadence: the admins' settings and the hourly job that launches each launch day's pulse once.
// The launch days and the coverage of the bank are `engines/alignment` (`cadence.ts`); the job's once-only rule
// is the unique key on (workspace, scheduled_on): two processes, or a retried job, insert one pulse between them.

import type { PulseCadence, UpdatePulseCadenceBody } from "#contracts/health";
import { CadenceLimits, HealthLimits } from "#contracts/health";
import { addDays, bankCoverage, latestOccurrence, nextOccurrence, pickPulseItems } from "#engines/alignment";
import type { Ctx } from "../../context";
import type { Database, Tx } from "../../db/client";
import { staleEdit } from "../../errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import {
  type CadenceRow,
  findCadence,
  findScheduledSurvey,
  hasOpenScheduledSurvey,
  insertCadence,
  insertScheduledSurvey,
  listActiveCadences,
  lockCadence,
  updateCadence,
} from "./cadence.queries";
import { askedHistory, countInvited, setSurveyItems } from "./health.queries";
import { ensureBank, type ItemRow, listItems, markItemsLive } from "./items.queries";

const DEFAULTS = {
  cadence: "off" as const,
  startsOn: null,
  k: HealthLimits.kDefault,
  itemsPerPulse: CadenceLimits.itemsPerPulseDefault,
  lengthDays: CadenceLimits.lengthDaysDefault,
  version: 1,
  updatedAt: null,
};

type Settings = Pick<CadenceRow, "cadence" | "startsOn" | "k" | "itemsPerPulse" | "lengthDays">;

const bankItems = (bank: readonly ItemRow[]) =>
  bank.map((item) => ({
    id: item.id,
    criterion: item.criterion,
    position: item.position,
    active: item.status === "active",
  }));

/**
 * The launch day the job launches next: today's (or the latest past) launch day while its pulse is not launched
 * and would still be open, else the first launch day after today.
 */
async function nextPulseOn(tx: Tx, workspaceId: string, settings: Settings, today: string) {
  const due = dueLaunchDay(settings, today);
  if (due && !(await findScheduledSurvey(tx, workspaceId, due))) return due;
  return nextOccurrence(settings, today);
}

/** The launch day whose pulse should be open today, or null. */
function dueLaunchDay(settings: Settings, today: string): string | null {
  const latest = latestOccurrence(settings, today);
  // A launch day whose pulse would already have closed (the server was down all that time) is let go.
  if (!latest || addDays(latest, settings.lengthDays - 1) < today) return null;
  return latest;
}

async function present(tx: Tx, ctx: Ctx, row: CadenceRow | null): Promise<PulseCadence> {
  const settings = row ?? DEFAULTS;
  await ensureBank(tx, ctx.actor.workspaceId, ctx.now);
  const bank = bankItems(await listItems(tx, ctx.actor.workspaceId));
  const today = ctx.now.toISOString().slice(0, 10);
  return {
    cadence: settings.cadence,
    startsOn: settings.startsOn,
    k: settings.k,
    itemsPerPulse: settings.itemsPerPulse,
    lengthDays: settings.lengthDays,
    nextPulseOn: await nextPulseOn(tx, ctx.actor.workspaceId, settings, today),
    coverage: bankCoverage(bank, settings.itemsPerPulse, settings.cadence),
    version: row?.version ?? DEFAULTS.version,
    updatedAt: row ? row.updatedAt.toISOString() : null,
  };
}

/** `GET /api/v1/pulse-cadence`: the settings (off until an admin sets them), the next launch day, the coverage. */
export async function readCadence(ctx: Ctx): Promise<PulseCadence> {
  authorize(ctx.actor, "health.read");
  return present(ctx.database.db, ctx, await findCadence(ctx.database.db, ctx.actor.workspaceId));
}

/** `PUT /api/v1/pulse-cadence` (admins): saves the settings at the version read (409 when changed meanwhile). */
export async function saveCadence(ctx: Ctx, input: UpdatePulseCadenceBody): Promise<PulseCadence> {
  authorize(ctx.actor, "health.manage");
  const { version, ...settings } = input;
  return ctx.database.db.transaction(async (tx) => {
    const current = await lockCadence(tx, ctx.actor.workspaceId);
    const conflict = () => staleEdit("pulse cadence", "the");
    let saved: CadenceRow | null;
    if (!current) {
      if (version !== DEFAULTS.version) throw conflict();
      saved = await insertCadence(tx, {
        workspaceId: ctx.actor.workspaceId,
        ...settings,
        // The settings never saved read as version 1: the first save is version 2, like any other edit.
        version: DEFAULTS.version + 1,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
    } else {
      if (current.version !== version) throw conflict();
      saved = await updateCadence(tx, ctx.actor.workspaceId, version, { ...settings, updatedAt: ctx.now });
    }
    if (!saved) throw conflict();
    await recordAudit(tx, originOf(ctx), {
      action: "pulse_cadence.updated",
      entityType: "pulse_cadence",
      entityId: ctx.actor.workspaceId,
      before: current
        ? {
            cadence: current.cadence,
            startsOn: current.startsOn,
            k: current.k,
            itemsPerPulse: current.itemsPerPulse,
            lengthDays: current.lengthDays,
          }
        : null,
      after: settings,
    });
    return present(tx, ctx, saved);
  });
}

/**
 * The hourly job: for every workspace whose cadence is on, launches the pulse of the launch day due today, once.
 * Nothing is launched while a pulse the cadence launched is still open, nor for a launch day whose pulse would
 * already have closed. Audited as Tandem's.
 */
export async function launchScheduledPulses(database: Database, now: Date) {
  const today = now.toISOString().slice(0, 10);
  let launched = 0;
  let failed = 0;
  for (const cadence of await listActiveCadences(database.db)) {
    const due = dueLaunchDay(cadence, today);
    if (!due) continue;
    const made = await launchFor(database, cadence, due, today, now).catch(() => {
      // One workspace's failure (rolled back whole) leaves the others' launches alone; the next hour tries again.
      failed++;
      return false;
    });
    if (made) launched++;
  }
  return { launched, failed };
}

/** Launches one workspace's pulse of `due` in one transaction; false when it was there already or must wait. */
async function launchFor(database: Database, cadence: CadenceRow, due: string, today: string, now: Date) {
  const workspaceId = cadence.workspaceId;
  return database.db.transaction(async (tx) => {
    if (await findScheduledSurvey(tx, workspaceId, due)) return false;
    if (await hasOpenScheduledSurvey(tx, workspaceId)) return false;
    const invited = await countInvited(tx, workspaceId);
    // The insert comes first: a second process blocks on the unique key until this one commits, then inserts
    // nothing, and neither chooses items twice nor audits twice.
    const row = await insertScheduledSurvey(tx, {
      workspaceId,
      title: `Partnership pulse ${due}`,
      status: "open",
      k: cadence.k,
      itemsPerPulse: cadence.itemsPerPulse,
      closesOn: addDays(due, cadence.lengthDays - 1),
      launchedOn: today,
      scheduledOn: due,
      invitedMarketing: invited.marketing,
      invitedIt: invited.it,
      createdAt: now,
      updatedAt: now,
    });
    if (!row) return false;
    await ensureBank(tx, workspaceId, now);
    const bank = bankItems(await listItems(tx, workspaceId));
    const history = (await askedHistory(tx, workspaceId)).filter((ids) => ids.length > 0);
    const itemIds = pickPulseItems(bank, history, cadence.itemsPerPulse);
    await setSurveyItems(tx, row.id, itemIds);
    await markItemsLive(tx, workspaceId, itemIds);
    await recordAudit(
      tx,
      { workspaceId, actorId: null, actorLabel: "Tandem (the pulse cadence)", ip: null, at: now },
      {
        action: "survey.launched",
        entityType: "survey",
        entityId: row.id,
        after: { scheduledOn: due, k: cadence.k, closesOn: row.closesOn, itemIds, invited },
      },
    );
    return true;
  });
}
