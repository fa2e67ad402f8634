// Terms: read, list and search, create and edit (revisions), checked against the workspace and the other terms.
import { Id } from "#contracts/common";
import type { CreateTermBody, TermFields, TermListQuery } from "#contracts/glossary";
import type { Ctx } from "../../context";
import type { Db, Tx } from "../../db/client";
import { findReferenceErrors } from "../../db/references";
import { AppError, assertFound, type FieldError } from "../../errors";
import { decodeCursor, encodeCursor, invalidCursor } from "../../lib/cursor";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { readClashState } from "./clashes.service";
import {
  bumpGlossaryVersion,
  findLinkNames,
  findPeople,
  findRevisions,
  findTerm,
  insertRevision,
  insertTerm,
  listActiveTerms,
  listApprovals,
  listTermPage,
  type RevisionRow,
  setTerm,
  type TermRow,
} from "./glossary.queries";
import { formProblems, searchTextOf } from "./glossary.rules";
import type { PersonRow, TermPage, TermView } from "./glossary.views";

/** A term of the workspace (404 for another workspace's). */
export async function getTermRow(db: Db, workspaceId: string, id: string, lock = false): Promise<TermRow> {
  return assertFound(await findTerm(db, workspaceId, id, lock), "Term");
}

/** One term with its shown and pending revisions, approvals and links, read from `db`. */
export async function readTerm(db: Db, workspaceId: string, id: string): Promise<TermView> {
  const term = await getTermRow(db, workspaceId, id);
  const revisionIds = [term.approvedRevisionId, term.pendingRevisionId].filter((rid): rid is string => rid !== null);
  const revisions = await findRevisions(db, revisionIds);
  const approvals = await listApprovals(db, revisionIds);
  const personIds = revisions.flatMap((r) => [r.ownerId, r.createdById]).filter((pid): pid is string => pid !== null);
  const [people, names, everyTerm, clashes] = await Promise.all([
    findPeople(db, workspaceId, [...new Set(personIds)]),
    findLinkNames(db, workspaceId, {
      kpis: [...new Set(revisions.flatMap((r) => r.kpiIds))],
      tools: [...new Set(revisions.flatMap((r) => r.toolIds))],
    }),
    listActiveTerms(db, workspaceId, true),
    readClashState(db, workspaceId),
  ]);
  const links = {
    people: new Map<string, PersonRow>(people.map((p) => [p.id, p])),
    terms: new Map(everyTerm.map((t) => [t.id, { name: t.name, context: t.context }])),
    kpis: new Map(names.kpis.map((k) => [k.id, k.name])),
    tools: new Map(names.tools.map((t) => [t.id, t.name])),
  };
  const byId = new Map(revisions.map((r) => [r.id, r]));
  const shownRow = byId.get(term.approvedRevisionId ?? term.pendingRevisionId ?? "");
  if (!shownRow) throw new Error(`glossary term ${term.id} has no revision`);
  const pendingRow = term.pendingRevisionId ? byId.get(term.pendingRevisionId) : undefined;
  return {
    term,
    shown: shownRow,
    pending: pendingRow ?? null,
    approvals,
    links,
    clashing: clashes.openTermIds.has(term.id),
  };
}

/** One term. */
export async function getTerm(ctx: Ctx, id: string): Promise<TermView> {
  authorize(ctx.actor, "glossary.read");
  return readTerm(ctx.database.db, ctx.actor.workspaceId, id);
}

/** Lists terms: searched by full-text rank when `q` is given, else by name; filtered by status, clash, team kind. */
export async function listTerms(ctx: Ctx, query: TermListQuery): Promise<TermPage> {
  authorize(ctx.actor, "glossary.read");
  const db = ctx.database.db;
  const workspaceId = ctx.actor.workspaceId;
  const searching = query.q !== undefined && /[\p{L}\p{N}]/u.test(query.q);
  const position = decodeCursor(query.cursor, searching ? 1 : 2);
  let after: { name: string; id: string } | null = null;
  let offset = 0;
  if (position) {
    if (searching) {
      if (typeof position[0] !== "number" || !Number.isInteger(position[0]) || position[0] < 0) throw invalidCursor();
      offset = position[0];
    } else {
      if (typeof position[0] !== "string" || !Id.safeParse(position[1]).success) throw invalidCursor();
      after = { name: position[0], id: String(position[1]) };
    }
  }
  const clashes = await readClashState(db, workspaceId);
  const open = [...clashes.openTermIds];
  const rows = await listTermPage(
    db,
    workspaceId,
    {
      q: query.q,
      status: query.status,
      teamKind: query.teamKind,
      onlyIds: query.clashing === "true" ? open : undefined,
      exceptIds: query.clashing === "false" ? open : undefined,
    },
    query.limit + 1,
    after,
    offset,
  );
  const page = rows.slice(0, query.limit);
  const ownerIds = [...new Set(page.flatMap(({ revision }) => (revision.ownerId ? [revision.ownerId] : [])))];
  const owners = new Map((await findPeople(db, workspaceId, ownerIds)).map((p) => [p.id, p]));
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({
      ...row,
      owner: row.revision.ownerId ? owners.get(row.revision.ownerId) : undefined,
      clashing: clashes.openTermIds.has(row.term.id),
    })),
    nextCursor:
      rows.length > query.limit
        ? encodeCursor(searching ? [offset + query.limit] : [last.term.name, last.term.id])
        : null,
  };
}

