import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKinds } from "../../test/database";
import { type ChangeFeed, openChangeFeed } from "./change-feed";
import type { Database } from "./client";

for (const kind of testDatabaseKinds()) {
  describe(`change feed [${kind}]`, () => {
    let database: Database & { drop(): Promise<void> };
    let feed: ChangeFeed;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
      feed = await openChangeFeed(database, { heartbeatMs: 100 });
    });
    afterAll(async () => {
      await feed.close();
      await database.drop();
    });

    it("marks a table changed only once its change commits, and not a table it did not touch", async () => {
      const stamp = feed.stamp();
      await database.db.transaction(async (tx) => {
        await tx.execute("INSERT INTO workspace (name) VALUES ('Feed Co')");
        await feed.sync();
        expect(feed.changedSince(["workspace"], stamp)).toBe(false);
      });
      await feed.sync();
      expect(feed.changedSince(["workspace"], stamp)).toBe(true);
      expect(feed.changedSince(["tool"], stamp)).toBe(false);
      const rolledBack = feed.stamp();
      await expect(
        database.db.transaction(async (tx) => {
          await tx.execute("INSERT INTO workspace (name) VALUES ('Rolled back')");
          throw new Error("roll back");
        }),
      ).rejects.toThrow("roll back");
      await feed.sync();
      expect(feed.changedSince(["workspace"], rolledBack)).toBe(false);
    });

    it("treats everything as changed after a change made in this process", () => {
      const stamp = feed.stamp();
      feed.changedHere();
      expect(feed.changedSince(["tool"], stamp)).toBe(true);
      expect(feed.changedSince(["tool"], feed.stamp())).toBe(false);
    });

    if (kind === "postgres") {
      it("stops trusting itself when its connection is lost, and listens again with everything stale", async () => {
        const stamp = feed.stamp();
        expect(feed.trusted).toBe(true);
        await database.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'tandem change feed'",
        );
        await waitFor(() => !feed.trusted);
        expect(feed.changedSince([], feed.stamp())).toBe(true);
        await waitFor(() => feed.trusted, 5_000);
        expect(feed.changedSince(["tool"], stamp)).toBe(true);
        const after = feed.stamp();
        await database.query("UPDATE workspace SET name = name");
        await feed.sync();
        expect(feed.changedSince(["workspace"], after)).toBe(true);
      });
    }
  });
}

async function waitFor(condition: () => boolean, timeoutMs = 2_000) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
