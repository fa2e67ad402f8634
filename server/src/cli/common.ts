import { type ParseArgsConfig, parseArgs } from "node:util";
import { type OpenedDatabase, openConfiguredDatabase } from "../db/open";
import { getEnv } from "../env";

/** A mistake in how a command was called (exit 2, with a pointer to --help). */
export class UsageError extends Error {}

/** Parses a command's options strictly; unknown or malformed ones are a UsageError. */
export function parse<const O extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  options: O,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true as const });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

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
