import fs from "node:fs";
import { type Algorithm, hash, verify } from "@node-rs/argon2";
import { AppError } from "../../errors";

// OWASP's argon2id minimum: 19 MiB of memory, two passes, one lane.
// (Algorithm is a const enum that isolated modules cannot read: 2 is its Argon2id.)
const argonOptions = { algorithm: 2 as Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

let commonPasswords: Set<string> | undefined;

function getCommonPasswords(): Set<string> {
  commonPasswords ??= new Set(
    fs
      .readFileSync(new URL("./common-passwords.txt", import.meta.url), "utf8")
      .split("\n")
      .filter((line) => line && !line.startsWith("#")),
  );
  return commonPasswords;
}

/** Whether a password is a common one, or a common one with digits or symbols stuck on either end. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const list = getCommonPasswords();
  if (list.has(lower)) return true;
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, "");
  if (core.length >= 4 && list.has(core)) return true;
  // One character or one short run repeated ("aaaaaaaaaaaa", "abcabcabcabc").
  return /^(.{1,4})\1+$/.test(lower);
}

/** Refuses a new password that is common or contains the person's email name. */
export function assertAcceptablePassword(password: string, field: string, email?: string): void {
  if (isCommonPassword(password)) {
    throw new AppError("validation_failed", "Choose a less common password", [
      { path: field, message: "is too common: it appears on lists attackers try first" },
    ]);
  }
  const localPart = email?.split("@")[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && password.toLowerCase().includes(localPart)) {
    throw new AppError("validation_failed", "Choose a password that does not contain your email", [
      { path: field, message: "must not contain your email address" },
    ]);
  }
}

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, argonOptions);
}

/** Checks a password against its stored hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the email is unknown, so that response time does not reveal which emails exist.
let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real verification. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword("tandem-dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
}
