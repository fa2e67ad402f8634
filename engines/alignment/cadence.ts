import { type BankItem, pickPulseItems } from "./rotation";

/** How often pulses launch on their own: never, every two weeks, or monthly. */
export type PulseCadence = "off" | "every_2_weeks" | "monthly";

/** The days a cadence launches on: from `startsOn` (a YYYY-MM-DD day), every 14 days or on the same day monthly. */
export type CadenceSchedule = { cadence: PulseCadence; startsOn: string | null };

/**
 * Pulses that fall in any quarter (13 weeks) however it is placed: every two weeks launches 6 or 7 times in 91
 * days, monthly 3 times in any three months; the smaller count is the one a quarter can count on.
 */
export const PULSES_PER_QUARTER: Record<Exclude<PulseCadence, "off">, number> = { every_2_weeks: 6, monthly: 3 };

/** Days between two launches at most: the longest a pulse can stay open before the next one launches. */
export const CADENCE_MAX_LENGTH_DAYS: Record<Exclude<PulseCadence, "off">, number> = {
  every_2_weeks: 14,
  monthly: 28,
};

const DAY = 86_400_000;
const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY);
const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** Adds days to a YYYY-MM-DD day. */
export function addDays(date: string, days: number): string {
  return dateOf(dayNumber(date) + days);
}

/** The n-th launch day (n = 0 is `startsOn`); monthly keeps the start's day, or the month's last day when shorter. */
export function occurrence(cadence: Exclude<PulseCadence, "off">, startsOn: string, n: number): string {
  if (cadence === "every_2_weeks") return addDays(startsOn, 14 * n);
  const [year, month, day] = startsOn.split("-").map(Number) as [number, number, number];
  const months = month - 1 + n;
  const y = year + Math.floor(months / 12);
  const m = ((months % 12) + 12) % 12;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(day, last))).toISOString().slice(0, 10);
}

/** The latest launch day on or before `today`, or null (cadence off, or before the start). */
export function latestOccurrence(schedule: CadenceSchedule, today: string): string | null {
  const { cadence, startsOn } = schedule;
  if (cadence === "off" || !startsOn || today < startsOn) return null;
  let n =
    cadence === "every_2_weeks"
      ? Math.floor((dayNumber(today) - dayNumber(startsOn)) / 14)
      : (Number(today.slice(0, 4)) - Number(startsOn.slice(0, 4))) * 12 +
        (Number(today.slice(5, 7)) - Number(startsOn.slice(5, 7)));
  while (n > 0 && occurrence(cadence, startsOn, n) > today) n--;
  return occurrence(cadence, startsOn, n);
}

/** The first launch day after `today`, or null when the cadence is off. */
export function nextOccurrence(schedule: CadenceSchedule, today: string): string | null {
  const { cadence, startsOn } = schedule;
  if (cadence === "off" || !startsOn) return null;
  if (today < startsOn) return startsOn;
  const latest = latestOccurrence(schedule, today) as string;
  let n = 0;
  while (occurrence(cadence, startsOn, n) <= latest) n++;
  return occurrence(cadence, startsOn, n);
}

/** How long the rotation takes to ask every active criterion item, and whether a quarter of the cadence is enough. */
export type BankCoverage = {
  /** Active criterion items in rotation (the outcome item is asked every pulse and not counted). */
  items: number;
  /** Every item is asked at least once in any this many consecutive pulses. */
  pulsesToCover: number;
  /** Pulses the cadence launches in any quarter (null when off). */
  pulsesPerQuarter: number | null;
  /** Whether the whole bank is asked within each quarter at this cadence. */
  coveredInQuarter: boolean | null;
};

/**
 * The rotation's coverage, by running it: `pickPulseItems` from no history for enough pulses to reach its steady
 * order, and the longest run of consecutive pulses any item waits between two askings (or from the start to its
 * first) is the window in which every item is asked.
 */
export function bankCoverage(bank: readonly BankItem[], itemsPerPulse: number, cadence: PulseCadence): BankCoverage {
  const rotating = bank.filter((item) => item.active && item.criterion !== "outcome");
  const history: string[][] = [];
  const pulses = Math.max(12, rotating.length * 3);
  for (let pulse = 0; pulse < pulses; pulse++) history.push(pickPulseItems(bank, history, itemsPerPulse));
  let pulsesToCover = rotating.length === 0 ? 0 : 1;
  for (const item of rotating) {
    let last = -1;
    history.forEach((ids, index) => {
      if (ids.includes(item.id)) {
        pulsesToCover = Math.max(pulsesToCover, index - last);
        last = index;
      }
    });
    if (last === -1) pulsesToCover = Math.max(pulsesToCover, pulses);
  }
  const pulsesPerQuarter = cadence === "off" ? null : PULSES_PER_QUARTER[cadence];
  return {
    items: rotating.length,
    pulsesToCover,
    pulsesPerQuarter,
    coveredInQuarter: pulsesPerQuarter === null ? null : pulsesToCover <= pulsesPerQuarter,
  };
}
