import type { AttributionResult, AttributionTotals, ChannelCredit, ModelName, PathTable } from "./types";

/** Sums the conversions and value observed over all paths. */
export function sumPathTotals(table: PathTable): AttributionTotals {
  let conversions = 0;
  let value = 0;
  for (let i = 0; i < table.pathCount; i++) {
    conversions += table.conversions[i];
    value += table.values[i];
  }
  return { conversions, value };
}

/** Assembles a result from per-channel-id credit arrays, listing channels by name in code-unit order. */
export function buildAttributionResult(
  model: ModelName,
  order: number | null,
  channelNames: readonly string[],
  totals: AttributionTotals,
  conversions: Float64Array,
  values: Float64Array,
  removalEffects?: Float64Array,
): AttributionResult {
  const ids = channelNames.map((_, id) => id);
  ids.sort((a, b) => compareNames(channelNames[a], channelNames[b]));
  const channels: ChannelCredit[] = ids.map((id) => {
    const credit: ChannelCredit = { channel: channelNames[id], conversions: conversions[id], value: values[id] };
    if (removalEffects) credit.removalEffect = removalEffects[id];
    return credit;
  });
  return { model, order, totals, channels };
}

/** Orders channel names by UTF-16 code units, so the order never depends on the locale. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
