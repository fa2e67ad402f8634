import { PgTransaction } from "drizzle-orm/pg-core";
import type { Tx } from "./client";

/**
 * Runs independent reads: side by side on the pool, one after another inside a transaction, whose one connection
 * answers one query at a time (node-postgres only queues them, and pg 9 refuses a query sent while one runs).
 */
export async function readTogether<T extends readonly unknown[]>(
  tx: Tx,
  reads: { [K in keyof T]: () => Promise<T[K]> },
): Promise<T> {
  if (!(tx instanceof PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}
