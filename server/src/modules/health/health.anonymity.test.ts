import { expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { addTeam, answer, buildHealthWorld, launchedPulse } from "../../../test/factories-health";

// Attempts to re-identify a respondent: by the stored rows, by small teams, by subtracting a shown team from its
// side, and by watching results change as people answer. Each must find nothing.

describeWithApp("health anonymity", (get) => {
  it("stores answers without the person or a time, and participation without the answer or a time", async () => {
    const t = get();
    const columns = async (table: string) =>
      (
        await t.database.query<{ column_name: string }>(
          "SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY column_name",
          [table],
        )
      ).map((row) => row.column_name);
    expect(await columns("health_response")).toEqual(["comment", "id", "side", "survey_id", "team_id"]);
    expect(await columns("health_answer")).toEqual(["item_id", "response_id", "value"]);
    expect(await columns("health_participation")).toEqual(["side", "survey_id", "user_id"]);
  });

  it("small teams and complements: a team below k, or whose side minus it is below k, is never shown", async () => {
    const t = get();
    const { admin, marketing, it: itPeople, workspace } = await buildHealthWorld(t, { marketing: 9, it: 5 });
    // Marketing: a big team of 6 and a small one of 3 (side 9).
    const small = await addTeam(t, workspace.workspace.id, "marketing", marketing.slice(6));
    const big = workspace.teamOf("marketing").id;
    const pulse = await launchedPulse(admin);
    for (const [index, persona] of marketing.entries()) await answer(persona, pulse, () => (index >= 6 ? 1 : 5));
    for (const persona of itPeople) await answer(persona, pulse, () => 3);
    await admin.request({
      method: "POST",
      url: `/api/v1/surveys/${pulse.id}/close`,
      payload: { version: pulse.version },
    });
    const results = async (team?: string) =>
      (await admin.request({ url: `/api/v1/surveys/${pulse.id}/responses${team ? `?team=${team}` : ""}` })).json();
    const side = await results();
    expect(side.groups.marketing).toEqual({ answered: 9, suppressed: null });
    // (6 × 5 + 3 × 1) / 9 = 3.667 → 66.7.
    expect(side.items[0].marketing).toBe(66.7);
    const smallSlice = await results(small);
    expect(smallSlice.groups.marketing).toEqual({ answered: null, suppressed: "below_k" });
    expect(smallSlice.items.every((item: { marketing: unknown }) => item.marketing === null)).toBe(true);
    // Showing the big team would give the small one by subtraction from the side: suppressed too.
    const bigSlice = await results(big);
    expect(bigSlice.groups.marketing).toEqual({ answered: null, suppressed: "complement_below_k" });
    expect(bigSlice.items.every((item: { marketing: unknown }) => item.marketing === null)).toBe(true);
    for (const team of [small, big]) {
      const alignment = (await admin.request({ url: `/api/v1/alignment?team=${team}` })).json();
      expect(alignment.criteria.every((criterion: { survey: unknown }) => criterion.survey === null)).toBe(true);
    }
    // Comments of a team are never shown; another workspace's or a legal team is refused by field.
    expect(smallSlice.comments).toEqual({ marketing: null, it: null });
    const legal = workspace.teamOf("legal").id;
    const refused = await admin.request({ url: `/api/v1/alignment?team=${legal}` });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].path).toBe("team");
  });

  it("three teams: the smallest shown team is suppressed while the rest of the side is below k", async () => {
    const t = get();
    const { admin, marketing, it: itPeople, workspace } = await buildHealthWorld(t, { marketing: 14, it: 5 });
    const a = await addTeam(t, workspace.workspace.id, "marketing", marketing.slice(0, 6));
    const b = await addTeam(t, workspace.workspace.id, "marketing", marketing.slice(6, 12));
    // The default marketing team keeps two people.
    const pulse = await launchedPulse(admin);
    for (const persona of [...marketing, ...itPeople]) await answer(persona, pulse, () => 4);
    await admin.request({
      method: "POST",
      url: `/api/v1/surveys/${pulse.id}/close`,
      payload: { version: pulse.version },
    });
    const groupOf = async (team: string) =>
      (await admin.request({ url: `/api/v1/surveys/${pulse.id}/responses?team=${team}` })).json().groups.marketing;
    const shown = [await groupOf(a), await groupOf(b)];
    // One of the two is suppressed as a complement, the other shown: 14 − 6 = 8 ≥ 5 left unshown.
    expect(shown.filter((group) => group.suppressed === null)).toHaveLength(1);
    expect(shown.filter((group) => group.suppressed === "complement_below_k")).toHaveLength(1);
  });

  it("time correlation: an open pulse's results move only in steps of k answers; the close reshuffles the rows", async () => {
    const t = get();
    const { admin, marketing, it: itPeople } = await buildHealthWorld(t, { marketing: 11, it: 5 });
    const pulse = await launchedPulse(admin);
    const seen: string[] = [];
    for (const [index, persona] of marketing.entries()) {
      await answer(persona, pulse, () => 1 + (index % 5));
      const results = (await admin.request({ url: `/api/v1/surveys/${pulse.id}/responses` })).json();
      seen.push(JSON.stringify(results.groups.marketing) + JSON.stringify(results.items));
    }
    // The watcher sees a change only after the 5th and the 10th answer: each step covers k people.
    const changes = seen.map((state, index) => index === 0 || state !== seen[index - 1]);
    expect(changes.map((changed, index) => (changed ? index + 1 : 0)).filter(Boolean)).toEqual([1, 5, 10]);
    expect(JSON.parse(`${seen[0]?.split("}")[0]}}`)).toEqual({ answered: null, suppressed: "below_k" });
    for (const persona of itPeople) await answer(persona, pulse, () => 3);
    const before = await t.database.query<{ id: string }>("SELECT id FROM health_response WHERE survey_id = $1", [
      pulse.id,
    ]);
    await admin.request({
      method: "POST",
      url: `/api/v1/surveys/${pulse.id}/close`,
      payload: { version: pulse.version },
    });
    const after = await t.database.query<{ id: string; tx: string }>(
      "SELECT id, xmin::text AS tx FROM health_response WHERE survey_id = $1",
      [pulse.id],
    );
    expect(after).toHaveLength(before.length);
    // New ids, all written by one transaction: neither ids, order nor transaction ids point at the answering.
    expect(after.filter((row) => before.some((old) => old.id === row.id))).toEqual([]);
    expect(new Set(after.map((row) => row.tx)).size).toBe(1);
    const people = await t.database.query<{ tx: string }>(
      "SELECT xmin::text AS tx FROM health_participation WHERE survey_id = $1",
      [pulse.id],
    );
    expect(new Set(people.map((row) => row.tx))).toEqual(new Set(after.map((row) => row.tx)));
    // The audit log never records a response.
    const audit = await t.database.query<{ action: string }>(
      "SELECT action FROM audit_event WHERE entity_id = $1 OR action LIKE '%response%'",
      [pulse.id],
    );
    expect(audit.map((row) => row.action).sort()).toEqual(["survey.closed", "survey.created", "survey.launched"]);
  });

  it("a trend point below k is hidden and the index stays on the last visible pulse; comments only from 10", async () => {
    const t = get();
    const { admin, marketing, it: itPeople } = await buildHealthWorld(t, { marketing: 10, it: 5 });
    const first = await launchedPulse(admin);
    for (const persona of marketing) await answer(persona, first, () => 4, "Good quarter");
    for (const persona of itPeople) await answer(persona, first, () => 4);
    await admin.request({
      method: "POST",
      url: `/api/v1/surveys/${first.id}/close`,
      payload: { version: first.version },
    });
    const firstResults = (await admin.request({ url: `/api/v1/surveys/${first.id}/responses` })).json();
    expect(firstResults.comments.marketing).toHaveLength(10);
    expect(firstResults.comments.it).toBeNull();
    const second = await launchedPulse(admin);
    for (const persona of marketing) await answer(persona, second, () => 1);
    for (const persona of itPeople.slice(0, 4)) await answer(persona, second, () => 1);
    await admin.request({
      method: "POST",
      url: `/api/v1/surveys/${second.id}/close`,
      payload: { version: second.version },
    });
    const alignment = (await admin.request({ url: "/api/v1/alignment" })).json();
    expect(alignment.trend.map((point: { hidden: boolean }) => point.hidden)).toEqual([false, true]);
    expect(alignment.trend[1].index).toBeNull();
    expect(alignment.trend[1].criteria.every((c: { score: unknown }) => c.score === null)).toBe(true);
    expect(alignment.basis.surveyId).toBe(first.id);
    // All answered 4 → 75 on both sides in the visible pulse.
    expect(alignment.criteria[0].survey).toEqual({ marketing: 75, it: 75, gap: 0 });
    const secondResults = (await admin.request({ url: `/api/v1/surveys/${second.id}/responses` })).json();
    expect(secondResults.groups.it).toEqual({ answered: null, suppressed: "below_k" });
    expect(secondResults.items.every((item: { it: unknown }) => item.it === null)).toBe(true);
  });
});
