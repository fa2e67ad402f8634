import type { InjectOptions } from "fastify";
import { expect, it } from "vitest";
import { describeWithApp } from "../test/app";
import { TEST_PASSWORD } from "../test/factories";
import { buildWorld, PERSONAS, type PersonaName, type World } from "../test/world";

// allow: the persona gets past authentication and authorization (2xx, or a 4xx about the data);
// deny: 403; unauth: 401 `unauthenticated`; hidden: 404 (another workspace's record).
type Outcome = "allow" | "deny" | "unauth" | "hidden";
type Row = { request: (world: World) => InjectOptions; expect: Record<PersonaName, Outcome> };

const everyone: Record<PersonaName, Outcome> = {
  anonymous: "allow",
  viewer: "allow",
  marketing: "allow",
  it: "allow",
  admin: "allow",
  otherWorkspace: "allow",
};
const signedIn: Record<PersonaName, Outcome> = { ...everyone, anonymous: "unauth" };
// The other workspace's persona is an admin there: on routes without a record it acts in its own workspace.
const adminsOnly: Record<PersonaName, Outcome> = {
  anonymous: "unauth",
  viewer: "deny",
  marketing: "deny",
  it: "deny",
  admin: "allow",
  otherWorkspace: "allow",
};
// Acting on a record of the world's workspace: other workspaces must not even see it.
const adminsOnlyRecord: Record<PersonaName, Outcome> = { ...adminsOnly, otherWorkspace: "hidden" };
const signedInRecord: Record<PersonaName, Outcome> = { ...signedIn, otherWorkspace: "hidden" };
// Members and admins write; viewers read.
const writers: Record<PersonaName, Outcome> = { ...signedIn, viewer: "deny" };
const writersRecord: Record<PersonaName, Outcome> = { ...writers, otherWorkspace: "hidden" };

