import { expect, it } from "vitest";
import type { ClashList, TermList } from "#contracts/glossary";
import { describeWithApp, json } from "../../test/app";
import { buildPersona, buildWorkspace } from "../../test/factories";
import { STARTER_TERMS } from "../modules/glossary/starter-terms";
import { insertUser } from "../modules/users/users.commands";
import { DEMO_APPROVED_TERMS, seedDemoGlossary } from "./seed-demo-glossary";

describeWithApp("demo glossary", (get) => {
  it("loads the starter terms, approves a handful from both sides and leaves the CMS and SQL clashes open", async () => {
    const t = get();
    const workspace = await buildWorkspace(t);
    const now = new Date();
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
    const summary = await seedDemoGlossary(t.database, workspace.workspace.id, now);
    expect(summary).toEqual({
      added: STARTER_TERMS.length,
      skipped: 0,
      total: STARTER_TERMS.length,
      approved: DEMO_APPROVED_TERMS.length,
      resolved: 2,
      // No request names the CMS in this workspace: the demo's meaning is left out.
      meant: 0,
    });
    const reader = await buildPersona(t, { role: "viewer", workspace });
    const approved = json<TermList>(await reader.request({ url: "/api/v1/glossary/terms?status=approved" }));
    expect(approved.items.map((item) => item.name).sort()).toEqual([...DEMO_APPROVED_TERMS].sort());
    const clashes = json<ClashList>(await reader.request({ url: "/api/v1/glossary/clashes" }));
    const keys = clashes.items.map((clash) => clash.key);
    expect(keys).toEqual(["cms", "sql"]);
    const resolved = json<ClashList>(await reader.request({ url: "/api/v1/glossary/clashes?status=resolved" }));
    expect(resolved.items.map((clash) => [clash.key, clash.resolution])).toEqual([
      ["gtm", "keep_both"],
      ["pipeline", "keep_both"],
    ]);
    const cms = clashes.items.find((clash) => clash.key === "cms");
    expect(cms?.terms.map((term) => term.context).sort()).toEqual(["IT service management", "content"]);
  });
});
