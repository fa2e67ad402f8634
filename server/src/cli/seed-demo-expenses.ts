// The demo company's card statement: six months of software and travel spend, mostly on tools of the catalog
// (printed as banks print them), with a handful of subscriptions nobody catalogued — the shadow IT to discover.
import { and, eq, isNull } from "drizzle-orm";
import { buildMatcher, matchLines, parseExpenseCsv } from "#engines/discovery";
import type { Tx } from "../db/client";
import { tools } from "../db/schema";
import { storeExpenseImport } from "../modules/stack/discovery.service";

// [bank text, monthly amount, cardholder, department]
const SUBSCRIPTIONS: [string, number, string, string][] = [
  ["FIGMA INC SAN FRANCISCO", 540, "Hannah Weiss", "Brand"],
  ["MIRO.COM AMSTERDAM", 160, "Sofia Lindqvist", "Marketing Ops"],
  ["ASANA.COM", 275, "Sofia Lindqvist", "Marketing Ops"],
  ["AIRTABLE.COM", 96, "Daniel Okafor", "Martech"],
  ["SEMRUSH INC BOSTON", 229, "Hannah Weiss", "Content"],
  ["PAYPAL *SLACK T0123", 690, "Tomás Ortega", "IT"],
  ["SQ *SPROUT SOCIAL", 249, "Hannah Weiss", "Social"],
  // Not in the catalog: the shadow IT of the demo.
  ["HOTJAR LTD MALTA", 171, "Daniel Okafor", "Web"],
  ["PADDLE.NET* CALENDLY", 48, "Sofia Lindqvist", "Events"],
  ["LOOM, INC.", 60, "Hannah Weiss", "Content"],
  ["FS *TYPEFORM SL", 83, "Daniel Okafor", "Web"],
];
const ONE_OFFS: [string, number, string, string][] = [
  ["LUFTHANSA 2201234567", 412.5, "Marcus Hale", "Leadership"],
  ["STARBUCKS HAMBURG HBF", 6.4, "Sofia Lindqvist", "Marketing Ops"],
  ["UBER *TRIP HELP.UBER.COM", 23.1, "Daniel Okafor", "Martech"],
  ["HOTEL ADLON BERLIN", 389, "Marcus Hale", "Leadership"],
  ["AMZN Mktp DE*2K4L19", 54.99, "Tomás Ortega", "IT"],
];

/** Imports the demo statement, matched against the demo catalog. */
export async function seedDemoExpenses(tx: Tx, workspaceId: string, importerId: string, now: Date) {
  const lines = ["date,description,amount,currency,cardholder,department"];
  for (let month = 5; month >= 0; month--) {
    const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - month, 3));
    for (const [index, [text, amount, who, department]] of SUBSCRIPTIONS.entries()) {
      const date = new Date(day.getTime() + index * 86_400_000).toISOString().slice(0, 10);
      lines.push(`${date},"${text}",${amount.toFixed(2)},EUR,${who},${department}`);
    }
    const [text, amount, who, department] = ONE_OFFS[month % ONE_OFFS.length];
    lines.push(`${day.toISOString().slice(0, 10)},"${text}",${amount.toFixed(2)},EUR,${who},${department}`);
  }
  const parsed = parseExpenseCsv(lines.join("\n"));
  const catalog = await tx
    .select({ id: tools.id, name: tools.name, vendor: tools.vendor })
    .from(tools)
    .where(and(eq(tools.workspaceId, workspaceId), isNull(tools.archivedAt)));
  const result = matchLines(buildMatcher(catalog), parsed.lines);
  await storeExpenseImport(
    tx,
    { workspaceId, userId: importerId, now },
    "northwind-cards-h2.csv",
    parsed.lines,
    result,
  );
  return { lines: parsed.lines.length, matched: result.stats.matchedLines, candidates: result.unknown.length };
}
