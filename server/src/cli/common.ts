import { type OpenedDatabase, openConfiguredDatabase } from "../db/open";
import { getEnv } from "../env";

export { parse, UsageError } from "./usage";

/**
 * Runs work on the configured database and closes it after. With `mustExist`, a database Tandem never started
 * on is refused (and nothing is created) instead of being initialised empty.
 */
export async function withDatabase(
  work: (env: ReturnType<typeof getEnv>, database: OpenedDatabase["database"]) => Promise<number>,
  options: { mustExist?: boolean } = {},
) {
  const env = getEnv();
  const opened = await openConfiguredDatabase(env, options);
  try {
    return await work(env, opened.database);
  } finally {
    await opened.close();
  }
}
