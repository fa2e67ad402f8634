import { z } from "zod";
import { Id } from "./common";
import { TeamKind } from "./people";

// Rituals (issue 16): joint meeting series whose agendas build themselves from the live state of the partnership,
// their occurrences, outcomes and the action items ("commitments") they produce. Calendar invites, minutes and
// job swaps have their own contracts (the calendar helper's); this file is the core the others build on: limits,
// sides, people and the web paths.

/** Limits shared by forms and the server. */
export const RitualsLimits = {
  titleMax: 200,
  textMax: 4000,
  notesMax: 20_000,
  reasonMax: 2000,
  sectionTitleMax: 120,
  sectionsMax: 12,
  participantsMax: 60,
  /** A meeting lasts 5 minutes to 8 hours. */
  durationMinMinutes: 5,
  durationMaxMinutes: 480,
  /** One agenda item's time box: 0 (just a mention) to the longest meeting. */
  timeBoxMaxMinutes: 480,
  agendaItemsMax: 150,
  /** Every N weeks: N from 2 to 26 (13 is quarterly). */
  intervalWeeksMax: 26,
  /** How many days before its due date an action item's owner is reminded. */
  reminderDaysBefore: 2,
} as const;

/** The two sides of the partnership; a person's side is their home team's kind (anything else is `other`). */
export const RitualSide = z.enum(["marketing", "it", "other"]);
export type RitualSide = z.infer<typeof RitualSide>;

/** A person's side from their home team's kind. */
export function sideOfTeamKind(kind: TeamKind | null | undefined): RitualSide {
  return kind === "marketing" ? "marketing" : kind === "it" ? "it" : "other";
}

/** A person as Rituals shows them: name, home team and side. */
export const RitualPerson = z.object({
  id: Id,
  name: z.string(),
  status: z.enum(["active", "deactivated"]),
  team: z.object({ id: Id, name: z.string(), kind: TeamKind }).nullable(),
  side: RitualSide,
});
export type RitualPerson = z.infer<typeof RitualPerson>;

/** The web paths of Rituals' pages (agenda links and notifications point at them). */
export const RITUALS_PATHS = {
  home: "/rituals",
  series: (id: string) => `/rituals/series/${id}`,
  meeting: (id: string) => `/rituals/meetings/${id}`,
  commitments: "/rituals/commitments",
  actionItem: (id: string) => `/rituals/commitments?item=${id}`,
} as const;
