import pg from "pg";

/** The PostgreSQL server benchmarks create their databases on. */
export const BENCH_SERVER = process.env.TANDEM_BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** A new, empty database on the benchmark server: its URL, and how to drop it (connections included). */
export async function scratchDatabase(label: string) {
  const name = `tandem_bench_${label}_${process.pid}`;
  const admin = new pg.Client({ connectionString: BENCH_SERVER });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(BENCH_SERVER);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleaner = new pg.Client({ connectionString: BENCH_SERVER });
      await cleaner.connect();
      await cleaner.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleaner.end();
    },
  };
}
