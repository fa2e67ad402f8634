import { expect, it } from "vitest";
import { describeWithApp, json } from "../../../test/app";
import { buildPersona, buildWorkspace } from "../../../test/factories";
import type { Ctx } from "../../context";
import { readJobSwapsHeld } from "./rituals.commands";

const day = (base: Date, offset: number) => new Date(base.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

describeWithApp("job swaps", (get) => {
  async function setup() {
    const t = get();
    t.setNow(null);
    const ws = await buildWorkspace(t);
    const [admin, marketer, engineer, secondMarketer, viewer, legal] = await Promise.all([
      buildPersona(t, { role: "admin", teamKind: "it", workspace: ws }),
      buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws }),
      buildPersona(t, { role: "member", teamKind: "it", workspace: ws }),
      buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws }),
      buildPersona(t, { role: "viewer", teamKind: "marketing", workspace: ws }),
      buildPersona(t, { role: "member", teamKind: "legal", workspace: ws }),
    ]);
    return { t, ws, admin, marketer, engineer, secondMarketer, viewer, legal };
  }

  it("pairs a marketing and an IT person for a period with goals, tells both, and audits it", async () => {
    const { t, admin, marketer, engineer } = await setup();
    const today = new Date();
    const created = await admin.request({
      method: "POST",
      url: "/api/v1/job-swaps",
      payload: {
        marketingPersonId: marketer.user.id,
        itPersonId: engineer.user.id,
        startDate: day(today, 7),
        endDate: day(today, 11),
        goals: "  See how releases are planned; show how a campaign is briefed.  ",
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const swap = json(created);
    expect(swap).toMatchObject({
      kind: "swap",
      marketingPerson: { id: marketer.user.id, name: marketer.user.name, team: { kind: "marketing" } },
      itPerson: { id: engineer.user.id, team: { kind: "it" } },
      startDate: day(today, 7),
      endDate: day(today, 11),
      goals: "See how releases are planned; show how a campaign is briefed.",
      phase: "planned",
      reflections: { marketing: null, it: null },
      reflectionsDue: false,
      version: 1,
    });
    const told = await t.database.query<{ user_id: string; kind: string }>(
      "SELECT user_id, kind FROM notification WHERE kind = 'rituals.job_swap' AND user_id IN ($1, $2)",
      [marketer.user.id, engineer.user.id],
    );
    expect(told.map((row) => row.user_id).sort()).toEqual([marketer.user.id, engineer.user.id].sort());
    const [audit] = await t.database.query<{ action: string }>("SELECT action FROM audit_event WHERE entity_id = $1", [
      swap.id,
    ]);
    expect(audit.action).toBe("job_swap.created");
    expect(json(await marketer.request({ url: `/api/v1/job-swaps/${swap.id}` })).id).toBe(swap.id);
  });

  it("refuses people of the wrong side, of another workspace, an end before the start, and viewers", async () => {
    const { t, admin, marketer, engineer, secondMarketer, viewer, legal } = await setup();
    const outsider = await buildPersona(t, { role: "member", teamKind: "it" });
    const today = new Date();
    const body = {
      marketingPersonId: marketer.user.id,
      itPersonId: engineer.user.id,
      startDate: day(today, 1),
      endDate: day(today, 3),
      goals: "Learn",
    };
    const post = (payload: object, as = admin) => as.request({ method: "POST", url: "/api/v1/job-swaps", payload });
    const errorsOf = async (payload: object) => {
      const response = await post(payload);
      expect(response.statusCode, response.body).toBe(400);
      return json(response).errors as { path: string; message: string }[];
    };
    expect(
      await errorsOf({ ...body, marketingPersonId: engineer.user.id, itPersonId: secondMarketer.user.id }),
    ).toEqual([
      { path: "marketingPersonId", message: "must be a person of a marketing team" },
      { path: "itPersonId", message: "must be a person of an IT team" },
    ]);
    expect(await errorsOf({ ...body, itPersonId: legal.user.id })).toEqual([
      { path: "itPersonId", message: "must be a person of an IT team" },
    ]);
    expect(await errorsOf({ ...body, itPersonId: outsider.user.id })).toEqual([
      { path: "itPersonId", message: "is not a person of this workspace" },
    ]);
    expect(await errorsOf({ ...body, startDate: day(today, 5), endDate: day(today, 4) })).toEqual([
      { path: "endDate", message: "must be on or after the start date" },
    ]);
    expect((await errorsOf({ ...body, endDate: day(today, 400) }))[0].path).toBe("endDate");
    expect((await errorsOf({ ...body, goals: "   " }))[0].path).toBe("goals");
    expect((await errorsOf({ ...body, startDate: "2026-02-30" }))[0].path).toBe("startDate");
    expect((await errorsOf({ ...body, marketingPersonId: "not-an-id" }))[0].path).toBe("marketingPersonId");
    expect((await post(body, viewer)).statusCode).toBe(403);
    // The same day as first and last day is a one-day shadowing.
    const oneDay = await post({ ...body, kind: "shadowing", endDate: body.startDate });
    expect(oneDay.statusCode, oneDay.body).toBe(201);
    // Another workspace sees none of it.
    const id = json(oneDay).id;
    expect((await outsider.request({ url: `/api/v1/job-swaps/${id}` })).statusCode).toBe(404);
    expect(json(await outsider.request({ url: "/api/v1/job-swaps" })).items).toEqual([]);
  });

  it("lets only the two people write their reflection, only once the period ended", async () => {
    const { t, admin, marketer, engineer, viewer } = await setup();
    const today = new Date();
    const current = json(
      await admin.request({
        method: "POST",
        url: "/api/v1/job-swaps",
        payload: {
          marketingPersonId: marketer.user.id,
          itPersonId: engineer.user.id,
          startDate: day(today, -2),
          endDate: day(today, 2),
          goals: "Shadow an incident review",
        },
      }),
    );
    expect(current.phase).toBe("current");
    const reflect = (as: typeof marketer, text = "I learned how change windows are chosen.") =>
      as.request({ method: "PUT", url: `/api/v1/job-swaps/${current.id}/reflection`, payload: { text } });
    const early = await reflect(marketer);
    expect(early.statusCode).toBe(409);
    expect(json(early).code).toBe("invalid_state");

    // The period is cut short to end today: its last day counts as ended.
    const cut = await admin.request({
      method: "PATCH",
      url: `/api/v1/job-swaps/${current.id}`,
      payload: { version: current.version, endDate: day(today, 0) },
    });
    expect(cut.statusCode, cut.body).toBe(200);
    expect((await reflect(admin)).statusCode).toBe(403);
    expect((await reflect(viewer)).statusCode).toBe(403);
    const empty = await reflect(marketer, "  ");
    expect(empty.statusCode).toBe(400);
    expect(json(empty).errors[0].path).toBe("text");
    const first = await reflect(marketer);
    expect(first.statusCode, first.body).toBe(200);
    expect(json(first)).toMatchObject({
      phase: "current",
      reflections: { marketing: { text: "I learned how change windows are chosen." }, it: null },
      reflectionsDue: true,
    });
    const both = json(await reflect(engineer, "Campaign briefs need our input two weeks earlier."));
    expect(both.reflections.it.text).toBe("Campaign briefs need our input two weeks earlier.");
    expect(both.reflections.marketing.text).toBe("I learned how change windows are chosen.");
    expect(both.reflectionsDue).toBe(false);
    const [told] = await t.database.query<{ title: string }>(
      "SELECT title FROM notification WHERE kind = 'rituals.job_swap_reflection' AND user_id = $1",
      [marketer.user.id],
    );
    expect(told.title).toContain("wrote a reflection");
  });

  it("edits the period with its version (409 when stale) and keeps start on or before end", async () => {
    const { admin, marketer, engineer } = await setup();
    const today = new Date();
    const swap = json(
      await admin.request({
        method: "POST",
        url: "/api/v1/job-swaps",
        payload: {
          marketingPersonId: marketer.user.id,
          itPersonId: engineer.user.id,
          startDate: day(today, 10),
          endDate: day(today, 12),
          goals: "Plan",
        },
      }),
    );
    const patch = (payload: object) =>
      marketer.request({ method: "PATCH", url: `/api/v1/job-swaps/${swap.id}`, payload });
    const backwards = await patch({ version: 1, startDate: day(today, 13) });
    expect(backwards.statusCode).toBe(400);
    expect(json(backwards).errors[0].path).toBe("endDate");
    const moved = await patch({ version: 1, startDate: day(today, 11), kind: "shadowing" });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(json(moved)).toMatchObject({ startDate: day(today, 11), kind: "shadowing", version: 2 });
    const stale = await patch({ version: 1, goals: "Other" });
    expect(stale.statusCode).toBe(409);
    expect(json(stale).code).toBe("conflict");
  });

  it("lists the programme by phase, one person's, in pages", async () => {
    const { ws, t, admin, marketer, engineer, secondMarketer } = await setup();
    const second = await buildPersona(t, { role: "member", teamKind: "it", workspace: ws });
    const today = new Date();
    const periods = [
      [-40, -30],
      [-20, -15],
      [-1, 1],
      [5, 9],
      [30, 35],
    ];
    const ids: string[] = [];
    for (const [index, [from, to]] of periods.entries()) {
      const response = await admin.request({
        method: "POST",
        url: "/api/v1/job-swaps",
        payload: {
          marketingPersonId: index % 2 === 0 ? marketer.user.id : secondMarketer.user.id,
          itPersonId: index % 2 === 0 ? engineer.user.id : second.user.id,
          startDate: day(today, from),
          endDate: day(today, to),
          goals: `Pair ${index}`,
        },
      });
      expect(response.statusCode, response.body).toBe(201);
      ids.push(json(response).id);
    }
    const list = async (query: string) => json(await marketer.request({ url: `/api/v1/job-swaps?${query}` }));
    expect((await list("phase=past")).items.map((swap: { id: string }) => swap.id)).toEqual([ids[1], ids[0]]);
    expect((await list("phase=current")).items.map((swap: { id: string }) => swap.id)).toEqual([ids[2]]);
    expect((await list("phase=planned")).items.map((swap: { id: string }) => swap.id)).toEqual([ids[3], ids[4]]);
    expect((await list("person=me")).items.map((swap: { id: string }) => swap.id)).toEqual([ids[4], ids[2], ids[0]]);
    // Two per page, all five once, latest start first.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await list(
        `limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      seen.push(...page.items.map((swap) => swap.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const forged = await marketer.request({ url: "/api/v1/job-swaps?cursor=bm9wZQ" });
    expect(forged.statusCode).toBe(400);
    expect((await marketer.request({ url: "/api/v1/job-swaps?phase=soon" })).statusCode).toBe(400);
  });

  it("counts the swaps held in a window for Health: started by its end or today, reflected, people", async () => {
    const { t, ws, admin, marketer, engineer, secondMarketer } = await setup();
    const today = new Date();
    const create = async (from: number, to: number, marketing = marketer) =>
      json(
        await admin.request({
          method: "POST",
          url: "/api/v1/job-swaps",
          payload: {
            marketingPersonId: marketing.user.id,
            itPersonId: engineer.user.id,
            startDate: day(today, from),
            endDate: day(today, to),
            goals: "Learn",
          },
        }),
      );
    const done = await create(-30, -25);
    await create(-2, 2, secondMarketer);
    await create(5, 8);
    await create(-200, -190);
    for (const person of [marketer, engineer]) {
      await t.database.query(
        `UPDATE job_swap SET ${person === marketer ? "marketing" : "it"}_reflection = 'ok', ${
          person === marketer ? "marketing" : "it"
        }_reflected_at = now() WHERE id = $1`,
        [done.id],
      );
    }
    const ctx: Ctx = {
      database: t.database,
      actor: {
        userId: admin.user.id,
        workspaceId: ws.workspace.id,
        name: admin.user.name,
        email: admin.user.email,
        role: "admin",
        teamId: admin.user.teamId,
        teamName: "IT",
        teamKind: "it",
        workspaceName: ws.workspace.name,
        via: "session",
        sessionId: null,
        tokenId: null,
        tokenScope: null,
      },
      ip: null,
      now: today,
    };
    // The last 90 days up to a date 30 days ahead: the planned swap (day 5) has not started by today.
    expect(await readJobSwapsHeld(ctx, { from: day(today, -90), to: day(today, 30) })).toEqual({
      from: day(today, -90),
      to: day(today, 30),
      held: 2,
      reflected: 1,
      people: 3,
    });
    expect(await readJobSwapsHeld(ctx, { from: day(today, -365), to: day(today, -100) })).toMatchObject({
      held: 1,
      reflected: 0,
      people: 2,
    });
  });
});
