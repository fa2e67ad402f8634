import type { AgendaKind } from "./types";

/** How much of the shared time each kind of item weighs (a decision needs more than a mention). */
export const KIND_WEIGHTS: Record<AgendaKind, number> = {
  kpi: 2,
  request: 3,
  review: 2,
  renewal: 2,
  experiment: 3,
  clash: 2,
  action_item: 1,
  manual: 3,
  carried_over: 2,
};

/**
 * Shares a meeting's minutes among its items: an item with fixed minutes keeps them, the others share what is
 * left by weight, in whole minutes (largest remainder, ties to the earlier item), so that the time boxes add up to
 * the meeting's length whenever one item shares. When the fixed minutes alone exceed the length, the sharing
 * items get 0 and the total is the fixed minutes.
 */
export function allocateTimeBoxes(
  durationMinutes: number,
  items: readonly { kind: AgendaKind; fixedMinutes: number | null }[],
): number[] {
  const minutes = items.map((item) => (item.fixedMinutes === null ? 0 : Math.max(0, Math.floor(item.fixedMinutes))));
  const fixed = minutes.reduce((sum, value) => sum + value, 0);
  const sharing = items.flatMap((item, index) => (item.fixedMinutes === null ? [index] : []));
  const left = Math.max(0, Math.floor(durationMinutes) - fixed);
  if (sharing.length === 0 || left === 0) return minutes;
  const totalWeight = sharing.reduce((sum, index) => sum + KIND_WEIGHTS[items[index].kind], 0);
  const shares = sharing.map((index) => {
    const exact = (left * KIND_WEIGHTS[items[index].kind]) / totalWeight;
    return { index, whole: Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  let given = shares.reduce((sum, share) => sum + share.whole, 0);
  const byRemainder = [...shares].sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const share of byRemainder) {
    if (given >= left) break;
    share.whole += 1;
    given += 1;
  }
  for (const share of shares) minutes[share.index] = share.whole;
  return minutes;
}
