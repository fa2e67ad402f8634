import type { ModelResult, RunModel, WhichHalf } from "#contracts/value";
import { centsOf, compareCents, divideRounded, formatCents, ratioOf, scaledOfNumber } from "../../lib/money";

type Channel = WhichHalf["channels"][number];

/** Spend per channel in the run's period and currency, as a decimal string summed by the database. */
export interface ChannelSpend {
  channel: string;
  spend: string;
}

/** The model the which-half view ranks by when none is asked for: Markov if the run has it, else its first. */
export function defaultModel(models: readonly RunModel[]): RunModel {
  return models.includes("markov") ? "markov" : models[0];
}

// Spend channels and attributed channels are matched without regard to case or surrounding spaces.
function keyOf(channel: string): string {
  return channel.trim().toLowerCase();
}

// Returns compared exactly: a/b against c/d as a·d against c·b (spends are positive).
function compareReturns(a: { value: bigint; spend: bigint }, b: { value: bigint; spend: bigint }): number {
  return compareCents(a.value * b.spend, b.value * a.spend);
}

/**
 * The channels whose spend, taken from the lowest return upwards, comes closest to half of all spend: the channel
 * that crosses the 50% mark belongs to that half when the share with it is nearer to a half than without it.
 * Amounts are in cents, so every comparison is exact.
 */
export function findLeastHalf(rows: { key: string; spend: bigint; value: bigint }[]): Set<string> {
  const total = rows.reduce((sum, row) => sum + row.spend, 0n);
  const ordered = [...rows]
    .filter((row) => row.spend > 0n)
    .sort((a, b) => compareReturns(a, b) || compareCents(b.spend, a.spend) || (a.key < b.key ? -1 : 1));
  const half = new Set<string>();
  const distance = (twice: bigint) => (twice < total ? total - twice : twice - total);
  let cumulative = 0n;
  for (const row of ordered) {
    if (total <= 0n) break;
    // Compared at twice their size so half of an odd number of cents stays whole.
    const without = distance(2n * cumulative);
    const withIt = distance(2n * (cumulative + row.spend));
    if (2n * (cumulative + row.spend) >= total && withIt > without) break;
    half.add(row.key);
    cumulative += row.spend;
    if (2n * cumulative >= total) break;
  }
  return half;
}

type Credit = { conversions: number; value: bigint };

/**
 * Which half of the spend works: per channel, spend against each model's attributed conversions and value,
 * return on spend and cost per conversion; the half of spend that returns the least under the chosen model;
 * and whether the other models agree. Money is added in cents; returns are ratios of exact amounts.
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
  const spendOf = new Map<string, bigint>();
  const tracked = new Set(input.trackedChannels.map(keyOf));
  const untracked = new Map<string, { channel: string; spend: bigint }>();
  for (const row of input.spend) {
    const key = keyOf(row.channel);
    if (!tracked.has(key)) {
      const entry = untracked.get(key) ?? { channel: row.channel, spend: 0n };
      entry.spend += centsOf(row.spend);
      untracked.set(key, entry);
      continue;
    }
    names.set(key, names.get(key) ?? row.channel);
    spendOf.set(key, (spendOf.get(key) ?? 0n) + centsOf(row.spend));
  }
  const credit = new Map<RunModel, Map<string, Credit>>();
  for (const result of input.results) {
    const byChannel = new Map<string, Credit>();
    for (const c of result.channels) {
      const key = keyOf(c.channel);
      if (!names.has(key)) names.set(key, c.channel);
      const sum = byChannel.get(key) ?? { conversions: 0, value: 0n };
      byChannel.set(key, { conversions: sum.conversions + c.conversions, value: sum.value + centsOf(c.value) });
    }
    credit.set(result.model, byChannel);
  }
  const spendAt = (key: string) => spendOf.get(key) ?? 0n;
  const paid = [...spendOf.entries()].filter(([, spend]) => spend > 0n).map(([key]) => key);
  const totalSpend = paid.reduce((sum, key) => sum + spendAt(key), 0n);
  const halves = new Map<RunModel, Set<string>>();
  for (const result of input.results) {
    const byChannel = credit.get(result.model);
    halves.set(
      result.model,
      findLeastHalf(paid.map((key) => ({ key, spend: spendAt(key), value: byChannel?.get(key)?.value ?? 0n }))),
    );
  }
  const chosen = credit.get(input.model) ?? new Map<string, Credit>();
  const chosenHalf = halves.get(input.model) ?? new Set<string>();
  const creditOf = (key: string) => chosen.get(key)?.value ?? 0n;
  const ranked = [...paid].sort(
    (a, b) =>
      compareReturns({ value: creditOf(b), spend: spendAt(b) }, { value: creditOf(a), spend: spendAt(a) }) ||
      (a < b ? -1 : 1),
  );
  const channels: Channel[] = [...names.keys()]
    .filter(
      (key) =>
        spendAt(key) > 0n ||
        input.results.some(
          (r) =>
            (credit.get(r.model)?.get(key)?.value ?? 0n) > 0n || (credit.get(r.model)?.get(key)?.conversions ?? 0) > 0,
        ),
    )
    .map((key) => {
      const spend = spendAt(key);
      const models = input.results.map((result) => {
        const c = credit.get(result.model)?.get(key) ?? { conversions: 0, value: 0n };
        return {
          model: result.model,
          conversions: c.conversions,
          value: formatCents(c.value),
          roas: spend > 0n ? ratioOf(c.value, spend) : null,
          costPerConversion: spend > 0n && c.conversions > 0 ? perConversion(spend, c.conversions) : null,
          inLeastHalf: halves.get(result.model)?.has(key) ?? false,
        };
      });
      const votes = models.filter((m) => m.inLeastHalf).length;
      const rank = ranked.indexOf(key);
      return {
        channel: names.get(key) ?? key,
        spend: formatCents(spend),
        spendShare: ratioOf(spend, totalSpend) ?? 0,
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
  const totalValue = [...chosen.values()].reduce((sum, c) => sum + c.value, 0n);
  const leastKeys = [...chosenHalf];
  const leastSpend = leastKeys.reduce((sum, key) => sum + spendAt(key), 0n);
  const leastValue = leastKeys.reduce((sum, key) => sum + creditOf(key), 0n);
  const paidValue = paid.reduce((sum, key) => sum + creditOf(key), 0n);
  const bestSpend = totalSpend - leastSpend;
  const bestValue = paidValue - leastValue;
  return {
    totalSpend: formatCents(totalSpend),
    totalValue: formatCents(totalValue),
    channels,
    leastHalf: {
      channels: ranked
        .filter((key) => chosenHalf.has(key))
        .reverse()
        .map((key) => names.get(key) ?? key),
      spend: formatCents(leastSpend),
      spendShare: ratioOf(leastSpend, totalSpend) ?? 0,
      value: formatCents(leastValue),
      valueShare: ratioOf(leastValue, totalValue) ?? 0,
      roas: ratioOf(leastValue, leastSpend),
    },
    bestHalf: { spend: formatCents(bestSpend), value: formatCents(bestValue), roas: ratioOf(bestValue, bestSpend) },
    untrackedSpend: [...untracked.values()]
      .filter((row) => row.spend > 0n)
      .sort((a, b) => compareCents(b.spend, a.spend))
      .map((row) => ({ channel: row.channel, spend: formatCents(row.spend) })),
    unpaidChannels: [...names.keys()]
      .filter((key) => spendAt(key) === 0n && creditOf(key) > 0n)
      .sort((a, b) => compareCents(creditOf(b), creditOf(a)))
      .map((key) => ({ channel: names.get(key) ?? key, value: formatCents(creditOf(key)) })),
  };
}

// Spend per conversion, to the cent; credited conversions may be fractional (read to six decimals).
function perConversion(spend: bigint, conversions: number): string | null {
  const scaled = scaledOfNumber(conversions, 6);
  return scaled > 0n ? formatCents(divideRounded(spend * 1_000_000n, scaled)) : null;
}

/** One plain sentence for the view's top. */
export function describeWhichHalf(
  view: Pick<WhichHalf, "leastHalf" | "bestHalf" | "totalSpend">,
  currency: string,
  format: (amount: string) => string = (amount) => wholeUnits(amount),
): string {
  const { leastHalf, bestHalf } = view;
  if (centsOf(view.totalSpend) <= 0n) return "No spend is recorded for this period, so there is no half to find.";
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const names = leastHalf.channels.join(", ");
  const roas = (x: number | null) => (x === null ? "nothing" : `${x.toFixed(2)} ${currency} per ${currency}`);
  return (
    `${pct(leastHalf.spendShare)} of spend (${format(leastHalf.spend)} ${currency} on ${names}) brought ` +
    `${pct(leastHalf.valueShare)} of attributed value, returning ${roas(leastHalf.roas)}; ` +
    `the rest returned ${roas(bestHalf.roas)}.`
  );
}

