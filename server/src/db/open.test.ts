import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { listMigrations } from "./migrate";
import { migrateWithBackup, openConfiguredDatabase } from "./open";

describe("opening the embedded database", () => {
  it("backs up an existing database before applying new migrations, and not a fresh one", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-open-"));
    const env = parseEnv({ TANDEM_DATA_DIR: dataDir });
    const log: string[] = [];
    const first = await openConfiguredDatabase(env);
    try {
      expect(await migrateWithBackup(env, first.database, (m) => log.push(m))).toEqual(
        listMigrations().map((m) => m.tag),
      );
      expect(fs.existsSync(path.join(dataDir, "backups"))).toBe(false);
      // As if this build shipped a migration the database has not seen yet.
      await first.database.exec(`
        DROP TRIGGER audit_event_no_update ON audit_event;
        DROP TRIGGER audit_event_no_truncate ON audit_event;
        DROP FUNCTION audit_event_refuse_change();
        DELETE FROM tandem_migration WHERE tag = '0001_audit_append_only';`);
    } finally {
      await first.close();
    }
    const second = await openConfiguredDatabase(env);
    try {
      expect(await migrateWithBackup(env, second.database, (m) => log.push(m))).toEqual(["0001_audit_append_only"]);
    } finally {
      await second.close();
    }
    const backups = fs.readdirSync(path.join(dataDir, "backups"));
    expect(backups).toEqual([expect.stringMatching(/^pre-migrate-.*\.tar\.gz$/)]);
    expect(log.some((line) => line.startsWith("Backed up the database to"))).toBe(true);
  }, 60_000);
});
