import type { Side } from "./types";

export type Suppression = "below_k" | "complement_below_k" | null;

/** A side's respondents split by home team (`teamId` null: people without a team, never shown on their own). */
export type SideGroups = { respondents: number; teams: { teamId: string | null; respondents: number }[] };

export type Visibility = {
  sides: Record<Side, Suppression>;
  teams: Map<string, Suppression>;
};

/**
 * Which groups may be shown. A side is shown when at least k of it answered. A team is shown when its side is,
 * at least k of it answered, and what the shown teams leave of the side (the side minus the shown teams: the
 * teams below k and people without a team) is either nobody or at least k people; while that remainder is
 * 1..k−1, the smallest shown team is suppressed too (secondary suppression), so no subtraction of shown figures
 * ever isolates fewer than k people.
 */
export function visibility(k: number, sides: Record<Side, SideGroups>): Visibility {
  const teams = new Map<string, Suppression>();
  const sideState = {} as Record<Side, Suppression>;
  for (const side of ["marketing", "it"] as const) {
    const group = sides[side];
    const sideShown = group.respondents >= k;
    sideState[side] = sideShown ? null : "below_k";
    const named = group.teams.filter((team): team is { teamId: string; respondents: number } => team.teamId !== null);
    const shown = named.filter((team) => sideShown && team.respondents >= k).sort(bySizeThenId);
    for (const team of named) teams.set(team.teamId, team.respondents >= k && sideShown ? null : "below_k");
    let remainder = group.respondents - shown.reduce((sum, team) => sum + team.respondents, 0);
    while (shown.length > 0 && remainder > 0 && remainder < k) {
      const smallest = shown.shift();
      if (!smallest) break;
      teams.set(smallest.teamId, "complement_below_k");
      remainder += smallest.respondents;
    }
  }
  return { sides: sideState, teams };
}

function bySizeThenId(a: { teamId: string; respondents: number }, b: { teamId: string; respondents: number }) {
  return a.respondents - b.respondents || (a.teamId < b.teamId ? -1 : a.teamId > b.teamId ? 1 : 0);
}

/**
 * Time correlation: while a pulse is open, a side's results are released only when its count of answers reaches
 * a multiple of k, so two consecutive releases differ by at least k answers.
 */
export function isReleaseStep(count: number, k: number): boolean {
  return count > 0 && count % k === 0;
}

/** Comments of a group only from `commentsK` respondents (and never below k). */
export function commentsShown(respondents: number, k: number, commentsK: number): boolean {
  return respondents >= Math.max(k, commentsK);
}