// "1234567.50" → "1,234,568": whole units, rounded half up, grouped by thousands, exact at any size.
function wholeUnits(amount: string): string {
  const units = divideRounded(centsOf(amount), 100n);
  return units.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * Attributed value an initiative earned: per channel, its share of the channel's actual spend times the channel's
 * value, in cents (each share rounded to the cent). Amounts are decimal strings.
 */
export function attributeToInitiatives(
  lines: { initiative: string; channel: string; kind: "planned" | "actual"; amount: string }[],
  channelValue: Map<string, string>,
  trackedChannels: readonly string[],
): Omit<WhichHalf["initiatives"][number], "request">[] {
  const tracked = new Set(trackedChannels.map(keyOf));
  const channelSpend = new Map<string, bigint>();
  for (const line of lines) {
    if (line.kind !== "actual") continue;
    const key = keyOf(line.channel);
    channelSpend.set(key, (channelSpend.get(key) ?? 0n) + centsOf(line.amount));
  }
  const value = new Map<string, bigint>();
  for (const [channel, v] of channelValue) value.set(keyOf(channel), (value.get(keyOf(channel)) ?? 0n) + centsOf(v));
  const byInitiative = new Map<string, { planned: bigint; actual: bigint; attributedValue: bigint | null }>();
  for (const line of lines) {
    if (line.initiative === "") continue;
    const entry = byInitiative.get(line.initiative) ?? { planned: 0n, actual: 0n, attributedValue: null };
    const amount = centsOf(line.amount);
    if (line.kind === "planned") entry.planned += amount;
    else {
      entry.actual += amount;
      const key = keyOf(line.channel);
      const spend = channelSpend.get(key) ?? 0n;
      if (tracked.has(key) && spend > 0n) {
        entry.attributedValue = (entry.attributedValue ?? 0n) + divideRounded((value.get(key) ?? 0n) * amount, spend);
      }
    }
    byInitiative.set(line.initiative, entry);
  }
  return [...byInitiative.entries()]
    .sort(([a, x], [b, y]) => compareCents(y.actual, x.actual) || (a < b ? -1 : 1))
    .map(([initiative, e]) => ({
      initiative,
      planned: formatCents(e.planned),
      actual: formatCents(e.actual),
      attributedValue: e.attributedValue === null ? null : formatCents(e.attributedValue),
      roas: e.attributedValue === null ? null : ratioOf(e.attributedValue, e.actual),
    }));
}
