import { describe, expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildPersona, type Persona } from "../../../test/factories";
import { buildExperiment } from "../../../test/factories-experiments";
import { buildKpi, buildScorecardWorld } from "../../../test/factories-scorecard";

type Hit = { kind: string; id: string; title: string; detail: string; url: string };

describeWithApp("GET /api/v1/search", (get) => {
  async function setup() {
    const t = get();
    const world = await buildScorecardWorld(t);
    const { marketing, it: engineer, viewer, objective } = world;
    const tool = (
      await marketing.request({
        method: "POST",
        url: "/api/v1/tools",
        payload: {
          name: "Webinarly Pro",
          vendor: "Acme Webinars",
          category: "content",
          subcategory: "Email marketing",
        },
      })
    ).json();
    const submit = (title: string) =>
      marketing.request({
        method: "POST",
        url: "/api/v1/requests",
        payload: { type: "purchase", title, sponsorId: marketing.user.id, expectedBenefit: "1000" },
      });
    const created = await submit("Buy a webinar platform");
    expect(created.statusCode, created.body).toBe(201);
    const first = created.json();
    const second = (await submit("Connect the webinar platform to the CRM")).json();
    const experiment = await buildExperiment(t, world.ws.workspace.id, marketing.user.id, {
      name: "Webinar reminder email",
    });
    const kpi = await buildKpi(marketing, objective.id, { name: "Webinar attendance rate" });
    const search = async (persona: Persona, q: string) => {
      const response = await persona.request({ url: `/api/v1/search?q=${encodeURIComponent(q)}` });
      expect(response.statusCode).toBe(200);
      return response.json().items as Hit[];
    };
    return { t, marketing, engineer, viewer, tool, first, second, experiment, kpi, objective, search };
  }

  it("answers 401 without a session", async () => {
    const t = get();
    const response = await t.app.inject({ url: "/api/v1/search?q=webinar" });
    expect(response.statusCode).toBe(401);
  });

  it("answers 400 naming q when it is missing, blank or too long", async () => {
    const { viewer } = await setup();
    for (const url of ["/api/v1/search", "/api/v1/search?q=%20%20", `/api/v1/search?q=${"a".repeat(201)}`]) {
      const response = await viewer.request({ url });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain("querystring.q");
    }
    const limit = await viewer.request({ url: "/api/v1/search?q=a&limit=500" });
    expect(limit.json().errors.map((e: { path: string }) => e.path)).toEqual(["querystring.limit"]);
  });

  it("finds records of every kind by word prefixes, with a link to each", async () => {
    const { viewer, tool, first, second, experiment, kpi, search } = await setup();
    const items = await search(viewer, "webin");
    const byKind = (kind: string) => items.filter((item) => item.kind === kind).map((item) => item.id);
    expect(byKind("request").sort()).toEqual([first.id, second.id].sort());
    expect(byKind("tool")).toEqual([tool.id]);
    expect(byKind("vendor")).toEqual(["Acme Webinars"]);
    expect(byKind("experiment")).toEqual([experiment.id]);
    expect(byKind("kpi")).toEqual([kpi.id]);
    expect(items.find((item) => item.kind === "tool")).toMatchObject({
      title: "Webinarly Pro",
      url: `/stack/tools/${tool.id}`,
    });
    expect(items.find((item) => item.id === first.id)).toMatchObject({
      title: `REQ-${first.number} · Buy a webinar platform`,
      url: `/pipeline/requests/${first.id}`,
    });
    expect(items.find((item) => item.kind === "kpi")?.url).toBe(`/scorecard/kpis/${kpi.id}`);
  });

  it("finds a request by its number first, and ranks the closer title higher", async () => {
    const { viewer, first, second, search } = await setup();
    for (const q of [`REQ-${second.number}`, `req ${second.number}`, `${second.number}`]) {
      expect((await search(viewer, q))[0]).toMatchObject({ kind: "request", id: second.id });
    }
    const crm = await search(viewer, "webinar crm");
    expect(crm.map((item) => item.id)).toEqual([second.id]);
    const exact = await search(viewer, "buy a webinar platform");
    expect(exact[0].id).toBe(first.id);
  });

  it("finds people, objectives and pages: 'shadow' finds the Shadow IT page", async () => {
    const { viewer, engineer, objective, search } = await setup();
    const lastName = engineer.user.name.split(" ").at(-1) ?? "";
    expect((await search(viewer, lastName)).map((item) => item.id)).toContain(engineer.user.id);
    expect(await search(viewer, "repeat orders")).toContainEqual(
      expect.objectContaining({ kind: "objective", id: objective.id }),
    );
    expect((await search(viewer, "shadow"))[0]).toMatchObject({
      kind: "page",
      title: "Shadow IT",
      url: "/stack/discovery",
    });
    expect((await search(viewer, "audit")).some((item) => item.url === "/audit")).toBe(false);
  });

  it("never shows another workspace's records", async () => {
    const { t, first, viewer, search } = await setup();
    const outsider = await buildPersona(t, { role: "admin", teamKind: "it" });
    // Only pages and the outsider's own record may answer: their random name ("Person 1f3…") can start with the
    // digits of a request number, and "REQ-1" also looks for the word "1".
    const foreign = async (q: string) =>
      (await search(outsider, q)).filter((item) => item.kind !== "page" && item.id !== outsider.user.id);
    expect(await foreign("webinar")).toEqual([]);
    expect(await foreign(`REQ-${first.number}`)).toEqual([]);
    expect(await foreign(viewer.user.name)).toEqual([]);
  });

  describe("limits", () => {
    it("answers at most `limit` hits and treats punctuation as nothing", async () => {
      const { viewer, search } = await setup();
      const response = await viewer.request({ url: "/api/v1/search?q=webinar&limit=2" });
      expect(response.json().items).toHaveLength(2);
      expect(await search(viewer, "'&|!:*()")).toEqual([]);
    });
  });
});
