import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKinds } from "../../test/database";
import type { Tx } from "./client";
import { readTogether } from "./reads";

for (const kind of testDatabaseKinds()) {
  describe(`reads that do not depend on each other [${kind}]`, () => {
    let database: Awaited<ReturnType<typeof createTestDatabase>>;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
    });
    afterAll(() => database.drop());

    const traced = (log: string[], tx: Tx, name: string) => async () => {
      log.push(`${name} sent`);
      await tx.execute(sql`SELECT pg_sleep(0.02)`);
      log.push(`${name} answered`);
      return name;
    };

    it("run one after another inside a transaction, whose one connection answers one query at a time", async () => {
      const log: string[] = [];
      const results = await database.db.transaction((tx) =>
        readTogether(tx, [traced(log, tx, "a"), traced(log, tx, "b")]),
      );
      expect(results).toEqual(["a", "b"]);
      expect(log).toEqual(["a sent", "a answered", "b sent", "b answered"]);
    });

    it("run side by side on the pool", async () => {
      const log: string[] = [];
      const results = await readTogether(database.db, [traced(log, database.db, "a"), traced(log, database.db, "b")]);
      expect(results).toEqual(["a", "b"]);
      expect(log.slice(0, 2)).toEqual(["a sent", "b sent"]);
    });
  });
}