/** The executable permission matrix: every route of the app, every persona. */
const matrix: Record<string, Row> = {
  "GET /api/v1/setup": { request: () => ({ url: "/api/v1/setup" }), expect: everyone },
  "POST /api/v1/setup": {
    request: () => ({
      method: "POST",
      url: "/api/v1/setup",
      payload: { workspaceName: "X", name: "X", email: "x@x.test", password: "a long unusual passphrase" },
    }),
    expect: everyone,
  },
  "POST /api/v1/auth/login": {
    request: (w) => ({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: w.target.user.email, password: TEST_PASSWORD },
    }),
    expect: everyone,
  },
  "POST /api/v1/auth/logout": { request: () => ({ method: "POST", url: "/api/v1/auth/logout" }), expect: everyone },
  "GET /api/v1/me": { request: () => ({ url: "/api/v1/me" }), expect: signedIn },
  "POST /api/v1/me/password": {
    request: () => ({
      method: "POST",
      url: "/api/v1/me/password",
      payload: { currentPassword: TEST_PASSWORD, newPassword: "another long unusual passphrase" },
    }),
    expect: signedIn,
  },
  "GET /api/v1/users": { request: () => ({ url: "/api/v1/users" }), expect: signedIn },
  "GET /api/v1/users/:id": { request: (w) => ({ url: `/api/v1/users/${w.target.user.id}` }), expect: signedInRecord },
  "PATCH /api/v1/users/:id": {
    request: (w) => ({
      method: "PATCH",
      url: `/api/v1/users/${w.target.user.id}`,
      payload: { version: 1, role: "viewer" },
    }),
    expect: adminsOnlyRecord,
  },
  "GET /api/v1/teams": { request: () => ({ url: "/api/v1/teams" }), expect: signedIn },
  "GET /api/v1/teams/:id": {
    request: (w) => ({ url: `/api/v1/teams/${w.ws.teamOf("it").id}` }),
    expect: signedInRecord,
  },
  "POST /api/v1/teams": {
    request: () => ({ method: "POST", url: "/api/v1/teams", payload: { name: "Data" } }),
    expect: adminsOnly,
  },
  "PATCH /api/v1/teams/:id": {
    request: (w) => ({
      method: "PATCH",
      url: `/api/v1/teams/${w.ws.teamOf("legal").id}`,
      payload: { version: 1, name: "Legal & Privacy" },
    }),
    expect: adminsOnlyRecord,
  },
  "GET /api/v1/invitations": { request: () => ({ url: "/api/v1/invitations" }), expect: adminsOnly },
  "POST /api/v1/invitations": {
    request: (w) => ({
      method: "POST",
      url: "/api/v1/invitations",
      payload: { email: "new.person@example.com", teamId: w.ws.teamOf("it").id },
    }),
    expect: adminsOnly,
  },
  "DELETE /api/v1/invitations/:id": {
    request: (w) => ({ method: "DELETE", url: `/api/v1/invitations/${w.invitation.id}` }),
    expect: adminsOnlyRecord,
  },
  "POST /api/v1/invitations/preview": {
    request: (w) => ({ method: "POST", url: "/api/v1/invitations/preview", payload: { token: w.invitationSecret } }),
    expect: everyone,
  },
  "POST /api/v1/invitations/accept": {
    request: (w) => ({
      method: "POST",
      url: "/api/v1/invitations/accept",
      payload: { token: w.invitationSecret, name: "New Person", password: "a long unusual passphrase" },
    }),
    expect: everyone,
  },
  "GET /api/v1/sessions": { request: () => ({ url: "/api/v1/sessions" }), expect: signedIn },
  "DELETE /api/v1/sessions/:id": {
    request: (w) => ({ method: "DELETE", url: `/api/v1/sessions/${w.targetSessionId}` }),
    expect: adminsOnlyRecord,
  },
  "GET /api/v1/tokens": { request: () => ({ url: "/api/v1/tokens" }), expect: signedIn },
  "POST /api/v1/tokens": {
    request: () => ({ method: "POST", url: "/api/v1/tokens", payload: { name: "ci" } }),
    expect: signedIn,
  },
  "DELETE /api/v1/tokens/:id": {
    request: (w) => ({ method: "DELETE", url: `/api/v1/tokens/${w.token.id}` }),
    expect: adminsOnlyRecord,
  },
  "GET /api/v1/audit": { request: () => ({ url: "/api/v1/audit" }), expect: adminsOnly },
  "GET /api/v1/audit/verify": { request: () => ({ url: "/api/v1/audit/verify" }), expect: adminsOnly },
  "GET /api/v1/tools": { request: () => ({ url: "/api/v1/tools" }), expect: signedIn },
  "GET /api/v1/tools/:id": { request: (w) => ({ url: `/api/v1/tools/${w.tool.id}` }), expect: signedInRecord },
  "POST /api/v1/tools": {
    request: () => ({
      method: "POST",
      url: "/api/v1/tools",
      payload: { name: "New CRM", category: "social", subcategory: "CRM" },
    }),
    expect: writers,
  },
  "PATCH /api/v1/tools/:id": {
    request: (w) => ({
      method: "PATCH",
      url: `/api/v1/tools/${w.tool.id}`,
      payload: { version: 1, description: "Our newsletter tool" },
    }),
    expect: writersRecord,
  },
  "POST /api/v1/tools/:id/archive": {
    request: (w) => ({ method: "POST", url: `/api/v1/tools/${w.tool.id}/archive`, payload: { version: 1 } }),
    expect: writersRecord,
  },
  "POST /api/v1/tools/:id/restore": {
    request: (w) => ({ method: "POST", url: `/api/v1/tools/${w.tool.id}/restore`, payload: { version: 1 } }),
    expect: writersRecord,
  },
  "GET /api/v1/integrations": { request: () => ({ url: "/api/v1/integrations" }), expect: signedIn },
  "POST /api/v1/integrations": {
    request: (w) => ({
      method: "POST",
      url: "/api/v1/integrations",
      payload: { fromToolId: w.otherTool.id, toToolId: w.tool.id, method: "file" },
    }),
    expect: writers,
  },
  "PATCH /api/v1/integrations/:id": {
    request: (w) => ({
      method: "PATCH",
      url: `/api/v1/integrations/${w.integration.id}`,
      payload: { version: 1, method: "ipaas" },
    }),
    expect: writersRecord,
  },
  "DELETE /api/v1/integrations/:id": {
    request: (w) => ({ method: "DELETE", url: `/api/v1/integrations/${w.integration.id}` }),
    expect: writersRecord,
  },
  "GET /api/v1/stack/taxonomy": { request: () => ({ url: "/api/v1/stack/taxonomy" }), expect: signedIn },
  "GET /api/v1/stack/graph": { request: () => ({ url: "/api/v1/stack/graph" }), expect: signedIn },
  "GET /api/v1/stack/overlaps": { request: () => ({ url: "/api/v1/stack/overlaps" }), expect: signedIn },
  "GET /api/v1/stack/renewals": { request: () => ({ url: "/api/v1/stack/renewals" }), expect: signedIn },
  "GET /api/v1/stack/compliance": { request: () => ({ url: "/api/v1/stack/compliance" }), expect: signedIn },
  "POST /api/v1/stats/analyze": {
    request: () => ({
      method: "POST",
      url: "/api/v1/stats/analyze",
      payload: {
        metric: "proportion",
        variants: [
          { name: "a", n: 1000, sum: 100 },
          { name: "b", n: 1000, sum: 120 },
        ],
      },
    }),
    expect: signedIn,
  },
  "GET /healthz": { request: () => ({ url: "/healthz" }), expect: everyone },
  "GET /readyz": { request: () => ({ url: "/readyz" }), expect: everyone },
  "GET /metrics": { request: () => ({ url: "/metrics" }), expect: everyone },
  "GET /api/openapi.json": { request: () => ({ url: "/api/openapi.json" }), expect: everyone },
};

