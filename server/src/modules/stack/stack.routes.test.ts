import { describe, expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildPersona, buildWorkspace } from "../../../test/factories";

describeWithApp("stack", (get) => {
  async function setup() {
    const t = get();
    const ws = await buildWorkspace(t);
    const marketer = await buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws });
    const engineer = await buildPersona(t, { role: "member", teamKind: "it", workspace: ws });
    const viewer = await buildPersona(t, { role: "viewer", teamKind: "marketing", workspace: ws });
    const create = (persona = marketer, body: Record<string, unknown> = {}) =>
      persona.request({
        method: "POST",
        url: "/api/v1/tools",
        payload: { name: `Tool ${Math.random()}`, category: "content", subcategory: "Email marketing", ...body },
      });
    return { t, ws, marketer, engineer, viewer, create };
  }

  describe("POST /api/v1/tools", () => {
    it("adds a tool with computed TIME class, cancel-by, utilisation and compliance, audited", async () => {
      const { t, marketer, engineer, create } = await setup();
      const response = await create(marketer, {
        name: "Brevo",
        vendor: "Brevo",
        capabilities: ["email", "SMS", "Email"],
        businessOwnerId: marketer.user.id,
        technicalOwnerId: engineer.user.id,
        functionalFit: 4,
        annualCost: { amount: "24000.00", currency: "EUR" },
        seatsBought: 20,
        seatsUsed: 15,
        contractStart: "2026-01-01",
        renewalDate: "2027-01-01",
        noticeDays: 60,
        dataClasses: ["personal"],
      });
      expect(response.statusCode).toBe(201);
      const tool = response.json();
      expect(tool).toMatchObject({
        name: "Brevo",
        capabilities: ["email", "SMS"],
        status: "under_review",
        timeClass: null,
        utilisation: 0.75,
        cancelBy: "2026-11-02",
        businessOwner: { id: marketer.user.id },
        ownershipGaps: [],
        compliance: { status: "non_compliant" },
      });
      expect(tool.compliance.gaps.map((g: { code: string }) => g.code)).toEqual([
        "dpa_missing",
        "review_missing",
        "sso_missing",
      ]);
      const events = await t.database.query(
        "SELECT 1 FROM audit_event WHERE entity_id = $1 AND action = 'tool.created'",
        [tool.id],
      );
      expect(events).toHaveLength(1);
    });

    it("refuses bad data, naming each field", async () => {
      const { create } = await setup();
      const cases: [Record<string, unknown>, string][] = [
        [{ contractStart: "2026-05-01", renewalDate: "2026-04-01" }, "renewalDate"],
        [{ seatsUsed: -1 }, "seatsUsed"],
        [{ annualCost: { amount: "100" } }, "annualCost.currency"],
        [{ annualCost: { amount: "1.234", currency: "EUR" } }, "annualCost.amount"],
        [{ category: "gadgets" }, "category"],
        [{ functionalFit: 6 }, "functionalFit"],
        [{ name: "  " }, "name"],
      ];
      for (const [body, path] of cases) {
        const response = await create(undefined, body);
        expect(response.statusCode, JSON.stringify(body)).toBe(400);
        expect(
          response.json().errors.map((e: { path: string }) => e.path),
          JSON.stringify(body),
        ).toContain(path);
      }
    });

    it("refuses a duplicate name in the workspace, whatever its case", async () => {
      const { create } = await setup();
      expect((await create(undefined, { name: "HubSpot" })).statusCode).toBe(201);
      const duplicate = await create(undefined, { name: "hubspot" });
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json().errors[0].path).toBe("name");
    });

    it("sanctions only with both owners, and only from the IT side", async () => {
      const { marketer, engineer, viewer, create } = await setup();
      const byMarketing = await create(marketer, {
        status: "sanctioned",
        businessOwnerId: marketer.user.id,
        technicalOwnerId: engineer.user.id,
      });
      expect(byMarketing.statusCode).toBe(403);
      expect(byMarketing.json().errors[0].path).toBe("status");
      const withoutOwners = await create(engineer, { status: "sanctioned" });
      expect(withoutOwners.statusCode).toBe(400);
      expect(withoutOwners.json().errors.map((e: { path: string }) => e.path)).toEqual(["status"]);
      const wrongSide = await create(engineer, { businessOwnerId: engineer.user.id });
      expect(wrongSide.json().errors[0]).toEqual({
        path: "businessOwnerId",
        message: "must be someone in a marketing team",
      });
      const ok = await create(engineer, {
        status: "sanctioned",
        businessOwnerId: marketer.user.id,
        technicalOwnerId: engineer.user.id,
      });
      expect(ok.statusCode).toBe(201);
      expect((await create(viewer)).statusCode).toBe(403);
    });

    it("refuses an owner from another workspace", async () => {
      const { t, create } = await setup();
      const stranger = await buildPersona(t, { teamKind: "marketing" });
      const response = await create(undefined, { businessOwnerId: stranger.user.id });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0]).toEqual({
        path: "businessOwnerId",
        message: "is not a person of this workspace",
      });
    });
  });

  describe("editing, archiving, listing", () => {
    it("edits with the version, refuses a stale one, and lets each side score its own fit", async () => {
      const { marketer, engineer, create } = await setup();
      const tool = (
        await create(marketer, { businessOwnerId: marketer.user.id, technicalOwnerId: engineer.user.id })
      ).json();
      const scored = await marketer.request({
        method: "PATCH",
        url: `/api/v1/tools/${tool.id}`,
        payload: { version: 1, functionalFit: 2 },
      });
      expect(scored.json()).toMatchObject({ functionalFit: 2, version: 2 });
      const technical = await marketer.request({
        method: "PATCH",
        url: `/api/v1/tools/${tool.id}`,
        payload: { version: 2, technicalFit: 5 },
      });
      expect(technical.statusCode).toBe(403);
      const byIt = await engineer.request({
        method: "PATCH",
        url: `/api/v1/tools/${tool.id}`,
        payload: { version: 2, technicalFit: 5 },
      });
      expect(byIt.json()).toMatchObject({ timeClass: "tolerate", version: 3 });
      const stale = await engineer.request({
        method: "PATCH",
        url: `/api/v1/tools/${tool.id}`,
        payload: { version: 2, name: "X" },
      });
      expect(stale.statusCode).toBe(409);
    });

    it("archives without deleting, hides from the live catalog, and restores", async () => {
      const { marketer, create } = await setup();
      const tool = (await create(marketer, { name: "Old CMS" })).json();
      const archived = await marketer.request({
        method: "POST",
        url: `/api/v1/tools/${tool.id}/archive`,
        payload: { version: 1 },
      });
      expect(archived.json()).toMatchObject({ archived: true, version: 2 });
      const live = (await marketer.request({ url: "/api/v1/tools" })).json();
      expect(live.items.map((t: { id: string }) => t.id)).not.toContain(tool.id);
      const old = (await marketer.request({ url: "/api/v1/tools?archived=true" })).json();
      expect(old.items.map((t: { id: string }) => t.id)).toEqual([tool.id]);
      const edit = await marketer.request({
        method: "PATCH",
        url: `/api/v1/tools/${tool.id}`,
        payload: { version: 2, name: "Older" },
      });
      expect(edit.statusCode).toBe(409);
      expect(edit.json().code).toBe("invalid_state");
      const restored = await marketer.request({
        method: "POST",
        url: `/api/v1/tools/${tool.id}/restore`,
        payload: { version: 2 },
      });
      expect(restored.json()).toMatchObject({ archived: false });
    });

    it("searches by name, vendor or capability and lists those needing an owner, including deactivated owners", async () => {
      const { t, ws, marketer, engineer, create } = await setup();
      const admin = await buildPersona(t, { role: "admin", workspace: ws });
      await create(marketer, {
        name: "Salesforce",
        vendor: "Salesforce",
        capabilities: ["crm"],
        businessOwnerId: marketer.user.id,
        technicalOwnerId: engineer.user.id,
      });
      await create(marketer, { name: "Pipedrive", capabilities: ["CRM"] });
      const byCapability = (await marketer.request({ url: "/api/v1/tools?q=crm" })).json();
      expect(byCapability.items.map((t: { name: string }) => t.name)).toEqual(["Pipedrive", "Salesforce"]);
      expect(
        (await marketer.request({ url: "/api/v1/tools?needsOwner=true" }))
          .json()
          .items.map((t: { name: string }) => t.name),
      ).toEqual(["Pipedrive"]);
      await admin.request({
        method: "PATCH",
        url: `/api/v1/users/${engineer.user.id}`,
        payload: { version: 1, status: "deactivated" },
      });
      const needing = (await marketer.request({ url: "/api/v1/tools?needsOwner=true" })).json();
      expect(needing.items.map((t: { name: string }) => t.name)).toEqual(["Pipedrive", "Salesforce"]);
      expect(needing.items[1].ownershipGaps).toEqual(["The technical owner was deactivated"]);
    });
  });

  describe("integrations and portfolio views", () => {
    it("connects two tools, refuses a tool to itself, and edits with the version", async () => {
      const { marketer, create } = await setup();
      const a = (await create(marketer, { name: "Shop" })).json();
      const b = (await create(marketer, { name: "CDP" })).json();
      const self = await marketer.request({
        method: "POST",
        url: "/api/v1/integrations",
        payload: { fromToolId: a.id, toToolId: a.id, method: "api" },
      });
      expect(self.statusCode).toBe(400);
      expect(self.json().errors[0].path).toBe("toToolId");
      const created = await marketer.request({
        method: "POST",
        url: "/api/v1/integrations",
        payload: {
          fromToolId: a.id,
          toToolId: b.id,
          method: "api",
          dataObjects: ["orders", "contacts"],
          ownerId: marketer.user.id,
        },
      });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({
        from: { name: "Shop" },
        to: { name: "CDP" },
        dataObjects: ["orders", "contacts"],
        owner: { id: marketer.user.id },
      });
      const listed = (await marketer.request({ url: `/api/v1/integrations?toolId=${b.id}` })).json();
      expect(listed.items).toHaveLength(1);
      const edited = await marketer.request({
        method: "PATCH",
        url: `/api/v1/integrations/${created.json().id}`,
        payload: { version: 1, method: "ipaas" },
      });
      expect(edited.json()).toMatchObject({ method: "ipaas", version: 2 });
      const history = (await marketer.request({ url: `/api/v1/tools/${a.id}/history` })).json();
      expect(history.items.map((e: { action: string }) => e.action)).toEqual(["tool.created"]);
      expect(history.items[0]).toMatchObject({ actor: { id: marketer.user.id }, ip: null, entityId: a.id });
      const graph = (await marketer.request({ url: "/api/v1/stack/graph" })).json();
      expect(graph.tools.map((t: { name: string }) => t.name)).toEqual(["CDP", "Shop"]);
      expect(graph.integrations).toEqual([
        { id: created.json().id, from: { id: a.id }, to: { id: b.id }, direction: created.json().direction },
      ]);
      // Only what the graph draws: no owners, costs or descriptions in the payload.
      expect(Object.keys(graph.tools[0]).sort()).toEqual([
        "category",
        "compliance",
        "dataClasses",
        "id",
        "lifecycle",
        "name",
        "status",
      ]);
      // An archived tool leaves the graph, and so do its integrations.
      await marketer.request({ method: "POST", url: `/api/v1/tools/${a.id}/archive`, payload: { version: 1 } });
      const smaller = (await marketer.request({ url: "/api/v1/stack/graph" })).json();
      expect(smaller.tools.map((t: { name: string }) => t.name)).toEqual(["CDP"]);
      expect(smaller.integrations).toEqual([]);
      await marketer.request({ method: "POST", url: `/api/v1/tools/${a.id}/restore`, payload: { version: 2 } });
      expect(
        (await marketer.request({ method: "DELETE", url: `/api/v1/integrations/${created.json().id}` })).statusCode,
      ).toBe(200);
      expect((await marketer.request({ url: `/api/v1/integrations?toolId=${b.id}` })).json().items).toHaveLength(0);
    });

    it("calls a tool compliant only when its data and owners are known, and a shadow tool never", async () => {
      const { t, marketer, engineer, viewer, create } = await setup();
      const owners = { businessOwnerId: marketer.user.id, technicalOwnerId: engineer.user.id };
      const blank = (await create(engineer, { name: "Blank", status: "shadow" })).json();
      expect(blank.compliance).toEqual({
        status: "unknown",
        gaps: [
          expect.objectContaining({ code: "data_unknown", severity: "unknown" }),
          expect.objectContaining({ code: "owner_missing", severity: "unknown" }),
          expect.objectContaining({ code: "shadow", severity: "warning" }),
        ],
      });
      const clean = { ...owners, dataClasses: ["none"] };
      const owned = (await create(marketer, { name: "Owned", ...clean })).json();
      expect(owned.compliance).toEqual({ status: "compliant", gaps: [] });
      const shadow = (await create(engineer, { name: "Shadowed", status: "shadow", ...clean })).json();
      expect(shadow.compliance.status).toBe("at_risk");
      const compliance = (await marketer.request({ url: "/api/v1/stack/compliance" })).json();
      expect(compliance.counts).toEqual({ compliant: 1, unknown: 1, atRisk: 1, nonCompliant: 0 });
      expect(compliance.tools.map((entry: { tool: { name: string } }) => entry.tool.name)).toEqual([
        "Blank",
        "Shadowed",
        "Owned",
      ]);
      const graph = (await marketer.request({ url: "/api/v1/stack/graph" })).json();
      const statuses = Object.fromEntries(
        graph.tools.map((tool: { name: string; compliance: { status: string } }) => [
          tool.name,
          tool.compliance.status,
        ]),
      );
      expect(statuses).toEqual({ Blank: "unknown", Owned: "compliant", Shadowed: "at_risk" });
      // Owners who left answer for nothing: the tool goes back to unknown, on its page and in the graph.
      await t.database.query("UPDATE app_user SET status = 'deactivated' WHERE id = ANY($1)", [
        [marketer.user.id, engineer.user.id],
      ]);
      const left = (await viewer.request({ url: `/api/v1/tools/${owned.id}` })).json();
      expect(left.compliance.status).toBe("unknown");
      const after = (await viewer.request({ url: "/api/v1/stack/graph" })).json();
      expect(after.tools.find((tool: { name: string }) => tool.name === "Owned").compliance.status).toBe("unknown");
    });

    it("shows overlaps, renewals by cancel-by date, and compliance worst first", async () => {
      const { t, marketer, create } = await setup();
      t.setNow(new Date("2026-11-23T12:00:00Z"));
      try {
        await create(marketer, {
          name: "Mailchimp",
          capabilities: ["email"],
          annualCost: { amount: "1000", currency: "EUR" },
          renewalDate: "2027-01-31",
          noticeDays: 30,
          dataClasses: ["personal"],
        });
        await create(marketer, {
          name: "Brevo",
          capabilities: ["email", "sms"],
          annualCost: { amount: "500.50", currency: "EUR" },
          renewalDate: "2028-06-01",
        });
        await create(marketer, {
          name: "Notion",
          category: "management",
          subcategory: "Collaboration",
          capabilities: ["docs"],
          dataClasses: ["none"],
        });
        const overlaps = (await marketer.request({ url: "/api/v1/stack/overlaps" })).json();
        expect(overlaps.items).toHaveLength(1);
        expect(overlaps.items[0]).toMatchObject({
          subcategory: "Email marketing",
          sharedCapabilities: ["email"],
          annualCost: [{ amount: "1500.50", currency: "EUR" }],
        });
        const renewals = (await marketer.request({ url: "/api/v1/stack/renewals?withinDays=90" })).json();
        expect(renewals.items).toEqual([
          expect.objectContaining({
            tool: expect.objectContaining({ name: "Mailchimp" }),
            cancelBy: "2027-01-01",
            daysToCancelBy: 39,
            reminderDates: ["2026-09-03", "2026-10-03", "2026-11-02", "2026-12-02"],
          }),
        ]);
        const compliance = (await marketer.request({ url: "/api/v1/stack/compliance" })).json();
        // Brevo records no data classes and nobody owns Notion or Brevo: unknown, not compliant.
        expect(compliance.counts).toEqual({ compliant: 0, unknown: 2, atRisk: 0, nonCompliant: 1 });
        expect(compliance.tools[0].tool.name).toBe("Mailchimp");
      } finally {
        t.setNow(null);
      }
    });
  });
});
