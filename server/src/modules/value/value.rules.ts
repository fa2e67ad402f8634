import type { ModelResult, RunModel, WhichHalf } from "../../../../contracts/value";

type Channel = WhichHalf["channels"][number];

/** Spend per channel in the run's period and currency. */
export interface ChannelSpend {
  channel: string;
  spend: number;
}

/** The model the which-half view ranks by when none is asked for: Markov if the run has it, else its first. */
export function defaultModel(models: readonly RunModel[]): RunModel {
  return models.includes("markov") ? "markov" : models[0];
}

// Spend channels and attributed channels are matched without regard to case or surrounding spaces.
function keyOf(channel: string): string {
  return channel.trim().toLowerCase();
}

/**
 * The channels whose spend, taken from the lowest return upwards, comes closest to half of all spend: the channel
 * that crosses the 50% mark belongs to that half when the share with it is nearer to a half than without it.
 */
export function findLeastHalf(rows: { key: string; spend: number; roas: number }[]): Set<string> {
  const total = rows.reduce((sum, row) => sum + row.spend, 0);
  const ordered = [...rows].sort((a, b) => a.roas - b.roas || b.spend - a.spend || (a.key < b.key ? -1 : 1));
  const half = new Set<string>();
  let cumulative = 0;
  for (const row of ordered) {
    if (total <= 0) break;
    const without = Math.abs(cumulative - total / 2);
    const withIt = Math.abs(cumulative + row.spend - total / 2);
    if (cumulative + row.spend >= total / 2 && withIt > without) break;
    half.add(row.key);
    cumulative += row.spend;
    if (cumulative >= total / 2) break;
  }
  return half;
}

/**
 * Which half of the spend works: per channel, spend against each model's attributed conversions and value,
 * return on spend and cost per conversion; the half of spend that returns the least under the chosen model;
 * and whether the other models agree.
 */
export function computeWhichHalf(input: {
  results: ModelResult[];
  model: RunModel;
  spend: ChannelSpend[];
  /** The channels the run's journeys touched; spend elsewhere is reported as untracked. */
  trackedChannels: readonly string[];
}): Pick<
  WhichHalf,
  "totalSpend" | "totalValue" | "channels" | "leastHalf" | "bestHalf" | "unpaidChannels" | "untrackedSpend"
