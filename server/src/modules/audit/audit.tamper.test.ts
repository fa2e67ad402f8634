import { expect, it } from "vitest";
import type { TestApp } from "../../../test/app";
import { describeWithApp } from "../../../test/app";
import { buildPersona, buildWorkspace } from "../../../test/factories";
import type { Database } from "../../db/client";
import { computeAuditHash, GENESIS_HASH } from "./audit.chain";
import { checkAuditAnchor, recordAudit, verifyAuditChain } from "./audit.service";

interface EventRow {
  id: string;
  workspace_id: string;
  seq: string | number;
  at: Date | string;
  actor_id: string | null;
  actor_label: string | null;
  ip: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  created_at: Date | string;
}

// What a superuser who wants an edit to go unnoticed can do: switch the triggers off for a moment.
async function asSuperuser(database: Database, sql: string) {
  await database.exec(`
    ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update;
    ${sql};
    ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update;`);
}

async function workspaceWithEvents(t: TestApp, count: number) {
  const ws = await buildWorkspace(t);
  const admin = await buildPersona(t, { role: "admin", workspace: ws });
  for (let i = 0; i < count; i++) {
    await admin.request({ method: "POST", url: "/api/v1/teams", payload: { name: `Team ${i}` } });
  }
  return ws.workspace.id;
}

/** Re-computes every hash of a chain from its rows as they now are, the way a careful forger would. */
async function rehashChain(database: Database, workspaceId: string, scheme: number) {
  const rows = await database.query<EventRow>("SELECT * FROM audit_event WHERE workspace_id = $1 ORDER BY seq", [
    workspaceId,
  ]);
  let prev = GENESIS_HASH;
  const updates: string[] = [];
  for (const row of rows) {
    const hash = computeAuditHash(
      prev,
      {
        id: row.id,
        workspaceId: row.workspace_id,
        seq: Number(row.seq),
        at: new Date(row.at),
        actorId: row.actor_id,
        actorLabel: row.actor_label,
        ip: row.ip,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        before: row.before,
        after: row.after,
        createdAt: new Date(row.created_at),
      },
      scheme,
    );
    updates.push(`UPDATE audit_event SET prev_hash = '${prev}', hash = '${hash}' WHERE id = '${row.id}'`);
    prev = hash;
  }
  await asSuperuser(database, updates.join(";\n"));
  await database.exec(`UPDATE audit_head SET hash = '${prev}' WHERE workspace_id = '${workspaceId}'`);
  return { seq: rows.length, hash: prev };
}

