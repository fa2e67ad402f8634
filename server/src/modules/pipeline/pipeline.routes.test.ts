import { describe, expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildPersona, buildWorkspace, type Persona } from "../../../test/factories";

describeWithApp("pipeline", (get) => {
  async function setup() {
    const t = get();
    t.setNow(null);
    const ws = await buildWorkspace(t);
    const marketer = await buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws });
    const sponsor = await buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws });
    const engineer = await buildPersona(t, { role: "member", teamKind: "it", workspace: ws });
    const engineer2 = await buildPersona(t, { role: "member", teamKind: "it", workspace: ws });
    const viewer = await buildPersona(t, { role: "viewer", teamKind: "marketing", workspace: ws });
    const admin = await buildPersona(t, { role: "admin", teamKind: "it", workspace: ws });
    const submit = (persona: Persona = marketer, body: Record<string, unknown> = {}) =>
      persona.request({
        method: "POST",
        url: "/api/v1/requests",
        payload: {
          type: "purchase",
          title: "Buy a webinar platform",
          sponsorId: sponsor.user.id,
          expectedBenefit: "20000",
          ...body,
        },
      });
    const move = (persona: Persona, id: string, version: number, to: string) =>
      persona.request({ method: "POST", url: `/api/v1/requests/${id}/transitions`, payload: { to, version } });
    return { t, ws, marketer, sponsor, engineer, engineer2, viewer, admin, submit, move };
  }

  /** Takes a fresh request to the decision stage: triage with a class, IT partner, planning. */
  async function toDecision(s: Awaited<ReturnType<typeof setup>>) {
    const created = (await s.submit()).json();
    let r = (await s.move(s.engineer, created.id, created.version, "triage")).json();
    r = (
      await s.engineer.request({
        method: "PATCH",
        url: `/api/v1/requests/${r.id}`,
        payload: { version: r.version, priority: "crucial", itPartnerId: s.engineer.user.id },
      })
    ).json();
    r = (await s.move(s.engineer, r.id, r.version, "planning")).json();
    return r;
  }

  describe("intake", () => {
    it("submits a request with its reference, watchers, the template's RACI and running clocks, audited", async () => {
      const { t, marketer, sponsor, submit } = await setup();
      const response = await submit(marketer, {
        problem: "Webinars run on three tools",
        expectedBenefit: "20000",
        softHours: 100,
        hourlyRate: "80",
        costEstimate: "15000",
        confidence: 70,
        dataClasses: ["personal"],
      });
      expect(response.statusCode).toBe(201);
      const request = response.json();
      expect(request).toMatchObject({
        reference: expect.stringMatching(/^REQ-\d+$/),
        stage: "submitted",
        requester: { id: marketer.user.id },
        sponsor: { id: sponsor.user.id },
        totalExpectedBenefit: "28000.00",
        watching: true,
        allowedTransitions: ["withdrawn"],
      });
      expect(request.clocks.firstResponse.status).toMatch(/running|at_risk|breached/);
      expect(request.clocks.firstResponse.targetMinutes).toBe(480);
      // Finance is consulted on a purchase above 10,000.
      expect(
        request.raci.some((row: { activity: string; role: string }) => row.activity === "Budget" && row.role === "C"),
      ).toBe(true);
      // The IT partner is not named yet: the RACI says what is missing.
      expect(request.raciProblems.join(" ")).toMatch(/unassigned Responsible/);
      const audit = await t.database.query(
        "SELECT 1 FROM audit_event WHERE entity_id = $1 AND action = 'request.submitted'",
        [request.id],
      );
      expect(audit).toHaveLength(1);
    });

    it("names every bad field", async () => {
      const { submit } = await setup();
      const response = await submit(undefined, { title: "", confidence: 130, expectedBenefit: "-3", type: "gadget" });
      expect(response.statusCode).toBe(400);
      const paths = response
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort();
      expect(paths).toEqual(["confidence", "expectedBenefit", "title", "type"]);
    });

    it("refuses a sponsor from another workspace, naming the field", async () => {
      const { t, submit } = await setup();
      const stranger = await buildPersona(t);
      const response = await submit(undefined, { sponsorId: stranger.user.id });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([{ path: "sponsorId", message: "is not a person of this workspace" }]);
    });

    it("keeps drafts to their requester until submitted", async () => {
      const { marketer, engineer, submit, move } = await setup();
      const draft = (await submit(marketer, { draft: true })).json();
      expect(draft.stage).toBe("draft");
      expect(draft.clocks.firstResponse.status).toBe("none");
      expect((await engineer.request({ method: "GET", url: `/api/v1/requests/${draft.id}` })).statusCode).toBe(404);
      const list = (await engineer.request({ method: "GET", url: "/api/v1/requests?limit=200" })).json();
      expect(list.items.map((r: { id: string }) => r.id)).not.toContain(draft.id);
      const submitted = (await move(marketer, draft.id, draft.version, "submitted")).json();
      expect(submitted.stage).toBe("submitted");
      expect(submitted.submittedAt).not.toBeNull();
      expect((await engineer.request({ method: "GET", url: `/api/v1/requests/${draft.id}` })).statusCode).toBe(200);
    });

    it("viewers read but cannot submit", async () => {
      const { viewer, submit } = await setup();
      expect((await submit(viewer)).statusCode).toBe(403);
      expect((await viewer.request({ method: "GET", url: "/api/v1/requests" })).statusCode).toBe(200);
    });

    it("never shows another workspace's requests", async () => {
      const { t, submit } = await setup();
      const created = (await submit()).json();
      const outsider = await buildPersona(t, { role: "admin", teamKind: "it" });
      expect((await outsider.request({ method: "GET", url: `/api/v1/requests/${created.id}` })).statusCode).toBe(404);
      const list = (await outsider.request({ method: "GET", url: "/api/v1/requests" })).json();
      expect(list.items).toEqual([]);
    });

    it("finds a request by its number or words of its title, as the experiment form's picker asks", async () => {
      const { marketer, submit } = await setup();
      const webinar = (await submit()).json();
      const other = (await submit(marketer, { title: "Renew the analytics contract" })).json();
      const find = async (q: string) =>
        (await marketer.request({ url: `/api/v1/requests?q=${encodeURIComponent(q)}&sort=-number&limit=20` }))
          .json()
          .items.map((item: { id: string }) => item.id);
      expect(await find(webinar.reference)).toEqual([webinar.id]);
      expect(await find(String(other.number))).toEqual([other.id]);
      expect(await find("webinar")).toEqual([webinar.id]);
      expect(await find("nothing like it")).toEqual([]);
    });
  });

  describe("triage, scoring and the backlog", () => {
    it("scores with the workspace formula, shows the arithmetic, and re-scores when the formula changes", async () => {
      const { engineer, admin, submit } = await setup();
      const created = (await submit(undefined, { confidence: 50 })).json();
      const scored = (
        await engineer.request({
          method: "PATCH",
          url: `/api/v1/requests/${created.id}`,
          payload: {
            version: created.version,
            valueScore: 8,
            urgencyScore: 6,
            riskScore: 2,
            effort: 4,
            reach: 500,
            confidence: 50,
          },
        })
      ).json();
      expect(scored.score).toBe(4);
      expect(scored.scoreExplanation).toBe("WSJF = (8 + 6 + 2) ÷ 4 = 4");
      const settings = (await admin.request({ method: "GET", url: "/api/v1/pipeline/settings" })).json();
      const changed = await admin.request({
        method: "PUT",
        url: "/api/v1/pipeline/settings",
        payload: { version: settings.version, scoring: { preset: "rice" } },
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json().formula).toMatch(/^RICE/);
      const rescored = (await engineer.request({ method: "GET", url: `/api/v1/requests/${created.id}` })).json();
      expect(rescored.score).toBe(500);
      expect(rescored.scoreExplanation).toBe("RICE = 500 × 8 × 50% ÷ 4 = 500");
    });

    it("keeps a service-level goal beside the formula: the report and the home draw it, out-of-range refused", async () => {
      const { admin, engineer } = await setup();
      const settings = (await admin.request({ method: "GET", url: "/api/v1/pipeline/settings" })).json();
      expect(settings.slaGoal).toBe(80);
      expect((await engineer.request({ method: "GET", url: "/api/v1/sla/report" })).json().goal).toBe(80);
      for (const slaGoal of [0, 101, 85.5, "90"]) {
        const refused = await admin.request({
          method: "PUT",
          url: "/api/v1/pipeline/settings",
          payload: { version: settings.version, scoring: settings.scoring, slaGoal },
        });
        expect(refused.statusCode, String(slaGoal)).toBe(400);
        expect(refused.json().errors[0].path).toMatch(/slaGoal/);
      }
      const saved = await admin.request({
        method: "PUT",
        url: "/api/v1/pipeline/settings",
        payload: { version: settings.version, scoring: settings.scoring, slaGoal: 90 },
      });
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({ slaGoal: 90, version: settings.version + 1 });
      expect((await engineer.request({ method: "GET", url: "/api/v1/sla/report" })).json().goal).toBe(90);
      expect((await engineer.request({ method: "GET", url: "/api/v1/home" })).json().serviceLevels.goal).toBe(90);
      // A formula saved without a goal keeps the goal.
      const formulaOnly = await admin.request({
        method: "PUT",
        url: "/api/v1/pipeline/settings",
        payload: { version: settings.version + 1, scoring: { preset: "rice" } },
      });
      expect(formulaOnly.json().slaGoal).toBe(90);
    });

    it("lets only IT, the IT partner or an admin set triage fields", async () => {
      const { marketer, submit } = await setup();
      const created = (await submit()).json();
      const response = await marketer.request({
        method: "PATCH",
        url: `/api/v1/requests/${created.id}`,
        payload: { version: created.version, priority: "crucial" },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().errors).toEqual([{ path: "priority", message: "may not be changed by you" }]);
    });

    it("re-ranks by hand, audited, and keeps the hand-made order when scores change", async () => {
      const { t, engineer, submit } = await setup();
      const a = (await submit(undefined, { title: "A" })).json();
      const b = (await submit(undefined, { title: "B" })).json();
      const list = async () =>
        (await engineer.request({ method: "GET", url: "/api/v1/requests?stage=open&limit=200" }))
          .json()
          .items.map((r: { title: string }) => r.title)
          .filter((title: string) => title === "A" || title === "B");
      expect(await list()).toEqual(["A", "B"]);
      const moved = await engineer.request({
        method: "POST",
        url: `/api/v1/requests/${b.id}/rank`,
        payload: { beforeId: a.id, version: b.version },
      });
      expect(moved.statusCode).toBe(200);
      expect(await list()).toEqual(["B", "A"]);
      const audit = await t.database.query(
        "SELECT 1 FROM audit_event WHERE entity_id = $1 AND action = 'request.ranked'",
        [b.id],
      );
      expect(audit).toHaveLength(1);
    });
  });

  describe("stages and decisions", () => {
    it("refuses an illegal move and lists the allowed ones", async () => {
      const { engineer, submit, move } = await setup();
      const created = (await submit()).json();
      const response = await move(engineer, created.id, created.version, "delivery");
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe("invalid_state");
      expect(response.json().detail).toBe("A request in submitted can move to triage, withdrawn, not delivery");
      expect(response.json().errors).toEqual([{ path: "to", message: "must be one of: triage, withdrawn" }]);
    });

    it("answers invalid_state with the allowed moves when the stage refuses, and conflict only for a stale version", async () => {
      const s = await setup();
      const created = (await s.submit()).json();
      const triaged = (await s.move(s.engineer, created.id, created.version, "triage")).json();
      expect(triaged.allowedTransitions.length).toBeGreaterThan(0);
      const allowed = [
        { path: "stage", message: `allowed moves from triage: ${triaged.allowedTransitions.join(", ")}` },
      ];
      const post = (persona: Persona, action: string, payload: Record<string, unknown>) =>
        persona.request({ method: "POST", url: `/api/v1/requests/${triaged.id}/${action}`, payload });
      const decided = await post(s.engineer, "decision", {
        outcome: "approved",
        reason: "Fits",
        version: triaged.version,
      });
      expect(decided.statusCode).toBe(409);
      expect(decided.json()).toMatchObject({
        code: "invalid_state",
        detail: "Only a request in decision can be decided; this one is in triage",
        errors: allowed,
      });
      const resumed = await post(s.engineer, "waiting", { waiting: false, version: triaged.version });
      expect(resumed.json()).toMatchObject({
        code: "invalid_state",
        detail: "The request is not waiting on its requester",
        errors: allowed,
      });
      for (const [action, payload, detail] of [
        ["review", { realisedBenefit: "10", version: triaged.version }, "Only a delivered request can be reviewed"],
        ["appeal", { comment: "Please", version: triaged.version }, "Only a declined request"],
        ["accept-alternative", { version: triaged.version }, "There is no alternative waiting to be accepted"],
      ] as const) {
        const refused = await post(s.marketer, action, payload);
        expect(refused.statusCode, action).toBe(409);
        expect(refused.json().code, action).toBe("invalid_state");
        expect(refused.json().detail, action).toContain(detail);
      }
      const stale = await post(s.engineer, "decision", {
        outcome: "approved",
        reason: "Fits",
        version: triaged.version - 1,
      });
      expect(stale.json()).toMatchObject({
        code: "conflict",
        detail: "Someone changed this request meanwhile; reload and try again",
      });
      const withdrawn = (await s.move(s.marketer, triaged.id, triaged.version, "withdrawn")).json();
      expect(withdrawn.stage).toBe("withdrawn");
      const edited = await s.marketer.request({
        method: "PATCH",
        url: `/api/v1/requests/${triaged.id}`,
        payload: { version: withdrawn.version, title: "Another title" },
      });
      expect(edited.statusCode).toBe(409);
      expect(edited.json()).toMatchObject({
        code: "invalid_state",
        detail: "This request is withdrawn; it can no longer be edited",
      });
    });

    it("triage is IT's move and stops the first-response clock", async () => {
      const { marketer, engineer, submit, move } = await setup();
      const created = (await submit()).json();
      expect((await move(marketer, created.id, created.version, "triage")).statusCode).toBe(403);
      const triaged = (await move(engineer, created.id, created.version, "triage")).json();
      expect(triaged.stage).toBe("triage");
      expect(triaged.clocks.firstResponse.status).toBe("met");
      expect(triaged.clocks.firstResponse.stoppedAt).not.toBeNull();
    });

    it("blocks the decision until the RACI is complete, with a clear message", async () => {
      const s = await setup();
      const planning = await toDecision(s);
      const raci = planning.raci;
      // The IT partner fills the template's technical role: only the finance-less, complete RACI remains.
      expect(planning.raciProblems).toEqual([]);
      const broken = await s.engineer.request({
        method: "PUT",
        url: `/api/v1/requests/${planning.id}/raci`,
        payload: {
          version: planning.version,
          rows: raci
            .filter((row: { activity: string; role: string }) => !(row.activity === "Requirements" && row.role === "A"))
            .map(
              (row: { activity: string; role: string; user: { id: string } | null; team: { id: string } | null }) => ({
                activity: row.activity,
                role: row.role,
                userId: row.user?.id ?? null,
                teamId: row.team?.id ?? null,
              }),
            ),
        },
      });
      expect(broken.statusCode).toBe(200);
      const blocked = await s.move(s.engineer, planning.id, broken.json().version, "decision");
      expect(blocked.statusCode).toBe(409);
      expect(blocked.json().code).toBe("invalid_state");
      expect(blocked.json().detail).toBe("Not ready for a decision: “Requirements” has no one Accountable");
    });

    it("refuses two Accountable for one activity, naming the row", async () => {
      const s = await setup();
      const created = (await s.submit()).json();
      const response = await s.engineer.request({
        method: "PUT",
        url: `/api/v1/requests/${created.id}/raci`,
        payload: {
          version: created.version,
          rows: [
            { activity: "Technical", role: "A", userId: s.engineer.user.id },
            { activity: "Technical", role: "A", userId: s.engineer2.user.id },
          ],
        },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].path).toBe("rows.1.role");
    });

    it("two people deciding at once: exactly one wins, the other gets 409", async () => {
      const s = await setup();
      const planning = await toDecision(s);
      const ready = (await s.move(s.engineer, planning.id, planning.version, "decision")).json();
      expect(ready.stage).toBe("decision");
      const decide = (persona: Persona, outcome: string) =>
        persona.request({
          method: "POST",
          url: `/api/v1/requests/${ready.id}/decision`,
          payload: { outcome, reason: "Fits the stack", version: ready.version },
        });
      const results = await Promise.all([decide(s.engineer, "approved"), decide(s.admin, "deferred")]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      // The second finds a new version: a stale edit, not a refusal by the stage.
      expect(results.find((r) => r.statusCode === 409)?.json()).toMatchObject({
        code: "conflict",
        detail: "Someone changed this request meanwhile; reload and try again",
      });
      const final = (await s.engineer.request({ method: "GET", url: `/api/v1/requests/${ready.id}` })).json();
      const winner = results.find((r) => r.statusCode === 200)?.json();
      expect(final.decision.outcome).toBe(winner.decision.outcome);
      expect(final.clocks.decision.status).toBe("met");
    });

    it("a decline needs a reason and alternatives; the requester appeals once, or accepts an alternative", async () => {
      const s = await setup();
      const planning = await toDecision(s);
      let r = (await s.move(s.engineer, planning.id, planning.version, "decision")).json();
      const noAlternative = await s.engineer.request({
        method: "POST",
        url: `/api/v1/requests/${r.id}/decision`,
        payload: { outcome: "declined", reason: "We have one", version: r.version },
      });
      expect(noAlternative.statusCode).toBe(400);
      expect(noAlternative.json().errors[0].path).toBe("alternatives");
      const noReason = await s.engineer.request({
        method: "POST",
        url: `/api/v1/requests/${r.id}/decision`,
        payload: { outcome: "approved", reason: " ", version: r.version },
      });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().errors[0].path).toBe("reason");
      r = (
        await s.engineer.request({
          method: "POST",
          url: `/api/v1/requests/${r.id}/decision`,
          payload: {
            outcome: "alternative",
            reason: "We already pay for webinars in the CRM",
            alternatives: [{ text: "Use the CRM's webinar module" }],
            version: r.version,
          },
        })
      ).json();
      expect(r.stage).toBe("declined");
      expect(r.decision).toMatchObject({
        outcome: "alternative",
        alternatives: [{ text: "Use the CRM's webinar module", tool: null }],
      });
      const notifications = (await s.marketer.request({ method: "GET", url: "/api/v1/notifications" })).json();
      expect(notifications.items[0].title).toMatch(/answered with an alternative/);
      expect(
        (
          await s.engineer.request({
            method: "POST",
            url: `/api/v1/requests/${r.id}/appeal`,
            payload: { comment: "x", version: r.version },
          })
        ).statusCode,
      ).toBe(403);
      r = (
        await s.marketer.request({
          method: "POST",
          url: `/api/v1/requests/${r.id}/appeal`,
          payload: { comment: "The CRM module cannot host 2,000 people", version: r.version },
        })
      ).json();
      expect(r.stage).toBe("decision");
      r = (
        await s.engineer.request({
          method: "POST",
          url: `/api/v1/requests/${r.id}/decision`,
          payload: {
            outcome: "alternative",
            reason: "Still the CRM",
            alternatives: [{ text: "Upgrade the CRM plan" }],
            version: r.version,
          },
        })
      ).json();
      const second = await s.marketer.request({
        method: "POST",
        url: `/api/v1/requests/${r.id}/appeal`,
        payload: { comment: "again", version: r.version },
      });
      expect(second.statusCode).toBe(409);
      expect(second.json()).toMatchObject({ code: "invalid_state", detail: "This request was appealed once already" });
      r = (
        await s.marketer.request({
          method: "POST",
          url: `/api/v1/requests/${r.id}/accept-alternative`,
          payload: { version: r.version },
        })
      ).json();
      expect(r.stage).toBe("closed");
    });

    it("delivers, sets the value review 90 days out, and records realised against expected benefit", async () => {
      const s = await setup();
      const planning = await toDecision(s);
      let r = (await s.move(s.engineer, planning.id, planning.version, "decision")).json();
      r = (
        await s.engineer.request({
          method: "POST",
          url: `/api/v1/requests/${r.id}/decision`,
          payload: { outcome: "approved", reason: "Go", version: r.version },
        })
      ).json();
      expect(r.stage).toBe("delivery");
      r = (await s.move(s.engineer, r.id, r.version, "delivered")).json();
      expect(r.clocks.delivery.status).toBe("met");
      const due = new Date(Date.parse(r.stageChangedAt) + 90 * 86_400_000).toISOString().slice(0, 10);
      expect(r.review.dueOn).toBe(due);
      r = (
        await s.sponsor.request({
          method: "POST",
          url: `/api/v1/requests/${r.id}/review`,
          payload: { realisedBenefit: "31000", notes: "Fewer tools, more sign-ups", version: r.version },
        })
      ).json();
      expect(r.stage).toBe("closed");
      expect(r.review).toMatchObject({ realisedBenefit: "31000.00", notes: "Fewer tools, more sign-ups" });
      const value = (await s.viewer.request({ method: "GET", url: "/api/v1/requests/value-report" })).json();
      expect(value.overall).toEqual({ reviewed: 1, expected: 20000, realised: 31000, ratio: 1.55 });
      expect(value.byType).toEqual([{ type: "purchase", reviewed: 1, expected: 20000, realised: 31000, ratio: 1.55 }]);
      expect(value.bySponsor[0].sponsor).toEqual({ id: s.sponsor.user.id, name: s.sponsor.user.name });
      const timeline = (await s.marketer.request({ method: "GET", url: `/api/v1/requests/${r.id}/events` })).json();
      expect(timeline.items.map((e: { kind: string; toStage: string | null }) => e.toStage)).toEqual([
        "submitted",
        "triage",
        "planning",
        "decision",
        "delivery",
        "delivered",
        "closed",
      ]);
    });
  });

  describe("service-level clocks", () => {
    it("counts business hours only, pauses while waiting on the requester, and resumes on their answer", async () => {
      const s = await setup();
      // Monday 2026-11-16 10:00 UTC on the default calendar (Mon–Fri 09:00–17:00 UTC).
      s.t.setNow(new Date("2026-11-16T10:00:00Z"));
      const created = (await s.submit()).json();
      s.t.setNow(new Date("2026-11-16T11:00:00Z"));
      const waiting = await s.engineer.request({
        method: "POST",
        url: `/api/v1/requests/${created.id}/waiting`,
        payload: { waiting: true, version: created.version, reason: "Which webinar sizes?" },
      });
      expect(waiting.statusCode).toBe(200);
      // The engineer's first move was to ask: not yet a response by the first-response definition.
      expect(waiting.json().clocks.firstResponse.status).toBe("paused");
      s.t.setNow(new Date("2026-11-17T11:00:00Z"));
      const answered = await s.marketer.request({
        method: "POST",
        url: `/api/v1/requests/${created.id}/comments`,
        payload: { body: "Up to 2,000 attendees" },
      });
      expect(answered.statusCode).toBe(201);
      s.t.setNow(new Date("2026-11-17T12:00:00Z"));
      const now = (await s.engineer.request({ method: "GET", url: `/api/v1/requests/${created.id}` })).json();
      expect(now.waitingOnRequester).toBe(false);
      // 10:00–11:00 Monday, then paused until Tuesday 11:00, then 11:00–12:00: two business hours.
      expect(now.clocks.firstResponse.elapsedMinutes).toBe(120);
      expect(now.clocks.firstResponse.status).toBe("running");
      // Due after 480 business minutes: 6 more hours from Tuesday 12:00 → Tuesday 17:00 has 5, so Wednesday 10:00.
      expect(now.clocks.firstResponse.dueAt).toBe("2026-11-18T10:00:00.000Z");
      s.t.setNow(null);
    });

    it("reports within-target shares per class, time to decision and the trend", async () => {
      const s = await setup();
      s.t.setNow(new Date("2026-11-16T10:00:00Z"));
      const planning = await toDecision(s);
      s.t.setNow(new Date("2026-11-16T12:00:00Z"));
      const ready = (await s.move(s.engineer, planning.id, planning.version, "decision")).json();
      s.t.setNow(new Date("2026-11-16T13:00:00Z"));
      await s.engineer.request({
        method: "POST",
        url: `/api/v1/requests/${ready.id}/decision`,
        payload: { outcome: "approved", reason: "Go", version: ready.version },
      });
      const report = (
        await s.viewer.request({ method: "GET", url: "/api/v1/sla/report?from=2026-11-01&to=2026-11-30" })
      ).json();
      const crucial = report.byClass.find((row: { priority: string }) => row.priority === "crucial");
      expect(crucial.decision).toEqual({ met: 1, total: 1, share: 1 });
      expect(report.timeToDecision).toEqual({ median: 3, p90: 3, count: 1 });
      expect(report.trend).toEqual([
        expect.objectContaining({ month: "2026-11", submitted: 1, decisionShare: 1, medianDecisionHours: 3 }),
      ]);
      s.t.setNow(null);
    });

    it("calendars: a bad time zone or hours are refused naming the field; only admins edit", async () => {
      const { admin, engineer } = await setup();
      const body = {
        name: "Berlin office",
        timeZone: "Europe/Berlin",
        workingDays: [1, 2, 3, 4, 5],
        workingHours: { start: "09:00", end: "17:30" },
        holidays: ["2026-12-25"],
      };
      expect((await engineer.request({ method: "POST", url: "/api/v1/calendars", payload: body })).statusCode).toBe(
        403,
      );
      const bad = await admin.request({
        method: "POST",
        url: "/api/v1/calendars",
        payload: { ...body, timeZone: "Mars/Olympus" },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].path).toBe("timeZone");
      const backwards = await admin.request({
        method: "POST",
        url: "/api/v1/calendars",
        payload: { ...body, workingHours: { start: "18:00", end: "09:00" } },
      });
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json().errors[0].path).toMatch(/^workingHours/);
      const created = await admin.request({
        method: "POST",
        url: "/api/v1/calendars",
        payload: { ...body, isDefault: true },
      });
      expect(created.statusCode).toBe(201);
      const list = (await engineer.request({ method: "GET", url: "/api/v1/calendars" })).json();
      expect(list.items.map((c: { name: string; isDefault: boolean }) => [c.name, c.isDefault])).toEqual([
        ["Berlin office", true],
        ["Office hours", false],
      ]);
      const policies = (await engineer.request({ method: "GET", url: "/api/v1/sla/policies" })).json();
      expect(policies.items.map((p: { priority: string }) => p.priority)).toEqual([
        "crucial",
        "secondary",
        "nice_to_have",
      ]);
      const edited = await admin.request({
        method: "PATCH",
        url: "/api/v1/sla/policies/crucial",
        payload: { firstResponseMinutes: 120, version: policies.items[0].version },
      });
      expect(edited.statusCode).toBe(200);
      expect(edited.json().firstResponseMinutes).toBe(120);
    });
  });

  describe("rules of engagement", () => {
    it("lists the built-in templates and lets an admin replace one, exactly one Accountable per activity", async () => {
      const { admin, engineer } = await setup();
      const list = (await engineer.request({ method: "GET", url: "/api/v1/raci-templates" })).json();
      expect(list.items.map((t: { requestType: string }) => t.requestType)).toEqual([
        "change",
        "capability",
        "data",
        "purchase",
        "project",
      ]);
      const purchase = list.items.find((t: { requestType: string }) => t.requestType === "purchase");
      expect(purchase.isDefault).toBe(true);
      const twoAccountable = await admin.request({
        method: "PUT",
        url: "/api/v1/raci-templates/change",
        payload: {
          version: 0,
          activities: [
            {
              name: "Build",
              assignments: [
                { role: "A", assignee: { kind: "team", teamKind: "it" } },
                { role: "A", assignee: { kind: "sponsor" } },
              ],
            },
          ],
        },
      });
      expect(twoAccountable.statusCode).toBe(400);
      expect(twoAccountable.json().errors[0]).toEqual({
        path: "activities.0.assignments",
        message: "needs exactly one Accountable, has 2",
      });
      const saved = await admin.request({
        method: "PUT",
        url: "/api/v1/raci-templates/change",
        payload: {
          version: 0,
          activities: [{ name: "Build", assignments: [{ role: "A", assignee: { kind: "team", teamKind: "it" } }] }],
        },
      });
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({ isDefault: false, version: 1 });
      const stale = await admin.request({
        method: "PUT",
        url: "/api/v1/raci-templates/change",
        payload: {
          version: 0,
          activities: [{ name: "Build", assignments: [{ role: "A", assignee: { kind: "sponsor" } }] }],
        },
      });
      expect(stale.statusCode).toBe(409);
    });
  });

  describe("conversation", () => {
    it("comments notify the mentioned and the watchers, and a comment by IT is the first response", async () => {
      const { marketer, engineer, sponsor, submit } = await setup();
      const created = (await submit()).json();
      const comment = await engineer.request({
        method: "POST",
        url: `/api/v1/requests/${created.id}/comments`,
        payload: { body: "Looking at it with security", mentions: [sponsor.user.id] },
      });
      expect(comment.statusCode).toBe(201);
      expect(comment.json().mentions).toEqual([{ id: sponsor.user.id, name: sponsor.user.name }]);
      const forSponsor = (await sponsor.request({ method: "GET", url: "/api/v1/notifications" })).json();
      expect(forSponsor.items.map((n: { kind: string }) => n.kind)).toContain("request.mention");
      const forRequester = (await marketer.request({ method: "GET", url: "/api/v1/notifications" })).json();
      expect(forRequester.items.map((n: { kind: string }) => n.kind)).toContain("request.comment");
      expect(forRequester.unread).toBeGreaterThan(0);
      const read = await marketer.request({
        method: "POST",
        url: "/api/v1/notifications/read",
        payload: { all: true },
      });
      expect(read.json()).toEqual({ unread: 0 });
      const request = (await marketer.request({ method: "GET", url: `/api/v1/requests/${created.id}` })).json();
      expect(request.clocks.firstResponse.status).toBe("met");
      const bad = await engineer.request({
        method: "POST",
        url: `/api/v1/requests/${created.id}/comments`,
        payload: { body: "hi", mentions: ["00000000-0000-4000-8000-000000000000"] },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].path).toBe("mentions.0");
    });

    it("takes comments sent at the same moment one after another, each kept once", async () => {
      const { marketer, engineer, submit } = await setup();
      const created = (await submit()).json();
      const url = `/api/v1/requests/${created.id}/comments`;
      const sent = await Promise.all(
        [engineer, marketer, engineer, marketer, engineer].map((persona, i) =>
          persona.request({ method: "POST", url, payload: { body: `At once ${i}` } }),
        ),
      );
      expect(sent.map((response) => response.statusCode)).toEqual([201, 201, 201, 201, 201]);
      const thread = (await engineer.request({ method: "GET", url })).json();
      const bodies = thread.items.map((comment: { body: string }) => comment.body).sort();
      expect(bodies).toEqual([0, 1, 2, 3, 4].map((i) => `At once ${i}`));
    });
  });
});
