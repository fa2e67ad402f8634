import { expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildPersona } from "../../../test/factories";
import { answer, buildHealthWorld, launchedPulse } from "../../../test/factories-health";
import { closeDuePulses } from "./health.commands";

describeWithApp("health pulses, responses and the alignment index", (get) => {
  it("POST /api/v1/surveys: admins only; bad k, dates and item choices refused by field; the rotation covers each criterion", async () => {
    const t = get();
    const { admin, marketing } = await buildHealthWorld(t, { marketing: 1, it: 0 });
    const post = (payload: object, persona = admin) =>
      persona.request({ method: "POST", url: "/api/v1/surveys", payload });
    const base = { title: "Pulse 1", closesOn: "2100-01-01" };
    expect((await t.app.inject({ method: "POST", url: "/api/v1/surveys", payload: base })).statusCode).toBe(401);
    expect((await post(base, marketing[0])).statusCode).toBe(403);
    const bank = (await admin.request({ method: "GET", url: "/api/v1/survey-items" })).json().items as {
      id: string;
      criterion: string;
      code: string;
    }[];
    expect(bank).toHaveLength(31);
    const governance = bank.filter((item) => item.criterion === "governance").map((item) => item.id);
    const cases: Array<[object, string]> = [
      [{ ...base, k: 11 }, "k"],
      [{ ...base, k: 2 }, "k"],
      [{ ...base, itemsPerPulse: 9 }, "itemsPerPulse"],
      [{ ...base, closesOn: "2020-01-01" }, "closesOn"],
      [{ ...base, closesOn: "2026-02-30" }, "closesOn"],
      [{ ...base, itemIds: governance.concat(governance.slice(0, 1)) }, "itemIds.5"],
      [{ ...base, itemIds: governance.concat([bank[0]?.id as string]) }, "itemIds"],
      [{ ...base, title: "" }, "title"],
    ];
    for (const [payload, field] of cases) {
      const response = await post(payload);
      expect(response.statusCode, field).toBe(400);
      expect(
        response.json().errors.map((error: { path: string }) => error.path),
        field,
      ).toContain(field);
    }
    for (const cursor of [
      Buffer.from(JSON.stringify(["-271821-04-20T00:00:00Z", "00000000-0000-0000-0000-000000000000"])).toString(
        "base64url",
      ),
      Buffer.from(JSON.stringify(["2026-01-01T00:00:00Z", "x"])).toString("base64url"),
      "not-a-cursor",
    ]) {
      const page = await admin.request({ url: `/api/v1/surveys?cursor=${cursor}` });
      expect(page.statusCode, cursor).toBe(400);
      expect(page.json().errors[0].path).toBe("cursor");
    }
    expect((await admin.request({ url: "/api/v1/alignment?team=nope" })).statusCode).toBe(400);
    const created = await post(base);
    expect(created.statusCode).toBe(201);
    const pulse = created.json();
    expect(pulse).toMatchObject({ status: "draft", k: 5, itemsPerPulse: 6 });
    expect(pulse.items).toHaveLength(7);
    expect(new Set(pulse.items.map((item: { criterion: string }) => item.criterion)).size).toBe(7);
  });

  it("launch locks k and the items; a live item is never reworded; new items can be added", async () => {
    const t = get();
    const { admin } = await buildHealthWorld(t, { marketing: 0, it: 0 });
    const pulse = await launchedPulse(admin, { k: 3 });
    expect(pulse).toMatchObject({ status: "open", k: 3 });
    const edit = await admin.request({
      method: "PATCH",
      url: `/api/v1/surveys/${pulse.id}`,
      payload: { version: pulse.version, k: 5 },
    });
    expect(edit.statusCode).toBe(409);
    const item = pulse.items[0] as { id: string };
    const bank = (await admin.request({ method: "GET", url: "/api/v1/survey-items" })).json().items;
    const live = bank.find((entry: { id: string }) => entry.id === item.id);
    expect(live.live).toBe(true);
    const reword = await admin.request({
      method: "PATCH",
      url: `/api/v1/survey-items/${item.id}`,
      payload: { version: live.version, text: { marketing: "Changed", it: "Changed" } },
    });
    expect(reword.statusCode).toBe(409);
    const added = await admin.request({
      method: "POST",
      url: "/api/v1/survey-items",
      payload: { criterion: "skills", text: { marketing: "We run joint training.", it: "We run joint training." } },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ criterion: "skills", live: false, shipped: false, position: 5 });
    const reworded = await admin.request({
      method: "PATCH",
      url: `/api/v1/survey-items/${added.json().id}`,
      payload: { version: 1, text: { marketing: "We train together.", it: "We train together." } },
    });
    expect(reworded.statusCode).toBe(200);
    const outcome = bank.find((entry: { criterion: string }) => entry.criterion === "outcome");
    const retire = await admin.request({
      method: "PATCH",
      url: `/api/v1/survey-items/${outcome.id}`,
      payload: { version: outcome.version, status: "retired" },
    });
    expect(retire.statusCode).toBe(400);
    expect(
      (
        await admin.request({
          method: "POST",
          url: "/api/v1/survey-items",
          payload: { criterion: "outcome", text: { marketing: "x", it: "y" } },
        })
      ).statusCode,
    ).toBe(400);
  });

  it("responses: every item once on the 1–5 scale, one per person, only the two sides; results only from k", async () => {
    const t = get();
    const { admin, marketing, it: itPeople, legal, workspace } = await buildHealthWorld(t, { marketing: 6, it: 5 });
    const pulse = await launchedPulse(admin);
    const first = marketing[0];
    if (!first) throw new Error("no persona");
    const post = (payload: object, persona = first) =>
      persona.request({ method: "POST", url: `/api/v1/surveys/${pulse.id}/responses`, payload });
    const full = pulse.items.map((item) => ({ itemId: item.id, value: 4 }));
    const cases: Array<[object, string]> = [
      [{ answers: full.map((entry, index) => (index === 0 ? { ...entry, value: 6 } : entry)) }, "answers.0.value"],
      [{ answers: full.map((entry, index) => (index === 1 ? { ...entry, value: 0 } : entry)) }, "answers.1.value"],
      [{ answers: full.map((entry, index) => (index === 2 ? { ...entry, value: 3.5 } : entry)) }, "answers.2.value"],
      [{ answers: full.map((entry, index) => (index === 0 ? { ...entry, value: "5" } : entry)) }, "answers.0.value"],
      [{ answers: full.slice(1) }, "answers"],
      [{ answers: [...full.slice(0, 6), full[0]] }, "answers.6.itemId"],
      [
        { answers: [...full.slice(0, 6), { itemId: "00000000-0000-4000-8000-000000000000", value: 3 }] },
        "answers.6.itemId",
      ],
      [{ answers: full, comment: "x".repeat(1001) }, "comment"],
    ];
    for (const [payload, field] of cases) {
      const response = await post(payload);
      expect(response.statusCode, field).toBe(400);
      expect(
        response.json().errors.map((error: { path: string }) => error.path),
        field,
      ).toContain(field);
    }
    expect((await post({ answers: full }, legal)).statusCode).toBe(403);
    const stranger = await buildPersona(t, { role: "admin" });
    expect((await post({ answers: full }, stranger)).statusCode).toBe(404);
    const results = async () =>
      (await admin.request({ method: "GET", url: `/api/v1/surveys/${pulse.id}/responses` })).json();
    for (const [index, persona] of marketing.slice(0, 4).entries()) {
      const response = await answer(persona, pulse, () => 2 + (index % 3));
      expect(response.statusCode).toBe(201);
      expect(response.json()).toEqual({ ok: true, side: "marketing" });
    }
    expect((await answer(first, pulse, () => 5)).statusCode).toBe(409);
    // Four marketing answers: below k, nothing shown.
    const below = await results();
    expect(below.groups.marketing).toEqual({ answered: null, suppressed: "below_k" });
    expect(below.items.every((item: { marketing: number | null }) => item.marketing === null)).toBe(true);
    expect((await answer(marketing[4] as never, pulse, () => 3)).statusCode).toBe(201);
    const atK = await results();
    expect(atK.groups.marketing).toEqual({ answered: 5, suppressed: null });
    // 2,3,4,2,3 → mean 2.8 → (2.8 − 1) / 4 × 100 = 45.
    expect(atK.items[0].marketing).toBe(45);
    // The sixth answer is not released until the tenth (multiples of k): no before/after difference.
    expect((await answer(marketing[5] as never, pulse, () => 5)).statusCode).toBe(201);
    expect(await results()).toEqual(atK);
    const survey = (await first.request({ method: "GET", url: `/api/v1/surveys/${pulse.id}` })).json();
    expect(survey.participation.marketing.answered).toBe(6);
    expect(survey.me).toEqual({ side: "marketing", canAnswer: false, answered: true });
    for (const persona of itPeople) expect((await answer(persona, pulse, (i) => 1 + (i % 5))).statusCode).toBe(201);
    const alignmentOpen = (await first.request({ method: "GET", url: "/api/v1/alignment" })).json();
    expect(alignmentOpen.index).not.toBeNull();
    expect(alignmentOpen.basis.groups).toEqual({
      marketing: { answered: 5, suppressed: null },
      it: { answered: 5, suppressed: null },
    });
    expect(workspace.workspace.id).toBeTruthy();
  });

  it("close: the index with both sides, drivers, trend, published figures and the playbook; missing signals said", async () => {
    const t = get();
    const { admin, marketing, it: itPeople } = await buildHealthWorld(t, { marketing: 5, it: 5 });
    const pulse = await launchedPulse(admin);
    for (const persona of marketing) await answer(persona, pulse, () => 4);
    for (const persona of itPeople) await answer(persona, pulse, () => 2);
    const closed = await admin.request({
      method: "POST",
      url: `/api/v1/surveys/${pulse.id}/close`,
      payload: { version: pulse.version },
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe("closed");
    const alignment = (await admin.request({ method: "GET", url: "/api/v1/alignment" })).json();
    // Every criterion: marketing 75, IT 25 → mean 50, gap 50, penalty 10 → 40 (no signal has data here).
    for (const criterion of alignment.criteria) {
      expect(criterion.survey).toEqual({ marketing: 75, it: 25, gap: 50 });
      expect(criterion.surveyScore).toBe(40);
    }
    expect(alignment.level).toEqual({ average: 3, weakestLink: 3 });
    expect(alignment.drivers.map((driver: { kind: string }) => driver.kind)).toContain("large_gap");
    expect(alignment.trend).toHaveLength(1);
    expect(alignment.published.map((entry: { published: number }) => entry.published).sort()).toEqual([29, 41, 62]);
    expect(alignment.playbook.length).toBeGreaterThan(0);
    expect(alignment.missingSignals.map((entry: { source: string }) => entry.source)).toContain("rituals");
    const again = await admin.request({
      method: "POST",
      url: `/api/v1/surveys/${pulse.id}/close`,
      payload: { version: pulse.version + 1 },
    });
    expect(again.statusCode).toBe(409);
    expect((await answer(marketing[0] as never, pulse, () => 4)).statusCode).toBe(409);
  });

  it("the job closes an open pulse once its last answering day has passed, and only then", async () => {
    const t = get();
    const { admin, marketing } = await buildHealthWorld(t, { marketing: 1, it: 0 });
    const pulse = await launchedPulse(admin, { closesOn: new Date().toISOString().slice(0, 10) });
    expect(await closeDuePulses(t.database, new Date())).toEqual({ closed: 0 });
    const tomorrow = new Date(Date.now() + 86_400_000);
    const { closed } = await closeDuePulses(t.database, tomorrow);
    expect(closed).toBeGreaterThanOrEqual(1);
    const [survey] = await t.database.query<{ status: string }>("SELECT status FROM health_survey WHERE id = $1", [
      pulse.id,
    ]);
    expect(survey?.status).toBe("closed");
    expect((await answer(marketing[0] as never, pulse, () => 4)).statusCode).toBe(409);
    const audit = await t.database.query<{ action: string; actor_id: string | null }>(
      "SELECT action, actor_id FROM audit_event WHERE entity_id = $1 AND action = 'survey.closed'",
      [pulse.id],
    );
    expect(audit).toEqual([{ action: "survey.closed", actor_id: null }]);
  });
});