describeWithApp("audit chain against tampering", (get) => {
  it("hashes every column: a changed created_at or id is noticed", async () => {
    const t = get();
    const workspaceId = await workspaceWithEvents(t, 3);
    expect(await verifyAuditChain(t.database, workspaceId)).toMatchObject({ intact: true, checked: 3 });
    await asSuperuser(
      t.database,
      `UPDATE audit_event SET created_at = created_at - interval '1 day' WHERE workspace_id = '${workspaceId}' AND seq = 2`,
    );
    expect(await verifyAuditChain(t.database, workspaceId)).toMatchObject({
      intact: false,
      firstBrokenSeq: 2,
      reason: "its content does not match its hash",
    });

    const other = await workspaceWithEvents(t, 2);
    await asSuperuser(
      t.database,
      `UPDATE audit_event SET id = gen_random_uuid() WHERE workspace_id = '${other}' AND seq = 1`,
    );
    expect(await verifyAuditChain(t.database, other)).toMatchObject({ intact: false, firstBrokenSeq: 1 });
  });

  it("notices a deleted or rewound head, and reports the head of an intact chain", async () => {
    const t = get();
    const deleted = await workspaceWithEvents(t, 2);
    const intact = await verifyAuditChain(t.database, deleted);
    expect(intact.head).toEqual({ seq: 2, hash: expect.stringMatching(/^v2:[0-9a-f]{64}$/) });
    await t.database.exec(`DELETE FROM audit_head WHERE workspace_id = '${deleted}'`);
    expect(await verifyAuditChain(t.database, deleted)).toMatchObject({
      intact: false,
      reason: "the chain's head (audit_head) is missing",
      head: null,
    });

    const rewound = await workspaceWithEvents(t, 3);
    const [first] = await t.database.query<{ hash: string }>(
      "SELECT hash FROM audit_event WHERE workspace_id = $1 AND seq = 1",
      [rewound],
    );
    await t.database.exec(`UPDATE audit_head SET seq = 1, hash = '${first.hash}' WHERE workspace_id = '${rewound}'`);
    expect(await verifyAuditChain(t.database, rewound)).toMatchObject({
      intact: false,
      firstBrokenSeq: 2,
      reason: "the head was moved back to event 1",
    });
  });

  it("still verifies chains written with the first scheme, and refuses a scheme going back down", async () => {
    const t = get();
    const workspaceId = await workspaceWithEvents(t, 3);
    // Rewrite the chain as the first releases wrote it (bare hex over all but id and created_at).
    await rehashChain(t.database, workspaceId, 1);
    const old = await verifyAuditChain(t.database, workspaceId);
    expect(old).toMatchObject({
      intact: true,
      checked: 3,
      head: { seq: 3, hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    // New events continue that chain with the current scheme, and the whole still verifies.
    const [admin] = await t.database.query<{ id: string }>(
      "SELECT id FROM app_user WHERE workspace_id = $1 AND role = 'admin'",
      [workspaceId],
    );
    for (const action of ["x.first", "x.second"]) {
      await t.database.db.transaction((tx) =>
        recordAudit(tx, { workspaceId, actorId: admin.id, ip: null, at: new Date() }, { action, entityType: "x" }),
      );
    }
    expect(await verifyAuditChain(t.database, workspaceId)).toMatchObject({
      intact: true,
      checked: 5,
      head: { seq: 5, hash: expect.stringMatching(/^v2:/) },
    });
    // The old scheme (blind to id and created_at) after an event of the current one is refused.
    const [last] = await t.database.query<EventRow & { prev_hash: string }>(
      "SELECT * FROM audit_event WHERE workspace_id = $1 AND seq = 5",
      [workspaceId],
    );
    const downgraded = computeAuditHash(
      last.prev_hash,
      {
        id: last.id,
        workspaceId,
        seq: 5,
        at: new Date(last.at),
        actorId: last.actor_id,
        actorLabel: last.actor_label,
        ip: last.ip,
        action: last.action,
        entityType: last.entity_type,
        entityId: last.entity_id,
        before: last.before,
        after: last.after,
        createdAt: new Date(last.created_at),
      },
      1,
    );
    await asSuperuser(t.database, `UPDATE audit_event SET hash = '${downgraded}' WHERE id = '${last.id}'`);
    await t.database.exec(`UPDATE audit_head SET hash = '${downgraded}' WHERE workspace_id = '${workspaceId}'`);
    expect(await verifyAuditChain(t.database, workspaceId)).toMatchObject({
      intact: false,
      firstBrokenSeq: 5,
      reason: "its hash scheme is older than the previous event's",
    });
  });

  it("a chain re-hashed after an edit is consistent in itself, but no longer holds its anchor", async () => {
    const t = get();
    const workspaceId = await workspaceWithEvents(t, 3);
    const before = await verifyAuditChain(t.database, workspaceId);
    if (!before.head) throw new Error("no head");
    const anchor = { workspaceId, ...before.head, anchoredAt: "2026-01-01T00:00:00.000Z" };
    expect(await checkAuditAnchor(t.database, anchor)).toBeNull();

    await asSuperuser(
      t.database,
      `UPDATE audit_event SET after = '{"name":"Forged"}' WHERE workspace_id = '${workspaceId}' AND seq = 2`,
    );
    await rehashChain(t.database, workspaceId, 2);
    expect(await verifyAuditChain(t.database, workspaceId)).toMatchObject({ intact: true, checked: 3 });
    expect(await checkAuditAnchor(t.database, anchor)).toBe(
      "event 3 no longer has the hash anchored at 2026-01-01T00:00:00.000Z: the chain was rewritten",
    );
    expect(await checkAuditAnchor(t.database, { ...anchor, seq: 9 })).toBe(
      "event 9, anchored at 2026-01-01T00:00:00.000Z, is no longer in the chain",
    );
  });
});
