import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { discoveryDismissals, expenseImports, expenseLines, tools, users } from "../../db/schema";

/** The live catalog as the matcher takes it. */
export function listCatalogForMatching(db: Tx, workspaceId: string) {
  return db
    .select({ id: tools.id, name: tools.name, vendor: tools.vendor })
    .from(tools)
    .where(and(eq(tools.workspaceId, workspaceId), isNull(tools.archivedAt)));
}

export async function insertExpenseImport(tx: Tx, values: typeof expenseImports.$inferInsert) {
  const [row] = await tx.insert(expenseImports).values(values).returning({ id: expenseImports.id });
  return row;
}

/** Stores a statement's lines, in batches under the bind-parameter limit. */
export async function insertExpenseLines(tx: Tx, rows: (typeof expenseLines.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 2000) await tx.insert(expenseLines).values(rows.slice(i, i + 2000));
}

/** The latest hundred statements with who imported them. */
export function listExpenseImportRows(db: Tx, workspaceId: string) {
  return db
    .select({ item: expenseImports, by: { id: users.id, name: users.name } })
    .from(expenseImports)
    .innerJoin(users, eq(users.id, expenseImports.importedById))
    .where(eq(expenseImports.workspaceId, workspaceId))
    .orderBy(desc(expenseImports.createdAt))
    .limit(100);
}

/** Unmatched software-like spend per merchant and currency, without the dismissed merchants. */
export function listCandidateRows(db: Tx, workspaceId: string) {
  return db
    .select({
      key: expenseLines.merchantKey,
      currency: expenseLines.currency,
      lines: sql<number>`count(*)`,
      total: sql<string>`sum(${expenseLines.amount})`,
      firstDate: sql<string>`min(${expenseLines.spentOn})::text`,
      lastDate: sql<string>`max(${expenseLines.spentOn})::text`,
      months: sql<number>`count(distinct date_trunc('month', ${expenseLines.spentOn}))`,
      employees: sql<number>`count(distinct nullif(${expenseLines.employee}, ''))`,
      departments: sql<string[]>`array_remove(array_agg(distinct nullif(${expenseLines.department}, '')), null)`,
      example: sql<string>`min(${expenseLines.description})`,
    })
    .from(expenseLines)
    .leftJoin(
      discoveryDismissals,
      and(
        eq(discoveryDismissals.workspaceId, expenseLines.workspaceId),
        eq(discoveryDismissals.merchantKey, expenseLines.merchantKey),
      ),
    )
    .where(
      and(
        eq(expenseLines.workspaceId, workspaceId),
        isNull(expenseLines.toolId),
        eq(expenseLines.softwareLike, true),
        isNull(discoveryDismissals.merchantKey),
        sql`${expenseLines.merchantKey} <> ''`,
      ),
    )
    .groupBy(expenseLines.merchantKey, expenseLines.currency);
}

/** Points a merchant's lines at the tool that now stands for it. */
export async function assignMerchantToTool(tx: Tx, workspaceId: string, merchantKey: string, toolId: string) {
  await tx
    .update(expenseLines)
    .set({ toolId, softwareLike: false })
    .where(and(eq(expenseLines.workspaceId, workspaceId), eq(expenseLines.merchantKey, merchantKey)));
}

export async function insertDismissal(tx: Tx, values: typeof discoveryDismissals.$inferInsert) {
  await tx.insert(discoveryDismissals).values(values).onConflictDoNothing();
}
