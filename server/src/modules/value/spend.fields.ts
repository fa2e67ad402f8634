// A stored spend line's fields in the shape the API takes them (the audit log's before and after).
import type { SpendLineFields } from "#contracts/value";
import type { spendLines } from "../../db/schema";

/** The fields of a stored spend line, as the API takes them. */
export function spendFieldsOf(row: typeof spendLines.$inferSelect): SpendLineFields {
  return {
    date: row.spentOn,
    channel: row.channel,
    campaign: row.campaign,
    initiative: row.initiative,
    kind: row.kind,
    amount: row.amount,
    currency: row.currency as SpendLineFields["currency"],
  };
}
