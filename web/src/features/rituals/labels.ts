import type {
  ActionPriority,
  AgendaItemKind,
  Cadence,
  MeetingStatus,
  OutcomeType,
  RitualSide,
  SeriesTemplate,
  Weekday,
} from "#contracts/rituals";

/** How each agenda item kind reads and its badge colour. */
export const agendaKindMeta: Record<AgendaItemKind, { label: string; color: string }> = {
  kpi: { label: "KPI", color: "red" },
  request: { label: "Request", color: "indigo" },
  review: { label: "Purchase review", color: "grape" },
  renewal: { label: "Renewal", color: "orange" },
  experiment: { label: "Experiment", color: "cyan" },
  clash: { label: "Glossary clash", color: "yellow" },
  action_item: { label: "Action item", color: "teal" },
  manual: { label: "Manual", color: "gray" },
  carried_over: { label: "Carried over", color: "pink" },
};

/** The agenda kinds in the order a section editor offers them. */
export const agendaKinds = Object.keys(agendaKindMeta) as AgendaItemKind[];

export const sideLabels: Record<RitualSide, string> = { marketing: "Marketing", it: "IT", other: "Other teams" };

export const meetingStatusMeta: Record<MeetingStatus, { label: string; color: string }> = {
  scheduled: { label: "Scheduled", color: "indigo" },
  held: { label: "Held", color: "teal" },
  cancelled: { label: "Cancelled", color: "gray" },
};

export const outcomeTypeMeta: Record<OutcomeType, { label: string; color: string; description: string }> = {
  decision: { label: "Decision", color: "indigo", description: "Decides a request of the Pipeline, with the reason" },
  information: { label: "Information", color: "gray", description: "Something the meeting learned or agreed to note" },
  action_item: { label: "Action item", color: "teal", description: "Someone commits to do something by a date" },
};

export const priorityMeta: Record<ActionPriority, { label: string; color: string }> = {
  high: { label: "High", color: "red" },
  medium: { label: "Medium", color: "orange" },
  low: { label: "Low", color: "gray" },
};

export const templateMeta: Record<SeriesTemplate, { label: string; short: string }> = {
  cmo_cio_weekly_sync: { label: "Weekly CMO–CIO sync", short: "Weekly sync" },
  joint_steering_monthly: { label: "Monthly joint steering", short: "Monthly steering" },
  quarterly_business_review: { label: "Quarterly business review", short: "Quarterly review" },
  custom: { label: "Start from scratch", short: "Custom" },
};

export const weekdayLabels: Record<Weekday, string> = {
  monday: "Monday",
  tuesday: "Tuesday",
  wednesday: "Wednesday",
  thursday: "Thursday",
  friday: "Friday",
  saturday: "Saturday",
  sunday: "Sunday",
};

const nthLabels: Record<string, string> = { "1": "first", "2": "second", "3": "third", "4": "fourth", "-1": "last" };

/** A cadence in words: "Every Tuesday", "Every 2 weeks on Monday", "Monthly on the first Thursday". */
export function cadenceInWords(cadence: Cadence): string {
  const day = weekdayLabels[cadence.weekday];
  if (cadence.kind === "weekly") return `Every ${day}`;
  if (cadence.kind === "every_n_weeks") {
    return cadence.intervalWeeks === 13
      ? `Quarterly (every 13 weeks) on ${day}`
      : `Every ${cadence.intervalWeeks} weeks on ${day}`;
  }
  return `Monthly on the ${nthLabels[String(cadence.nth)]} ${day}`;
}

/** "45 min", "1 h 30 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

const meetingDay = new Intl.DateTimeFormat(undefined, {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
});
const meetingTime = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });

/** "Tue 3 Dec 2026, 10:00–10:45" in the reader's time zone. */
export function formatMeetingTime(startsAt: string, endsAt: string): string {
  const start = new Date(startsAt);
  return `${meetingDay.format(start)}, ${meetingTime.format(start)}–${meetingTime.format(new Date(endsAt))}`;
}

/** Today as YYYY-MM-DD in the reader's time zone. */
export function todayIso(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** A date some days from today, as YYYY-MM-DD. */
export function daysFromToday(days: number, now = new Date()): string {
  return todayIso(new Date(now.getTime() + days * 86_400_000));
}

/** "80%" or "—". */
export function formatShare(share: number | null): string {
  return share === null ? "—" : `${Math.round(share * 100)}%`;
}
