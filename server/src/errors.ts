import { type ErrorCode, getErrorStatus } from "#contracts/errors";

/** A field-level problem of a request. */
export interface FieldError {
  path: string;
  message: string;
}

/** An error the API answers with its code; anything else becomes a generic internal_error. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message ?? code);
    this.name = "AppError";
    this.status = getErrorStatus(code);
  }
}

/**
 * The 409 `conflict` of an edit that lost the race: the record's version changed after it was read (`updateVersioned`
 * answered false). `staleEdit("request")` says "Someone changed this request meanwhile; reload and try again"; a
 * refusal by the record's state is `invalid_state` instead.
 */
export function staleEdit(noun: string, determiner: "this" | "the" | "these" = "this"): AppError {
  return new AppError("conflict", `Someone changed ${determiner} ${noun} meanwhile; reload and try again`);
}

/** Throws `not_found` when a record is absent. */
export function assertFound<T>(value: T | null | undefined, what = "Record"): T {
  if (value === null || value === undefined) throw new AppError("not_found", `${what} not found`);
  return value;
}
