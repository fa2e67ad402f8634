import type { FastifyRequest } from "fastify";
import { AppError } from "../errors";

/** The path of the first string holding a NUL character, which PostgreSQL text cannot store; null when none. */
export function findNulCharacter(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path.join(".") || "(body)" : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNulCharacter(item, [...path, String(index)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = findNulCharacter(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * Refuses text with a NUL character in a body or query string before any route sees it: PostgreSQL cannot
 * store it, and the answer should be a 400 naming the field, never a 500 from the database.
 */
export async function refuseNulCharacters(request: FastifyRequest) {
  const path = findNulCharacter(request.body) ?? findNulCharacter(request.query);
  if (path !== null) {
    throw new AppError("validation_failed", "Text may not contain NUL characters", [
      { path, message: "may not contain NUL characters" },
    ]);
  }
}
