import zlib from "node:zlib";
import { expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildPersona, buildWorkspace } from "../../../test/factories";
import { listTarEntries } from "../../db/tar";

describeWithApp("POST /api/v1/admin/backup", (get) => {
  it("gives an admin's API token the running embedded database as a .tar.gz of relative entries, audited", async () => {
    const t = get();
    const ws = await buildWorkspace(t);
    const admin = await buildPersona(t, { role: "admin", workspace: ws });
    const member = await buildPersona(t, { role: "member", workspace: ws });
    const created = await admin.request({
      method: "POST",
      url: "/api/v1/tokens",
      payload: { name: "backups", scope: "read-write" },
    });
    const bearer = { authorization: `Bearer ${created.json().token}` };
    expect((await member.request({ method: "POST", url: "/api/v1/admin/backup" })).statusCode).toBe(403);

    const response = await t.app.inject({ method: "POST", url: "/api/v1/admin/backup", headers: bearer });
    if (t.kind === "postgres") {
      expect(response.statusCode).toBe(409);
      expect(response.json().detail).toContain("pg_dump");
      return;
    }
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/gzip");
    expect(response.headers["content-disposition"]).toMatch(/^attachment; filename="tandem-.*\.tar\.gz"$/);
    const entries = listTarEntries(zlib.gunzipSync(response.rawPayload));
    expect(entries).toEqual(expect.arrayContaining(["PG_VERSION", "global/pg_control"]));
    expect(entries.filter((name) => name.startsWith("/"))).toEqual([]);
    const audited = await t.database.query<{ action: string; actor_id: string }>(
      "SELECT action, actor_id FROM audit_event WHERE workspace_id = $1 AND action = 'backup.created'",
      [ws.workspace.id],
    );
    expect(audited).toEqual([{ action: "backup.created", actor_id: admin.user.id }]);
  });

  it("refuses once the installation holds another workspace, whose data the backup would hold too", async () => {
    const t = get();
    await buildWorkspace(t);
    const admin = await buildPersona(t, { role: "admin" });
    const response = await admin.request({ method: "POST", url: "/api/v1/admin/backup" });
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toMatch(t.kind === "pglite" ? /holds \d+ workspaces/ : /pg_dump/);
  });
});
