import { sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildPersona, buildWorkspace } from "../../../test/factories";
import { listMigrations } from "../../db/migrate";
import { rankAtBottom, rankBetween, rankFromScore, rankKeyOfNumber } from "./pipeline.rank";

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe("backlog rank keys", () => {
  it("orders numbers' keys as the numbers (score-derived ranks and old float ranks share one scale)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (a, b) => {
        expect(Math.sign(byteOrder(rankKeyOfNumber(a), rankKeyOfNumber(b)))).toBe(Math.sign(a - b || 0));
      }),
    );
    expect(rankKeyOfNumber(-0)).toBe(rankKeyOfNumber(0));
    // The schema's default is the key of 0, an unscored request.
    expect(rankKeyOfNumber(0)).toBe("kAzL8n0Y58m8");
    expect(rankFromScore(10) < rankFromScore(2)).toBe(true);
    expect(rankFromScore(null) > rankFromScore(1)).toBe(true);
  });

  it("keeps the order through 10,000 insertions between the same two neighbours", () => {
    const top = rankFromScore(50);
    const bottom = rankFromScore(49.5);
    // Each new key goes directly above the previous one, so the gap to `top` halves every time: a float midpoint
    // became equal to `top` after ~50 of these.
    const keys = [top];
    let below = bottom;
    for (let i = 0; i < 10_000; i++) {
      below = rankBetween(top, below);
      keys.push(below);
    }
    keys.push(bottom);
    const expected = [top, ...keys.slice(1, -1).reverse(), bottom];
    expect([...keys].sort(byteOrder)).toEqual(expected);
    expect(new Set(keys).size).toBe(keys.length);
    // Always the same gap is fractional indexing's worst case: one base-62 digit per ~6 halvings (1,679 characters
    // here), still well within what a PostgreSQL index entry holds (~2,700 bytes).
    expect(Math.max(...keys.map((key) => key.length))).toBeLessThan(2_000);
  });

  it("places at the top, at the bottom and in an empty backlog, and refuses neighbours out of order", () => {
    const key = rankFromScore(3);
    expect(rankBetween(null, key) < key).toBe(true);
    expect(rankBetween(key, null) > key).toBe(true);
    expect(rankAtBottom(key) > key).toBe(true);
    expect(rankAtBottom(null)).toBe(rankKeyOfNumber(1));
    expect(rankBetween(null, null)).toBe(rankKeyOfNumber(0));
    expect(() => rankBetween(key, key)).toThrow(/above < below/);
  });
});

describeWithApp("backlog ranks in the database", (get) => {
  it("sorts the keys byte by byte whatever the database's locale", async () => {
    const keys = [rankFromScore(1), rankFromScore(0.5)];
    for (let i = 0; i < 2_000; i++) keys.splice(1, 0, rankBetween(keys[0], keys[1]));
    keys.push("kA", "ka", "kB", "kb", "l0000000000000", "Zz", "kAzL8n0Y58m8V");
    const sorted = await get().database.db.transaction(async (tx) => {
      await tx.execute(sql`CREATE TEMPORARY TABLE rank_order (rank text COLLATE "C") ON COMMIT DROP`);
      await tx.execute(
        sql`INSERT INTO rank_order VALUES ${sql.join(
          keys.map((key) => sql`(${key})`),
          sql`, `,
        )}`,
      );
      const result = (await tx.execute(sql`SELECT rank FROM rank_order ORDER BY rank`)) as unknown as {
        rows: { rank: string }[];
      };
      return result.rows.map((row) => row.rank);
    });
    expect(sorted).toEqual([...keys].sort(byteOrder));
  });

  it("turns an existing installation's float ranks into the keys of the same numbers (migrations 0017 and 0018)", async () => {
    const floats = [0, -0, 1, -1, 2.5, -41.75, 1e-9, -1e20, 123456.789, Number.MIN_VALUE, -Number.MAX_VALUE, 7 / 3];
    const tags = ["0017_backlog_rank_keys", "0018_backlog_rank_keys_data"];
    const statements = listMigrations()
      .filter((migration) => tags.includes(migration.tag))
      .flatMap((migration) => migration.statements);
    expect(statements.length).toBeGreaterThanOrEqual(2);
    const converted = await get().database.db.transaction(async (tx) => {
      // The request table as it was before 0017, in a schema of its own so the migrations' SQL runs on it unchanged.
      await tx.execute(sql`CREATE SCHEMA rank_migration`);
      await tx.execute(sql`SET LOCAL search_path TO rank_migration`);
      await tx.execute(sql`CREATE TABLE request (id integer PRIMARY KEY, rank double precision NOT NULL DEFAULT 0)`);
      for (const [index, value] of floats.entries()) {
        await tx.execute(sql`INSERT INTO request (id, rank) VALUES (${index}, ${value}::float8)`);
      }
      await tx.execute(sql`INSERT INTO request (id) VALUES (${floats.length})`);
      for (const statement of statements) await tx.execute(sql.raw(statement));
      const result = (await tx.execute(sql`SELECT id, rank FROM request ORDER BY rank, id`)) as unknown as {
        rows: { id: number; rank: string }[];
      };
      await tx.execute(sql`DROP SCHEMA rank_migration CASCADE`);
      return result.rows;
    });
    const expected = [...floats, 0]
      .map((value, id) => ({ id, rank: rankKeyOfNumber(value) }))
      .sort((a, b) => byteOrder(a.rank, b.rank) || a.id - b.id);
    expect(converted).toEqual(expected);
  });

  it("keeps a hand-made order through 60 moves into the same gap (a float midpoint collapsed after ~50)", async () => {
    const t = get();
    const ws = await buildWorkspace(t);
    const engineer = await buildPersona(t, { role: "member", teamKind: "it", workspace: ws });
    const sponsor = await buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws });
    const submit = async (title: string) =>
      (
        await sponsor.request({
          method: "POST",
          url: "/api/v1/requests",
          payload: { type: "change", title, sponsorId: sponsor.user.id },
        })
      ).json();
    const [a, b, c, d] = [await submit("A"), await submit("B"), await submit("C"), await submit("D")];
    const versions = new Map<string, number>([
      [c.id, c.version],
      [d.id, d.version],
    ]);
    const placeAbove = async (id: string, beforeId: string) => {
      const response = await engineer.request({
        method: "POST",
        url: `/api/v1/requests/${id}/rank`,
        payload: { beforeId, version: versions.get(id) },
      });
      expect(response.statusCode).toBe(200);
      versions.set(id, response.json().version);
    };
    const order = async () =>
      (await engineer.request({ method: "GET", url: "/api/v1/requests?stage=open&sort=rank&limit=50" }))
        .json()
        .items.map((request: { title: string }) => request.title);
    // C and D take turns going directly above the other, always just below A: the same gap, halved each time.
    await placeAbove(c.id, b.id);
    expect(await order()).toEqual(["A", "C", "B", "D"]);
    let [mover, other] = [d, c];
    for (let i = 0; i < 60; i++) {
      await placeAbove(mover.id, other.id);
      [mover, other] = [other, mover];
    }
    // After an even number of turns the last one placed was C, directly above D.
    expect(await order()).toEqual(["A", "C", "D", "B"]);
    expect(a.rank < b.rank).toBe(true);
  }, 120_000);
});
