// Job swaps and shadowing: a marketing person and an IT person for a period with goals; each writes a reflection
// once it ended. Policy first, one transaction, audit in it; the two people are told when they are paired.
import {
  type CreateJobSwapBody,
  JobSwapLimits,
  type JobSwapListQuery,
  type UpdateJobSwapBody,
  type WriteJobSwapReflectionBody,
} from "#contracts/job-swaps";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { AppError, assertFound, type FieldError } from "../../errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { notify } from "../notifications/notifications.commands";
import {
  countJobSwapsHeld,
  findJobSwap,
  findPeopleSides,
  insertJobSwap,
  type JobSwapRow,
  pageJobSwaps,
  updateJobSwapVersioned,
} from "./job-swaps.queries";
import { canReflect } from "./job-swaps.rules";
import { assertListFilters } from "./list-filters";

const PROGRAMME_PATH = "/rituals/job-swaps";

/** Today's date (UTC) of a request: a swap's phase and reflections are as of it. */
export const todayOf = (ctx: Ctx) => ctx.now.toISOString().slice(0, 10);

/** The programme: swaps past, current or planned (as of today), optionally one person's; a page of rows. */
export async function listWorkspaceJobSwaps(ctx: Ctx, query: JobSwapListQuery) {
  authorize(ctx.actor, "jobSwap.read");
  const personId = query.person === "me" ? ctx.actor.userId : (query.person ?? null);
  await assertListFilters(ctx, [{ path: "person", kind: "person", id: personId ?? undefined }]);
  return pageJobSwaps(ctx.database.db, ctx.actor.workspaceId, {
    phase: query.phase,
    personId,
    today: todayOf(ctx),
    limit: query.limit,
    cursor: query.cursor,
  });
}

async function loadSwap(tx: Tx, ctx: Ctx, id: string): Promise<JobSwapRow> {
  return assertFound(await findJobSwap(tx, ctx.actor.workspaceId, id), "Job swap");
}

/** One job swap. */
export async function getJobSwap(ctx: Ctx, id: string) {
  authorize(ctx.actor, "jobSwap.read");
  return loadSwap(ctx.database.db, ctx, id);
}

// The marketing person must be of a marketing team and the IT person of an IT team, both active, both of this
// workspace (another workspace's person is answered as unknown).
async function checkPair(tx: Tx, workspaceId: string, pair: { marketingPersonId: string; itPersonId: string }) {
  const found = new Map(
    (await findPeopleSides(tx, workspaceId, [pair.marketingPersonId, pair.itPersonId])).map((row) => [row.id, row]),
  );
  const errors: FieldError[] = [];
  const sides = [
    { path: "marketingPersonId", id: pair.marketingPersonId, kind: "marketing", noun: "a marketing team" },
    { path: "itPersonId", id: pair.itPersonId, kind: "it", noun: "an IT team" },
  ] as const;
  for (const side of sides) {
    const person = found.get(side.id);
    if (!person) errors.push({ path: side.path, message: "is not a person of this workspace" });
    else if (person.status !== "active") errors.push({ path: side.path, message: "is deactivated" });
    else if (person.teamKind !== side.kind)
      errors.push({ path: side.path, message: `must be a person of ${side.noun}` });
  }
  if (errors.length > 0)
    throw new AppError("validation_failed", "A job swap pairs a marketing and an IT person", errors);
}

function checkPeriod(period: { startDate: string; endDate: string }) {
  const days = (Date.parse(period.endDate) - Date.parse(period.startDate)) / 86_400_000;
  if (days < 0) {
    throw new AppError("validation_failed", "The period ends before it starts", [
      { path: "endDate", message: "must be on or after the start date" },
    ]);
  }
  if (days >= JobSwapLimits.maxDays) {
    throw new AppError("validation_failed", "The period is too long", [
      { path: "endDate", message: "a swap lasts at most a year" },
    ]);
  }
}

function describePair(row: JobSwapRow) {
  const { swap } = row;
  const what = swap.kind === "swap" ? "Job swap" : "Shadowing";
  return `${what}: ${row.marketingPerson.name} and ${row.itPerson.name}, ${swap.startDate} to ${swap.endDate}`;
}

