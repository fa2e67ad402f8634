import { and, asc, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { IntegrationListQuery, ToolListQuery } from "#contracts/stack";
import type { Db, Tx } from "../../db/client";
import { type Keyset, keyset } from "../../db/keyset";
import { escapeLike } from "../../db/like";
import { prepareOnce } from "../../db/prepared";
import { integrations, stackTaxonomies, teams, tools, users } from "../../db/schema";
import { updateVersioned } from "../../db/versioned";
import { takePage } from "../../lib/cursor";

const businessOwner = alias(users, "business_owner");
const technicalOwner = alias(users, "technical_owner");
const businessTeam = alias(teams, "business_team");
const technicalTeam = alias(teams, "technical_team");

const toolWithOwners = {
  tool: tools,
  businessOwner: {
    id: businessOwner.id,
    name: businessOwner.name,
    status: businessOwner.status,
    teamKind: businessTeam.kind,
  },
  technicalOwner: {
    id: technicalOwner.id,
    name: technicalOwner.name,
    status: technicalOwner.status,
    teamKind: technicalTeam.kind,
  },
};

/** A tool row with its two owners (id, name, status, team kind), as the presenter takes it. */
export type ToolRow = NonNullable<Awaited<ReturnType<typeof findTool>>>;

function selectToolsWithOwners(db: Tx) {
  return db
    .select(toolWithOwners)
    .from(tools)
    .leftJoin(businessOwner, eq(businessOwner.id, tools.businessOwnerId))
    .leftJoin(businessTeam, eq(businessTeam.id, businessOwner.teamId))
    .leftJoin(technicalOwner, eq(technicalOwner.id, tools.technicalOwnerId))
    .leftJoin(technicalTeam, eq(technicalTeam.id, technicalOwner.teamId));
}

/** One tool of the workspace with its owners, or null. */
export async function findTool(tx: Tx, workspaceId: string, id: string) {
  const [row] = await selectToolsWithOwners(tx).where(and(eq(tools.workspaceId, workspaceId), eq(tools.id, id)));
  return row ?? null;
}

const toolSortable = { name: tools.name, updatedAt: tools.updatedAt };

/** One page of the catalog (filtered like `listTools`), in `sort` order after `cursor`. */
export async function pageTools(db: Db, workspaceId: string, query: ToolListQuery) {
  const page = keyset(toolSortable, tools.id, query.sort, query.cursor);
  const rows = await listTools(db, workspaceId, query, page);
  return takePage(rows, query.limit, (row) => page.cursorAfter(row.tool[page.field], row.tool.id));
}

/** Tools of the workspace with their owners, filtered and keyset-paged (prepared per shape). */
export function listTools(db: Db, workspaceId: string, filter: ToolListQuery, page: Keyset) {
  const shape = [
    page.shape,
    filter.q && "q",
    filter.category && "category",
    filter.status && "status",
    filter.lifecycle && "lifecycle",
    filter.archived,
    filter.needsOwner,
  ].join("|");
  const statement = prepareOnce(db, "list_tools", shape, (name) =>
    selectToolsWithOwners(db)
      .where(
        and(
          eq(tools.workspaceId, sql.placeholder("workspaceId")),
          filter.archived === "true" ? isNotNull(tools.archivedAt) : isNull(tools.archivedAt),
          filter.q
            ? or(
                sql`${tools.name} ilike ${sql.placeholder("q")}`,
                sql`${tools.vendor} ilike ${sql.placeholder("q")}`,
                sql`${sql.placeholder("capability")} = any(array(select lower(c) from unnest(${tools.capabilities}) as c))`,
              )
            : undefined,
          filter.category ? eq(tools.category, sql.placeholder("category")) : undefined,
          filter.status ? eq(tools.status, sql.placeholder("status")) : undefined,
          filter.lifecycle ? eq(tools.lifecycle, sql.placeholder("lifecycle")) : undefined,
          filter.needsOwner === "true"
            ? or(
                isNull(tools.businessOwnerId),
                isNull(tools.technicalOwnerId),
                eq(businessOwner.status, "deactivated"),
                eq(technicalOwner.status, "deactivated"),
              )
            : undefined,
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
    capability: filter.q?.toLowerCase(),
    category: filter.category,
    status: filter.status,
    lifecycle: filter.lifecycle,
    limit: filter.limit + 1,
    ...page.params,
  });
}

/** Every live (not archived) tool of the workspace with its owners: for overlaps, renewals, compliance. */
export function listLiveTools(db: Tx, workspaceId: string) {
  return selectToolsWithOwners(db)
    .where(and(eq(tools.workspaceId, workspaceId), isNull(tools.archivedAt)))
    .orderBy(asc(tools.name));
}

/** Who the given users are (status, team kind), for the ownership rules. */
export async function findOwnerFacts(tx: Tx, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, { status: "active" | "deactivated"; teamKind: string }>();
  const rows = await tx
    .select({ id: users.id, status: users.status, teamKind: teams.kind })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, ids)));
  return new Map(rows.map((row) => [row.id, { status: row.status, teamKind: row.teamKind }]));
}

