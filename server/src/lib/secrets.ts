import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A new opaque 256-bit secret, base64url encoded. */
export function generateSecret(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

/** The SHA-256 of a secret, as stored in the database (secrets themselves never are). */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Compares two strings in constant time. */
export function isSameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