// The interactive API docs are public static pages: every route under this prefix is allowed to all.
const PUBLIC_PREFIXES = ["/api/docs"];

function classify(status: number, code: string | undefined): Outcome {
  if (status === 401 && code === "unauthenticated") return "unauth";
  if (status === 403) return "deny";
  if (status === 404 && code === "not_found") return "hidden";
  return "allow";
}

describeWithApp("permission matrix", (get) => {
  it("covers every registered route", () => {
    const registered = get()
      .routes.flatMap((route) =>
        (Array.isArray(route.method) ? route.method : [route.method]).map((method) => `${method} ${route.url}`),
      )
      // Fastify adds a HEAD twin for each GET; it runs the GET's handler and hooks.
      .filter((key) => !key.startsWith("HEAD "))
      .filter((key) => !PUBLIC_PREFIXES.some((prefix) => key.split(" ")[1].startsWith(prefix)));
    const missing = registered.filter((key) => !(key in matrix));
    expect(missing, "routes missing from the permission matrix").toEqual([]);
    const stale = Object.keys(matrix).filter((key) => !registered.includes(key));
    expect(stale, "matrix rows for routes that no longer exist").toEqual([]);
  });

  for (const [route, row] of Object.entries(matrix)) {
    it(`${route}`, async () => {
      const t = get();
      const outcomes: Record<string, Outcome> = {};
      for (const persona of PERSONAS) {
        // A fresh world per persona: a write by one must not change what the next one sees.
        const world = await buildWorld(t);
        const request = row.request(world);
        const response =
          persona === "anonymous" ? await t.app.inject(request) : await world.personas[persona].request(request);
        expect(response.statusCode, `${persona}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
        const code = String(response.headers["content-type"]).includes("problem+json")
          ? response.json().code
          : undefined;
        outcomes[persona] = classify(response.statusCode, code);
      }
      expect(outcomes).toEqual(row.expect);
    });
  }

  it("never shows another workspace's records in lists", async () => {
    const t = get();
    const world = await buildWorld(t);
    const outsider = world.personas.otherWorkspace;
    const teams = (await outsider.request({ url: "/api/v1/teams" })).json().items;
    await outsider.request({
      method: "POST",
      url: "/api/v1/invitations",
      payload: { email: "someone@outside.test", teamId: teams[0].id },
    });
    await outsider.request({ method: "POST", url: "/api/v1/tokens", payload: { name: "outsider script" } });
    await outsider.request({
      method: "POST",
      url: "/api/v1/tools",
      payload: { name: "Outsider CRM", category: "social", subcategory: "CRM" },
    });
    const ours = new Set([
      world.target.user.id,
      world.personas.admin.user.id,
      world.ws.teamOf("it").id,
      world.invitation.id,
      world.token.id,
      world.targetSessionId,
    ]);
    for (const url of [
      "/api/v1/users",
      "/api/v1/teams",
      "/api/v1/invitations",
      "/api/v1/sessions?userId=all",
      "/api/v1/tokens?userId=all",
      "/api/v1/audit",
    ]) {
      const response = await outsider.request({ url: `${url}${url.includes("?") ? "&" : "?"}limit=200` });
      expect(response.statusCode, url).toBe(200);
      const ids = response.json().items.map((item: { id: string; entityId?: string }) => item.entityId ?? item.id);
      expect(ids.length, `${url} lists the outsider's own records`).toBeGreaterThan(0);
      expect(
        ids.filter((id: string) => ours.has(id)),
        url,
      ).toEqual([]);
    }
  });
});