/** Pairs a marketing person with an IT person for a period with goals; both are told. */
export async function createJobSwap(ctx: Ctx, input: CreateJobSwapBody) {
  authorize(ctx.actor, "jobSwap.write");
  checkPeriod(input);
  return ctx.database.db.transaction(async (tx) => {
    await checkPair(tx, ctx.actor.workspaceId, input);
    const id = await insertJobSwap(tx, {
      workspaceId: ctx.actor.workspaceId,
      kind: input.kind,
      marketingPersonId: input.marketingPersonId,
      itPersonId: input.itPersonId,
      startDate: input.startDate,
      endDate: input.endDate,
      goals: input.goals,
      createdById: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    const created = await loadSwap(tx, ctx, id);
    await recordAudit(tx, originOf(ctx), {
      action: "job_swap.created",
      entityType: "job_swap",
      entityId: id,
      after: input,
    });
    await notify(
      tx,
      { workspaceId: ctx.actor.workspaceId, actorId: ctx.actor.userId, now: ctx.now },
      [input.marketingPersonId, input.itPersonId],
      {
        kind: "rituals.job_swap",
        title: describePair(created),
        body: `Goals: ${input.goals}\n\nEach of you writes a short reflection when it ends.`,
        link: PROGRAMME_PATH,
      },
    );
    return created;
  });
}

/** Edits a swap's kind, period or goals, refusing a stale version. */
export async function editJobSwap(ctx: Ctx, id: string, input: UpdateJobSwapBody) {
  authorize(ctx.actor, "jobSwap.write");
  return ctx.database.db.transaction(async (tx) => {
    const before = await loadSwap(tx, ctx, id);
    const { version, ...changes } = input;
    checkPeriod({
      startDate: changes.startDate ?? before.swap.startDate,
      endDate: changes.endDate ?? before.swap.endDate,
    });
    const updated = await updateJobSwapVersioned(
      tx,
      { workspaceId: ctx.actor.workspaceId, id, version },
      { ...changes, updatedAt: ctx.now },
    );
    if (!updated) throw new AppError("conflict", "Someone changed this job swap meanwhile: reload it and try again");
    await recordAudit(tx, originOf(ctx), {
      action: "job_swap.updated",
      entityType: "job_swap",
      entityId: id,
      before: {
        kind: before.swap.kind,
        startDate: before.swap.startDate,
        endDate: before.swap.endDate,
        goals: before.swap.goals,
      },
      after: changes,
    });
    return loadSwap(tx, ctx, id);
  });
}

/** The signed-in person writes (or rewrites) their own reflection, once the period ended. */
export async function writeJobSwapReflection(ctx: Ctx, id: string, input: WriteJobSwapReflectionBody) {
  authorize(ctx.actor, "jobSwap.reflect");
  const today = todayOf(ctx);
  return ctx.database.db.transaction(async (tx) => {
    const before = await loadSwap(tx, ctx, id);
    const side =
      before.swap.marketingPersonId === ctx.actor.userId
        ? "marketing"
        : before.swap.itPersonId === ctx.actor.userId
          ? "it"
          : null;
    if (side === null) throw new AppError("forbidden", "Only the two people of a job swap write its reflections");
    if (!canReflect(before.swap, today)) {
      throw new AppError(
        "invalid_state",
        `Reflections are written once the period ended (from ${before.swap.endDate})`,
      );
    }
    const changes =
      side === "marketing"
        ? { marketingReflection: input.text, marketingReflectedAt: ctx.now }
        : { itReflection: input.text, itReflectedAt: ctx.now };
    const updated = await updateJobSwapVersioned(
      tx,
      { workspaceId: ctx.actor.workspaceId, id, version: before.swap.version },
      { ...changes, updatedAt: ctx.now },
    );
    if (!updated) throw new AppError("conflict", "Someone changed this job swap meanwhile: try again");
    await recordAudit(tx, originOf(ctx), {
      action: "job_swap.reflected",
      entityType: "job_swap",
      entityId: id,
      after: { side },
    });
    const partner = side === "marketing" ? before.swap.itPersonId : before.swap.marketingPersonId;
    await notify(tx, { workspaceId: ctx.actor.workspaceId, actorId: ctx.actor.userId, now: ctx.now }, [partner], {
      kind: "rituals.job_swap_reflection",
      title: `${ctx.actor.name} wrote a reflection on your ${before.swap.kind === "swap" ? "job swap" : "shadowing"}`,
      body: input.text,
      link: PROGRAMME_PATH,
    });
    return loadSwap(tx, ctx, id);
  });
}

/** The job swaps held in a window (Health's "job swaps held"): overlapping it and started by its end or today. */
export async function readJobSwapsHeld(ctx: Ctx, window: { from: string; to: string }) {
  authorize(ctx.actor, "jobSwap.read");
  const today = todayOf(ctx);
  const [startedBy] = [window.to, today].sort();
  const figures = await countJobSwapsHeld(ctx.database.db, ctx.actor.workspaceId, window.from, window.to, startedBy);
  return { from: window.from, to: window.to, ...figures };
}
