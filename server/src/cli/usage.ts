import { type ParseArgsConfig, parseArgs } from "node:util";

// Light on purpose: `tandem --help` and the engine commands load this and nothing of the database.

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
