import type { InjectOptions } from "fastify";
import { expect, it } from "vitest";
import { describeWithApp } from "../test/app";
import { buildKpi } from "../test/factories-scorecard";
import { buildWorld, type World } from "../test/world";

// 2⁴⁰: a whole number JSON carries exactly, far beyond a PostgreSQL integer column.
const HUGE = 1_099_511_627_776;

const subcategories = {
  advertising: ["Ads"],
  content: ["CMS"],
  social: ["Social"],
  commerce: ["Shop"],
  data: ["CDP"],
  management: ["PM"],
};

async function createSpendLine(world: World) {
  const response = await world.personas.admin.request({
    method: "POST",
    url: "/api/v1/spend",
    payload: { date: "2026-01-15", channel: "Search", amount: "100.00", currency: "EUR" },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

/** Every versioned edit, with an otherwise valid body: only the version can be wrong. */
function versionedEdits(world: World, spendId: string, version: number): InjectOptions[] {
  return [
    { method: "PATCH", url: `/api/v1/tools/${world.tool.id}`, payload: { version, name: "Renamed" } },
    { method: "POST", url: `/api/v1/tools/${world.tool.id}/archive`, payload: { version } },
    { method: "PATCH", url: `/api/v1/users/${world.target.user.id}`, payload: { version, name: "Renamed" } },
    { method: "PATCH", url: `/api/v1/teams/${world.ws.teamOf("other").id}`, payload: { version, name: "Renamed" } },
    { method: "PATCH", url: `/api/v1/requests/${world.pipelineRequest.id}`, payload: { version, title: "Renamed" } },
    { method: "PATCH", url: `/api/v1/spend/${spendId}`, payload: { version, channel: "Social" } },
    { method: "PATCH", url: `/api/v1/calendars/${world.calendar.id}`, payload: { version, name: "Renamed" } },
    {
      method: "PUT",
      url: "/api/v1/pipeline/settings",
      payload: {
        version,
        scoring: { preset: "rice", weights: { value: 3, urgency: 2, risk: 1, confidence: 1, effort: 2 } },
      },
    },
    { method: "PATCH", url: "/api/v1/sla/policies/crucial", payload: { version, decisionMinutes: 600 } },
    {
      method: "PUT",
      url: "/api/v1/raci-templates/change",
      payload: {
        version,
        activities: [{ name: "Decide", assignments: [{ role: "A", assignee: { kind: "sponsor" } }] }],
      },
    },
    { method: "PUT", url: "/api/v1/stack/taxonomy", payload: { version, subcategories } },
  ];
}

describeWithApp("numbers and dates the database cannot hold", (get) => {
  it("refuses a version above 2³¹ on every versioned edit with a 400 naming the version", async () => {
    const world = await buildWorld(get());
    const spendId = await createSpendLine(world);
    for (const edit of versionedEdits(world, spendId, HUGE)) {
      const response = await world.personas.admin.request(edit);
      expect(response.statusCode, `${edit.method} ${edit.url} ${response.body}`).toBe(400);
      expect(response.json().errors, `${edit.method} ${edit.url}`).toContainEqual(
        expect.objectContaining({ path: "version" }),
      );
    }
    // The same bodies with the largest version that leaves room for the next reach the service: a stale version is a conflict, never a 400.
    for (const edit of versionedEdits(world, spendId, 2_147_483_646)) {
      const response = await world.personas.admin.request(edit);
      expect(response.statusCode, `${edit.method} ${edit.url} ${response.body}`).toBe(409);
    }
  });

  it("refuses dates before 1970 or after 2100 in plans and records, naming the field", async () => {
    const world = await buildWorld(get());
    const admin = world.personas.admin;
    const cases: { options: InjectOptions; path: string }[] = [
      {
        options: {
          method: "POST",
          url: "/api/v1/tools",
          payload: { name: "Far renewal", category: "content", subcategory: "CMS", renewalDate: "3283-10-14" },
        },
        path: "renewalDate",
      },
      {
        options: {
          method: "POST",
          url: "/api/v1/tools",
          payload: { name: "Old contract", category: "content", subcategory: "CMS", contractStart: "0026-03-29" },
        },
        path: "contractStart",
      },
      {
        options: {
          method: "POST",
          url: "/api/v1/requests",
          payload: { type: "change", title: "Ancient deadline", deadline: "0026-03-29" },
        },
        path: "deadline",
      },
      {
        options: {
          method: "PATCH",
          url: `/api/v1/calendars/${world.calendar.id}`,
          payload: { version: 1, holidays: ["2026-12-25", "3283-10-14"] },
        },
        path: "holidays.1",
      },
    ];
    for (const { options, path } of cases) {
      const response = await admin.request(options);
      expect(response.statusCode, `${options.url} ${response.body}`).toBe(400);
      expect(response.json().errors).toContainEqual(expect.objectContaining({ path }));
    }
    const report = await admin.request({ method: "GET", url: "/api/v1/sla/report?from=0026-03-29" });
    expect(report.statusCode).toBe(400);
    expect(report.json().errors).toContainEqual(expect.objectContaining({ path: "querystring.from" }));
  });

  it("refuses a measurement dated more than a day ahead, even inside its objective's period", async () => {
    const world = await buildWorld(get());
    const marketing = world.personas.marketing;
    const objective = await marketing.request({
      method: "POST",
      url: "/api/v1/objectives",
      payload: {
        title: "A long plan",
        periodStart: "2026-01-01",
        periodEnd: "2099-12-31",
        marketingOwnerId: marketing.user.id,
        itOwnerId: world.personas.it.user.id,
      },
    });
    expect(objective.statusCode, objective.body).toBe(201);
    const kpi = await buildKpi(marketing, objective.json().id);
    const checkIn = (date: string) =>
      marketing.request({ method: "POST", url: `/api/v1/kpis/${kpi.id}/measurements`, payload: { date, value: 25 } });
    const future = await checkIn("2099-01-01");
    expect(future.statusCode, future.body).toBe(400);
    expect(future.json().errors).toContainEqual(expect.objectContaining({ path: "date" }));
    const today = new Date().toISOString().slice(0, 10);
    expect((await checkIn(today)).statusCode).toBe(201);
  });

  it("refuses an hourly rate its column cannot hold, naming the field", async () => {
    const world = await buildWorld(get());
    const response = await world.personas.marketing.request({
      method: "POST",
      url: "/api/v1/requests",
      payload: { type: "change", title: "Costly hours", hourlyRate: "80000000000" },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().errors).toContainEqual(expect.objectContaining({ path: "hourlyRate" }));
  });

  it("refuses forged cursors the database cannot compare (times out of range, NUL characters) with a 400", async () => {
    const world = await buildWorld(get());
    const cursor = (position: unknown[]) => Buffer.from(JSON.stringify(position)).toString("base64url");
    const nil = "00000000-0000-0000-0000-000000000000";
    for (const url of [
      `/api/v1/tools?sort=updatedAt&cursor=${cursor(["-271821-04-20T00:00:00Z", nil])}`,
      `/api/v1/sessions?sort=lastSeenAt&cursor=${cursor(["+275760-09-13T00:00:00Z", nil])}`,
      `/api/v1/tools?sort=name&cursor=${cursor(["x\u0000", nil])}`,
      `/api/v1/users?sort=email&cursor=${cursor(["x\u0000", nil])}`,
      `/api/v1/requests?sort=number&cursor=${cursor(["-271821-04-20T00:00:00Z", nil])}`,
      `/api/v1/requests?sort=-number&cursor=${cursor([1e308, nil])}`,
      `/api/v1/notifications?cursor=${cursor(["-271821-04-20T00:00:00Z", nil])}`,
      `/api/v1/notifications?cursor=${cursor(["2026-01-01T00:00:00Z", "not-an-id"])}`,
    ]) {
      const response = await world.personas.admin.request({ method: "GET", url });
      expect(response.statusCode, `${url} ${response.body}`).toBe(400);
      expect(response.json().errors).toEqual([{ path: "cursor", message: "is not a cursor this list gave out" }]);
    }
  });
});
