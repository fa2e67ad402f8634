import { and, asc, desc, eq, isNotNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { ExperimentListQuery, LearningListQuery } from "#contracts/experiments";
import type { Db, Tx } from "../../db/client";
import { type Keyset, keyset } from "../../db/keyset";
import { escapeLike } from "../../db/like";
import { prepareOnce } from "../../db/prepared";
import { experimentSnapshots, experiments, users } from "../../db/schema";
import { updateVersioned } from "../../db/versioned";
import { takePage } from "../../lib/cursor";

const owner = alias(users, "experiment_owner");
const itPartner = alias(users, "experiment_it_partner");
const decidedBy = alias(users, "experiment_decided_by");
const parent = alias(experiments, "experiment_parent");

const experimentWithPeople = {
  experiment: experiments,
  owner: { id: owner.id, name: owner.name },
  itPartner: { id: itPartner.id, name: itPartner.name },
  decidedBy: { id: decidedBy.id, name: decidedBy.name },
  parent: { id: parent.id, name: parent.name, outcome: parent.outcome },
};

/** An experiment row with its people and parent, as the presenter takes it. */
export type ExperimentRow = NonNullable<Awaited<ReturnType<typeof findExperiment>>>;

function selectExperiments(db: Tx) {
  return db
    .select(experimentWithPeople)
    .from(experiments)
    .leftJoin(owner, eq(owner.id, experiments.ownerId))
    .leftJoin(itPartner, eq(itPartner.id, experiments.itPartnerId))
    .leftJoin(decidedBy, eq(decidedBy.id, experiments.decidedById))
    .leftJoin(parent, eq(parent.id, experiments.parentId));
}

/** One experiment of the workspace, or null. */
export async function findExperiment(tx: Tx, workspaceId: string, id: string) {
  const [row] = await selectExperiments(tx).where(
    and(eq(experiments.workspaceId, workspaceId), eq(experiments.id, id)),
  );
  return row ?? null;
}

// Search over what people remember of an experiment: its name, hypothesis, KPI, channel and learnings.
const searchable = () =>
  or(
    sql`${experiments.name} ilike ${sql.placeholder("q")}`,
    sql`${experiments.kpi} ilike ${sql.placeholder("q")}`,
    sql`${experiments.channel} ilike ${sql.placeholder("q")}`,
    sql`${experiments.hypothesisChange} ilike ${sql.placeholder("q")}`,
    sql`${experiments.hypothesisOutcome} ilike ${sql.placeholder("q")}`,
    sql`${experiments.learnings} ilike ${sql.placeholder("q")}`,
    sql`${experiments.decisionReason} ilike ${sql.placeholder("q")}`,
  );

/** Experiments of the workspace, filtered, searched and keyset-paged (prepared per shape). */
const experimentSortable = {
  updatedAt: experiments.updatedAt,
  createdAt: experiments.createdAt,
  name: experiments.name,
};

/** One page of the workspace's experiments (filtered like `listExperiments`), in `sort` order after `cursor`. */
export async function pageExperiments(db: Db, workspaceId: string, query: ExperimentListQuery) {
  const page = keyset(experimentSortable, experiments.id, query.sort, query.cursor);
  const rows = await listExperiments(db, workspaceId, query, page);
  return takePage(rows, query.limit, (row) => page.cursorAfter(row.experiment[page.field], row.experiment.id));
}

/** One page of the learning library, newest decision first, after `cursor`. */
export async function pageLearnings(db: Db, workspaceId: string, query: LearningListQuery) {
  const page = keyset({ decidedAt: experiments.decidedAt }, experiments.id, "-decidedAt", query.cursor);
  const rows = await listLearnings(db, workspaceId, query, page);
  return takePage(rows, query.limit, (row) => page.cursorAfter(row.experiment.decidedAt, row.experiment.id));
}

export function listExperiments(db: Db, workspaceId: string, filter: ExperimentListQuery, page: Keyset) {
  const shape = [
    page.shape,
    filter.q && "q",
    filter.status && "status",
    filter.outcome && "outcome",
    filter.ownerId && "owner",
    filter.kpi && "kpi",
    filter.channel && "channel",
  ].join("|");
  const statement = prepareOnce(db, "list_experiments", shape, (name) =>
    selectExperiments(db)
      .where(
        and(
          eq(experiments.workspaceId, sql.placeholder("workspaceId")),
          filter.q ? searchable() : undefined,
          filter.status ? eq(experiments.status, sql.placeholder("status")) : undefined,
          filter.outcome ? eq(experiments.outcome, sql.placeholder("outcome")) : undefined,
          filter.ownerId ? eq(experiments.ownerId, sql.placeholder("ownerId")) : undefined,
          filter.kpi ? sql`${experiments.kpi} ilike ${sql.placeholder("kpi")}` : undefined,
          filter.channel ? sql`${experiments.channel} ilike ${sql.placeholder("channel")}` : undefined,
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(sql.placeholder("limit"))
      .prepare(name),
  );
  return statement.execute({
    workspaceId,
    q: filter.q ? `%${escapeLike(filter.q)}%` : undefined,
    status: filter.status,
    outcome: filter.outcome,
    ownerId: filter.ownerId,
    kpi: filter.kpi ? `%${escapeLike(filter.kpi)}%` : undefined,
    channel: filter.channel ? `%${escapeLike(filter.channel)}%` : undefined,
    limit: filter.limit + 1,
    ...page.params,
  });
}

/** Decided experiments, newest decision first (keyset on decided_at, id), searched and filtered. */
export function listLearnings(db: Db, workspaceId: string, filter: LearningListQuery, page: Keyset) {
  const shape = [
    page.shape,
    filter.q && "q",
    filter.outcome && "outcome",
    filter.kpi && "kpi",
    filter.channel && "channel",
  ].join("|");
  const statement = prepareOnce(db, "list_learnings", shape, (name) =>
    selectExperiments(db)
      .where(
        and(
          eq(experiments.workspaceId, sql.placeholder("workspaceId")),
          eq(experiments.status, "decided"),
          isNotNull(experiments.decidedAt),
          filter.q ? searchable() : undefined,
          filter.outcome ? eq(experiments.outcome, sql.placeholder("outcome")) : undefined,
          filter.kpi ? sql`${experiments.kpi} ilike ${sql.placeholder("kpi")}` : undefined,
          filter.channel ? sql`${experiments.channel} ilike ${sql.placeholder("channel")}` : undefined,
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(sql.placeholder("limit"))
      .prepare(name),
  );
  return statement.execute({
    workspaceId,
    q: filter.q ? `%${escapeLike(filter.q)}%` : undefined,
    outcome: filter.outcome,
    kpi: filter.kpi ? `%${escapeLike(filter.kpi)}%` : undefined,
    channel: filter.channel ? `%${escapeLike(filter.channel)}%` : undefined,
    limit: filter.limit + 1,
    ...page.params,
  });
}

/** The follow-ups of an experiment (experiments whose parent it is). */
export function listFollowUps(tx: Tx, workspaceId: string, parentId: string) {
  return tx
    .select({ id: experiments.id, name: experiments.name, status: experiments.status })
    .from(experiments)
    .where(and(eq(experiments.workspaceId, workspaceId), eq(experiments.parentId, parentId)))
    .orderBy(asc(experiments.createdAt), asc(experiments.id));
}

/** Stores a new experiment. */
export async function insertExperiment(tx: Tx, values: typeof experiments.$inferInsert) {
  const [row] = await tx.insert(experiments).values(values).returning({ id: experiments.id });
  return row;
}

/** Updates an experiment if its version still matches; false when it changed meanwhile. */
export async function updateExperiment(
  tx: Tx,
  workspaceId: string,
  id: string,
  version: number,
  changes: Partial<typeof experiments.$inferInsert>,
) {
  return updateVersioned(tx, experiments, { workspaceId, id, version }, changes);
}

/**
 * Bumps an experiment's version and snapshot count and sets its headline, whatever version it is at
 * (a snapshot does not edit the design, so it cannot be stale); returns the new count, or null if absent.
 */
export async function recordSnapshotOn(
  tx: Tx,
  workspaceId: string,
  id: string,
  changes: Pick<typeof experiments.$inferInsert, "headline" | "updatedAt">,
) {
  const [row] = await tx
    .update(experiments)
    .set({
      ...changes,
      snapshotCount: sql`${experiments.snapshotCount} + 1`,
      version: sql`${experiments.version} + 1`,
    })
    .where(and(eq(experiments.workspaceId, workspaceId), eq(experiments.id, id)))
    .returning({ snapshotCount: experiments.snapshotCount });
  return row ?? null;
}

/** Locks an experiment's row for the rest of the transaction (snapshots are counted in order). */
export async function lockExperiment(tx: Tx, workspaceId: string, id: string) {
  const [row] = await tx
    .select({ status: experiments.status, snapshotCount: experiments.snapshotCount })
    .from(experiments)
    .where(and(eq(experiments.workspaceId, workspaceId), eq(experiments.id, id)))
    .for("no key update");
  return row ?? null;
}

const enteredBy = alias(users, "snapshot_entered_by");

function selectSnapshots(tx: Tx) {
  return tx
    .select({ snapshot: experimentSnapshots, enteredBy: { id: enteredBy.id, name: enteredBy.name } })
    .from(experimentSnapshots)
    .leftJoin(enteredBy, eq(enteredBy.id, experimentSnapshots.enteredById));
}

/** The latest snapshot of an experiment, or null. */
export async function findLatestSnapshot(tx: Tx, workspaceId: string, experimentId: string) {
  const [row] = await selectSnapshots(tx)
    .where(and(eq(experimentSnapshots.workspaceId, workspaceId), eq(experimentSnapshots.experimentId, experimentId)))
    .orderBy(desc(experimentSnapshots.seq))
    .limit(1);
  return row ?? null;
}

/** Every snapshot of an experiment, newest first. */
export function listSnapshots(tx: Tx, workspaceId: string, experimentId: string) {
  return selectSnapshots(tx)
    .where(and(eq(experimentSnapshots.workspaceId, workspaceId), eq(experimentSnapshots.experimentId, experimentId)))
    .orderBy(desc(experimentSnapshots.seq));
}

/** A snapshot row with who entered it. */
export type SnapshotRow = NonNullable<Awaited<ReturnType<typeof findLatestSnapshot>>>;

/** Stores a result snapshot. */
export async function insertSnapshot(tx: Tx, values: typeof experimentSnapshots.$inferInsert) {
  const [row] = await tx.insert(experimentSnapshots).values(values).returning({ id: experimentSnapshots.id });
  return row;
}