/** Stores a new tool. */
export async function insertTool(tx: Tx, values: typeof tools.$inferInsert) {
  const [row] = await tx.insert(tools).values(values).returning({ id: tools.id });
  return row;
}

/** Updates a tool if its version still matches; false when it changed meanwhile. */
export async function updateTool(
  tx: Tx,
  workspaceId: string,
  id: string,
  version: number,
  changes: Partial<typeof tools.$inferInsert>,
) {
  return updateVersioned(tx, tools, { workspaceId, id, version }, changes);
}

const fromTool = alias(tools, "from_tool");
const toTool = alias(tools, "to_tool");
const integrationOwner = alias(users, "integration_owner");

function selectIntegrations(db: Tx) {
  return db
    .select({
      integration: integrations,
      from: { id: fromTool.id, name: fromTool.name },
      to: { id: toTool.id, name: toTool.name },
      owner: { id: integrationOwner.id, name: integrationOwner.name },
    })
    .from(integrations)
    .innerJoin(fromTool, eq(fromTool.id, integrations.fromToolId))
    .innerJoin(toTool, eq(toTool.id, integrations.toToolId))
    .leftJoin(integrationOwner, eq(integrationOwner.id, integrations.ownerId));
}

/** One integration of the workspace with its tools and owner, or null. */
export async function findIntegration(tx: Tx, workspaceId: string, id: string) {
  const [row] = await selectIntegrations(tx).where(
    and(eq(integrations.workspaceId, workspaceId), eq(integrations.id, id)),
  );
  return row ?? null;
}

/** One page of the workspace's integrations (or one tool's), in `sort` order after `cursor`. */
export async function pageIntegrations(db: Db, workspaceId: string, query: IntegrationListQuery) {
  const page = keyset({ createdAt: integrations.createdAt }, integrations.id, query.sort, query.cursor);
  const rows = await listIntegrations(db, workspaceId, query, page);
  return takePage(rows, query.limit, (row) => page.cursorAfter(row.integration.createdAt, row.integration.id));
}

