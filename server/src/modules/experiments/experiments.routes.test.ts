import { describe, expect, it } from "vitest";
import { analyzeExperiment, serializeResult } from "#engines/experiments";
import { describeWithApp } from "../../../test/app";
import { buildPersona, buildWorkspace, type Persona } from "../../../test/factories";
import { experimentBody } from "../../../test/factories-experiments";

const paths = (response: { json(): { errors?: { path: string }[] } }) =>
  (response.json().errors ?? []).map((error) => error.path);

describeWithApp("experiments", (get) => {
  async function setup() {
    const t = get();
    const ws = await buildWorkspace(t);
    const marketer = await buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws });
    const engineer = await buildPersona(t, { role: "member", teamKind: "it", workspace: ws });
    const viewer = await buildPersona(t, { role: "viewer", teamKind: "marketing", workspace: ws });
    const admin = await buildPersona(t, { role: "admin", teamKind: "it", workspace: ws });
    const create = (persona: Persona = marketer, overrides: Record<string, unknown> = {}) =>
      persona.request({ method: "POST", url: "/api/v1/experiments", payload: experimentBody(overrides) });
    const transition = (persona: Persona, id: string, version: number, status: string) =>
      persona.request({ method: "POST", url: `/api/v1/experiments/${id}/status`, payload: { version, status } });
    /** A created and started experiment. */
    const running = async (overrides: Record<string, unknown> = {}, persona: Persona = marketer) => {
      const created = (await create(persona, overrides)).json();
      const started = await transition(persona, created.id, created.version, "running");
      expect(started.statusCode, started.body).toBe(200);
      return started.json();
    };
    const addResults = (persona: Persona, id: string, metrics: unknown[], extra: Record<string, unknown> = {}) =>
      persona.request({ method: "POST", url: `/api/v1/experiments/${id}/results`, payload: { metrics, ...extra } });
    return { t, ws, marketer, engineer, viewer, admin, create, transition, running, addResults };
  }

  const signUps = (control: [number, number], treatment: [number, number]) => [
    {
      metric: "sign-up rate",
      variants: [
        { variant: "Control", n: control[0], sum: control[1] },
        { variant: "Short form", n: treatment[0], sum: treatment[1] },
      ],
    },
  ];

  describe("POST /api/v1/experiments", () => {
    it("writes down a draft owned by its creator, with defaults filled in, audited", async () => {
      const { t, marketer, engineer, create } = await setup();
      const response = await create(marketer, { itPartnerId: engineer.user.id });
      expect(response.statusCode, response.body).toBe(201);
      const experiment = response.json();
      expect(experiment).toMatchObject({
        status: "draft",
        allowedTransitions: ["running"],
        kpi: "Sign-up rate",
        owner: { id: marketer.user.id },
        itPartner: { id: engineer.user.id },
        requestId: null,
        hypothesis: { change: "asking only for an email on the sign-up form", rationale: "" },
        primaryMetric: {
          name: "sign-up rate",
          type: "proportion",
          direction: "increase",
          method: "frequentist",
          alpha: 0.05,
          sided: "two",
          difference: "relative",
          mde: null,
        },
        headline: null,
        snapshotCount: 0,
        version: 1,
      });
      const events = await t.database.query<{ action: string }>("SELECT action FROM audit_event WHERE entity_id = $1", [
        experiment.id,
      ]);
      expect(events.map((event) => event.action)).toEqual(["experiment.created"]);
    });

    it("links a Pipeline request of the workspace, and refuses an id that is not one", async () => {
      const { create, marketer } = await setup();
      const request = await marketer.request({
        method: "POST",
        url: "/api/v1/requests",
        payload: { type: "change", title: "Shorten the sign-up form" },
      });
      expect(request.statusCode, request.body).toBe(201);
      const response = await create(undefined, { requestId: request.json().id });
      expect(response.statusCode).toBe(201);
      expect(response.json().requestId).toBe(request.json().id);
      const unknown = await create(undefined, { requestId: "5b0f2d4c-3a5e-4c1b-9a8e-0d5f6e7a8b9c" });
      expect(unknown.statusCode).toBe(400);
      expect(paths(unknown)).toEqual(["requestId"]);
    });

    it("refuses bad data, naming each field", async () => {
      const { t, create } = await setup();
      const outsider = await buildPersona(t);
      const cases: [Record<string, unknown>, string][] = [
        [{ name: "  " }, "name"],
        [{ kpi: "" }, "kpi"],
        [{ hypothesis: { change: "x", outcome: "", measure: "y" } }, "hypothesis.outcome"],
        [{ variants: [{ name: "Only", weight: 100 }] }, "variants"],
        [
          {
            variants: [
              { name: "A", weight: 50 },
              { name: "a", weight: 50 },
            ],
          },
          "variants",
        ],
        [
          {
            variants: [
              { name: "A", weight: 0 },
              { name: "B", weight: 50 },
            ],
          },
          "variants.0.weight",
        ],
        [{ primaryMetric: { name: "x", type: "median" } }, "primaryMetric.type"],
        [{ primaryMetric: { name: "x", type: "mean", alpha: 0.7 } }, "primaryMetric.alpha"],
        [{ primaryMetric: { name: "x", type: "mean", mde: -0.1 } }, "primaryMetric.mde"],
        [{ otherMetrics: [{ name: "sign-up rate", type: "mean" }] }, "otherMetrics.0.name"],
        [{ requestId: "not-a-uuid" }, "requestId"],
        [{ ownerId: outsider.user.id }, "ownerId"],
        [{ parentId: "5b0f2d4c-3a5e-4c1b-9a8e-0d5f6e7a8b9c" }, "parentId"],
      ];
      for (const [body, path] of cases) {
        const response = await create(undefined, body);
        expect(response.statusCode, JSON.stringify(body)).toBe(400);
        expect(paths(response), JSON.stringify(body)).toContain(path);
      }
    });

    it("is refused to viewers", async () => {
      const { viewer, create } = await setup();
      expect((await create(viewer)).statusCode).toBe(403);
    });
  });

  describe("GET /api/v1/experiments", () => {
    it("lists with filters, search and keyset pages, never another workspace's", async () => {
      const { t, marketer, engineer, create, transition } = await setup();
      const made = [];
      for (let index = 0; index < 5; index++) {
        made.push(
          (
            await create(index % 2 === 0 ? marketer : engineer, {
              name: `Checkout test ${index}`,
              kpi: index < 3 ? "Conversion rate" : "Average order value",
              channel: index === 4 ? "Email" : "Website",
            })
          ).json(),
        );
      }
      await transition(marketer, made[0].id, 1, "running");
      const outsider = await buildPersona(t);
      await create(outsider, { name: "Checkout test outside" });

      const list = async (query: string) => (await marketer.request({ url: `/api/v1/experiments?${query}` })).json();
      expect((await list("limit=200")).items).toHaveLength(5);
      expect((await list("status=running")).items.map((e: { id: string }) => e.id)).toEqual([made[0].id]);
      expect((await list("kpi=conversion%20rate")).items).toHaveLength(3);
      expect((await list("channel=mail")).items.map((e: { id: string }) => e.id)).toEqual([made[4].id]);
      expect((await list(`ownerId=${engineer.user.id}`)).items).toHaveLength(2);
      expect((await list("q=test%203")).items.map((e: { name: string }) => e.name)).toEqual(["Checkout test 3"]);
      expect((await list("q=email%20on%20the%20sign-up")).items).toHaveLength(5);

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { name: string }[]; nextCursor: string | null } = await list(
          `sort=name&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        );
        seen.push(...page.items.map((item) => item.name));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([0, 1, 2, 3, 4].map((index) => `Checkout test ${index}`));
    });

    it("refuses a bad filter naming it", async () => {
      const { marketer } = await setup();
      const response = await marketer.request({ url: "/api/v1/experiments?status=finished" });
      expect(response.statusCode).toBe(400);
      expect(paths(response).join(" ")).toContain("status");
    });

    it("answers 404 for another workspace's experiment", async () => {
      const { t, create } = await setup();
      const experiment = (await create()).json();
      const outsider = await buildPersona(t, { role: "admin" });
      for (const url of ["", "/results", "/snapshots"]) {
        const response = await outsider.request({ url: `/api/v1/experiments/${experiment.id}${url}` });
        expect(response.statusCode, url).toBe(404);
      }
      const patch = await outsider.request({
        method: "PATCH",
        url: `/api/v1/experiments/${experiment.id}`,
        payload: { version: 1, name: "Taken over" },
      });
      expect(patch.statusCode).toBe(404);
    });
  });

  describe("PATCH /api/v1/experiments/:id", () => {
    it("edits with the version read, and answers 409 to a stale one", async () => {
      const { marketer, engineer, create } = await setup();
      const experiment = (await create()).json();
      const first = await marketer.request({
        method: "PATCH",
        url: `/api/v1/experiments/${experiment.id}`,
        payload: {
          version: 1,
          channel: "Email",
          primaryMetric: { name: "sign-up rate", type: "proportion", mde: 0.05 },
        },
      });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ channel: "Email", version: 2, primaryMetric: { mde: 0.05 } });
      const stale = await engineer.request({
        method: "PATCH",
        url: `/api/v1/experiments/${experiment.id}`,
        payload: { version: 1, channel: "Paid social" },
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe("conflict");
    });

    it("fixes the design once started, and everything but the learnings once decided", async () => {
      const { admin, running } = await setup();
      const experiment = await running();
      const locked = await admin.request({
        method: "PATCH",
        url: `/api/v1/experiments/${experiment.id}`,
        payload: {
          version: experiment.version,
          variants: [
            { name: "Control", weight: 90 },
            { name: "Short form", weight: 10 },
          ],
        },
      });
      expect(locked.statusCode).toBe(409);
      expect(locked.json().code).toBe("invalid_state");
      expect(paths(locked)).toEqual(["variants"]);
      const renamed = await admin.request({
        method: "PATCH",
        url: `/api/v1/experiments/${experiment.id}`,
        payload: { version: experiment.version, name: "Short sign-up form" },
      });
      expect(renamed.statusCode).toBe(200);
      const decided = await admin.request({
        method: "POST",
        url: `/api/v1/experiments/${experiment.id}/decision`,
        payload: {
          version: renamed.json().version,
          outcome: "rolled_back",
          reason: "No measurable lift after 4 weeks",
        },
      });
      expect(decided.statusCode).toBe(200);
      const learnt = await admin.request({
        method: "PATCH",
        url: `/api/v1/experiments/${experiment.id}`,
        payload: { version: decided.json().version, learnings: "Form length is not what holds sign-ups back." },
      });
      expect(learnt.statusCode).toBe(200);
      expect(learnt.json().learnings).toBe("Form length is not what holds sign-ups back.");
      const renameDecided = await admin.request({
        method: "PATCH",
        url: `/api/v1/experiments/${experiment.id}`,
        payload: { version: learnt.json().version, kpi: "Activation" },
      });
      expect(renameDecided.statusCode).toBe(409);
      expect(paths(renameDecided)).toEqual(["kpi"]);
    });
  });

  describe("POST /api/v1/experiments/:id/status", () => {
    it("starts, stops and resumes, keeping the dates; other moves are refused with the allowed ones", async () => {
      const { t, marketer, create, transition } = await setup();
      const experiment = (await create()).json();
      const wrong = await transition(marketer, experiment.id, 1, "stopped");
      expect(wrong.statusCode).toBe(409);
      expect(wrong.json()).toMatchObject({ code: "invalid_state" });
      expect(wrong.json().detail).toContain("allowed: running");
      expect(wrong.json().errors[0].path).toBe("status");

      t.setNow(new Date("2026-03-02T09:00:00Z"));
      const started = await transition(marketer, experiment.id, 1, "running");
      t.setNow(new Date("2026-03-16T09:00:00Z"));
      const stopped = await transition(marketer, experiment.id, 2, "stopped");
      t.setNow(null);
      expect(started.json()).toMatchObject({ status: "running", startedAt: "2026-03-02T09:00:00.000Z" });
      expect(stopped.json()).toMatchObject({
        status: "stopped",
        startedAt: "2026-03-02T09:00:00.000Z",
        stoppedAt: "2026-03-16T09:00:00.000Z",
        allowedTransitions: ["running"],
      });
      const toDecided = await transition(marketer, experiment.id, 3, "decided");
      expect(toDecided.statusCode).toBe(409);
      expect(toDecided.json().detail).toContain("decision");
      const resumed = await transition(marketer, experiment.id, 3, "running");
      expect(resumed.json()).toMatchObject({ status: "running", stoppedAt: null });
      const stale = await transition(marketer, experiment.id, 3, "stopped");
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe("conflict");
      const events = await t.database.query<{ action: string }>(
        "SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY seq",
        [experiment.id],
      );
      expect(events.map((event) => event.action)).toEqual([
        "experiment.created",
        "experiment.started",
        "experiment.stopped",
        "experiment.resumed",
      ]);
    });
  });

  describe("results", () => {
    it("stores a snapshot and answers the engine's own analysis with a reading and the history", async () => {
      const { t, marketer, running, addResults } = await setup();
      const experiment = await running({ primaryMetric: { name: "sign-up rate", type: "proportion" } });
      const metrics = signUps([5000, 500], [5000, 600]);
      const added = await addResults(marketer, experiment.id, metrics, { source: "form", note: "Week 2" });
      expect(added.statusCode, added.body).toBe(201);
      const results = (await marketer.request({ url: `/api/v1/experiments/${experiment.id}/results` })).json();
      const expected = serializeResult(
        analyzeExperiment({
          metric: "proportion",
          method: "frequentist",
          sided: "two",
          difference: "relative",
          alpha: 0.05,
          expectedSplit: [50, 50],
          variants: [
            { name: "Control", n: 5000, sum: 500 },
            { name: "Short form", n: 5000, sum: 600 },
          ],
        }),
      );
      expect(results.metrics[0].analysis).toEqual(expected);
      expect(results.metrics[0].variants).toEqual([
        { name: "Control", n: 5000, mean: 0.1 },
        { name: "Short form", n: 5000, mean: 0.12 },
      ]);
      expect(results.metrics[0].readings[0].verdict).toBe("win");
      expect(results.metrics[0].readings[0].sentence).toMatch(
        /^Short form raised sign-up rate by 20\.0% \(95% CI \d+\.\d% to \d+\.\d%\); this is unlikely to be chance \(p = 0\.\d{3}\)\.$/,
      );
      expect(results.snapshot).toMatchObject({ source: "form", note: "Week 2", totalUnits: 10000 });
      expect(results.snapshot.enteredBy.id).toBe(marketer.user.id);
      expect(results.srm).toMatchObject({ isMismatch: false, observed: [5000, 5000], expectedShare: [0.5, 0.5] });
      // A fixed-horizon test read while it runs is flagged.
      expect(results.warnings.map((w: { code: string }) => w.code)).toEqual(["peeking"]);

      const listed = (await marketer.request({ url: `/api/v1/experiments?status=running` })).json();
      expect(listed.items[0].headline).toMatchObject({ variant: "Short form", verdict: "win", metric: "sign-up rate" });
      expect(listed.items[0].headline.estimate).toBeCloseTo(0.2, 10);

      await addResults(marketer, experiment.id, signUps([9000, 900], [9100, 1080]));
      const history = (await marketer.request({ url: `/api/v1/experiments/${experiment.id}/snapshots` })).json();
      expect(history.items.map((s: { totalUnits: number }) => s.totalUnits)).toEqual([18100, 10000]);
      const latest = (await marketer.request({ url: `/api/v1/experiments/${experiment.id}/results` })).json();
      expect(latest.snapshotCount).toBe(2);
      expect(latest.metrics[0].variants[1].n).toBe(9100);
      const audited = await t.database.query(
        "SELECT 1 FROM audit_event WHERE entity_id = $1 AND action = 'experiment.results_added'",
        [experiment.id],
      );
      expect(audited).toHaveLength(2);
    });

    it("warns of a sample ratio mismatch and of an under-powered test, and reads a Bayesian result", async () => {
      const { marketer, running, addResults } = await setup();
      const experiment = await running({
        primaryMetric: { name: "sign-up rate", type: "proportion", method: "bayesian", mde: 0.02 },
      });
      await addResults(marketer, experiment.id, signUps([6000, 600], [5000, 520]));
      const results = (await marketer.request({ url: `/api/v1/experiments/${experiment.id}/results` })).json();
      const codes = results.warnings.map((w: { code: string }) => w.code);
      expect(codes).toEqual(["srm", "underpowered"]);
      expect(results.warnings[0].severity).toBe("critical");
      expect(results.warnings[0].message).toContain("6,000 / 5,000");
      expect(results.power.usersPerVariantNeeded).toBeGreaterThan(5000);
      expect(results.metrics[0].analysis.variants[0].chanceToWin).toBeGreaterThan(0);
      expect(results.metrics[0].readings[0].sentence).toMatch(
        /credible interval .*chance of being better than Control/,
      );
    });

    it("flags a breached guardrail, and reads a metric that should go down", async () => {
      const { marketer, running, addResults } = await setup();
      const experiment = await running({
        primaryMetric: { name: "sign-up rate", type: "proportion", method: "sequential" },
        otherMetrics: [{ name: "unsubscribe rate", type: "proportion", direction: "decrease", role: "guardrail" }],
      });
      await addResults(marketer, experiment.id, [
        ...signUps([5000, 500], [5000, 510]),
        {
          metric: "unsubscribe rate",
          variants: [
            { variant: "Control", n: 5000, sum: 50 },
            { variant: "Short form", n: 5000, sum: 120 },
          ],
        },
      ]);
      const results = (await marketer.request({ url: `/api/v1/experiments/${experiment.id}/results` })).json();
      expect(results.warnings.map((w: { code: string }) => w.code)).toEqual(["guardrail"]);
      expect(results.metrics[1].readings[0]).toMatchObject({ verdict: "loss" });
      expect(results.metrics[0].readings[0].sentence).toContain("valid at any look");
      expect(results.metrics[1].readings[0].sentence).toMatch(/^Short form raised unsubscribe rate by 140%/);
    });

    it("refuses numbers the engine cannot use, naming the metric, variant and field", async () => {
      const { marketer, create, running, addResults } = await setup();
      const experiment = await running();
      const cases: [unknown[], string][] = [
        [signUps([5000, 500], [100, 130]), "metrics.0.variants.1.sum"],
        [signUps([1, 0], [5000, 500]), "metrics.0.variants.0.n"],
        [[{ metric: "revenue", variants: [{ variant: "Control", n: 10, sum: 1 }] }], "metrics.0.metric"],
        [[{ metric: "revenue", variants: [] }], "metrics.0.variants"],
        [
          [
            {
              metric: "sign-up rate",
              variants: [
                { variant: "Control", n: 100, sum: 10 },
                { variant: "Long form", n: 100, sum: 10 },
              ],
            },
          ],
          "metrics.0.variants.1.variant",
        ],
      ];
      for (const [metrics, path] of cases) {
        const response = await addResults(marketer, experiment.id, metrics);
        expect(response.statusCode, JSON.stringify(metrics)).toBe(400);
        expect(paths(response), JSON.stringify(metrics)).toContain(path);
        expect(response.body).not.toContain("NaN");
      }
      const draft = (await create()).json();
      const early = await addResults(marketer, draft.id, signUps([100, 10], [100, 12]));
      expect(early.statusCode).toBe(409);
      expect(early.json().code).toBe("invalid_state");
    });

    it("imports per-variant aggregates and raw per-user rows from CSV, with a dry run that stores nothing", async () => {
      const { marketer, viewer, running } = await setup();
      const experiment = await running({
        primaryMetric: { name: "Revenue per visitor", type: "mean" },
        otherMetrics: [{ name: "converted", type: "proportion" }],
      });
      const importCsv = (persona: Persona, csv: string, dryRun = false) =>
        persona.request({
          method: "POST",
          url: `/api/v1/experiments/${experiment.id}/results/import`,
          payload: { csv, dryRun },
        });
      const rows = ["variant,Revenue per visitor,converted"];
      const values: Record<string, number[]> = { Control: [], "Short form": [] };
      for (let index = 0; index < 40; index++) {
        const variant = index % 2 === 0 ? "Control" : "Short form";
        const revenue = (index % 7) * 3 + (variant === "Short form" ? 2 : 0);
        values[variant].push(revenue);
        rows.push(`${variant},${revenue},${revenue > 10 ? 1 : 0}`);
      }
      const preview = await importCsv(marketer, rows.join("\n"), true);
      expect(preview.statusCode, preview.body).toBe(200);
      expect(preview.json()).toMatchObject({ dryRun: true, format: "rows", rows: 40 });
      const control = preview.json().metrics[0].variants.find((v: { variant: string }) => v.variant === "Control");
      expect(control).toEqual({
        variant: "Control",
        n: 20,
        sum: values.Control.reduce((a, b) => a + b, 0),
        sumSquares: values.Control.reduce((a, b) => a + b * b, 0),
      });
      const none = (await marketer.request({ url: `/api/v1/experiments/${experiment.id}/snapshots` })).json();
      expect(none.items).toEqual([]);

      const aggregates = [
        "metric,variant,n,sum,sum_squares",
        "Revenue per visitor,Control,3407,1396.87,52377.9767",
        "Revenue per visitor,Short form,3320,1445.2,53000.5",
        "converted,Control,3407,300,",
        "converted,Short form,3320,310,",
      ].join("\n");
      const stored = await importCsv(marketer, aggregates);
      expect(stored.statusCode, stored.body).toBe(200);
      expect(stored.json().results.snapshot.source).toBe("csv");
      expect(stored.json().results.metrics.map((m: { metric: string }) => m.metric)).toEqual([
        "Revenue per visitor",
        "converted",
      ]);

      const bad = await importCsv(
        marketer,
        "metric,variant,n,sum\nRevenue per visitor,Control,abc,10\n,Short form,5,1",
      );
      expect(bad.statusCode).toBe(400);
      expect(paths(bad)).toEqual(["csv[2].n", "csv[3].metric"]);
      expect((await importCsv(viewer, aggregates)).statusCode).toBe(403);
    });
  });

  describe("POST /api/v1/experiments/:id/decision", () => {
    it("is taken by the owner or an admin only, needs a reason, and lands in the learning library", async () => {
      const { t, marketer, engineer, admin, running } = await setup();
      const experiment = await running({ kpi: "Trial starts", channel: "Website" });
      const decide = (persona: Persona, body: Record<string, unknown>) =>
        persona.request({ method: "POST", url: `/api/v1/experiments/${experiment.id}/decision`, payload: body });
      expect((await decide(engineer, { version: 2, outcome: "shipped", reason: "It won clearly" })).statusCode).toBe(
        403,
      );
      const noReason = await decide(marketer, { version: 2, outcome: "shipped", reason: " " });
      expect(noReason.statusCode).toBe(400);
      expect(paths(noReason)).toContain("reason");
      const badOutcome = await decide(marketer, { version: 2, outcome: "abandon", reason: "It won clearly" });
      expect(paths(badOutcome)).toContain("outcome");
      const decided = await decide(marketer, {
        version: 2,
        outcome: "iterate",
        reason: "Promising but the interval still spans zero",
        learnings: "Visitors on mobile respond to shorter forms; desktop does not.",
      });
      expect(decided.statusCode, decided.body).toBe(200);
      expect(decided.json()).toMatchObject({
        status: "decided",
        allowedTransitions: [],
        decision: { outcome: "iterate", decidedBy: { id: marketer.user.id } },
        learnings: "Visitors on mobile respond to shorter forms; desktop does not.",
      });
      expect(decided.json().stoppedAt).not.toBeNull();
      const again = await decide(admin, { version: 3, outcome: "shipped", reason: "Changed my mind after all" });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe("invalid_state");

      // A follow-up links to its parent.
      const followUp = await marketer.request({
        method: "POST",
        url: "/api/v1/experiments",
        payload: experimentBody({ name: "Mobile-only short form", parentId: experiment.id }),
      });
      expect(followUp.json().parent).toEqual({ id: experiment.id, name: experiment.name, outcome: "iterate" });
      const parent = (await marketer.request({ url: `/api/v1/experiments/${experiment.id}` })).json();
      expect(parent.followUps).toEqual([{ id: followUp.json().id, name: "Mobile-only short form", status: "draft" }]);

      const library = async (query: string) =>
        (await engineer.request({ url: `/api/v1/experiments/learnings?${query}` })).json();
      expect((await library("")).items.map((e: { id: string }) => e.id)).toEqual([experiment.id]);
      expect((await library("q=desktop")).items).toHaveLength(1);
      expect((await library("q=nothing%20like%20this")).items).toHaveLength(0);
      expect((await library("outcome=iterate&kpi=trial%20starts&channel=website")).items).toHaveLength(1);
      expect((await library("outcome=shipped")).items).toHaveLength(0);
      const audited = await t.database.query<{ after: { outcome: string } }>(
        "SELECT after FROM audit_event WHERE entity_id = $1 AND action = 'experiment.decided'",
        [experiment.id],
      );
      expect(audited[0].after.outcome).toBe("iterate");
    });

    it("lets exactly one of two concurrent decisions win", async () => {
      const { marketer, admin, running } = await setup();
      const experiment = await running();
      const decide = (persona: Persona, outcome: string) =>
        persona.request({
          method: "POST",
          url: `/api/v1/experiments/${experiment.id}/decision`,
          payload: { version: experiment.version, outcome, reason: `Deciding to ${outcome} now` },
        });
      const answers = await Promise.all([decide(marketer, "shipped"), decide(admin, "rolled_back")]);
      const codes = answers.map((answer) => answer.statusCode).sort();
      expect(codes).toEqual([200, 409]);
      const winner = answers.find((answer) => answer.statusCode === 200)?.json();
      const stored = (await marketer.request({ url: `/api/v1/experiments/${experiment.id}` })).json();
      expect(stored.decision.outcome).toBe(winner.decision.outcome);
      expect(stored.version).toBe(experiment.version + 1);
    });

    it("cannot decide a draft", async () => {
      const { marketer, create } = await setup();
      const draft = (await create()).json();
      const response = await marketer.request({
        method: "POST",
        url: `/api/v1/experiments/${draft.id}/decision`,
        payload: { version: 1, outcome: "shipped", reason: "Looks great to everyone" },
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe("invalid_state");
    });
  });
});
