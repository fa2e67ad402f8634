// A pulse's results: aggregated per side (or one team in its side's place), never single answers, suppressed below k.
import type { GroupResult, HealthSide, SurveyResults } from "#contracts/health";
import { HealthLimits } from "#contracts/health";
import { toPoints, visibility } from "#engines/alignment";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { AppError, assertFound } from "../../errors";
import { authorize } from "../../policy";
import { findSurvey, findTeam, type SurveyRow, surveyItemRows } from "./health.queries";
import { refuse } from "./health.service";
import { type ReleaseRow, readComments, readReleases, releasedTeams } from "./responses.queries";

/** A side's respondents as released (the largest count over its item rows). */
export function releasedRespondents(rows: readonly ReleaseRow[], side: HealthSide): number {
  return rows.filter((row) => row.side === side).reduce((max, row) => Math.max(max, row.respondents), 0);
}

/** A pulse's aggregated results, per side (or one team in place of its side), suppressed below k. */
export async function pulseResults(ctx: Ctx, surveyId: string, teamId?: string): Promise<SurveyResults> {
  authorize(ctx.actor, "health.read");
  const survey = assertFound(await findSurvey(ctx.database.db, ctx.actor.workspaceId, surveyId), "Pulse");
  if (survey.status === "draft") throw new AppError("invalid_state", "This pulse has not been launched");
  const db = ctx.database.db;
  const team = teamId ? await findTeam(db, ctx.actor.workspaceId, teamId) : null;
  refuse("The team cannot be used", [
    ...(teamId && !team?.side ? [{ path: "team", message: "is not a marketing or IT team of this workspace" }] : []),
  ]);
  const sideRows = await readReleases(db, [surveyId], "side");
  const groups: Record<HealthSide, GroupResult> = {
    marketing: group(survey, sideRows, "marketing"),
    it: group(survey, sideRows, "it"),
  };
  const rowsOf: Record<HealthSide, ReleaseRow[]> = {
    marketing: groups.marketing.suppressed ? [] : sideRows.filter((row) => row.side === "marketing"),
    it: groups.it.suppressed ? [] : sideRows.filter((row) => row.side === "it"),
  };
  if (team?.side) {
    const shown = await teamSlice(db, survey, team.id, team.side, sideRows);
    groups[team.side] = shown.group;
    rowsOf[team.side] = shown.rows;
  }
  const items = (await surveyItemRows(db, [surveyId])).map((entry) => entry.item);
  const value = (side: HealthSide, itemId: string) => {
    const row = rowsOf[side].find((entry) => entry.itemId === itemId);
    return row && row.answers > 0 ? row : null;
  };
  const round1 = (n: number) => Math.round(n * 10) / 10;
  const comments = { marketing: null as string[] | null, it: null as string[] | null };
  if (survey.status === "closed" && !team) {
    for (const side of ["marketing", "it"] as const) {
      const answered = groups[side].answered ?? 0;
      if (!groups[side].suppressed && answered >= Math.max(survey.k, HealthLimits.commentsK)) {
        comments[side] = await readComments(db, surveyId, side);
      }
    }
  }
  return {
    surveyId,
    status: survey.status,
    k: survey.k,
    groups,
    items: items.map((item) => {
      const m = value("marketing", item.id);
      const i = value("it", item.id);
      return {
        itemId: item.id,
        code: item.code,
        criterion: item.criterion,
        text: { marketing: item.textMarketing, it: item.textIt },
        marketing: m ? round1(toPoints(m.total / m.answers)) : null,
        it: i ? round1(toPoints(i.total / i.answers)) : null,
        agree: {
          marketing: m ? round1((m.agree / m.answers) * 100) : null,
          it: i ? round1((i.agree / i.answers) * 100) : null,
        },
      };
    }),
    comments,
  };
}

function group(survey: SurveyRow, rows: readonly ReleaseRow[], side: HealthSide): GroupResult {
  const answered = releasedRespondents(rows, side);
  return answered >= survey.k ? { answered, suppressed: null } : { answered: null, suppressed: "below_k" };
}

/**
 * One team's slice of a closed pulse, or nothing when it is below k or its complement within the side would be
 * (an open pulse releases no team slices).
 */
export async function teamSlice(
  db: Tx,
  survey: SurveyRow,
  teamId: string,
  side: HealthSide,
  sideRows: readonly ReleaseRow[],
): Promise<{ group: GroupResult; rows: ReleaseRow[] }> {
  const hidden = (suppressed: GroupResult["suppressed"]) => ({ group: { answered: null, suppressed }, rows: [] });
  if (survey.status !== "closed") return hidden("below_k");
  const teamsOf = (await releasedTeams(db, [survey.id])).filter((row) => row.side === side);
  const sizes = new Map<string, number>();
  for (const row of teamsOf) sizes.set(row.teamId, Math.max(sizes.get(row.teamId) ?? 0, row.respondents));
  const sideTotal = releasedRespondents(sideRows, side);
  const named = [...sizes].map(([id, respondents]) => ({ teamId: id, respondents }));
  const withoutTeam = sideTotal - named.reduce((sum, entry) => sum + entry.respondents, 0);
  const other = { respondents: 0, teams: [] };
  const seen = visibility(survey.k, {
    marketing:
      side === "marketing"
        ? { respondents: sideTotal, teams: [...named, { teamId: null, respondents: withoutTeam }] }
        : other,
    it:
      side === "it" ? { respondents: sideTotal, teams: [...named, { teamId: null, respondents: withoutTeam }] } : other,
  });
  const state = seen.teams.get(teamId);
  if (state === undefined) return hidden("below_k");
  if (state !== null) return hidden(state);
  return {
    group: { answered: sizes.get(teamId) ?? 0, suppressed: null },
    rows: await readReleases(db, [survey.id], "team", teamId),
  };
}
