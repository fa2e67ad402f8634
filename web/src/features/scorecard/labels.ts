import type {
  KpiCadence,
  KpiCategory,
  KpiDirection,
  KpiStatus,
  KpiUnit,
  MeasurementSource,
} from "#contracts/scorecard";
import { formatMoney } from "../../lib/money";

/** How each KPI status reads, its colour, and its order (worst first). */
export const kpiStatusMeta: Record<KpiStatus, { label: string; color: string; barColor: string; rank: number }> = {
  off_track: { label: "Off track", color: "red", barColor: "red.6", rank: 0 },
  at_risk: { label: "At risk", color: "orange", barColor: "orange.5", rank: 1 },
  no_data: { label: "No data", color: "gray", barColor: "gray.4", rank: 2 },
  on_track: { label: "On track", color: "teal", barColor: "teal.6", rank: 3 },
  achieved: { label: "Achieved", color: "blue", barColor: "blue.6", rank: 4 },
};

/** The statuses, worst first. */
export const kpiStatuses = (Object.keys(kpiStatusMeta) as KpiStatus[]).sort(
  (a, b) => kpiStatusMeta[a].rank - kpiStatusMeta[b].rank,
);

export const unitLabels: Record<KpiUnit, string> = {
  count: "Count",
  percent: "Percent (0–100)",
  money: "Money",
  duration_days: "Duration in days",
  duration_hours: "Duration in hours",
};

export const directionLabels: Record<KpiDirection, string> = {
  up: "Up is good",
  down: "Down is good",
};

export const cadenceLabels: Record<KpiCadence, string> = {
  weekly: "Weekly",
  monthly: "Monthly",
  quarterly: "Quarterly",
};

export const categoryLabels: Record<KpiCategory, string> = {
  revenue: "Revenue",
  acquisition: "Acquisition",
  retention: "Retention",
  customer_experience: "Customer experience",
  operations: "Operations",
};

export const sourceLabels: Record<MeasurementSource, string> = {
  check_in: "Check-in",
  csv: "CSV import",
  api: "API push",
  computed: "Computed by Tandem",
};

/** Options of a Select from a label table. */
export function optionsOf<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

const compact = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** A KPI value in its unit: "42%", "€12,500", "36 h", "1,204". */
export function formatKpiValue(value: number | null | undefined, unit: KpiUnit, currency?: string | null): string {
  if (value === null || value === undefined) return "—";
  switch (unit) {
    case "percent":
      return `${compact.format(value)}%`;
    case "money":
      return formatMoney(value, currency ?? "EUR");
    case "duration_days":
      return `${compact.format(value)} d`;
    case "duration_hours":
      return `${compact.format(value)} h`;
    default:
      return compact.format(value);
  }
}

/** Today as YYYY-MM-DD in UTC, the API's default for `asOf`. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** "Q3 2026", "2026", or "1 Mar – 15 Jun 2026" for a period. */
export function formatPeriod(start: string, end: string): string {
  const [sy, sm, sd] = start.split("-").map(Number);
  const [ey, em, ed] = end.split("-").map(Number);
  const lastDay = new Date(Date.UTC(ey, em, 0)).getUTCDate();
  const isWholeMonths = sd === 1 && ed === lastDay;
  if (isWholeMonths && sy === ey && sm === 1 && em === 12) return String(sy);
  if (isWholeMonths && sy === ey && (sm - 1) % 3 === 0 && em === sm + 2) return `Q${(sm + 2) / 3} ${sy}`;
  const format = new Intl.DateTimeFormat(undefined, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
  return `${format.format(new Date(`${start}T00:00:00Z`))} – ${format.format(new Date(`${end}T00:00:00Z`))}`;
}
