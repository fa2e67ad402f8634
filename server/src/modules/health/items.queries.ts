// Drizzle queries of Health's item bank: the shipped items and the workspace's own, their wording and order.
import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Tx } from "../../db/client";
import { healthItems } from "../../db/schema";
import { updateVersioned } from "../../db/versioned";
import { bumpHealthState } from "./cadence.queries";
import { SHIPPED_ITEMS } from "./item-bank";

export type ItemRow = typeof healthItems.$inferSelect;

/** Adds the shipped bank to a workspace that lacks it (idempotent by code). */
export async function ensureBank(tx: Tx, workspaceId: string, now: Date) {
  const [present] = await tx
    .select({ n: count() })
    .from(healthItems)
    .where(and(eq(healthItems.workspaceId, workspaceId), eq(healthItems.shipped, true)));
  if ((present?.n ?? 0) >= SHIPPED_ITEMS.length) return;
  const positions = new Map<string, number>();
  const inserted = await tx
    .insert(healthItems)
    .values(
      SHIPPED_ITEMS.map((item) => {
        const position = positions.get(item.criterion) ?? 0;
        positions.set(item.criterion, position + 1);
        return {
          workspaceId,
          code: item.code,
          criterion: item.criterion,
          textMarketing: item.marketing,
          textIt: item.it,
          shipped: true,
          publishedFigure: item.publishedFigure ?? null,
          position,
          createdAt: now,
          updatedAt: now,
        };
      }),
    )
    .onConflictDoNothing()
    .returning({ id: healthItems.id });
  // Not audited (the shipped bank appears on first use): the cached Alignment Index learns of it from here.
  if (inserted.length > 0) await bumpHealthState(tx, workspaceId, now);
}

export async function listItems(tx: Tx, workspaceId: string): Promise<ItemRow[]> {
  return tx
    .select()
    .from(healthItems)
    .where(eq(healthItems.workspaceId, workspaceId))
    .orderBy(asc(healthItems.criterion), asc(healthItems.position), asc(healthItems.id));
}

export async function findItem(tx: Tx, workspaceId: string, id: string): Promise<ItemRow | null> {
  const [row] = await tx
    .select()
    .from(healthItems)
    .where(and(eq(healthItems.workspaceId, workspaceId), eq(healthItems.id, id)));
  return row ?? null;
}

export async function insertItem(tx: Tx, values: typeof healthItems.$inferInsert) {
  const [row] = await tx.insert(healthItems).values(values).returning();
  return row as ItemRow;
}

/** Marks items live (asked in a launched pulse): from then on their wording never changes. */
export async function markItemsLive(tx: Tx, workspaceId: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  await tx
    .update(healthItems)
    .set({ live: true })
    .where(and(eq(healthItems.workspaceId, workspaceId), inArray(healthItems.id, [...ids])));
}
/** Edits a bank item if its version still matches; false when someone changed it meanwhile. */
export function updateItem(
  tx: Tx,
  key: { workspaceId: string; id: string; version: number },
  changes: PgUpdateSetSource<typeof healthItems>,
): Promise<boolean> {
  return updateVersioned(tx, healthItems, key, changes);
}
