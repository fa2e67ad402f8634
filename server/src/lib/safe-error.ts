// A failed query's error (Drizzle's "Failed query: <sql> params: <values>") carries its SQL and parameters,
// which can be a password hash, an email or a token digest: neither a terminal, a log nor a response gets them.

interface QueryErrorLike {
  query: unknown;
  params: unknown;
  cause?: unknown;
}

function isQueryError(error: unknown): error is Error & QueryErrorLike {
  return error instanceof Error && "query" in error && "params" in error;
}

/** The database's own words for a failed query (its code and message), never the query or its parameters. */
export function safeErrorMessage(error: unknown): string {
  if (isQueryError(error)) {
    const cause = error.cause as { message?: unknown; code?: unknown } | undefined;
    const code = typeof cause?.code === "string" ? ` (${cause.code})` : "";
    return typeof cause?.message === "string" ? `database error${code}: ${cause.message}` : "a database query failed";
  }
  return error instanceof Error ? error.message : String(error);
}

/** An error as logs may keep it: type, message and stack, with a failed query's SQL and parameters left out. */
export function serializeSafeError(error: unknown): {
  type: string;
  message: string;
  stack: string;
  [key: string]: unknown;
} {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error), stack: "" };
  const cause = (error as { cause?: unknown }).cause;
  const { code, constraint } = (cause ?? error) as { code?: unknown; constraint?: unknown };
  const message = safeErrorMessage(error);
  // The stack's first lines repeat the message: keep only its frames.
  const frames = (error.stack ?? "").split("\n").filter((line) => line.startsWith("    at "));
  return {
    type: error.name,
    message,
    stack: [`${error.name}: ${message}`, ...frames].join("\n"),
    code: typeof code === "string" ? code : undefined,
    constraint: typeof constraint === "string" ? constraint : undefined,
  };
}