> {
  const names = new Map<string, string>();
  const spendOf = new Map<string, number>();
  const tracked = new Set(input.trackedChannels.map(keyOf));
  const untracked = new Map<string, { channel: string; spend: number }>();
  for (const row of input.spend) {
    const key = keyOf(row.channel);
    if (!tracked.has(key)) {
      const entry = untracked.get(key) ?? { channel: row.channel, spend: 0 };
      entry.spend += row.spend;
      untracked.set(key, entry);
      continue;
    }
    names.set(key, names.get(key) ?? row.channel);
    spendOf.set(key, (spendOf.get(key) ?? 0) + row.spend);
  }
  const credit = new Map<RunModel, Map<string, { conversions: number; value: number }>>();
  for (const result of input.results) {
    const byChannel = new Map<string, { conversions: number; value: number }>();
    for (const c of result.channels) {
      const key = keyOf(c.channel);
      if (!names.has(key)) names.set(key, c.channel);
      const sum = byChannel.get(key) ?? { conversions: 0, value: 0 };
      byChannel.set(key, { conversions: sum.conversions + c.conversions, value: sum.value + c.value });
    }
    credit.set(result.model, byChannel);
  }
  const paid = [...spendOf.entries()].filter(([, spend]) => spend > 0).map(([key]) => key);
  const totalSpend = paid.reduce((sum, key) => sum + (spendOf.get(key) ?? 0), 0);
  const halves = new Map<RunModel, Set<string>>();
  for (const result of input.results) {
    const byChannel = credit.get(result.model);
    halves.set(
      result.model,
      findLeastHalf(
        paid.map((key) => {
          const spend = spendOf.get(key) ?? 0;
          return { key, spend, roas: (byChannel?.get(key)?.value ?? 0) / spend };
        }),
      ),
    );
  }
  const chosen = credit.get(input.model) ?? new Map();
  const chosenHalf = halves.get(input.model) ?? new Set<string>();
  const roasOf = (key: string) => (chosen.get(key)?.value ?? 0) / (spendOf.get(key) ?? 1);
  const ranked = [...paid].sort((a, b) => roasOf(b) - roasOf(a) || (a < b ? -1 : 1));
  const channels: Channel[] = [...names.keys()]
    .filter(
      (key) =>
        (spendOf.get(key) ?? 0) > 0 ||
        input.results.some(
          (r) =>
            (credit.get(r.model)?.get(key)?.value ?? 0) > 0 || (credit.get(r.model)?.get(key)?.conversions ?? 0) > 0,
        ),
    )
    .map((key) => {
      const spend = spendOf.get(key) ?? 0;
      const models = input.results.map((result) => {
        const c = credit.get(result.model)?.get(key) ?? { conversions: 0, value: 0 };
        return {
          model: result.model,
          conversions: c.conversions,
          value: c.value,
          roas: spend > 0 ? c.value / spend : null,
          costPerConversion: spend > 0 && c.conversions > 0 ? spend / c.conversions : null,
          inLeastHalf: halves.get(result.model)?.has(key) ?? false,
        };
      });
      const votes = models.filter((m) => m.inLeastHalf).length;
      const rank = ranked.indexOf(key);
      return {
        channel: names.get(key) ?? key,
        spend,
        spendShare: totalSpend > 0 ? spend / totalSpend : 0,
        models,
        rank: rank === -1 ? null : rank + 1,
        agreement: votes === models.length && votes > 0 ? "all" : votes > 0 ? "some" : "none",
        inLeastHalf: chosenHalf.has(key),
      } satisfies Channel;
    })
    .sort(
      (a, b) =>
        (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || (a.channel < b.channel ? -1 : 1),
    );
  const creditOf = (key: string) => chosen.get(key)?.value ?? 0;
  const totalValue = [...chosen.values()].reduce((sum, c) => sum + c.value, 0);
  const leastKeys = [...chosenHalf];
  const leastSpend = leastKeys.reduce((sum, key) => sum + (spendOf.get(key) ?? 0), 0);
  const leastValue = leastKeys.reduce((sum, key) => sum + creditOf(key), 0);
  const paidValue = paid.reduce((sum, key) => sum + creditOf(key), 0);
  const bestSpend = totalSpend - leastSpend;
  const bestValue = paidValue - leastValue;
  return {
    totalSpend,
    totalValue,
    channels,
    leastHalf: {
      channels: ranked
        .filter((key) => chosenHalf.has(key))
        .reverse()
        .map((key) => names.get(key) ?? key),
      spend: leastSpend,
      spendShare: totalSpend > 0 ? leastSpend / totalSpend : 0,
      value: leastValue,
      valueShare: totalValue > 0 ? leastValue / totalValue : 0,
      roas: leastSpend > 0 ? leastValue / leastSpend : null,
    },
    bestHalf: { spend: bestSpend, value: bestValue, roas: bestSpend > 0 ? bestValue / bestSpend : null },
    untrackedSpend: [...untracked.values()].filter((row) => row.spend > 0).sort((a, b) => b.spend - a.spend),
    unpaidChannels: [...names.keys()]
      .filter((key) => (spendOf.get(key) ?? 0) === 0 && creditOf(key) > 0)
      .map((key) => ({ channel: names.get(key) ?? key, value: creditOf(key) }))
      .sort((a, b) => b.value - a.value),
  };
}

/** One plain sentence for the view's top. */
export function describeWhichHalf(
  view: Pick<WhichHalf, "leastHalf" | "bestHalf" | "totalSpend">,
  currency: string,
  format: (n: number) => string = (n) => Math.round(n).toLocaleString("en-US"),
): string {
  const { leastHalf, bestHalf } = view;
  if (view.totalSpend <= 0) return "No spend is recorded for this period, so there is no half to find.";
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const names = leastHalf.channels.join(", ");
  const roas = (x: number | null) => (x === null ? "nothing" : `${x.toFixed(2)} ${currency} per ${currency}`);
  return (
    `${pct(leastHalf.spendShare)} of spend (${format(leastHalf.spend)} ${currency} on ${names}) brought ` +
    `${pct(leastHalf.valueShare)} of attributed value, returning ${roas(leastHalf.roas)}; ` +
    `the rest returned ${roas(bestHalf.roas)}.`
  );
}

/** Attributed value an initiative earned: per channel, its share of the channel's spend times the channel's value. */
export function attributeToInitiatives(
  lines: { initiative: string; channel: string; kind: "planned" | "actual"; amount: number }[],
  channelValue: Map<string, number>,
  trackedChannels: readonly string[],
): Omit<WhichHalf["initiatives"][number], "request">[] {
  const tracked = new Set(trackedChannels.map(keyOf));
  const channelSpend = new Map<string, number>();
  for (const line of lines) {
    if (line.kind !== "actual") continue;
    const key = keyOf(line.channel);
    channelSpend.set(key, (channelSpend.get(key) ?? 0) + line.amount);
  }
  const value = new Map<string, number>();
  for (const [channel, v] of channelValue) value.set(keyOf(channel), (value.get(keyOf(channel)) ?? 0) + v);
  const byInitiative = new Map<string, { planned: number; actual: number; attributedValue: number | null }>();
  for (const line of lines) {
    if (line.initiative === "") continue;
    const entry = byInitiative.get(line.initiative) ?? { planned: 0, actual: 0, attributedValue: null };
    if (line.kind === "planned") entry.planned += line.amount;
    else {
      entry.actual += line.amount;
      const key = keyOf(line.channel);
      const spend = channelSpend.get(key) ?? 0;
      if (tracked.has(key) && spend > 0) {
        entry.attributedValue = (entry.attributedValue ?? 0) + ((value.get(key) ?? 0) * line.amount) / spend;
      }
    }
    byInitiative.set(line.initiative, entry);
  }
  return [...byInitiative.entries()]
    .map(([initiative, e]) => ({
      initiative,
      ...e,
      roas: e.actual > 0 && e.attributedValue !== null ? e.attributedValue / e.actual : null,
    }))
    .sort((a, b) => b.actual - a.actual || (a.initiative < b.initiative ? -1 : 1));
}
