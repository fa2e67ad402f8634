import { expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildPersona, buildWorkspace } from "../../../test/factories";
import { recordAudit, verifyAuditChain } from "./audit.service";

describeWithApp("audit log", (get) => {
  it("writes exactly one event per mutation, chained, with actor, IP and before/after", async () => {
    const t = get();
    const ws = await buildWorkspace(t);
    const admin = await buildPersona(t, { role: "admin", workspace: ws });
    const count = async () =>
      Number(
        (
          await t.database.query<{ n: string }>("SELECT count(*) AS n FROM audit_event WHERE workspace_id = $1", [
            ws.workspace.id,
          ])
        )[0].n,
      );
    const mutations = [
      { method: "POST", url: "/api/v1/teams", payload: { name: "Ops" } },
      { method: "POST", url: "/api/v1/tokens", payload: { name: "script" } },
      { method: "POST", url: "/api/v1/invitations", payload: { email: "x@audit.test", teamId: ws.teamOf("it").id } },
      { method: "PATCH", url: `/api/v1/users/${admin.user.id}`, payload: { version: 1, name: "New Name" } },
    ] as const;
    for (const mutation of mutations) {
      const before = await count();
      const response = await admin.request(mutation);
      expect(response.statusCode, mutation.url).toBeLessThan(300);
      expect(await count(), mutation.url).toBe(before + 1);
    }
    const page = (await admin.request({ url: "/api/v1/audit?limit=2" })).json();
    expect(page.items.map((e: { action: string }) => e.action)).toEqual(["user.updated", "invitation.created"]);
    expect(page.items[0]).toMatchObject({
      actor: { id: admin.user.id },
      ip: "127.0.0.1",
      before: { name: admin.user.name },
      after: { name: "New Name" },
    });
    const next = (await admin.request({ url: `/api/v1/audit?limit=2&cursor=${page.nextCursor}` })).json();
    expect(next.items.map((e: { action: string }) => e.action)).toEqual(["token.created", "team.created"]);
    const verified = (await admin.request({ url: "/api/v1/audit/verify" })).json();
    expect(verified).toEqual({
      intact: true,
      checked: 4,
      firstBrokenSeq: null,
      reason: null,
      head: { seq: 4, hash: expect.stringMatching(/^v2:[0-9a-f]{64}$/) },
    });
    const actions = (await admin.request({ url: "/api/v1/audit/actions" })).json();
    expect(actions.items).toEqual(["invitation.created", "team.created", "token.created", "user.updated"]);
    const byEntity = (await admin.request({ url: `/api/v1/audit?entityId=${admin.user.id}` })).json();
    expect(byEntity.items.map((e: { action: string }) => e.action)).toEqual(["user.updated"]);
  });

  it("records authorization denials", async () => {
    const t = get();
    const member = await buildPersona(t);
    expect((await member.request({ method: "POST", url: "/api/v1/teams", payload: { name: "Nope" } })).statusCode).toBe(
      403,
    );
    const events = await t.database.query<{ action: string; entity_id: string }>(
      "SELECT action, entity_id FROM audit_event WHERE actor_id = $1",
      [member.user.id],
    );
    expect(events).toEqual([{ action: "authorization.denied", entity_id: "POST /api/v1/teams" }]);
  });

  it("is append-only: the database refuses UPDATE, DELETE and TRUNCATE", async () => {
    const t = get();
    const admin = await buildPersona(t, { role: "admin" });
    await admin.request({ method: "POST", url: "/api/v1/teams", payload: { name: "Ops" } });
    await expect(t.database.exec("UPDATE audit_event SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(t.database.exec("DELETE FROM audit_event")).rejects.toThrow(/append-only/);
    await expect(t.database.exec("TRUNCATE audit_event")).rejects.toThrow(/append-only/);
  });

  it("chains a new workspace's first events one after another when they arrive together", async () => {
    const t = get();
    const ws = await buildWorkspace(t);
    const [head] = await t.database.query("SELECT 1 FROM audit_head WHERE workspace_id = $1", [ws.workspace.id]);
    expect(head).toBeUndefined();
    // Eight transactions that each write the workspace's first event at once (as parallel failed sign-ins do).
    const writes = Array.from({ length: 8 }, (_, i) =>
      t.database.db.transaction((tx) =>
        recordAudit(
          tx,
          { workspaceId: ws.workspace.id, actorId: null, actorLabel: `guess ${i}`, ip: null, at: new Date() },
          { action: "auth.login_failed", entityType: "user", entityId: null },
        ),
      ),
    );
    expect((await Promise.allSettled(writes)).filter((w) => w.status === "rejected")).toEqual([]);
    const events = await t.database.query<{ seq: number }>(
      "SELECT seq FROM audit_event WHERE workspace_id = $1 ORDER BY seq",
      [ws.workspace.id],
    );
    expect(events.map((e) => Number(e.seq))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await verifyAuditChain(t.database, ws.workspace.id)).intact).toBe(true);
  });

  it("detects an event changed behind the database's back", async () => {
    const t = get();
    const ws = await buildWorkspace(t);
    const admin = await buildPersona(t, { role: "admin", workspace: ws });
    for (const name of ["A", "B", "C"])
      await admin.request({ method: "POST", url: "/api/v1/teams", payload: { name } });
    expect((await verifyAuditChain(t.database, ws.workspace.id)).intact).toBe(true);
    // A superuser can switch the trigger off; the hash chain still tells.
    await t.database.exec(`
      ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update;
      UPDATE audit_event SET after = '{"name":"Z"}' WHERE workspace_id = '${ws.workspace.id}' AND seq = 2;
      ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update;`);
    const result = await verifyAuditChain(t.database, ws.workspace.id);
    expect(result).toMatchObject({ intact: false, firstBrokenSeq: 2, reason: "its content does not match its hash" });
  });
});