/** Integrations of the workspace (optionally touching one tool), keyset-paged (prepared per shape). */
export function listIntegrations(
  db: Db,
  workspaceId: string,
  filter: { toolId?: string; limit: number },
  page: Keyset,
) {
  const statement = prepareOnce(db, "list_integrations", `${page.shape}|${filter.toolId ? "tool" : ""}`, (name) =>
    selectIntegrations(db)
      .where(
        and(
          eq(integrations.workspaceId, sql.placeholder("workspaceId")),
          filter.toolId
            ? or(
                eq(integrations.fromToolId, sql.placeholder("toolId")),
                eq(integrations.toToolId, sql.placeholder("toolId")),
              )
            : undefined,
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(sql.placeholder("limit"))
      .prepare(name),
  );
  return statement.execute({ workspaceId, toolId: filter.toolId, limit: filter.limit + 1, ...page.params });
}

/** Every integration between two live (not archived) tools of the workspace. */
export function listLiveIntegrations(db: Tx, workspaceId: string) {
  return selectIntegrations(db)
    .where(and(eq(integrations.workspaceId, workspaceId), isNull(fromTool.archivedAt), isNull(toTool.archivedAt)))
    .orderBy(asc(integrations.createdAt), asc(integrations.id));
}

/** Stores a new integration. */
export async function insertIntegration(tx: Tx, values: typeof integrations.$inferInsert) {
  const [row] = await tx.insert(integrations).values(values).returning({ id: integrations.id });
  return row;
}

/** Updates an integration if its version still matches. */
export async function updateIntegration(
  tx: Tx,
  workspaceId: string,
  id: string,
  version: number,
  changes: Partial<typeof integrations.$inferInsert>,
) {
  return updateVersioned(tx, integrations, { workspaceId, id, version }, changes);
}

/** Removes an integration (the audit log keeps what it was). */
export async function deleteIntegration(tx: Tx, workspaceId: string, id: string) {
  await tx.delete(integrations).where(and(eq(integrations.workspaceId, workspaceId), eq(integrations.id, id)));
}

/** What the graph needs of every live tool: the drawn fields and the compliance inputs (owners only as a flag). */
export function listGraphTools(db: Tx, workspaceId: string) {
  return db
    .select({
      id: tools.id,
      name: tools.name,
      category: tools.category,
      status: tools.status,
      lifecycle: tools.lifecycle,
      dataClasses: tools.dataClasses,
      dpaSigned: tools.dpaSigned,
      sso: tools.sso,
      securityReviewDate: tools.securityReviewDate,
      securityReviewExpiry: tools.securityReviewExpiry,
      certifications: tools.certifications,
      hasActiveOwner: sql<boolean>`coalesce(${businessOwner.status} = 'active' or ${technicalOwner.status} = 'active', false)`,
    })
    .from(tools)
    .leftJoin(businessOwner, eq(businessOwner.id, tools.businessOwnerId))
    .leftJoin(technicalOwner, eq(technicalOwner.id, tools.technicalOwnerId))
    .where(and(eq(tools.workspaceId, workspaceId), isNull(tools.archivedAt)))
    .orderBy(asc(tools.name));
}

/** Every integration between two live tools, as the graph draws it. */
export function listGraphIntegrations(db: Tx, workspaceId: string) {
  return db
    .select({
      id: integrations.id,
      fromId: integrations.fromToolId,
      toId: integrations.toToolId,
      direction: integrations.direction,
    })
    .from(integrations)
    .innerJoin(fromTool, eq(fromTool.id, integrations.fromToolId))
    .innerJoin(toTool, eq(toTool.id, integrations.toToolId))
    .where(and(eq(integrations.workspaceId, workspaceId), isNull(fromTool.archivedAt), isNull(toTool.archivedAt)))
    .orderBy(asc(integrations.createdAt), asc(integrations.id));
}

export async function findTaxonomy(db: Tx, workspaceId: string) {
  const [row] = await db.select().from(stackTaxonomies).where(eq(stackTaxonomies.workspaceId, workspaceId));
  return row ?? null;
}

/** Stores the workspace's taxonomy: inserted when `version` is 0, else only at that version; false when stale. */
export async function saveTaxonomy(
  db: Tx,
  workspaceId: string,
  version: number,
  subcategories: (typeof stackTaxonomies.$inferInsert)["subcategories"],
  now: Date,
) {
  if (version === 0) {
    const rows = await db
      .insert(stackTaxonomies)
      .values({ workspaceId, subcategories, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning({ id: stackTaxonomies.workspaceId });
    return rows.length > 0;
  }
  const rows = await db
    .update(stackTaxonomies)
    .set({ subcategories, updatedAt: now, version: version + 1 })
    .where(and(eq(stackTaxonomies.workspaceId, workspaceId), eq(stackTaxonomies.version, version)))
    .returning({ id: stackTaxonomies.workspaceId });
  return rows.length > 0;
}

/** Every tool of the workspace, archived ones too (their names are taken). */
export function listAllTools(db: Tx, workspaceId: string) {
  return db.select().from(tools).where(eq(tools.workspaceId, workspaceId));
}

/** Everyone of the workspace with email, status and team kind (the catalog file names owners by email). */
export function listPeopleOfWorkspace(db: Tx, workspaceId: string) {
  return db
    .select({ id: users.id, email: users.email, status: users.status, teamKind: teams.kind })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .where(eq(users.workspaceId, workspaceId));
}

/** The live tools whose cancel-by date (renewal date less the notice days) is on or after `from` and before `before`. */
export async function listRenewalsBetween(db: Db, workspaceId: string, from: string, before: string) {
  const cancelBy = sql`(${tools.renewalDate} - coalesce(${tools.noticeDays}, 0))`;
  return db
    .select({
      id: tools.id,
      name: tools.name,
      vendor: tools.vendor,
      renewalDate: tools.renewalDate,
      cancelBy: sql<string>`${cancelBy}::text`,
      autoRenew: tools.autoRenew,
      annualCost: tools.annualCost,
      currency: tools.currency,
      businessOwnerId: tools.businessOwnerId,
      technicalOwnerId: tools.technicalOwnerId,
    })
    .from(tools)
    .where(
      and(
        eq(tools.workspaceId, workspaceId),
        isNull(tools.archivedAt),
        isNotNull(tools.renewalDate),
        sql`${cancelBy} >= ${from}::date`,
        sql`${cancelBy} < ${before}::date`,
      ),
    )
    .orderBy(asc(cancelBy), asc(tools.name));
}
