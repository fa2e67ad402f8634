import { expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildPersona, buildWorkspace } from "../../../test/factories";

describeWithApp("shadow-IT discovery", (get) => {
  it("checks a statement, imports it, proposes recurring software nobody catalogued, and adopts one into review", async () => {
    const t = get();
    const ws = await buildWorkspace(t);
    const marketer = await buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws });
    const viewer = await buildPersona(t, { role: "viewer", teamKind: "marketing", workspace: ws });
    for (const [name, vendor] of [
      ["Canva", "Canva Pty Ltd"],
      ["Zoom", "Zoom Video Communications"],
    ]) {
      await marketer.request({
        method: "POST",
        url: "/api/v1/tools",
        payload: { name, vendor, category: "content", subcategory: "Digital asset management" },
      });
    }
    const lines = [
      "date,description,amount,currency,employee,department",
      "2026-07-03,PAYPAL *CANVA 4029357733,12.99,EUR,Mia,Brand",
      "2026-08-03,PAYPAL *CANVA 4029357733,12.99,EUR,Mia,Brand",
      "2026-07-05,ZOOM.US 888-799-9666,14.99,EUR,Ivan,IT",
      "2026-07-10,HOTJAR LTD,89.00,EUR,Sofia,Web",
      "2026-08-10,HOTJAR LTD,89.00,EUR,Sofia,Web",
      "2026-09-10,HOTJAR LTD,89.00,EUR,Sofia,Web",
      "2026-07-11,STARBUCKS HAMBURG,6.40,EUR,Sofia,Web",
      "2026-07-12,NOTION LABS INC,8.00,EUR,Hannah,Content",
      "not a date,SOMETHING,abc,EUR,,",
    ].join("\n");
    const send = (mode: string) =>
      marketer.request({ method: "POST", url: "/api/v1/stack/discovery/imports", payload: { csv: lines, mode } });
    const dry = (await send("dry_run")).json();
    expect(dry).toMatchObject({ imported: false, lines: 8, matchedLines: 3 });
    expect(dry.errors.map((e: { line: number }) => e.line)).toEqual([10, 10]);
    // A bad line: "import" writes nothing, "import_valid" skips it.
    expect((await send("import")).json().imported).toBe(false);
    expect(await t.database.query("SELECT 1 FROM expense_line")).toHaveLength(0);
    const done = (await send("import_valid")).json();
    expect(done).toMatchObject({ imported: true, lines: 8, matchedLines: 3 });
    expect(
      (await viewer.request({ method: "POST", url: "/api/v1/stack/discovery/imports", payload: { csv: lines } }))
        .statusCode,
    ).toBe(403);

    const candidates = (await viewer.request({ url: "/api/v1/stack/discovery/candidates" })).json().items;
    const keys = candidates.map((c: { merchantKey: string }) => c.merchantKey);
    expect(keys[0]).toBe("hotjar");
    expect(keys).toContain("notion");
    expect(keys).not.toContain("starbucks");
    expect(candidates[0]).toMatchObject({ lines: 3, months: 3, isRecurring: true, employees: 1, departments: ["Web"] });
    // Three monthly payments of 89 over 62 days: 267 × 365 ÷ (62 × 3/2) ≈ 1,048 a year (89 × 12 = 1,068).
    expect(Number(candidates[0].spend[0].yearly)).toBeCloseTo(1047.9, 1);

    const adopted = await marketer.request({
      method: "POST",
      url: "/api/v1/stack/discovery/candidates/adopt",
      payload: {
        merchantKey: "hotjar",
        name: "Hotjar",
        vendor: "Hotjar Ltd",
        category: "data",
        subcategory: "Web & mobile analytics",
      },
    });
    expect(adopted.statusCode).toBe(201);
    const { toolId, requestId } = adopted.json();
    const tool = (await marketer.request({ url: `/api/v1/tools/${toolId}` })).json();
    expect(tool).toMatchObject({ status: "shadow", annualCost: { currency: "EUR" } });
    const request = (await marketer.request({ url: `/api/v1/requests/${requestId}` })).json();
    expect(request).toMatchObject({ type: "purchase", stage: "submitted", title: "Review shadow tool: Hotjar" });
    expect(request.tools).toEqual([{ id: toolId, name: "Hotjar" }]);
    await marketer.request({
      method: "POST",
      url: "/api/v1/stack/discovery/candidates/dismiss",
      payload: { merchantKey: "notion", reason: "Personal notes, expensed by mistake" },
    });
    const after = (await viewer.request({ url: "/api/v1/stack/discovery/candidates" })).json().items;
    expect(after.map((c: { merchantKey: string }) => c.merchantKey)).not.toContain("hotjar");
    expect(after.map((c: { merchantKey: string }) => c.merchantKey)).not.toContain("notion");
    const again = await marketer.request({
      method: "POST",
      url: "/api/v1/stack/discovery/candidates/adopt",
      payload: { merchantKey: "hotjar", name: "Hotjar 2", category: "data", subcategory: "Web & mobile analytics" },
    });
    expect(again.statusCode).toBe(404);
    const imports = (await viewer.request({ url: "/api/v1/stack/discovery/imports" })).json().items;
    expect(imports).toEqual([expect.objectContaining({ lines: 8, matchedLines: 3 })]);
  });

  it("opens the review through the intake: the workspace's own purchase template, and the adopter watches and is notified", async () => {
    const t = get();
    const ws = await buildWorkspace(t);
    const admin = await buildPersona(t, { role: "admin", teamKind: "it", workspace: ws });
    const marketer = await buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws });
    const template = await admin.request({
      method: "PUT",
      url: "/api/v1/raci-templates/purchase",
      payload: {
        version: 0,
        activities: [{ name: "Keep or stop the tool", assignments: [{ role: "A", assignee: { kind: "requester" } }] }],
      },
    });
    expect(template.statusCode, template.body).toBe(200);
    const csv = [
      "date,description,amount,currency,employee,department",
      "2026-07-10,HOTJAR LTD,89.00,EUR,Sofia,Web",
      "2026-08-10,HOTJAR LTD,89.00,EUR,Sofia,Web",
    ].join("\n");
    const imported = await marketer.request({
      method: "POST",
      url: "/api/v1/stack/discovery/imports",
      payload: { csv, mode: "import" },
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const adopted = await marketer.request({
      method: "POST",
      url: "/api/v1/stack/discovery/candidates/adopt",
      payload: { merchantKey: "hotjar", name: "Hotjar", category: "data", subcategory: "Web & mobile analytics" },
    });
    expect(adopted.statusCode, adopted.body).toBe(201);
    const { requestId, toolId } = adopted.json();
    const request = (await marketer.request({ url: `/api/v1/requests/${requestId}` })).json();
    // The built-in purchase template has other activities: only the workspace's own one is here.
    expect([...new Set(request.raci.map((row: { activity: string }) => row.activity))]).toEqual([
      "Keep or stop the tool",
    ]);
    expect(request.raci[0]).toMatchObject({ role: "A", user: { id: marketer.user.id } });
    expect(request.watching).toBe(true);
    expect(request.tools).toEqual([{ id: toolId, name: "Hotjar" }]);
    const moved = await admin.request({
      method: "POST",
      url: `/api/v1/requests/${requestId}/transitions`,
      payload: { to: "triage", version: request.version },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const notices = (await marketer.request({ url: "/api/v1/notifications" })).json().items;
    expect(notices).toContainEqual(
      expect.objectContaining({ kind: "request.stage", link: `/pipeline/requests/${requestId}` }),
    );
  });
});
