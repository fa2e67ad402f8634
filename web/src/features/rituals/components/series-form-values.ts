// The series form's values: from a template or a series, to the API's body, checked with the contract's schema.
import type { FormErrors } from "@mantine/form";
import type { User } from "#contracts/people";
import {
  type AgendaItemKind,
  type Cadence,
  CreateSeriesBody,
  type MeetingSeries,
  SERIES_TEMPLATES,
  type SeriesTemplate,
  sideOfTeamKind,
  type Weekday,
} from "#contracts/rituals";
import { sideLabels, todayIso } from "../labels";

export const fieldLabels: Record<string, string> = {
  template: "Template",
  title: "Title",
  description: "Purpose",
  cadenceKind: "Cadence",
  weekday: "Day",
  intervalWeeks: "Every how many weeks",
  nth: "Which one in the month",
  startDate: "Starting from",
  startTime: "Starts at",
  timeZone: "Time zone",
  durationMinutes: "Length in minutes",
  participantIds: "Participants",
  sections: "Agenda sections",
};

type CadenceKind = Cadence["kind"];

export interface FormValues {
  template: SeriesTemplate;
  title: string;
  description: string;
  cadenceKind: CadenceKind;
  weekday: Weekday;
  intervalWeeks: number;
  nth: string;
  startDate: string;
  startTime: string;
  timeZone: string;
  durationMinutes: number | string;
  participantIds: string[];
  sections: { title: string; kinds: AgendaItemKind[] }[];
}

export const templates: SeriesTemplate[] = [
  "cmo_cio_weekly_sync",
  "joint_steering_monthly",
  "quarterly_business_review",
  "custom",
];

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** The zones to pick from: the browser's list, with UTC (which the list leaves out) first. */
export function timeZones(): string[] {
  try {
    return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
  } catch {
    return ["UTC"];
  }
}

/** The form's values for a template: its title, cadence, length and sections. */
export function fromTemplate(template: SeriesTemplate, keep?: FormValues): FormValues {
  const preset = SERIES_TEMPLATES[template];
  const cadence = preset.cadence;
  return {
    template,
    title: preset.title,
    description: preset.description,
    cadenceKind: cadence.kind,
    weekday: cadence.weekday,
    intervalWeeks: cadence.kind === "every_n_weeks" ? cadence.intervalWeeks : 2,
    nth: cadence.kind === "monthly_nth_weekday" ? String(cadence.nth) : "1",
    startDate: keep?.startDate ?? todayIso(),
    startTime: keep?.startTime ?? "10:00",
    timeZone: keep?.timeZone ?? browserTimeZone(),
    durationMinutes: preset.durationMinutes,
    participantIds: keep?.participantIds ?? [],
    sections: preset.sections.map((section) => ({ title: section.title, kinds: [...section.kinds] })),
  };
}

/** The form's values for an existing series (editing it). */
export function fromSeries(series: MeetingSeries): FormValues {
  const cadence = series.cadence;
  return {
    template: series.template,
    title: series.title,
    description: series.description,
    cadenceKind: cadence.kind,
    weekday: cadence.weekday,
    intervalWeeks: cadence.kind === "every_n_weeks" ? cadence.intervalWeeks : 2,
    nth: cadence.kind === "monthly_nth_weekday" ? String(cadence.nth) : "1",
    startDate: series.startDate,
    startTime: series.startTime,
    timeZone: series.timeZone,
    durationMinutes: series.durationMinutes,
    participantIds: series.participants.map((person) => person.id),
    sections: series.sections.map((section) => ({ title: section.title, kinds: [...section.kinds] })),
  };
}

/** The cadence the form's fields describe. */
export function cadenceOf(values: FormValues): Cadence {
  if (values.cadenceKind === "weekly") return { kind: "weekly", weekday: values.weekday };
  if (values.cadenceKind === "every_n_weeks") {
    return { kind: "every_n_weeks", intervalWeeks: Number(values.intervalWeeks), weekday: values.weekday };
  }
  return { kind: "monthly_nth_weekday", nth: Number(values.nth) as 1 | 2 | 3 | 4 | -1, weekday: values.weekday };
}

export function bodyOf(values: FormValues) {
  return {
    template: values.template,
    title: values.title,
    description: values.description,
    cadence: cadenceOf(values),
    startDate: values.startDate,
    startTime: values.startTime,
    timeZone: values.timeZone,
    durationMinutes: values.durationMinutes === "" ? Number.NaN : Number(values.durationMinutes),
    participantIds: values.participantIds,
    sections: values.sections,
  };
}

/** The body's error paths as the form's fields ("cadence.weekday" → "weekday"). */
function fieldOf(path: string): string {
  const cadence = path.match(/^cadence\.(\w+)$/);
  if (cadence) return cadence[1] === "kind" ? "cadenceKind" : cadence[1];
  return path;
}

function phrase(field: string, message: string): string {
  const label = fieldLabels[field] ?? (field.match(/^sections\.\d+\.title$/) ? "Section title" : undefined);
  const readable = /^Too small: expected string/.test(message) ? "is required" : message;
  if (/^Invalid input: expected number/.test(readable)) return `${label ?? "This"} must be a number`;
  return label && /^(is|must|needs|lists|section)\b/.test(readable) ? `${label} ${readable}` : readable;
}

/** Checks the form with the contract's own schema, so the form and the server agree. */
export function validate(values: FormValues): FormErrors {
  const parsed = CreateSeriesBody.safeParse(bodyOf(values));
  if (parsed.success) return {};
  const errors: FormErrors = {};
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path.join("."));
    if (!errors[field]) errors[field] = phrase(field, issue.message);
  }
  return errors;
}

/** People grouped by side for the participants picker. */
export function participantOptions(people: User[] | undefined) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const person of people ?? []) {
    const side = sideLabels[sideOfTeamKind(person.team.kind)];
    groups.set(side, [
      ...(groups.get(side) ?? []),
      { value: person.id, label: `${person.name} · ${person.team.name}` },
    ]);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}
