import { expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildPersona, buildWorkspace } from "../../../test/factories";

describeWithApp("catalog CSV", (get) => {
  async function setup() {
    const t = get();
    const ws = await buildWorkspace(t);
    const marketer = await buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws });
    const engineer = await buildPersona(t, { role: "member", teamKind: "it", workspace: ws });
    const importCsv = (persona: typeof marketer, csv: string, dryRun: boolean) =>
      persona.request({ method: "POST", url: "/api/v1/tools/import", payload: { csv, dryRun } });
    return { t, marketer, engineer, importCsv };
  }

  it("a dry run lists every bad line and column and writes nothing; a good file imports whole", async () => {
    const { t, marketer, engineer, importCsv } = await setup();
    const bad = [
      "name,category,subcategory,annual_cost,currency,business_owner_email,sso,renewal_date",
      `Hotjar,Data,Web & mobile analytics,3900,EUR,${marketer.user.email},yes,2027-01-31`,
      "Canva,Painting,Design,12,EUR,,no,",
      "Typeform,content,Interactive content,abc,EUR,nobody@x.test,maybe,2027-02-30",
      "hotjar,data,Web & mobile analytics,,,,no,",
    ].join("\n");
    const dry = await importCsv(marketer, bad, true);
    expect(dry.statusCode).toBe(200);
    const result = dry.json();
    expect(result.imported).toBe(false);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { line: 3, field: "category", message: "is not a category of the taxonomy" },
        expect.objectContaining({ line: 4, field: "annual_cost" }),
        { line: 4, field: "business_owner_email", message: "is not a person of this workspace" },
        { line: 4, field: "sso", message: "must be yes or no" },
        expect.objectContaining({ line: 4, field: "renewal_date" }),
        { line: 5, field: "name", message: "is also on line 2" },
      ]),
    );
    // Asking for the real import of a file with errors imports nothing either.
    expect((await importCsv(marketer, bad, false)).json().imported).toBe(false);
    expect(await t.database.query("SELECT 1 FROM tool WHERE name = 'Hotjar'")).toHaveLength(0);
    // Asked to, it imports the good lines and skips the bad ones, each still reported.
    const partial = await marketer.request({
      method: "POST",
      url: "/api/v1/tools/import",
      payload: { csv: bad, dryRun: false, onlyValid: true },
    });
    expect(partial.json()).toMatchObject({ imported: true, created: 1 });
    expect(partial.json().errors.length).toBeGreaterThan(0);
    expect(await t.database.query("SELECT 1 FROM tool WHERE name = 'Hotjar'")).toHaveLength(1);
    await t.database.query("UPDATE tool SET archived_at = now(), name = 'Hotjar (old)' WHERE name = 'Hotjar'");

    const good = [
      "name,vendor,category,subcategory,capabilities,annual_cost,currency,business_owner_email,technical_owner_email,data_classes,dpa_signed",
      `Hotjar,Hotjar Ltd,Data,Web & mobile analytics,heatmaps|session recording,3900,EUR,${marketer.user.email},${engineer.user.email},personal,yes`,
      '"Canva","Canva Pty, Ltd",content,Digital asset management,design,1200.50,EUR,,,,no',
    ].join("\r\n");
    const checked = (await importCsv(marketer, good, true)).json();
    expect(checked).toMatchObject({ dryRun: true, imported: false, created: 2, updated: 0, errors: [] });
    const done = (await importCsv(marketer, good, false)).json();
    expect(done).toMatchObject({ imported: true, created: 2, updated: 0 });
    const hotjar = (await marketer.request({ url: "/api/v1/tools?q=Hotjar" })).json().items[0];
    expect(hotjar).toMatchObject({
      vendor: "Hotjar Ltd",
      category: "data",
      capabilities: ["heatmaps", "session recording"],
      annualCost: { amount: "3900.00", currency: "EUR" },
      businessOwner: { id: marketer.user.id },
      technicalOwner: { id: engineer.user.id },
      dpaSigned: true,
    });
    // Importing again updates by name.
    const again = (
      await importCsv(marketer, "name,category,subcategory,annual_cost\nHotjar,data,Web & mobile analytics,4200", false)
    ).json();
    expect(again).toMatchObject({ imported: true, created: 0, updated: 1 });
    const audit = await t.database.query("SELECT 1 FROM audit_event WHERE action = 'tool.imported'");
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it("keeps the form's field rules: a marketer cannot sanction a tool by file", async () => {
    const { marketer, engineer, importCsv } = await setup();
    const csv = `name,category,subcategory,status,business_owner_email,technical_owner_email\nSegment,data,Customer data platform,sanctioned,${marketer.user.email},${engineer.user.email}`;
    const refused = (await importCsv(marketer, csv, true)).json();
    expect(refused.errors).toEqual([{ line: 2, field: "status", message: "may not be changed by you" }]);
    expect((await importCsv(engineer, csv, true)).json().errors).toEqual([]);
  });

  it("exports what the filter shows as CSV that imports back unchanged", async () => {
    const { marketer, importCsv } = await setup();
    await importCsv(
      marketer,
      [
        "name,category,subcategory,capabilities,description",
        'Mailchimp,content,Email marketing,email|automation,"Newsletters, mostly"',
        "Looker Studio,data,Dashboards & visualization,,",
      ].join("\n"),
      false,
    );
    const exported = await marketer.request({ url: "/api/v1/tools/export.csv?category=content" });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers["content-type"]).toBe("text/csv; charset=utf-8");
    const lines = exported.body.trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0].startsWith("name,vendor,category,subcategory,capabilities,")).toBe(true);
    expect(lines[1]).toContain("Mailchimp,,content,Email marketing,email|automation,under_review,plan");
    expect(lines[1]).toContain('"Newsletters, mostly"');
    const reimport = (await importCsv(marketer, exported.body, true)).json();
    expect(reimport).toMatchObject({ created: 0, updated: 1, errors: [] });
  });
});
