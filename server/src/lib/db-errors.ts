import { AppError } from "../errors";

/** Whether a database error is a unique-constraint violation (optionally of one constraint). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  const { code, constraint: name } = (cause ?? {}) as { code?: string; constraint?: string };
  return code === "23505" && (!constraint || name === constraint);
}

/** Runs a write, turning a unique violation into a 409 naming the field. */
export async function withUniqueField<T>(field: string, message: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", message, [{ path: field, message }]);
    throw error;
  }
}
