import { expect, it } from "vitest";
import type { PipelineRequest } from "#contracts/pipeline";
import { describeWithApp, json } from "../../test/app";
import { buildPersona, buildWorkspace } from "../../test/factories";
import { insertUser } from "../modules/users/users.commands";
import { seedDemoGlossary } from "./seed-demo-glossary";

// Its own suite (its own database): the demo people's emails are unique across workspaces.
describeWithApp("demo glossary in requests", (get) => {
  it("says which CMS an open request naming it means, and writes its requirements' technical view", async () => {
    const t = get();
    const workspace = await buildWorkspace(t);
    const now = new Date();
    const requester = await buildPersona(t, { role: "member", teamKind: "marketing", workspace });
    for (const [email, kind] of [
      ["martech@northwind.example", "marketing"],
      ["architect@northwind.example", "it"],
    ] as const) {
      await insertUser(t.database.db, {
        workspaceId: workspace.workspace.id,
        teamId: workspace.teamOf(kind).id,
        email,
        name: email,
        passwordHash: "x",
        role: "member",
        createdAt: now,
        updatedAt: now,
      });
    }
    const created = await requester.request({
      method: "POST",
      url: "/api/v1/requests",
      payload: { type: "change", title: "UTM fields standardised in the CMS" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const summary = await seedDemoGlossary(t.database, workspace.workspace.id, now);
    expect(summary.meant).toBe(1);
    const request = json<PipelineRequest>(await requester.request({ url: `/api/v1/requests/${created.json().id}` }));
    expect(request.termMeanings.map((meaning) => [meaning.form, meaning.term?.name])).toEqual([
      ["CMS", "Content management system"],
    ]);
    expect(request.requirementGaps.technical).toEqual([]);
  });
});