/** Checks a term's content against the workspace (people, KPIs, tools, related terms) and the other terms' forms. */
export async function checkTermFields(tx: Tx, ctx: Ctx, termId: string | null, input: TermFields): Promise<void> {
  const workspaceId = ctx.actor.workspaceId;
  const errors: FieldError[] = await findReferenceErrors(tx, workspaceId, [
    { path: "ownerId", kind: "person", id: input.ownerId },
    ...input.toolIds.map((id, index) => ({ path: `toolIds.${index}`, kind: "tool" as const, id })),
  ]);
  const names = await findLinkNames(tx, workspaceId, { kpis: input.kpiIds, tools: [] });
  const kpiIds = new Set(names.kpis.map((kpi) => kpi.id));
  input.kpiIds.forEach((id, index) => {
    if (!kpiIds.has(id)) errors.push({ path: `kpiIds.${index}`, message: "is not a KPI of this workspace" });
  });
  const everyTerm = await listActiveTerms(tx, workspaceId, true);
  const termIds = new Set(everyTerm.map((term) => term.id));
  input.relatedTermIds.forEach((id, index) => {
    if (id === termId) errors.push({ path: `relatedTermIds.${index}`, message: "is this term itself" });
    else if (!termIds.has(id))
      errors.push({ path: `relatedTermIds.${index}`, message: "is not a term of this workspace" });
  });
  const active = everyTerm.filter((term) => term.status !== "retired");
  errors.push(...formProblems({ id: termId, ...input }, active));
  if (errors.length > 0) throw new AppError("validation_failed", "The term cannot be saved so", errors);
}

/** The revision columns of a term's content. */
export function revisionContent(input: TermFields) {
  return {
    name: input.name,
    acronym: input.acronym,
    context: input.context,
    canonicalDefinition: input.canonicalDefinition,
    definitions: input.definitions,
    examples: input.examples,
    synonyms: input.synonyms,
    relatedTermIds: [...new Set(input.relatedTermIds)],
    kpiIds: [...new Set(input.kpiIds)],
    toolIds: [...new Set(input.toolIds)],
    ownerId: input.ownerId,
  };
}

/** The term's repeated fields from its shown revision. */
export function shownFields(
  revision: Pick<RevisionRow, "name" | "acronym" | "context" | "synonyms" | "canonicalDefinition" | "definitions">,
) {
  return {
    name: revision.name,
    acronym: revision.acronym,
    context: revision.context,
    searchText: searchTextOf(revision),
  };
}

/** Creates a term in a transaction already open (the import and the starter use it); returns its id. */
export async function insertNewTerm(
  tx: Tx,
  ctx: Ctx,
  input: TermFields,
  status: "draft" | "proposed",
  id?: string,
): Promise<string> {
  const content = revisionContent(input);
  const termId = await insertTerm(tx, {
    ...(id ? { id } : {}),
    workspaceId: ctx.actor.workspaceId,
    status,
    ...shownFields(content),
    createdById: ctx.actor.userId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  const revision = await insertRevision(tx, {
    workspaceId: ctx.actor.workspaceId,
    termId,
    number: 1,
    status,
    ...content,
    createdById: ctx.actor.userId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  await setTerm(tx, termId, { pendingRevisionId: revision.id });
  await recordAudit(tx, originOf(ctx), {
    action: "glossary.term_created",
    entityType: "glossary_term",
    entityId: termId,
    after: { status, ...content },
  });
  return termId;
}

/** Creates a term (draft, or proposed straight away) with its first revision. */
export async function createTerm(ctx: Ctx, input: CreateTermBody): Promise<TermView> {
  authorize(ctx.actor, "glossary.write");
  const id = await ctx.database.db.transaction(async (tx) => {
    await bumpGlossaryVersion(tx, ctx.actor.workspaceId, ctx.now);
    await checkTermFields(tx, ctx, null, input);
    const { status, ...fields } = input;
    return insertNewTerm(tx, ctx, fields, status);
  });
  return readTerm(ctx.database.db, ctx.actor.workspaceId, id);
}
