import { expect, it } from "vitest";
import { describeWithApp } from "../../test/app";
import { buildWorkspace } from "../../test/factories";
import { insertUser } from "../modules/users/users.commands";
import { seedDemoGuardrails } from "./seed-demo-guardrails";

describeWithApp("demo guardrails", (get) => {
  it("seeds the policy with passing tests and judges the demo purchases: two approved, two in review, one blocked", async () => {
    const t = get();
    const ws = await buildWorkspace(t);
    const now = new Date();
    for (const [email, kind, role] of [
      ["cio@northwind.example", "it", "admin"],
      ["marketing.ops@northwind.example", "marketing", "member"],
      ["security@northwind.example", "security", "member"],
    ] as const) {
      await insertUser(t.database.db, {
        workspaceId: ws.workspace.id,
        teamId: ws.teamOf(kind).id,
        email,
        name: email,
        passwordHash: "x",
        role,
        createdAt: now,
        updatedAt: now,
      });
    }
    const seeded = await seedDemoGuardrails(t.database, ws.workspace.id, now);
    expect(seeded.outcomes).toEqual({
      "Tally Forms": "approve",
      "Loom Business": "approve",
      Brevo: "review",
      Gong: "review",
      "TrackEverything Pixel": "block",
    });
    const stages = await t.database.query<{ title: string; stage: string }>(
      "SELECT title, stage FROM request WHERE workspace_id = $1 ORDER BY number",
      [ws.workspace.id],
    );
    expect(stages.map((row) => row.stage)).toEqual(["delivery", "delivery", "submitted", "submitted", "declined"]);
    const reviews = await t.database.query<{ kind: string; status: string }>(
      "SELECT kind, status FROM purchase_review WHERE workspace_id = $1 ORDER BY kind, status",
      [ws.workspace.id],
    );
    expect(reviews.filter((r) => r.status === "open").length).toBe(4);
    expect(reviews.filter((r) => r.status === "approved")).toEqual([{ kind: "security", status: "approved" }]);
    const tools = await t.database.query<{ name: string; lifecycle: string }>(
      "SELECT name, lifecycle FROM tool WHERE workspace_id = $1 ORDER BY name",
      [ws.workspace.id],
    );
    expect(tools).toEqual([
      { name: "Loom Business", lifecycle: "phase_in" },
      { name: "Tally Forms", lifecycle: "phase_in" },
    ]);
  });
});
