import { CRITERIA, type ItemCriterion } from "./types";

export type BankItem = { id: string; criterion: ItemCriterion; position: number; active: boolean };

/**
 * The items of the next pulse: for each of the six criteria the active item asked least recently (never asked
 * first, then bank order), then — up to `itemsPerPulse` (6–8) — further items asked least recently across the
 * criteria; the outcome item is always added on top. With the shipped bank of five items per criterion, every
 * item is asked at least once in any five consecutive pulses of six items (four of eight), so every two weeks (six
 * pulses a quarter) covers the whole bank each quarter and monthly (three) does not (`bankCoverage` in
 * `cadence.ts` says how long it takes).
 * `history` lists the item ids of earlier pulses, oldest first.
 */
export function pickPulseItems(
  bank: readonly BankItem[],
  history: readonly (readonly string[])[],
  itemsPerPulse: number,
): string[] {
  const lastAsked = new Map<string, number>();
  history.forEach((ids, index) => {
    for (const id of ids) lastAsked.set(id, index);
  });
  const rank = (item: BankItem) => lastAsked.get(item.id) ?? -1;
  const order = (a: BankItem, b: BankItem) =>
    rank(a) - rank(b) ||
    a.position - b.position ||
    CRITERIA.indexOf(a.criterion as never) - CRITERIA.indexOf(b.criterion as never) ||
    (a.id < b.id ? -1 : 1);
  const active = bank.filter((item) => item.active);
  const chosen: BankItem[] = [];
  for (const criterion of CRITERIA) {
    const first = active.filter((item) => item.criterion === criterion).sort(order)[0];
    if (first) chosen.push(first);
  }
  const rest = active.filter((item) => item.criterion !== "outcome" && !chosen.includes(item)).sort(order);
  while (chosen.length < itemsPerPulse && rest.length > 0) {
    const next = rest.shift();
    if (next) chosen.push(next);
  }
  const outcome = active.filter((item) => item.criterion === "outcome").sort(order)[0];
  return [...chosen.map((item) => item.id), ...(outcome ? [outcome.id] : [])];
}

/** Whether an explicit choice covers each criterion once at least; the criteria it misses. */
export function missingCriteria(criteria: readonly ItemCriterion[]): string[] {
  return CRITERIA.filter((criterion) => !criteria.includes(criterion));
}
