import { expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildPersona } from "../../../test/factories";
import { buildWorld } from "../../../test/world";
import { runRitualsRound } from "./rituals.commands";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describeWithApp("rituals", (get) => {
  it("POST /api/v1/meeting-series: from a template, flagged when one side is missing, its next occurrence created", async () => {
    const t = get();
    const w = await buildWorld(t);
    const marketing = w.personas.marketing;
    const response = await marketing.request({
      method: "POST",
      url: "/api/v1/meeting-series",
      payload: {
        template: "cmo_cio_weekly_sync",
        startDate: day(0),
        timeZone: "Europe/Berlin",
        participantIds: [marketing.user.id],
      },
    });
    expect(response.statusCode).toBe(201);
    const series = response.json();
    expect(series).toMatchObject({
      title: "CMO–CIO weekly sync",
      cadence: { kind: "weekly", weekday: "tuesday" },
      durationMinutes: 45,
      oneSided: true,
      missingSides: ["it"],
      participants: [{ id: marketing.user.id, side: "marketing" }],
    });
    expect(series.sections.length).toBeGreaterThan(1);
    const next = series.nextMeeting;
    expect(next.status).toBe("scheduled");
    expect(Date.parse(next.startsAt)).toBeGreaterThan(Date.now());
    expect(new Date(next.startsAt).getUTCDay()).toBe(2);
    expect(Date.parse(next.endsAt) - Date.parse(next.startsAt)).toBe(45 * 60_000);
    // Both sides: no flag.
    const both = await marketing.request({
      method: "PATCH",
      url: `/api/v1/meeting-series/${series.id}`,
      payload: { version: 1, participantIds: [marketing.user.id, w.personas.it.user.id] },
    });
    expect(both.json()).toMatchObject({ oneSided: false, missingSides: [], version: 2 });
    // Stale version.
    const stale = await marketing.request({
      method: "PATCH",
      url: `/api/v1/meeting-series/${series.id}`,
      payload: { version: 1, title: "Again" },
    });
    expect(stale.statusCode).toBe(409);
  });

  it("refuses bad series input naming the field, and another workspace's people", async () => {
    const t = get();
    const w = await buildWorld(t);
    const admin = w.personas.admin;
    const outsider = await buildPersona(t, { teamKind: "it" });
    const post = (payload: unknown) =>
      admin.request({
        method: "POST",
        url: "/api/v1/meeting-series",
        payload: { template: "cmo_cio_weekly_sync", ...(payload as object) },
      });
    const cases: Array<[unknown, string]> = [
      [{ template: "custom", startDate: day(0) }, "title"],
      [{ template: "custom", title: "X", startDate: day(5), endDate: day(1) }, "endDate"],
      [{ startDate: "2026-02-30" }, "startDate"],
      [{ startDate: "9999-01-01" }, "startDate"],
      [{ startDate: day(0), timeZone: "Mars/Olympus_Mons" }, "timeZone"],
      [{ startDate: day(0), timeZone: "+05:00" }, "timeZone"],
      [
        { startDate: day(0), cadence: { kind: "every_n_weeks", intervalWeeks: 0, weekday: "monday" } },
        "cadence.intervalWeeks",
      ],
      [{ startDate: day(0), durationMinutes: 0 }, "durationMinutes"],
      [{ startDate: day(0), durationMinutes: 10_000_000 }, "durationMinutes"],
      [{ startDate: "+275760-09-13" }, "startDate"],
      [{ startDate: day(0), participantIds: Array.from({ length: 10_000 }, () => w.target.user.id) }, "participantIds"],
      [{ startDate: day(0), startTime: "25:00" }, "startTime"],
      [{ startDate: day(0), durationMinutes: 1e20 }, "durationMinutes"],
      [
        { startDate: day(0), cadence: { kind: "every_n_weeks", intervalWeeks: 1000, weekday: "monday" } },
        "cadence.intervalWeeks",
      ],
      [{ startDate: day(0), cadence: { kind: "monthly_nth_weekday", nth: 5, weekday: "monday" } }, "cadence.nth"],
      [{ startDate: day(0), cadence: { kind: "daily" } }, "cadence.kind"],
      [{ startDate: day(0), participantIds: [outsider.user.id] }, "participantIds.0"],
      [{ startDate: day(0), participantIds: [w.target.user.id, w.target.user.id] }, "participantIds"],
      [{ startDate: day(0), sections: [] }, "sections"],
      [{ startDate: day(0), sections: [{ title: "A" }, { title: "a" }] }, "sections"],
      [{ startDate: day(0), sections: [{ title: "A", kinds: ["nonsense"] }] }, "sections.0.kinds.0"],
      [{ startDate: day(0), extra: { deep: { deeper: [1, 2, { x: 1 }] } } }, ""],
    ];
    for (const [payload, path] of cases) {
      const response = await post(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      if (path) {
        expect(
          response.json().errors.map((error: { path: string }) => error.path),
          JSON.stringify(payload),
        ).toContain(path);
      }
    }
    const deep = JSON.parse(`{"startDate":"${day(0)}","title":${"[".repeat(500)}${"]".repeat(500)}}`);
    expect((await post(deep)).statusCode).toBe(400);
    const nul = await post({ template: "custom", title: "Sync\u0000", startDate: day(0) });
    expect(nul.statusCode).toBe(400);
  });

  it("a built agenda follows its meeting when the series' new length moves it", async () => {
    const t = get();
    const w = await buildWorld(t);
    const admin = w.personas.admin;
    const meetingId = w.rituals.meeting.id;
    const built = await admin.request({ method: "POST", url: `/api/v1/meetings/${meetingId}/prepare`, payload: {} });
    expect(built.json().totalMinutes).toBe(45);
    const series = (await admin.request({ url: `/api/v1/meeting-series/${w.rituals.series.id}` })).json();
    const edited = await admin.request({
      method: "PATCH",
      url: `/api/v1/meeting-series/${series.id}`,
      payload: { version: series.version, durationMinutes: 60 },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const agenda = (await admin.request({ url: `/api/v1/meetings/${meetingId}/agenda` })).json();
    expect(agenda.meeting.status).toBe("scheduled");
    expect(agenda.durationMinutes).toBe(60);
    expect(agenda.totalMinutes).toBe(60);
  });

  it("refuses overlapping occurrences of one series, holds only started meetings and keeps a next occurrence", async () => {
    const t = get();
    const w = await buildWorld(t);
    const admin = w.personas.admin;
    const meeting = w.rituals.meeting;
    const overlapping = await admin.request({
      method: "POST",
      url: "/api/v1/meetings",
      payload: {
        seriesId: w.rituals.series.id,
        startsAt: new Date(meeting.startsAt.getTime() + 30 * 60_000).toISOString(),
      },
    });
    expect(overlapping.statusCode).toBe(400);
    expect(overlapping.json().errors[0].path).toBe("startsAt");
    const touching = await admin.request({
      method: "POST",
      url: "/api/v1/meetings",
      payload: { seriesId: w.rituals.series.id, startsAt: meeting.endsAt.toISOString() },
    });
    expect(touching.statusCode).toBe(201);
    // Moving the extra one onto the world's meeting overlaps too.
    const move = await admin.request({
      method: "PATCH",
      url: `/api/v1/meetings/${touching.json().id}`,
      payload: { version: 1, startsAt: meeting.startsAt.toISOString() },
    });
    expect(move.statusCode).toBe(400);
    const outsider = await buildPersona(t, { role: "admin", teamKind: "it" });
    const foreign = await outsider.request({
      method: "POST",
      url: "/api/v1/meetings",
      payload: { seriesId: w.rituals.series.id, startsAt: "2099-01-01T10:00:00Z" },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toBe("seriesId");
    const tooLong = await admin.request({
      method: "POST",
      url: "/api/v1/meetings",
      payload: { seriesId: w.rituals.series.id, startsAt: "2099-01-01T10:00:00Z", endsAt: "2099-01-03T10:00:00Z" },
    });
    expect(tooLong.json().errors[0].path).toBe("endsAt");
    const early = await admin.request({
      method: "PATCH",
      url: `/api/v1/meetings/${meeting.id}`,
      payload: { version: 1, status: "held" },
    });
    expect(early.json().errors[0]).toEqual({ path: "status", message: "cannot be held before the meeting starts" });
    // Cancelling both upcoming ones leaves the series with a new next occurrence, a week on.
    await admin.request({
      method: "PATCH",
      url: `/api/v1/meetings/${touching.json().id}`,
      payload: { version: 1, status: "cancelled" },
    });
    const cancelled = await admin.request({
      method: "PATCH",
      url: `/api/v1/meetings/${meeting.id}`,
      payload: { version: 1, status: "cancelled" },
    });
    expect(cancelled.json()).toMatchObject({ status: "cancelled", version: 2 });
    const series = (await admin.request({ url: `/api/v1/meeting-series/${w.rituals.series.id}` })).json();
    expect(series.nextMeeting.status).toBe("scheduled");
    expect(Date.parse(series.nextMeeting.startsAt)).toBeGreaterThan(meeting.startsAt.getTime());
  });

  it("a meeting closed before its planned end is behind the series: the next occurrence exists at once", async () => {
    const t = get();
    const w = await buildWorld(t);
    const admin = w.personas.admin;
    const meeting = w.rituals.meeting;
    // "Start now": the meeting begins ten minutes ago and keeps its length, so it has not ended yet.
    const startsAt = new Date(Date.now() - 10 * 60_000);
    const started = await admin.request({
      method: "PATCH",
      url: `/api/v1/meetings/${meeting.id}`,
      payload: { version: 1, startsAt: startsAt.toISOString() },
    });
    expect(started.statusCode).toBe(200);
    const held = await admin.request({
      method: "PATCH",
      url: `/api/v1/meetings/${meeting.id}`,
      payload: { version: started.json().version, status: "held" },
    });
    expect(held.json()).toMatchObject({ status: "held" });
    expect(Date.parse(held.json().endsAt)).toBeGreaterThan(Date.now());
    const series = (await admin.request({ url: `/api/v1/meeting-series/${w.rituals.series.id}` })).json();
    expect(series.nextMeeting).toMatchObject({ status: "scheduled" });
    expect(series.nextMeeting.id).not.toBe(meeting.id);
    expect(Date.parse(series.nextMeeting.startsAt)).toBeGreaterThan(Date.parse(held.json().endsAt) - 1);
  });

  it("builds the agenda from live data, keeps notes on refresh, records outcomes and carries commitments over", async () => {
    const t = get();
    const w = await buildWorld(t);
    const admin = w.personas.admin;
    const meetingId = w.rituals.meeting.id;
    const prepared = await admin.request({ method: "POST", url: `/api/v1/meetings/${meetingId}/prepare`, payload: {} });
    expect(prepared.statusCode).toBe(200);
    const agenda = prepared.json();
    const items = agenda.sections.flatMap((section: { items: unknown[] }) => section.items) as Array<{
      id: string;
      kind: string;
      link: { type: string; id: string; href: string } | null;
      owner: { id: string } | null;
      timeBoxMinutes: number;
      version: number;
    }>;
    const kinds = items.map((item) => item.kind);
    // The world's open IT review, its CMS clash, the open action item due in 3 days and the manual item.
    expect(kinds).toEqual(expect.arrayContaining(["review", "clash", "action_item", "manual"]));
    expect(kinds).not.toContain("kpi"); // the world's KPI has no data: neither at risk nor off track
    expect(agenda.totalMinutes).toBe(45);
    expect(agenda.durationMinutes).toBe(45);
    expect(items.reduce((sum, item) => sum + item.timeBoxMinutes, 0)).toBe(45);
    const review = items.find((item) => item.kind === "review");
    expect(review?.link).toMatchObject({ type: "purchase_review", href: `/pipeline/requests/${w.pipelineRequest.id}` });
    const action = items.find((item) => item.kind === "action_item");
    expect(action?.owner?.id).toBe(w.target.user.id);
    expect(agenda.meeting.preparedAt).not.toBeNull();
    // Notes survive a refresh (same item id).
    const noted = await admin.request({
      method: "PATCH",
      url: `/api/v1/meetings/${meetingId}/agenda/${review?.id}`,
      payload: { version: review?.version, notes: "Security needs the DPA first", timeBoxMinutes: 10 },
    });
    expect(noted.statusCode).toBe(200);
    const again = (
      await admin.request({ method: "POST", url: `/api/v1/meetings/${meetingId}/prepare`, payload: {} })
    ).json();
    const kept = again.sections.flatMap((section: { items: unknown[] }) => section.items) as typeof items &
      {
        notes: string;
      }[];
    const keptReview = kept.find((item) => item.id === review?.id) as unknown as {
      notes: string;
      timeBoxMinutes: number;
    };
    expect(keptReview).toMatchObject({ notes: "Security needs the DPA first", timeBoxMinutes: 10 });
    expect(again.totalMinutes).toBe(45);
    // A time box larger than the meeting is refused, naming the field.
    const tooBig = await admin.request({
      method: "PATCH",
      url: `/api/v1/meetings/${meetingId}/agenda/${review?.id}`,
      payload: { version: 2, timeBoxMinutes: 400 },
    });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().errors[0].path).toBe("timeBoxMinutes");

    // Outcomes: another workspace's request and a past due date are refused.
    const outsider = await buildWorld(t);
    const foreign = await admin.request({
      method: "POST",
      url: `/api/v1/meetings/${meetingId}/outcomes`,
      payload: { type: "decision", summary: "Go", requestId: outsider.pipelineRequest.id, reason: "Fits" },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toBe("requestId");
    const past = await admin.request({
      method: "POST",
      url: `/api/v1/meetings/${meetingId}/outcomes`,
      payload: { type: "action_item", summary: "Late", ownerId: w.target.user.id, dueDate: day(-1) },
    });
    expect(past.json().errors[0].path).toBe("dueDate");
    const decision = await admin.request({
      method: "POST",
      url: `/api/v1/meetings/${meetingId}/outcomes`,
      payload: {
        type: "decision",
        summary: "Go ahead with the consent field",
        requestId: w.pipelineRequest.id,
        reason: "Legal asked for it",
        agendaItemId: review?.id,
      },
    });
    expect(decision.statusCode).toBe(201);
    expect(decision.json()).toMatchObject({
      type: "decision",
      request: { id: w.pipelineRequest.id, href: `/pipeline/requests/${w.pipelineRequest.id}` },
      reason: "Legal asked for it",
    });
    const outcome = await admin.request({
      method: "POST",
      url: `/api/v1/meetings/${meetingId}/outcomes`,
      payload: {
        type: "action_item",
        summary: "Send the DPA to security",
        ownerId: w.personas.it.user.id,
        dueDate: day(2),
        priority: "high",
      },
    });
    expect(outcome.statusCode).toBe(201);
    const actionItemId = outcome.json().actionItemId;
    const mine = (await w.personas.it.request({ url: "/api/v1/action-items?owner=me" })).json();
    expect(mine.items.map((item: { id: string }) => item.id)).toEqual([actionItemId]);
    expect(mine.items[0]).toMatchObject({ side: "it", priority: "high", status: "open", dueSoon: true, late: false });

    // The meeting moves into the past and is held; the next one carries the open commitment over.
    await t.database.query(
      "UPDATE meeting SET starts_at = now() - interval '2 hours', ends_at = now() - interval '75 minutes' WHERE id = $1",
      [meetingId],
    );
    const frozen = await admin.request({ method: "POST", url: `/api/v1/meetings/${meetingId}/prepare`, payload: {} });
    expect(frozen.statusCode).toBe(409);
    const held = await admin.request({
      method: "PATCH",
      url: `/api/v1/meetings/${meetingId}`,
      payload: { version: 1, status: "held" },
    });
    expect(held.json()).toMatchObject({ status: "held", attendedByBothSides: true });
    const series = (await admin.request({ url: `/api/v1/meeting-series/${w.rituals.series.id}` })).json();
    const nextId = series.nextMeeting.id;
    expect(nextId).not.toBe(meetingId);
    const nextAgenda = (
      await admin.request({ method: "POST", url: `/api/v1/meetings/${nextId}/prepare`, payload: {} })
    ).json();
    const carried = nextAgenda.sections
      .flatMap((section: { items: unknown[] }) => section.items)
      .filter((item: { kind: string }) => item.kind === "carried_over");
    expect(carried.map((item: { link: { id: string } | null }) => item.link?.id)).toEqual(
      expect.arrayContaining([actionItemId]),
    );
    // The unfinished manual item of the held meeting comes along too.
    expect(carried.map((item: { title: string }) => item.title)).toContain("Agency onboarding");
    const counted = (await admin.request({ url: `/api/v1/action-items/${actionItemId}` })).json();
    expect(counted.carriedOverCount).toBe(1);
    // Done: it no longer carries over.
    await w.personas.it.request({
      method: "PATCH",
      url: `/api/v1/action-items/${actionItemId}`,
      payload: { version: counted.version, status: "done" },
    });
    const refreshed = (
      await admin.request({ method: "POST", url: `/api/v1/meetings/${nextId}/prepare`, payload: {} })
    ).json();
    const links = refreshed.sections
      .flatMap((section: { items: unknown[] }) => section.items)
      .map((item: { link: { id: string } | null }) => item.link?.id);
    expect(links).not.toContain(actionItemId);
    const completion = (
      await admin.request({ url: `/api/v1/action-items/completion?from=${day(-1)}&to=${day(7)}` })
    ).json();
    expect(completion.meetingsHeld).toBe(1);
    expect(completion.meetingsHeldWithBothSides).toBe(1);
    expect(completion.sides.find((side: { side: string }) => side.side === "it")).toMatchObject({
      due: 1,
      done: 1,
      doneOnTime: 1,
      completionRate: 1,
    });
  });

  it("action items: refused past due dates and foreign owners, 409 when stale, lists reject tampered cursors", async () => {
    const t = get();
    const w = await buildWorld(t);
    const marketing = w.personas.marketing;
    const outsider = await buildPersona(t, { teamKind: "it" });
    const post = (payload: object) => marketing.request({ method: "POST", url: "/api/v1/action-items", payload });
    expect((await post({ title: "x", ownerId: outsider.user.id, dueDate: day(3) })).json().errors[0].path).toBe(
      "ownerId",
    );
    expect((await post({ title: "x", ownerId: marketing.user.id, dueDate: day(-3) })).json().errors[0].path).toBe(
      "dueDate",
    );
    expect((await post({ title: "x", ownerId: marketing.user.id, dueDate: "2026-13-01" })).statusCode).toBe(400);
    expect((await post({ title: "", ownerId: marketing.user.id, dueDate: day(3) })).statusCode).toBe(400);
    expect((await post({ title: "x".repeat(5000), ownerId: marketing.user.id, dueDate: day(3) })).statusCode).toBe(400);
    const created = await post({ title: "Write the brief", ownerId: marketing.user.id, dueDate: day(3) });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const done = await marketing.request({
      method: "PATCH",
      url: `/api/v1/action-items/${id}`,
      payload: { version: 1, status: "done" },
    });
    expect(done.json()).toMatchObject({ status: "done", late: false, version: 2 });
    expect(done.json().completedAt).not.toBeNull();
    const stale = await marketing.request({
      method: "PATCH",
      url: `/api/v1/action-items/${id}`,
      payload: { version: 1, status: "open" },
    });
    expect(stale.statusCode).toBe(409);
    for (const url of [
      "/api/v1/action-items?cursor=garbage",
      `/api/v1/action-items?cursor=${Buffer.from(JSON.stringify(["x", "y"])).toString("base64url")}`,
      "/api/v1/action-items?limit=100000000000",
      "/api/v1/action-items?owner=someone",
      "/api/v1/meetings?cursor=AAAA",
      // Forged positions: times JavaScript parses but the database cannot hold, a day that does not exist.
      ...[
        ["+275760-09-13T00:00:00Z", "00000000-0000-0000-0000-000000000000"],
        ["-271821-04-20T00:00:00Z", "00000000-0000-0000-0000-000000000000"],
        ["2026-01-01T00:00:00Z", "x"],
      ].map((position) => `/api/v1/meetings?cursor=${Buffer.from(JSON.stringify(position)).toString("base64url")}`),
      ...[
        ["2026-13-45", "00000000-0000-0000-0000-000000000000"],
        ["+275760-09-13", "00000000-0000-0000-0000-000000000000"],
      ].map((position) => `/api/v1/action-items?cursor=${Buffer.from(JSON.stringify(position)).toString("base64url")}`),
      `/api/v1/meeting-series?cursor=${Buffer.from(JSON.stringify(["A", "not-an-id"])).toString("base64url")}`,
      "/api/v1/meetings?when=later",
      "/api/v1/meeting-series?cursor=%00",
      "/api/v1/action-items/completion?from=2026-05-01&to=2026-01-01",
      "/api/v1/action-items/not-a-uuid",
    ]) {
      const refused = await marketing.request({ url });
      expect(refused.statusCode, url).toBe(400);
      if (url.includes("cursor=")) expect(refused.json().errors[0].path, url).toBe("cursor");
    }
    // An agenda item of another meeting, an owner of another workspace, an outcome naming another meeting's item.
    const admin = w.personas.admin;
    const extra = (
      await admin.request({
        method: "POST",
        url: "/api/v1/meetings",
        payload: { seriesId: w.rituals.series.id, startsAt: "2099-03-03T09:00:00Z" },
      })
    ).json();
    expect(
      (
        await admin.request({
          method: "PATCH",
          url: `/api/v1/meetings/${extra.id}/agenda/${w.rituals.agendaItemId}`,
          payload: { version: 1, notes: "x" },
        })
      ).statusCode,
    ).toBe(404);
    const foreignOwner = await admin.request({
      method: "POST",
      url: `/api/v1/meetings/${extra.id}/agenda`,
      payload: { title: "Budget", ownerId: outsider.user.id, section: "Other business" },
    });
    expect(foreignOwner.json().errors[0].path).toBe("ownerId");
    const badSection = await admin.request({
      method: "POST",
      url: `/api/v1/meetings/${extra.id}/agenda`,
      payload: { title: "Budget", section: "Nowhere" },
    });
    expect(badSection.json().errors[0].path).toBe("section");
    const httpLink = await admin.request({
      method: "POST",
      url: `/api/v1/meetings/${extra.id}/agenda`,
      payload: { title: "Budget", url: "javascript:alert(1)" },
    });
    expect(httpLink.json().errors[0].path).toBe("url");
    const otherItem = await admin.request({
      method: "POST",
      url: `/api/v1/meetings/${extra.id}/outcomes`,
      payload: { type: "information", summary: "x", agendaItemId: w.rituals.agendaItemId },
    });
    expect(otherItem.json().errors[0].path).toBe("agendaItemId");
    // Every bad field at once: another meeting's item and another workspace's request; a past day and a foreign owner.
    const outsiderWorld = await buildWorld(t);
    const allBad = await admin.request({
      method: "POST",
      url: `/api/v1/meetings/${extra.id}/outcomes`,
      payload: {
        type: "decision",
        summary: "x",
        agendaItemId: w.rituals.agendaItemId,
        requestId: outsiderWorld.pipelineRequest.id,
        reason: "y",
      },
    });
    expect(
      allBad
        .json()
        .errors.map((error: { path: string }) => error.path)
        .sort(),
    ).toEqual(["agendaItemId", "requestId"]);
    const badCommitment = await admin.request({
      method: "POST",
      url: "/api/v1/action-items",
      payload: {
        title: "x",
        ownerId: outsider.user.id,
        dueDate: day(-2),
        sourceMeetingId: outsiderWorld.rituals.meeting.id,
      },
    });
    expect(
      badCommitment
        .json()
        .errors.map((error: { path: string }) => error.path)
        .sort(),
    ).toEqual(["dueDate", "ownerId", "sourceMeetingId"]);
    const huge = await admin.request({
      method: "PATCH",
      url: `/api/v1/meetings/${w.rituals.meeting.id}/agenda/${w.rituals.agendaItemId}`,
      payload: { version: 1, position: 1e12, timeBoxMinutes: -5 },
    });
    expect(huge.statusCode).toBe(400);
    // Home: the marketing member's next meeting (a participant of the world's series), the target's commitment due.
    const home = (await marketing.request({ url: "/api/v1/home" })).json();
    expect(home.rituals.nextMeeting).toMatchObject({
      id: w.rituals.meeting.id,
      url: `/rituals/meetings/${w.rituals.meeting.id}`,
    });
    const targetHome = (await w.target.request({ url: "/api/v1/home" })).json();
    expect(targetHome.rituals.nextMeeting).toBeNull();
    expect(targetHome.rituals.commitmentsDue.items.map((item: { id: string }) => item.id)).toEqual([
      w.rituals.actionItemId,
    ]);
    // Another workspace's records are 404, never shown.
    const other = w.personas.otherWorkspace;
    expect((await other.request({ url: `/api/v1/action-items/${id}` })).statusCode).toBe(404);
    expect((await other.request({ url: `/api/v1/meetings/${w.rituals.meeting.id}/agenda` })).statusCode).toBe(404);
    // A filter naming another workspace's series is refused, naming it (it used to answer an empty list).
    const theirs = await other.request({ url: `/api/v1/meetings?seriesId=${w.rituals.series.id}` });
    expect(theirs.statusCode).toBe(400);
    expect(theirs.json().errors[0].path).toBe("seriesId");
    // Keyset pages: two items, one per page.
    await post({ title: "Second", ownerId: marketing.user.id, dueDate: day(4) });
    const first = (await marketing.request({ url: "/api/v1/action-items?status=all&owner=me&limit=1" })).json();
    expect(first.items).toHaveLength(1);
    const second = (
      await marketing.request({ url: `/api/v1/action-items?status=all&owner=me&limit=1&cursor=${first.nextCursor}` })
    ).json();
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
  });

  it("list filters naming another workspace's record or an unknown id answer 400 naming the filter", async () => {
    const t = get();
    const w = await buildWorld(t);
    const marketing = w.personas.marketing;
    const outsider = await buildPersona(t, { teamKind: "it" });
    const theirs = await outsider.request({
      method: "POST",
      url: "/api/v1/meeting-series",
      payload: { template: "cmo_cio_weekly_sync", startDate: day(0), participantIds: [outsider.user.id] },
    });
    expect(theirs.statusCode).toBe(201);
    const foreignSeries = theirs.json();
    const unknown = "00000000-0000-4000-8000-000000000000";
    const cases: Array<[string, string]> = [
      [`/api/v1/meeting-series?participant=${outsider.user.id}`, "participant"],
      [`/api/v1/meeting-series?participant=${unknown}`, "participant"],
      [`/api/v1/meetings?seriesId=${foreignSeries.id}`, "seriesId"],
      [`/api/v1/meetings?seriesId=${unknown}`, "seriesId"],
      [`/api/v1/meetings?participant=${outsider.user.id}`, "participant"],
      [`/api/v1/action-items?owner=${outsider.user.id}`, "owner"],
      [`/api/v1/action-items?sourceMeetingId=${foreignSeries.nextMeeting.id}`, "sourceMeetingId"],
      [`/api/v1/action-items?sourceMeetingId=${unknown}`, "sourceMeetingId"],
      [`/api/v1/job-swaps?person=${outsider.user.id}`, "person"],
    ];
    for (const [url, path] of cases) {
      const refused = await marketing.request({ url });
      expect(refused.statusCode, url).toBe(400);
      expect(
        refused.json().errors.map((error: { path: string }) => error.path),
        url,
      ).toEqual([path]);
    }
    // The workspace's own records and `me` still filter.
    const ours = await marketing.request({
      method: "POST",
      url: "/api/v1/meeting-series",
      payload: { template: "cmo_cio_weekly_sync", startDate: day(0), participantIds: [marketing.user.id] },
    });
    for (const url of [
      `/api/v1/meetings?seriesId=${ours.json().id}&participant=me`,
      `/api/v1/meeting-series?participant=${marketing.user.id}`,
      `/api/v1/action-items?owner=me&sourceMeetingId=${ours.json().nextMeeting.id}`,
      "/api/v1/job-swaps?person=me",
    ]) {
      expect((await marketing.request({ url })).statusCode, url).toBe(200);
    }
    const listed = await marketing.request({ url: `/api/v1/meetings?seriesId=${ours.json().id}` });
    expect(listed.json().items).toHaveLength(1);
  });

  it("the job creates next occurrences, refreshes upcoming agendas and reminds owners once per due date", async () => {
    const t = get();
    const w = await buildWorld(t);
    await t.database.query("UPDATE action_item SET due_date = $2 WHERE id = $1", [w.rituals.actionItemId, day(1)]);
    const now = new Date();
    const first = await runRitualsRound(t.database, now);
    expect(first.prepared).toBeGreaterThanOrEqual(1);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    const [reminder] = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND kind = 'rituals.action_item_due'",
      [w.target.user.id],
    );
    expect(reminder.n).toBe(1);
    await runRitualsRound(t.database, now);
    const [again] = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND kind = 'rituals.action_item_due'",
      [w.target.user.id],
    );
    expect(again.n).toBe(1);
    const [prepared] = await t.database.query<{ prepared_at: Date | null }>(
      "SELECT prepared_at FROM meeting WHERE id = $1",
      [w.rituals.meeting.id],
    );
    expect(prepared.prepared_at).not.toBeNull();
    // Once the world's meeting is over, the round makes the next one.
    await t.database.query(
      "UPDATE meeting SET starts_at = now() - interval '3 hours', ends_at = now() - interval '2 hours' WHERE id = $1",
      [w.rituals.meeting.id],
    );
    await runRitualsRound(t.database, new Date());
    const upcoming = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM meeting WHERE series_id = $1 AND ends_at > now()",
      [w.rituals.series.id],
    );
    expect(upcoming[0].n).toBe(1);
  });
});
