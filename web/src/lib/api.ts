import type { Problem } from "#contracts/common";
import type { ErrorCode } from "#contracts/errors";
import type { RouteAnswer, RouteBody, RouteParams, RouteQuery, RouteSpec } from "#contracts/route";

/** A failed API call: the problem document's code, status, detail and field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | "network_error";
  readonly detail: string | undefined;
  readonly fieldErrors: { path: string; message: string }[];

  constructor(status: number, problem: Partial<Problem> & { code: string }) {
    super(problem.detail ?? problem.title ?? `Request failed with status ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.code = problem.code as ErrorCode;
    this.detail = problem.detail;
    this.fieldErrors = problem.errors ?? [];
  }

  /** A sentence to show a person: the server's detail, or its title. */
  get userMessage(): string {
    return this.message;
  }
}

/** Whether an error is an ApiError with the given code. */
export function isApiError(error: unknown, code?: ApiError["code"]): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Remembers the CSRF token from /me (the session cookie itself is HttpOnly). */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Registers what happens when the session ends under our feet (401 on a signed-in call). */
export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler;
}

type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON, or as multipart/form-data when a FormData (a file upload). */
  body?: unknown;
  query?: Query;
  /** Sign-in and setup answer 401 as a normal outcome: do not treat it as a lost session. */
  isAuthCall?: boolean;
  signal?: AbortSignal;
  /** Set on the one retry after refreshing a stale CSRF token. */
  isRetry?: boolean;
}

const BASE = "/api/v1";

/** Builds `/api/v1/<path>?…`, leaving out empty parameters. */
export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  return `${BASE}${path}${search ? `?${search}` : ""}`;
}

/** The one fetch client: JSON in and out, same-origin cookies, CSRF header on writes, problem+json errors. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiResponse(path, options, "application/json");
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/**
 * The same client for an answer read as it comes (e.g. application/x-ndjson progress): the successful
 * response itself; failures are thrown as ApiError after the same 401 and CSRF handling.
 */
export async function apiResponse(path: string, options: RequestOptions, accept: string): Promise<Response> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept };
  const isForm = options.body instanceof FormData;
  // A form's content type carries its boundary: the browser sets it.
  if (options.body !== undefined && !isForm) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : isForm ? (options.body as FormData) : JSON.stringify(options.body),
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, {
      code: "network_error",
      title: "Network error",
      detail: "Tandem could not be reached. Check your connection and try again.",
    });
  }

  if (response.ok) return response;

  const error = new ApiError(response.status, await readProblem(response));
  if (error.code === "unauthenticated" && !options.isAuthCall) onUnauthenticated?.();
  // The session was renewed elsewhere (another tab signed in again): fetch its CSRF token and retry once.
  if (error.code === "csrf_failed" && !options.isRetry && !options.isAuthCall && (await refreshCsrfToken())) {
    return apiResponse(path, { ...options, isRetry: true }, accept);
  }
  throw error;
}

async function refreshCsrfToken(): Promise<boolean> {
  try {
    const response = await fetch(buildUrl("/me"), {
      headers: { accept: "application/json" },
      credentials: "same-origin",
    });
    if (!response.ok) return false;
    const me = (await response.json()) as { csrfToken: string | null };
    csrfToken = me.csrfToken;
    return csrfToken !== null;
  } catch {
    return false;
  }
}

async function readProblem(response: Response): Promise<Partial<Problem> & { code: string }> {
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("json")) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      if (typeof body.code === "string") return body as Partial<Problem> & { code: string };
    } catch {
      // Not JSON after all: fall through to a generic problem.
    }
  }
  return { code: response.status >= 500 ? "internal_error" : "bad_request", title: response.statusText };
}

/**
 * An import's body as a multipart upload: the CSV as the file `file` (text/csv) and the other fields as form
 * fields (booleans as "true"/"false"; undefined left out).
 */
export function csvForm(
  csv: string | File,
  fields: Record<string, string | boolean | undefined> = {},
  fileName = "import.csv",
): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.set(name, String(value));
  const file = typeof csv === "string" ? new File([csv], fileName, { type: "text/csv" }) : csv;
  form.set("file", file, file.name || fileName);
  return form;
}

/** An object with no required field: what a call with nothing required may leave out. */
type Nothing = Record<never, never>;

type Required_<T, K extends string> = Nothing extends T ? { [key in K]?: T } : { [key in K]: T };

/** What a call of a declared route sends: its parameters, query string and body, each only where it has one. */
export type CallInput<S extends RouteSpec> = (RouteParams<S> extends undefined
  ? { params?: undefined }
  : { params: RouteParams<S> }) &
  (RouteQuery<S> extends undefined ? { query?: undefined } : Required_<RouteQuery<S>, "query">) &
  (RouteBody<S> extends undefined ? { body?: undefined } : Required_<RouteBody<S> | FormData, "body">);

export interface CallOptions {
  signal?: AbortSignal;
  /** Sign-in and setup answer 401 as a normal outcome: do not treat it as a lost session. */
  isAuthCall?: boolean;
}

/** The arguments after the route: the input may be left out when nothing in it is required. */
export type CallArgs<S extends RouteSpec> =
  Nothing extends CallInput<S>
    ? [input?: CallInput<S>, options?: CallOptions]
    : [input: CallInput<S>, options?: CallOptions];

/** A declared route's path with its `:name` parameters filled in (each encoded). */
export function pathOf(spec: RouteSpec, params?: Record<string, unknown>): string {
  return spec.path.replace(/:([A-Za-z]\w*)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === "")
      throw new Error(`${spec.path}: missing parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

/** Calls a route declared in `contracts/api`: the path, method, inputs and answer's type all come from it. */
export function call<S extends RouteSpec>(spec: S, ...[input, options]: CallArgs<S>): Promise<RouteAnswer<S>> {
  const { params, query, body } = (input ?? {}) as { params?: Record<string, unknown>; query?: Query; body?: unknown };
  return api<RouteAnswer<S>>(pathOf(spec, params), {
    method: spec.method,
    query,
    body,
    signal: options?.signal,
    isAuthCall: options?.isAuthCall,
  });
}

/**
 * The query key of a GET route: its path's segments with the parameters filled in, then the query string when
 * there is one. A prefix of it names every query under that path: `keyOf(toolsApi.get, { params: { id } })`
 * covers the tool and its history, `keyOf(toolsApi.list)` every page of every filter.
 */
export function keyOf<S extends RouteSpec>(spec: S, input?: Partial<CallInput<S>>): readonly unknown[] {
  const { params, query } = (input ?? {}) as { params?: Record<string, unknown>; query?: Query };
  const segments = spec.path.split("/").filter(Boolean);
  const key: unknown[] = [];
  for (const segment of segments) {
    if (!segment.startsWith(":")) {
      key.push(segment);
      continue;
    }
    const value = params?.[segment.slice(1)];
    if (value === undefined) return key; // a prefix: everything under the path so far
    key.push(String(value));
  }
  const sent = Object.fromEntries(
    Object.entries(query ?? {}).filter(([, value]) => value !== undefined && value !== null && value !== ""),
  );
  if (Object.keys(sent).length > 0) key.push(sent);
  return key;
}
