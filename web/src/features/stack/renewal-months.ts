import type { Renewal } from "#contracts/stack";

/** One month of the renewals timeline: the contracts whose cancel-by date falls in it, and the money at stake. */
export interface RenewalMonth {
  /** YYYY-MM */
  month: string;
  amount: number;
  contracts: { id: string; name: string; cancelBy: string }[];
  /** Contracts in the month without a recorded annual cost (counted, never guessed). */
  unpriced: number;
}

/** YYYY-MM of a calendar date (YYYY-MM-DD). */
const monthOf = (date: string) => date.slice(0, 7);

/** The month after YYYY-MM. */
function nextMonth(month: string): string {
  const [year, number] = month.split("-").map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, "0")}`;
}

/**
 * Renewals by the month of their cancel-by date, one timeline per currency (amounts in different currencies are
 * never added; unpriced contracts join the timeline of the workspace's most used currency). Every month from the
 * first to the last is present, empty ones included, so the gaps read as time.
 */
export function renewalMonths(renewals: readonly Renewal[]): Map<string, RenewalMonth[]> {
  if (renewals.length === 0) return new Map();
  const counts = new Map<string, number>();
  for (const renewal of renewals) {
    if (renewal.annualCost) counts.set(renewal.annualCost.currency, (counts.get(renewal.annualCost.currency) ?? 0) + 1);
  }
  const main = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? "";
  const months = renewals.map((renewal) => monthOf(renewal.cancelBy)).sort();
  const first = months[0] as string;
  const last = months[months.length - 1] as string;
  const result = new Map<string, RenewalMonth[]>();
  for (const currency of [main, ...[...counts.keys()].filter((code) => code !== main).sort()]) {
    const timeline: RenewalMonth[] = [];
    for (let month = first; month <= last; month = nextMonth(month)) {
      timeline.push({ month, amount: 0, contracts: [], unpriced: 0 });
    }
    result.set(currency, timeline);
  }
  for (const renewal of renewals) {
    const currency = renewal.annualCost?.currency ?? main;
    const timeline = result.get(currency) as RenewalMonth[];
    const bucket = timeline.find((entry) => entry.month === monthOf(renewal.cancelBy)) as RenewalMonth;
    bucket.contracts.push({ id: renewal.tool.id, name: renewal.tool.name, cancelBy: renewal.cancelBy });
    if (renewal.annualCost) bucket.amount += Number(renewal.annualCost.amount);
    else bucket.unpriced += 1;
  }
  return result;
}
