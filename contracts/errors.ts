/** Every error the API can answer with: a stable code, its HTTP status and a human title. */
export const errorRegistry = {
  validation_failed: { status: 400, title: "The request is not valid" },
  bad_request: { status: 400, title: "Bad request" },
  unauthenticated: { status: 401, title: "Sign-in required" },
  invalid_credentials: { status: 401, title: "Email or password is wrong" },
  forbidden: { status: 403, title: "Not allowed" },
  csrf_failed: { status: 403, title: "Missing or wrong CSRF token" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "The record changed or already exists" },
  already_set_up: { status: 409, title: "This installation is already set up" },
  invalid_state: { status: 409, title: "Not allowed in the record's current state" },
  gone: { status: 410, title: "This link has expired or was already used" },
  payload_too_large: { status: 413, title: "The request body is too large" },
  unsupported_media_type: { status: 415, title: "Unsupported content type" },
  rate_limited: { status: 429, title: "Too many attempts" },
  internal_error: { status: 500, title: "Something went wrong on our side" },
  service_unavailable: { status: 503, title: "Service unavailable" },
} as const;

/** A stable machine-readable error code. */
export type ErrorCode = keyof typeof errorRegistry;

/** The status code that goes with an error code. */
export function getErrorStatus(code: ErrorCode): number {
  return errorRegistry[code].status;
}
