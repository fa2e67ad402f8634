// A purchase request's details (issue 15 item 1): only on a request of type `purchase`, and the tools it must
// integrate with are tools of the workspace's Stack.
import type { PurchaseDetails } from "#contracts/guardrails";
import type { RequestType } from "#contracts/pipeline";
import type { Tx } from "../../db/client";
import { assertReferences } from "../../db/references";
import { AppError } from "../../errors";

/** Refuses purchase details on another type of request, and integrations with tools outside the Stack. */
export async function checkPurchase(
  tx: Tx,
  workspaceId: string,
  type: RequestType,
  purchase: PurchaseDetails | null | undefined,
): Promise<void> {
  if (purchase === null || purchase === undefined) return;
  if (type !== "purchase") {
    throw new AppError("validation_failed", "Only a purchase request carries purchase details", [
      { path: "purchase", message: "is only for a request of type purchase" },
    ]);
  }
  await assertReferences(
    tx,
    workspaceId,
    purchase.integratesWith.map((id, index) => ({
      path: `purchase.integratesWith.${index}`,
      kind: "tool" as const,
      id,
    })),
  );
}
