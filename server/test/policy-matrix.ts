import type { InjectOptions } from "fastify";
import { expect, it } from "vitest";
import { describeWithApp } from "./app";
import { TEST_PASSWORD } from "./factories";
import { buildWorld, PERSONAS, type PersonaName, type World } from "./world";

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

// Value: the spend ledger is kept by marketing and finance members and admins.
const spendKeepers: Record<PersonaName, Outcome> = { ...writers, it: "deny" };
// Pipeline: moves on a request that only IT (its teams, the IT partner) and admins may make; the world's request
// has no persona as requester, sponsor or IT partner.
const itAndAdminsRecord: Record<PersonaName, Outcome> = { ...writersRecord, marketing: "deny" };
// Only the requester (the world's target member, no persona) may appeal or accept an alternative.
const requesterOnlyRecord: Record<PersonaName, Outcome> = {
  ...writersRecord,
  marketing: "deny",
  it: "deny",
  admin: "deny",
};
// The requester, sponsor, IT partner or an admin reviews the value.
const reviewersRecord: Record<PersonaName, Outcome> = { ...writersRecord, marketing: "deny", it: "deny" };
const MISSING_ID = "00000000-0000-4000-8000-000000000000";
const signedInMissing: Record<PersonaName, Outcome> = {
  anonymous: "unauth",
  viewer: "hidden",
  marketing: "hidden",
  it: "hidden",
  admin: "hidden",
  otherWorkspace: "hidden",
};

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
  "GET /api/v1/audit/actions": { request: () => ({ url: "/api/v1/audit/actions" }), expect: adminsOnly },
  "GET /api/v1/audit/verify": { request: () => ({ url: "/api/v1/audit/verify" }), expect: adminsOnly },
  "POST /api/v1/admin/backup": {
    request: () => ({ method: "POST", url: "/api/v1/admin/backup" }),
    expect: adminsOnly,
  },
  "GET /api/v1/tools": { request: () => ({ url: "/api/v1/tools" }), expect: signedIn },
  "GET /api/v1/tools/export.csv": { request: () => ({ url: "/api/v1/tools/export.csv" }), expect: signedIn },
  "POST /api/v1/tools/import": {
    request: () => ({
      method: "POST",
      url: "/api/v1/tools/import",
      payload: { csv: "name,category,subcategory\nLooker Studio,data,Dashboards & visualization\n", dryRun: true },
    }),
    expect: writers,
  },
  "GET /api/v1/tools/:id": { request: (w) => ({ url: `/api/v1/tools/${w.tool.id}` }), expect: signedInRecord },
  "GET /api/v1/tools/:id/history": {
    request: (w) => ({ url: `/api/v1/tools/${w.tool.id}/history` }),
    expect: signedInRecord,
  },
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
  "GET /api/v1/me/calendar-feed": { request: () => ({ url: "/api/v1/me/calendar-feed" }), expect: signedIn },
  "POST /api/v1/me/calendar-feed": {
    request: () => ({ method: "POST", url: "/api/v1/me/calendar-feed" }),
    expect: signedIn,
  },
  "DELETE /api/v1/me/calendar-feed": {
    request: () => ({ method: "DELETE", url: "/api/v1/me/calendar-feed" }),
    expect: signedIn,
  },
  // Public, but only for the holder of a feed secret: a wrong key is not found for everyone.
  "GET /api/v1/stack/renewals.ics": {
    request: () => ({ url: "/api/v1/stack/renewals.ics?key=tdmcal_wrong" }),
    expect: { ...signedInMissing, anonymous: "hidden" },
  },
  "GET /api/v1/views": { request: () => ({ url: "/api/v1/views?page=stack" }), expect: signedIn },
  "POST /api/v1/views": {
    request: () => ({
      method: "POST",
      url: "/api/v1/views",
      payload: { page: "stack", name: `Renewing soon ${Math.random()}`, query: { status: "sanctioned" } },
    }),
    expect: signedIn,
  },
  "DELETE /api/v1/views/:id": {
    request: () => ({ method: "DELETE", url: `/api/v1/views/${MISSING_ID}` }),
    expect: signedInMissing,
  },
  "POST /api/v1/stack/discovery/imports": {
    request: () => ({
      method: "POST",
      url: "/api/v1/stack/discovery/imports",
      payload: { csv: "date,description,amount,currency\n2026-07-01,HOTJAR LTD,89,EUR\n", mode: "dry_run" },
    }),
    expect: writers,
  },
  "GET /api/v1/stack/discovery/imports": {
    request: () => ({ url: "/api/v1/stack/discovery/imports" }),
    expect: signedIn,
  },
  "GET /api/v1/stack/discovery/candidates": {
    request: () => ({ url: "/api/v1/stack/discovery/candidates" }),
    expect: signedIn,
  },
  // No candidate in the world: writers get past authorization to a 404; viewers are refused first.
  "POST /api/v1/stack/discovery/candidates/adopt": {
    request: () => ({
      method: "POST",
      url: "/api/v1/stack/discovery/candidates/adopt",
      payload: { merchantKey: "nobody", name: "Nobody", category: "data", subcategory: "Other" },
    }),
    expect: { ...signedInMissing, viewer: "deny" },
  },
  "POST /api/v1/stack/discovery/candidates/dismiss": {
    request: () => ({
      method: "POST",
      url: "/api/v1/stack/discovery/candidates/dismiss",
      payload: { merchantKey: "starbucks", reason: "Coffee" },
    }),
    expect: writers,
  },
  "GET /api/v1/stack/taxonomy": { request: () => ({ url: "/api/v1/stack/taxonomy" }), expect: signedIn },
  "PUT /api/v1/stack/taxonomy": {
    request: () => ({
      method: "PUT",
      url: "/api/v1/stack/taxonomy",
      payload: {
        version: 0,
        subcategories: {
          advertising: ["Search"],
          content: ["Email"],
          social: ["CRM"],
          commerce: ["Shop"],
          data: ["Analytics"],
          management: ["Projects"],
        },
      },
    }),
    expect: adminsOnly,
  },
  "GET /api/v1/stack/graph": { request: () => ({ url: "/api/v1/stack/graph" }), expect: signedIn },
  "GET /api/v1/stack/overlaps": { request: () => ({ url: "/api/v1/stack/overlaps" }), expect: signedIn },
  "GET /api/v1/stack/renewals": { request: () => ({ url: "/api/v1/stack/renewals" }), expect: signedIn },
  "GET /api/v1/stack/compliance": { request: () => ({ url: "/api/v1/stack/compliance" }), expect: signedIn },
  "GET /api/v1/requests": { request: () => ({ url: "/api/v1/requests" }), expect: signedIn },
  "GET /api/v1/requests/value-report": { request: () => ({ url: "/api/v1/requests/value-report" }), expect: signedIn },
  "GET /api/v1/requests/board": { request: () => ({ url: "/api/v1/requests/board" }), expect: signedIn },
  "POST /api/v1/requests": {
    request: () => ({ method: "POST", url: "/api/v1/requests", payload: { type: "data", title: "Churn report" } }),
    expect: writers,
  },
  "GET /api/v1/requests/:id": {
    request: (w) => ({ url: `/api/v1/requests/${w.pipelineRequest.id}` }),
    expect: signedInRecord,
  },
  "PATCH /api/v1/requests/:id": {
    request: (w) => ({
      method: "PATCH",
      url: `/api/v1/requests/${w.pipelineRequest.id}`,
      payload: { version: 1, architectureNotes: "Uses the CMS form API" },
    }),
    expect: writersRecord,
  },
  "GET /api/v1/requests/:id/events": {
    request: (w) => ({ url: `/api/v1/requests/${w.pipelineRequest.id}/events` }),
    expect: signedInRecord,
  },
  "POST /api/v1/requests/:id/transitions": {
    request: (w) => ({
      method: "POST",
      url: `/api/v1/requests/${w.pipelineRequest.id}/transitions`,
      payload: { to: "triage", version: 1 },
    }),
    expect: itAndAdminsRecord,
  },
  "POST /api/v1/requests/:id/waiting": {
    request: (w) => ({
      method: "POST",
      url: `/api/v1/requests/${w.pipelineRequest.id}/waiting`,
      payload: { waiting: true, version: 1 },
    }),
    expect: itAndAdminsRecord,
  },
  "POST /api/v1/requests/:id/decision": {
    request: (w) => ({
      method: "POST",
      url: `/api/v1/requests/${w.pipelineRequest.id}/decision`,
      payload: { outcome: "approved", reason: "Small change", version: 1 },
    }),
    expect: itAndAdminsRecord,
  },
  "POST /api/v1/requests/:id/appeal": {
    request: (w) => ({
      method: "POST",
      url: `/api/v1/requests/${w.pipelineRequest.id}/appeal`,
      payload: { comment: "Please reconsider", version: 1 },
    }),
    expect: requesterOnlyRecord,
  },
  "POST /api/v1/requests/:id/accept-alternative": {
    request: (w) => ({
      method: "POST",
      url: `/api/v1/requests/${w.pipelineRequest.id}/accept-alternative`,
      payload: { version: 1 },
    }),
    expect: requesterOnlyRecord,
  },
  "POST /api/v1/requests/:id/review": {
    request: (w) => ({
      method: "POST",
      url: `/api/v1/requests/${w.pipelineRequest.id}/review`,
      payload: { realisedBenefit: "1000", version: 1 },
    }),
    expect: reviewersRecord,
  },
  "POST /api/v1/requests/:id/rank": {
    request: (w) => ({
      method: "POST",
      url: `/api/v1/requests/${w.pipelineRequest.id}/rank`,
      payload: { beforeId: null, version: 1 },
    }),
    expect: writersRecord,
  },
  "GET /api/v1/requests/:id/raci": {
    request: (w) => ({ url: `/api/v1/requests/${w.pipelineRequest.id}/raci` }),
    expect: signedInRecord,
  },
  "PUT /api/v1/requests/:id/raci": {
    request: (w) => ({
      method: "PUT",
      url: `/api/v1/requests/${w.pipelineRequest.id}/raci`,
      payload: { version: 1, rows: [] },
    }),
    expect: itAndAdminsRecord,
  },
  "GET /api/v1/requests/:id/comments": {
    request: (w) => ({ url: `/api/v1/requests/${w.pipelineRequest.id}/comments` }),
    expect: signedInRecord,
  },
  "POST /api/v1/requests/:id/comments": {
    request: (w) => ({
      method: "POST",
      url: `/api/v1/requests/${w.pipelineRequest.id}/comments`,
      payload: { body: "Which form?" },
    }),
    expect: writersRecord,
  },
  "POST /api/v1/requests/:id/watch": {
    request: (w) => ({
      method: "POST",
      url: `/api/v1/requests/${w.pipelineRequest.id}/watch`,
      payload: { watching: true },
    }),
    expect: signedInRecord,
  },
  "GET /api/v1/raci-templates": { request: () => ({ url: "/api/v1/raci-templates" }), expect: signedIn },
  "PUT /api/v1/raci-templates/:type": {
    request: () => ({
      method: "PUT",
      url: "/api/v1/raci-templates/data",
      payload: {
        version: 0,
        activities: [{ name: "Access", assignments: [{ role: "A", assignee: { kind: "team", teamKind: "it" } }] }],
      },
    }),
    expect: adminsOnly,
  },
  "GET /api/v1/pipeline/settings": { request: () => ({ url: "/api/v1/pipeline/settings" }), expect: signedIn },
  "PUT /api/v1/pipeline/settings": {
    request: () => ({
      method: "PUT",
      url: "/api/v1/pipeline/settings",
      payload: { version: 0, scoring: { preset: "rice" } },
    }),
    expect: adminsOnly,
  },
  "GET /api/v1/calendars": { request: () => ({ url: "/api/v1/calendars" }), expect: signedIn },
  "POST /api/v1/calendars": {
    request: () => ({
      method: "POST",
      url: "/api/v1/calendars",
      payload: {
        name: "New York",
        timeZone: "America/New_York",
        workingDays: [1, 2, 3, 4, 5],
        workingHours: { start: "09:00", end: "17:00" },
      },
    }),
    expect: adminsOnly,
  },
  "PATCH /api/v1/calendars/:id": {
    request: (w) => ({
      method: "PATCH",
      url: `/api/v1/calendars/${w.calendar.id}`,
      payload: { version: 1, holidays: ["2026-12-24"] },
    }),
    expect: adminsOnlyRecord,
  },
  "GET /api/v1/sla/policies": { request: () => ({ url: "/api/v1/sla/policies" }), expect: signedIn },
  "PATCH /api/v1/sla/policies/:priority": {
    request: () => ({
      method: "PATCH",
      url: "/api/v1/sla/policies/crucial",
      payload: { version: 1, firstResponseMinutes: 120 },
    }),
    expect: adminsOnly,
  },
  "GET /api/v1/sla/report": { request: () => ({ url: "/api/v1/sla/report" }), expect: signedIn },
  "GET /api/v1/notifications": { request: () => ({ url: "/api/v1/notifications" }), expect: signedIn },
  "POST /api/v1/notifications/read": {
    request: () => ({ method: "POST", url: "/api/v1/notifications/read", payload: { all: true } }),
    expect: signedIn,
  },
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
  "POST /api/v1/stats/sample-size": {
    request: () => ({
      method: "POST",
      url: "/api/v1/stats/sample-size",
      payload: { metric: "proportion", mean: 0.1, effect: 0.1 },
    }),
    expect: signedIn,
  },
  "POST /api/v1/policies/evaluate": {
    request: () => ({
      method: "POST",
      url: "/api/v1/policies/evaluate",
      payload: {
        policy: { rules: [{ id: "cheap", when: "request.annualCost < 5000.0", outcome: "approve" }] },
        input: { request: { annualCost: 100 }, stack: {} },
      },
    }),
    expect: signedIn,
  },
  "POST /api/v1/policies/check": {
    request: () => ({
      method: "POST",
      url: "/api/v1/policies/check",
      payload: { rules: [{ id: "cheap", when: "request.annualCost <", outcome: "approve" }] },
    }),
    expect: signedIn,
  },
  "GET /api/v1/guardrails/measures": { request: () => ({ url: "/api/v1/guardrails/measures" }), expect: signedIn },
  "GET /api/v1/guardrails/recent-purchases": {
    request: () => ({ url: "/api/v1/guardrails/recent-purchases" }),
    expect: signedIn,
  },
  "GET /api/v1/policies": { request: () => ({ url: "/api/v1/policies" }), expect: signedIn },
  "POST /api/v1/policies": {
    request: () => ({
      method: "POST",
      url: "/api/v1/policies",
      payload: { name: "Purchases", rules: [{ id: "all", when: "true", outcome: "review", require: ["it"] }] },
    }),
    expect: adminsOnly,
  },
  "GET /api/v1/policies/:id": {
    request: (w) => ({ url: `/api/v1/policies/${w.guardrails.policy.id}` }),
    expect: signedInRecord,
  },
  "PUT /api/v1/policies/:id": {
    request: (w) => ({
      method: "PUT",
      url: `/api/v1/policies/${w.guardrails.policy.id}`,
      payload: {
        version: 1,
        rules: [{ id: "denied-vendor", when: "request.vendor == 'Acme Spyware'", outcome: "block" }],
      },
    }),
    expect: adminsOnlyRecord,
  },
  "POST /api/v1/policies/:id/activate": {
    request: (w) => ({
      method: "POST",
      url: `/api/v1/policies/${w.guardrails.policy.id}/activate`,
      payload: { version: 1 },
    }),
    expect: adminsOnlyRecord,
  },
  "GET /api/v1/policies/:id/tests": {
    request: (w) => ({ url: `/api/v1/policies/${w.guardrails.policy.id}/tests` }),
    expect: signedInRecord,
  },
  "POST /api/v1/policies/:id/tests": {
    request: (w) => ({
      method: "POST",
      url: `/api/v1/policies/${w.guardrails.policy.id}/tests`,
      payload: { name: "cheap", input: { request: { annualCost: 1 } }, expected: { outcome: "review" } },
    }),
    expect: adminsOnlyRecord,
  },
  "DELETE /api/v1/policies/:id/tests/:testId": {
    request: (w) => ({
      method: "DELETE",
      url: `/api/v1/policies/${w.guardrails.policy.id}/tests/${w.guardrails.policyTest.id}`,
    }),
    expect: adminsOnlyRecord,
  },
  "POST /api/v1/policies/:id/simulate": {
    request: (w) => ({
      method: "POST",
      url: `/api/v1/policies/${w.guardrails.policy.id}/simulate`,
      payload: { rules: [{ id: "all", when: "true", outcome: "approve" }], last: 5 },
    }),
    expect: signedInRecord,
  },
  "GET /api/v1/requests/:id/judgements": {
    request: (w) => ({ url: `/api/v1/requests/${w.pipelineRequest.id}/judgements` }),
    expect: signedInRecord,
  },
  "GET /api/v1/guardrails/settings": { request: () => ({ url: "/api/v1/guardrails/settings" }), expect: signedIn },
  "PUT /api/v1/guardrails/settings": {
    request: () => ({
      method: "PUT",
      url: "/api/v1/guardrails/settings",
      payload: { currency: "EUR", rates: { USD: 0.9 }, version: 0 },
    }),
    expect: adminsOnly,
  },
  "GET /api/v1/reviews": { request: () => ({ url: "/api/v1/reviews" }), expect: signedIn },
  "GET /api/v1/reviews/:id": {
    request: (w) => ({ url: `/api/v1/reviews/${w.guardrails.review.id}` }),
    expect: signedInRecord,
  },
  // The world's review is IT's: a person of an IT team or an admin decides it.
  "POST /api/v1/reviews/:id/decide": {
    request: (w) => ({
      method: "POST",
      url: `/api/v1/reviews/${w.guardrails.review.id}/decide`,
      payload: { outcome: "approve", comment: "No overlap", version: 1 },
    }),
    expect: itAndAdminsRecord,
  },
  "GET /api/v1/review-templates": { request: () => ({ url: "/api/v1/review-templates" }), expect: signedIn },
  "PUT /api/v1/review-templates/:kind": {
    request: () => ({
      method: "PUT",
      url: "/api/v1/review-templates/security",
      payload: { items: ["Security questionnaire answered"], version: 0 },
    }),
    expect: adminsOnly,
  },
  "GET /api/v1/job-swaps": { request: () => ({ url: "/api/v1/job-swaps?phase=past" }), expect: signedIn },
  "POST /api/v1/job-swaps": {
    request: (w) => ({
      method: "POST",
      url: "/api/v1/job-swaps",
      payload: {
        marketingPersonId: w.personas.marketing.user.id,
        itPersonId: w.personas.it.user.id,
        startDate: w.today,
        endDate: w.today,
        goals: "Shadow a release",
      },
    }),
    expect: writers,
  },
  "GET /api/v1/job-swaps/:id": {
    request: (w) => ({ url: `/api/v1/job-swaps/${w.jobSwapId}` }),
    expect: signedInRecord,
  },
  "PATCH /api/v1/job-swaps/:id": {
    request: (w) => ({
      method: "PATCH",
      url: `/api/v1/job-swaps/${w.jobSwapId}`,
      payload: { version: 1, goals: "See each other's month" },
    }),
    expect: writersRecord,
  },
  // Only the two people of the swap (the marketing and IT members) write their reflections, whatever their role.
  "PUT /api/v1/job-swaps/:id/reflection": {
    request: (w) => ({
      method: "PUT",
      url: `/api/v1/job-swaps/${w.jobSwapId}/reflection`,
      payload: { text: "Worth it" },
    }),
    expect: { ...signedInRecord, viewer: "deny", admin: "deny" },
  },
  "GET /api/v1/experiments": { request: () => ({ url: "/api/v1/experiments" }), expect: signedIn },
  "GET /api/v1/experiments/learnings": { request: () => ({ url: "/api/v1/experiments/learnings" }), expect: signedIn },
  "POST /api/v1/experiments": {
    request: () => ({
      method: "POST",
      url: "/api/v1/experiments",
      payload: {
        name: "Shorter form",
        hypothesis: { change: "a shorter form", outcome: "more sign-ups", measure: "sign-up rate" },
        kpi: "Sign-up rate",
        primaryMetric: { name: "sign-up rate", type: "proportion" },
      },
    }),
    expect: writers,
  },
  "GET /api/v1/experiments/:id": {
    request: (w) => ({ url: `/api/v1/experiments/${w.experiment.id}` }),
    expect: signedInRecord,
  },
  "PATCH /api/v1/experiments/:id": {
    request: (w) => ({
      method: "PATCH",
      url: `/api/v1/experiments/${w.experiment.id}`,
      payload: { version: 1, channel: "Email" },
    }),
    expect: writersRecord,
  },
  "POST /api/v1/experiments/:id/status": {
    request: (w) => ({
      method: "POST",
      url: `/api/v1/experiments/${w.experiment.id}/status`,
      payload: { version: 1, status: "stopped" },
    }),
    expect: writersRecord,
  },
  // Only the owner (the world's target member, no persona) or an admin decides.
  "POST /api/v1/experiments/:id/decision": {
    request: (w) => ({
      method: "POST",
      url: `/api/v1/experiments/${w.experiment.id}/decision`,
      payload: { version: 1, outcome: "shipped", reason: "Clear win on click-through" },
    }),
    expect: adminsOnlyRecord,
  },
  "GET /api/v1/experiments/:id/results": {
    request: (w) => ({ url: `/api/v1/experiments/${w.experiment.id}/results` }),
    expect: signedInRecord,
  },
  "POST /api/v1/experiments/:id/results": {
    request: (w) => ({
      method: "POST",
      url: `/api/v1/experiments/${w.experiment.id}/results`,
      payload: {
        metrics: [
          {
            metric: "click-through rate",
            variants: [
              { variant: "Control", n: 1000, sum: 100 },
              { variant: "Green", n: 1000, sum: 120 },
            ],
          },
        ],
      },
    }),
    expect: writersRecord,
  },
  "POST /api/v1/experiments/:id/results/import": {
    request: (w) => ({
      method: "POST",
      url: `/api/v1/experiments/${w.experiment.id}/results/import`,
      payload: { csv: "metric,variant,n,sum\nclick-through rate,Control,1000,100\nclick-through rate,Green,1000,120" },
    }),
    expect: writersRecord,
  },
  "GET /api/v1/experiments/:id/snapshots": {
    request: (w) => ({ url: `/api/v1/experiments/${w.experiment.id}/snapshots` }),
    expect: signedInRecord,
  },
  "GET /api/v1/spend": { request: () => ({ url: "/api/v1/spend" }), expect: signedIn },
  "POST /api/v1/spend": {
    request: () => ({
      method: "POST",
      url: "/api/v1/spend",
      payload: { date: "2026-01-05", channel: "Search", amount: "1200.00", currency: "EUR" },
    }),
    expect: spendKeepers,
  },
  // No spend line in the world: the role is refused first, and writers find nothing to edit.
  "PATCH /api/v1/spend/:id": {
    request: () => ({ method: "PATCH", url: `/api/v1/spend/${MISSING_ID}`, payload: { version: 1, amount: "10" } }),
    expect: { ...spendKeepers, marketing: "hidden", admin: "hidden", otherWorkspace: "hidden" },
  },
  "DELETE /api/v1/spend/:id": {
    request: () => ({ method: "DELETE", url: `/api/v1/spend/${MISSING_ID}` }),
    expect: { ...spendKeepers, marketing: "hidden", admin: "hidden", otherWorkspace: "hidden" },
  },
  "POST /api/v1/spend/import": {
    request: () => ({
      method: "POST",
      url: "/api/v1/spend/import",
      payload: { csv: "date,channel,amount,currency\n2026-01-05,Search,100,EUR\n", mode: "import" },
    }),
    expect: spendKeepers,
  },
  "GET /api/v1/spend/summary": { request: () => ({ url: "/api/v1/spend/summary" }), expect: signedIn },
  "GET /api/v1/value/imports": { request: () => ({ url: "/api/v1/value/imports" }), expect: signedIn },
  "POST /api/v1/outcomes/import": {
    request: () => ({
      method: "POST",
      url: "/api/v1/outcomes/import",
      payload: { csv: "journey_id,timestamp,value\nj1,2026-01-05T10:00:00Z,80\n", mode: "import" },
    }),
    expect: writers,
  },
  "POST /api/v1/outcomes": {
    request: () => ({
      method: "POST",
      url: "/api/v1/outcomes",
      payload: { items: [{ journeyId: "j1", occurredAt: "2026-01-05T10:00:00Z", value: 80 }] },
    }),
    expect: writers,
  },
  "POST /api/v1/journeys/import": {
    request: () => ({
      method: "POST",
      url: "/api/v1/journeys/import",
      payload: { kind: "touchpoints", csv: "journey_id,timestamp,channel\nj1,2026-01-04T10:00:00Z,Search\n" },
    }),
    expect: writers,
  },
  "POST /api/v1/journeys": {
    request: () => ({
      method: "POST",
      url: "/api/v1/journeys",
      payload: { items: [{ journeyId: "j1", occurredAt: "2026-01-04T10:00:00Z", channel: "Search" }] },
    }),
    expect: writers,
  },
  "GET /api/v1/journeys/summary": { request: () => ({ url: "/api/v1/journeys/summary" }), expect: signedIn },
  "GET /api/v1/attribution/runs": { request: () => ({ url: "/api/v1/attribution/runs" }), expect: signedIn },
  "POST /api/v1/attribution/runs": {
    request: () => ({
      method: "POST",
      url: "/api/v1/attribution/runs",
      payload: { models: ["last", "markov"], periodStart: "2026-01-01", periodEnd: "2026-01-31" },
    }),
    expect: writers,
  },
  // No run in the world: everyone signed in is answered 404.
  "GET /api/v1/attribution/runs/:id": {
    request: () => ({ url: `/api/v1/attribution/runs/${MISSING_ID}` }),
    expect: signedInMissing,
  },
  "GET /api/v1/attribution/runs/:id/which-half": {
    request: () => ({ url: `/api/v1/attribution/runs/${MISSING_ID}/which-half` }),
    expect: signedInMissing,
  },
  // The author or an admin cancels (checked on the run): with no run, everyone signed in is answered 404.
  "POST /api/v1/attribution/runs/:id/cancel": {
    request: () => ({ method: "POST", url: `/api/v1/attribution/runs/${MISSING_ID}/cancel` }),
    expect: signedInMissing,
  },
  "GET /api/v1/objectives": { request: () => ({ url: "/api/v1/objectives" }), expect: signedIn },
  "POST /api/v1/objectives": {
    request: () => ({
      method: "POST",
      url: "/api/v1/objectives",
      payload: { title: "Faster launches", periodStart: "2026-01-01", periodEnd: "2026-12-31" },
    }),
    expect: writers,
  },
  "GET /api/v1/objectives/:id": {
    request: (w) => ({ url: `/api/v1/objectives/${w.objective.id}` }),
    expect: signedInRecord,
  },
  "PATCH /api/v1/objectives/:id": {
    request: (w) => ({
      method: "PATCH",
      url: `/api/v1/objectives/${w.objective.id}`,
      payload: { version: 1, description: "Customers who come back" },
    }),
    expect: writersRecord,
  },
  "GET /api/v1/segments": { request: () => ({ url: "/api/v1/segments" }), expect: signedIn },
  "POST /api/v1/segments": {
    request: () => ({ method: "POST", url: "/api/v1/segments", payload: { name: "Families", priority: 2 } }),
    expect: writers,
  },
  "PATCH /api/v1/segments/:id": {
    request: (w) => ({
      method: "PATCH",
      url: `/api/v1/segments/${w.segment.id}`,
      payload: { version: 1, priority: 2 },
    }),
    expect: writersRecord,
  },
  "GET /api/v1/scorecard/measured": { request: () => ({ url: "/api/v1/scorecard/measured" }), expect: signedIn },
  // Public (the sign-in page asks); the world is not a demo installation, so the list is empty for everyone.
  "GET /api/v1/auth/demo-accounts": { request: () => ({ url: "/api/v1/auth/demo-accounts" }), expect: everyone },
  "GET /api/v1/home": { request: () => ({ url: "/api/v1/home" }), expect: signedIn },
  "GET /api/v1/search": { request: () => ({ url: "/api/v1/search?q=a" }), expect: signedIn },
  "GET /api/v1/scorecard/review": { request: () => ({ url: "/api/v1/scorecard/review" }), expect: signedIn },
  "GET /api/v1/scorecard/review.csv": { request: () => ({ url: "/api/v1/scorecard/review.csv" }), expect: signedIn },
  "GET /api/v1/kpis": { request: () => ({ url: "/api/v1/kpis" }), expect: signedIn },
  "POST /api/v1/kpis": {
    request: (w) => ({
      method: "POST",
      url: "/api/v1/kpis",
      payload: {
        objectiveId: w.objective.id,
        name: "Net promoter score",
        unit: "count",
        direction: "up",
        baseline: 20,
        target: 35,
        ownerId: w.target.user.id,
      },
    }),
    expect: writers,
  },
  "POST /api/v1/kpis/import": {
    request: (w) => ({
      method: "POST",
      url: "/api/v1/kpis/import",
      payload: { csv: `kpi,date,value\n${w.kpi.id},${w.today},22\n`, dryRun: true },
    }),
    expect: writers,
  },
  "POST /api/v1/kpis/recompute": {
    request: () => ({ method: "POST", url: "/api/v1/kpis/recompute" }),
    expect: writers,
  },
  "GET /api/v1/kpis/:id": { request: (w) => ({ url: `/api/v1/kpis/${w.kpi.id}` }), expect: signedInRecord },
  "PATCH /api/v1/kpis/:id": {
    request: (w) => ({ method: "PATCH", url: `/api/v1/kpis/${w.kpi.id}`, payload: { version: 1, target: 32 } }),
    expect: writersRecord,
  },
  "PUT /api/v1/kpis/:id/links": {
    request: (w) => ({
      method: "PUT",
      url: `/api/v1/kpis/${w.kpi.id}/links`,
      payload: { version: 1, requestIds: [w.pipelineRequest.id], experimentIds: [], toolIds: [w.tool.id] },
    }),
    expect: writersRecord,
  },
  "GET /api/v1/kpis/:id/measurements": {
    request: (w) => ({ url: `/api/v1/kpis/${w.kpi.id}/measurements` }),
    expect: signedInRecord,
  },
  "POST /api/v1/kpis/:id/measurements": {
    request: (w) => ({
      method: "POST",
      url: `/api/v1/kpis/${w.kpi.id}/measurements`,
      payload: { date: w.today, value: 23, confidence: 4 },
    }),
    expect: writersRecord,
  },
  "GET /api/v1/kpis/:id/series": {
    request: (w) => ({ url: `/api/v1/kpis/${w.kpi.id}/series` }),
    expect: signedInRecord,
  },
  // The world's KPI is manual: writers get past the policy and are told it is not computed (409).
  "POST /api/v1/kpis/:id/recompute": {
    request: (w) => ({ method: "POST", url: `/api/v1/kpis/${w.kpi.id}/recompute` }),
    expect: writersRecord,
  },
  "GET /api/v1/experiments/:id/kpi": {
    request: (w) => ({ url: `/api/v1/experiments/${w.experiment.id}/kpi` }),
    expect: signedInRecord,
  },
  "PUT /api/v1/experiments/:id/kpi": {
    request: (w) => ({
      method: "PUT",
      url: `/api/v1/experiments/${w.experiment.id}/kpi`,
      payload: { kpiId: w.kpi.id, version: 1 },
    }),
    expect: writersRecord,
  },
  "GET /api/v1/requests/:id/kpis": {
    request: (w) => ({ url: `/api/v1/requests/${w.pipelineRequest.id}/kpis` }),
    expect: signedInRecord,
  },
  "PUT /api/v1/requests/:id/kpis": {
    request: (w) => ({
      method: "PUT",
      url: `/api/v1/requests/${w.pipelineRequest.id}/kpis`,
      payload: { kpiIds: [w.kpi.id] },
    }),
    expect: writersRecord,
  },
  "GET /api/v1/glossary/terms": { request: () => ({ url: "/api/v1/glossary/terms?q=cost" }), expect: signedIn },
  "POST /api/v1/glossary/terms": {
    request: () => ({ method: "POST", url: "/api/v1/glossary/terms", payload: { name: "Churn rate" } }),
    expect: writers,
  },
  "GET /api/v1/glossary/terms.csv": { request: () => ({ url: "/api/v1/glossary/terms.csv" }), expect: signedIn },
  "GET /api/v1/glossary/terms/:id": {
    request: (w) => ({ url: `/api/v1/glossary/terms/${w.term.id}` }),
    expect: signedInRecord,
  },
  "PATCH /api/v1/glossary/terms/:id": {
    request: (w) => ({
      method: "PATCH",
      url: `/api/v1/glossary/terms/${w.term.id}`,
      payload: { version: w.term.version, name: "Customer acquisition cost", acronym: "CAC", synonyms: ["CPA"] },
    }),
    expect: writersRecord,
  },
  "POST /api/v1/glossary/terms/:id/propose": {
    request: (w) => ({
      method: "POST",
      url: `/api/v1/glossary/terms/${w.term.id}/propose`,
      payload: { version: w.term.version },
    }),
    expect: writersRecord,
  },
  // The two sides approve: people of marketing and IT teams (the world's admin is on an IT team).
  "POST /api/v1/glossary/terms/:id/approve": {
    request: (w) => ({
      method: "POST",
      url: `/api/v1/glossary/terms/${w.term.id}/approve`,
      payload: { revisionId: w.term.revisionId },
    }),
    expect: writersRecord,
  },
  "POST /api/v1/glossary/terms/:id/reject": {
    request: (w) => ({
      method: "POST",
      url: `/api/v1/glossary/terms/${w.term.id}/reject`,
      payload: { revisionId: w.term.revisionId, reason: "Say which spend counts" },
    }),
    expect: writersRecord,
  },
  "GET /api/v1/glossary/clashes": { request: () => ({ url: "/api/v1/glossary/clashes" }), expect: signedIn },
  "POST /api/v1/glossary/clashes/resolve": {
    request: (w) => ({
      method: "POST",
      url: "/api/v1/glossary/clashes/resolve",
      payload: { key: "cms", termIds: w.clash.map((term) => term.id), resolution: "keep_both" },
    }),
    expect: writersRecord,
  },
  "POST /api/v1/glossary/annotate": {
    request: () => ({
      method: "POST",
      url: "/api/v1/glossary/annotate",
      payload: { text: "Our CAC rose; the CMS is slow." },
    }),
    expect: signedIn,
  },
  "POST /api/v1/glossary/import": {
    request: () => ({
      method: "POST",
      url: "/api/v1/glossary/import",
      payload: { csv: "name,context,canonical_definition\nChurn rate,,Customers lost\n", dryRun: true },
    }),
    expect: writers,
  },
  "POST /api/v1/glossary/starter": {
    request: () => ({ method: "POST", url: "/api/v1/glossary/starter" }),
    expect: adminsOnly,
  },
  "GET /api/v1/survey-items": { request: () => ({ url: "/api/v1/survey-items" }), expect: signedIn },
  "POST /api/v1/survey-items": {
    request: () => ({
      method: "POST",
      url: "/api/v1/survey-items",
      payload: { criterion: "skills", text: { marketing: "We train together.", it: "We train together." } },
    }),
    expect: adminsOnly,
  },
  "PATCH /api/v1/survey-items/:id": {
    request: (w) => ({
      method: "PATCH",
      url: `/api/v1/survey-items/${w.healthItemId}`,
      payload: { version: 1, status: "retired" },
    }),
    expect: adminsOnlyRecord,
  },
  "GET /api/v1/surveys": { request: () => ({ url: "/api/v1/surveys" }), expect: signedIn },
  "POST /api/v1/surveys": {
    request: () => ({ method: "POST", url: "/api/v1/surveys", payload: { title: "Pulse", closesOn: "2100-01-01" } }),
    expect: adminsOnly,
  },
  "GET /api/v1/surveys/:id": {
    request: (w) => ({ url: `/api/v1/surveys/${w.healthSurveyId}` }),
    expect: signedInRecord,
  },
  // The world's pulse is open: a draft edit or a launch is a 409 for admins.
  "PATCH /api/v1/surveys/:id": {
    request: (w) => ({
      method: "PATCH",
      url: `/api/v1/surveys/${w.healthSurveyId}`,
      payload: { version: 1, title: "Renamed" },
    }),
    expect: adminsOnlyRecord,
  },
  "POST /api/v1/surveys/:id/launch": {
    request: (w) => ({ method: "POST", url: `/api/v1/surveys/${w.healthSurveyId}/launch`, payload: { version: 1 } }),
    expect: adminsOnlyRecord,
  },
  "POST /api/v1/surveys/:id/close": {
    request: (w) => ({ method: "POST", url: `/api/v1/surveys/${w.healthSurveyId}/close`, payload: { version: 1 } }),
    expect: adminsOnlyRecord,
  },
  // Every persona of the world is in a marketing or IT team: each may answer (any role).
  "POST /api/v1/surveys/:id/responses": {
    request: (w) => ({
      method: "POST",
      url: `/api/v1/surveys/${w.healthSurveyId}/responses`,
      payload: { answers: [{ itemId: w.healthItemId, value: 4 }] },
    }),
    expect: signedInRecord,
  },
  "GET /api/v1/surveys/:id/responses": {
    request: (w) => ({ url: `/api/v1/surveys/${w.healthSurveyId}/responses` }),
    expect: signedInRecord,
  },
  "GET /api/v1/alignment": { request: () => ({ url: "/api/v1/alignment" }), expect: signedIn },
  "GET /api/v1/pulse-cadence": { request: () => ({ url: "/api/v1/pulse-cadence" }), expect: signedIn },
  "PUT /api/v1/pulse-cadence": {
    request: () => ({
      method: "PUT",
      url: "/api/v1/pulse-cadence",
      payload: { version: 1, cadence: "off", startsOn: null, k: 5, itemsPerPulse: 8, lengthDays: 10 },
    }),
    expect: adminsOnly,
  },
  "GET /api/v1/meeting-series": { request: () => ({ url: "/api/v1/meeting-series" }), expect: signedIn },
  "POST /api/v1/meeting-series": {
    request: (w) => ({
      method: "POST",
      url: "/api/v1/meeting-series",
      payload: { template: "joint_steering_monthly", startDate: w.today, participantIds: [] },
    }),
    expect: writers,
  },
  "GET /api/v1/meeting-series/:id": {
    request: (w) => ({ url: `/api/v1/meeting-series/${w.rituals.series.id}` }),
    expect: signedInRecord,
  },
  "PATCH /api/v1/meeting-series/:id": {
    request: (w) => ({
      method: "PATCH",
      url: `/api/v1/meeting-series/${w.rituals.series.id}`,
      payload: { version: 1, title: "Weekly sync" },
    }),
    expect: writersRecord,
  },
  "GET /api/v1/meetings": { request: () => ({ url: "/api/v1/meetings?when=upcoming" }), expect: signedIn },
  "POST /api/v1/meetings": {
    request: (w) => ({
      method: "POST",
      url: "/api/v1/meetings",
      payload: { seriesId: w.rituals.series.id, startsAt: "2099-06-01T09:00:00Z" },
    }),
    expect: writers,
  },
  "GET /api/v1/meetings/:id/invite.ics": {
    request: (w) => ({ url: `/api/v1/meetings/${w.rituals.meeting.id}/invite.ics` }),
    expect: signedInRecord,
  },
  "GET /api/v1/meetings/:id/minutes": {
    request: (w) => ({ url: `/api/v1/meetings/${w.rituals.meeting.id}/minutes` }),
    expect: signedInRecord,
  },
  "GET /api/v1/meeting-series/:id/calendar.ics": {
    request: (w) => ({ url: `/api/v1/meeting-series/${w.rituals.series.id}/calendar.ics` }),
    expect: signedInRecord,
  },
  // The person's feed opens with its secret only: a wrong one is unknown to everyone.
  "GET /api/v1/calendar.ics": {
    request: () => ({ url: "/api/v1/calendar.ics?key=tdmcal_wrong" }),
    expect: { ...signedInMissing, anonymous: "hidden" },
  },
  "GET /api/v1/meetings/:id": {
    request: (w) => ({ url: `/api/v1/meetings/${w.rituals.meeting.id}` }),
    expect: signedInRecord,
  },
  "PATCH /api/v1/meetings/:id": {
    request: (w) => ({
      method: "PATCH",
      url: `/api/v1/meetings/${w.rituals.meeting.id}`,
      payload: { version: 1, attendeeIds: [] },
    }),
    expect: writersRecord,
  },
  "POST /api/v1/meetings/:id/prepare": {
    request: (w) => ({ method: "POST", url: `/api/v1/meetings/${w.rituals.meeting.id}/prepare`, payload: {} }),
    expect: writersRecord,
  },
  "GET /api/v1/meetings/:id/agenda": {
    request: (w) => ({ url: `/api/v1/meetings/${w.rituals.meeting.id}/agenda` }),
    expect: signedInRecord,
  },
  "POST /api/v1/meetings/:id/agenda": {
    request: (w) => ({
      method: "POST",
      url: `/api/v1/meetings/${w.rituals.meeting.id}/agenda`,
      payload: { title: "Budget for Q3" },
    }),
    expect: writersRecord,
  },
  "PATCH /api/v1/meetings/:id/agenda/:itemId": {
    request: (w) => ({
      method: "PATCH",
      url: `/api/v1/meetings/${w.rituals.meeting.id}/agenda/${w.rituals.agendaItemId}`,
      payload: { version: 1, notes: "Agreed to start in May" },
    }),
    expect: writersRecord,
  },
  "DELETE /api/v1/meetings/:id/agenda/:itemId": {
    request: (w) => ({
      method: "DELETE",
      url: `/api/v1/meetings/${w.rituals.meeting.id}/agenda/${w.rituals.agendaItemId}`,
    }),
    expect: writersRecord,
  },
  "GET /api/v1/meetings/:id/outcomes": {
    request: (w) => ({ url: `/api/v1/meetings/${w.rituals.meeting.id}/outcomes` }),
    expect: signedInRecord,
  },
  "POST /api/v1/meetings/:id/outcomes": {
    request: (w) => ({
      method: "POST",
      url: `/api/v1/meetings/${w.rituals.meeting.id}/outcomes`,
      payload: { type: "information", summary: "The agency starts in May" },
    }),
    expect: writersRecord,
  },
  "GET /api/v1/action-items": { request: () => ({ url: "/api/v1/action-items?owner=me" }), expect: signedIn },
  "POST /api/v1/action-items": {
    request: (w) => ({
      method: "POST",
      url: "/api/v1/action-items",
      payload: { title: "Book the room", ownerId: w.target.user.id, dueDate: "2099-01-01" },
    }),
    expect: writers,
  },
  "GET /api/v1/action-items/completion": {
    request: () => ({ url: "/api/v1/action-items/completion" }),
    expect: signedIn,
  },
  "GET /api/v1/action-items/:id": {
    request: (w) => ({ url: `/api/v1/action-items/${w.rituals.actionItemId}` }),
    expect: signedInRecord,
  },
  "PATCH /api/v1/action-items/:id": {
    request: (w) => ({
      method: "PATCH",
      url: `/api/v1/action-items/${w.rituals.actionItemId}`,
      payload: { version: 1, status: "done" },
    }),
    expect: writersRecord,
  },
  "GET /healthz": { request: () => ({ url: "/healthz" }), expect: everyone },
  "GET /readyz": { request: () => ({ url: "/readyz" }), expect: everyone },
  // Only to the TANDEM_METRICS_TOKEN bearer (plugins/metrics.test.ts); the matrix's app has none: no /metrics.
  "GET /metrics": { request: () => ({ url: "/metrics" }), expect: { ...signedInMissing, anonymous: "hidden" } },
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

/**
 * Checks one share of the matrix's routes (those whose place in it is `part` modulo `parts`), so the shares run side
 * by side in the suite's workers; part 0 also checks that the matrix covers every route and that lists stay within
 * their workspace.
 */
export function checkPolicyMatrix(part: number, parts: number) {
  describeWithApp(`permission matrix (part ${part + 1} of ${parts})`, (get) => {
    if (part === 0) {
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
    }

    for (const [route, row] of Object.entries(matrix).filter((_, index) => index % parts === part)) {
      it(`${route}`, async () => {
        const t = get();
        const outcomes: Record<string, Outcome> = {};
        // A fresh world per persona for a write: one persona's write must not change what the next one sees. A read
        // changes nothing, so its personas share one world.
        const isRead = route.startsWith("GET ");
        const shared = isRead ? await buildWorld(t) : null;
        for (const persona of PERSONAS) {
          const world = shared ?? (await buildWorld(t));
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

    if (part === 0) {
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
    }
  });
}
