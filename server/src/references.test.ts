import type { InjectOptions } from "fastify";
import { expect, it } from "vitest";
import { describeWithApp, json } from "../test/app";
import { experimentBody } from "../test/factories-experiments";
import { buildWorld, type World } from "../test/world";

// Every field of a body that names another record, given the id of a record of another workspace: each must be
// answered 400 naming the field, and nothing stored.
type Case = {
  route: string;
  path: string;
  request: (mine: World, theirs: World) => InjectOptions;
  /** SQL to run on the acting workspace's records first (with $1 the world's request id). */
  before?: string;
};

const cases: Case[] = [
  ...(["requestId", "parentId", "ownerId", "itPartnerId"] as const).map(
    (field): Case => ({
      route: "POST /api/v1/experiments",
      path: field,
      request: (_mine, theirs) => ({
        method: "POST",
        url: "/api/v1/experiments",
        payload: experimentBody({
          [field]: {
            requestId: theirs.pipelineRequest.id,
            parentId: theirs.experiment.id,
            ownerId: theirs.target.user.id,
            itPartnerId: theirs.personas.it.user.id,
          }[field],
        }),
      }),
    }),
  ),
  {
    route: "PATCH /api/v1/experiments/:id",
    path: "requestId",
    request: (mine, theirs) => ({
      method: "PATCH",
      url: `/api/v1/experiments/${mine.experiment.id}`,
      payload: { version: 1, requestId: theirs.pipelineRequest.id },
    }),
  },
  ...(["sponsorId", "teamId"] as const).map(
    (field): Case => ({
      route: "POST /api/v1/requests",
      path: field,
      request: (_mine, theirs) => ({
        method: "POST",
        url: "/api/v1/requests",
        payload: {
          type: "purchase",
          title: "Buy a webinar platform",
          [field]: field === "sponsorId" ? theirs.target.user.id : theirs.ws.teamOf("it").id,
        },
      }),
    }),
  ),
  ...(["sponsorId", "itPartnerId", "teamId", "toolIds.0"] as const).map(
    (field): Case => ({
      route: "PATCH /api/v1/requests/:id",
      path: field,
      request: (mine, theirs) => ({
        method: "PATCH",
        url: `/api/v1/requests/${mine.pipelineRequest.id}`,
        payload: {
          version: 1,
          ...{
            sponsorId: { sponsorId: theirs.target.user.id },
            itPartnerId: { itPartnerId: theirs.personas.it.user.id },
            teamId: { teamId: theirs.ws.teamOf("it").id },
            "toolIds.0": { toolIds: [theirs.tool.id] },
          }[field],
        },
      }),
    }),
  ),
  {
    route: "POST /api/v1/requests/:id/decision",
    path: "alternatives.0.toolId",
    before: "UPDATE request SET stage = 'decision' WHERE id = $1",
    request: (mine, theirs) => ({
      method: "POST",
      url: `/api/v1/requests/${mine.pipelineRequest.id}/decision`,
      payload: {
        outcome: "declined",
        reason: "We have one",
        alternatives: [{ toolId: theirs.tool.id }],
        version: 1,
      },
    }),
  },
  {
    route: "POST /api/v1/requests/:id/comments",
    path: "mentions.1",
    request: (mine, theirs) => ({
      method: "POST",
      url: `/api/v1/requests/${mine.pipelineRequest.id}/comments`,
      payload: { body: "Which form?", mentions: [mine.target.user.id, theirs.target.user.id] },
    }),
  },
  {
    route: "POST /api/v1/requests/:id/rank",
    path: "beforeId",
    request: (mine, theirs) => ({
      method: "POST",
      url: `/api/v1/requests/${mine.pipelineRequest.id}/rank`,
      payload: { beforeId: theirs.pipelineRequest.id, version: 1 },
    }),
  },
  {
    route: "POST /api/v1/requests/:id/comments",
    path: "mentions.0",
    request: (mine, theirs) => ({
      method: "POST",
      url: `/api/v1/requests/${mine.pipelineRequest.id}/comments`,
      payload: { body: "Which form?", mentions: [theirs.target.user.id] },
    }),
  },
  ...(["rows.0.userId", "rows.0.teamId"] as const).map(
    (field): Case => ({
      route: "PUT /api/v1/requests/:id/raci",
      path: field,
      request: (mine, theirs) => ({
        method: "PUT",
        url: `/api/v1/requests/${mine.pipelineRequest.id}/raci`,
        payload: {
          version: 1,
          rows: [
            field === "rows.0.userId"
              ? { activity: "Build", role: "R", userId: theirs.target.user.id }
              : { activity: "Build", role: "R", teamId: theirs.ws.teamOf("it").id },
          ],
        },
      }),
    }),
  ),
  {
    route: "PATCH /api/v1/sla/policies/:priority",
    path: "calendarId",
    request: (_mine, theirs) => ({
      method: "PATCH",
      url: "/api/v1/sla/policies/crucial",
      payload: { version: 1, calendarId: theirs.calendar.id },
    }),
  },
  ...(["businessOwnerId", "technicalOwnerId"] as const).map(
    (field): Case => ({
      route: "POST /api/v1/tools",
      path: field,
      request: (_mine, theirs) => ({
        method: "POST",
        url: "/api/v1/tools",
        payload: { name: "New CRM", category: "social", subcategory: "CRM", [field]: theirs.target.user.id },
      }),
    }),
  ),
  ...(["fromToolId", "toToolId", "ownerId"] as const).map(
    (field): Case => ({
      route: "POST /api/v1/integrations",
      path: field,
      request: (mine, theirs) => ({
        method: "POST",
        url: "/api/v1/integrations",
        payload: {
          fromToolId: field === "fromToolId" ? theirs.tool.id : mine.tool.id,
          toToolId: field === "toToolId" ? theirs.otherTool.id : mine.otherTool.id,
          method: "file",
          ...(field === "ownerId" ? { ownerId: theirs.target.user.id } : {}),
        },
      }),
    }),
  ),
  {
    route: "PATCH /api/v1/users/:id",
    path: "teamId",
    request: (mine, theirs) => ({
      method: "PATCH",
      url: `/api/v1/users/${mine.target.user.id}`,
      payload: { version: 1, teamId: theirs.ws.teamOf("it").id },
    }),
  },
  {
    route: "POST /api/v1/invitations",
    path: "teamId",
    request: (_mine, theirs) => ({
      method: "POST",
      url: "/api/v1/invitations",
      payload: { email: "someone@example.com", teamId: theirs.ws.teamOf("it").id },
    }),
  },
  ...(["ownerId", "toolIds.0", "kpiIds.0", "relatedTermIds.0"] as const).map(
    (path): Case => ({
      route: "POST /api/v1/glossary/terms",
      path,
      request: (_mine, theirs) => ({
        method: "POST",
        url: "/api/v1/glossary/terms",
        payload: {
          name: "Repeat-order rate",
          ...{
            ownerId: { ownerId: theirs.target.user.id },
            "toolIds.0": { toolIds: [theirs.tool.id] },
            "kpiIds.0": { kpiIds: [theirs.kpi.id] },
            "relatedTermIds.0": { relatedTermIds: [theirs.term.id] },
          }[path],
        },
      }),
    }),
  ),
  {
    route: "PATCH /api/v1/glossary/terms/:id",
    path: "kpiIds.0",
    request: (mine, theirs) => ({
      method: "PATCH",
      url: `/api/v1/glossary/terms/${mine.term.id}`,
      payload: { version: mine.term.version, name: "Customer acquisition cost", kpiIds: [theirs.kpi.id] },
    }),
  },
];

describeWithApp("references to another workspace's records", (get) => {
  let worlds: Promise<{ mine: World; theirs: World }> | undefined;
  const build = () => {
    worlds ??= (async () => ({ mine: await buildWorld(get()), theirs: await buildWorld(get()) }))();
    return worlds;
  };

  for (const entry of cases) {
    it(`${entry.route} refuses ${entry.path}`, async () => {
      const { mine, theirs } = await build();
      if (entry.before) await get().database.query(entry.before, [mine.pipelineRequest.id]);
      const before = await get().database.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_event");
      const response = await mine.personas.admin.request(entry.request(mine, theirs));
      expect(response.statusCode, response.body.slice(0, 300)).toBe(400);
      expect(json(response).errors.map((e: { path: string }) => e.path)).toContain(entry.path);
      const after = await get().database.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_event");
      expect(after[0].n).toBe(before[0].n);
    });
  }
});
