import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from "fastify";
import { Problem } from "#contracts/common";
import { errorRegistry } from "#contracts/errors";
import { sendProblem } from "./error-handler";

/**
 * The client-error statuses every API operation may answer, from the error registry: validation (400), sign-in
 * (401), role or CSRF (403), missing record (404), conflict or state (409), expired link (410), body too large
 * (413), content type (415), rate limit (429). 405 belongs to paths, not operations.
 */
export const operationErrorStatuses: readonly number[] = [
  ...new Set(Object.values(errorRegistry).map((entry) => entry.status as number)),
]
  .filter((status) => status >= 400 && status < 500 && status !== 405)
  .sort((a, b) => a - b);

function titlesOf(status: number) {
  return Object.values(errorRegistry)
    .filter((entry) => entry.status === status)
    .map((entry) => entry.title)
    .join("; ");
}

type ResponseSchemas = Record<string, unknown>;

// Adds the problem+json answers the route does not declare itself, so the OpenAPI document lists them and the
// answers are checked against the Problem schema like any other.
function documentErrors(route: RouteOptions) {
  const schema = route.schema;
  if (!schema || (schema as { hide?: boolean }).hide) return;
  const response: ResponseSchemas = { ...((schema.response as ResponseSchemas | undefined) ?? {}) };
  for (const status of operationErrorStatuses) {
    response[status] ??= {
      description: titlesOf(status),
      content: { "application/problem+json": { schema: Problem } },
    };
  }
  route.schema = { ...schema, response };
}

function patternOf(url: string) {
  const source = url
    .split("/")
    .map((segment) => {
      if (segment === "*") return ".*";
      if (segment.startsWith(":")) return "[^/]+";
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return new RegExp(`^${source}$`);
}

/**
 * Documents every API operation's error answers (problem+json) and answers an unsupported method on a known path
 * with 405 and an `Allow` header listing the methods it supports; any other unknown path is a 404.
 */
export function registerRouteContract(app: FastifyInstance) {
  const paths = new Map<string, { pattern: RegExp; methods: Set<string> }>();
  app.addHook("onRoute", (route) => {
    if (route.url.startsWith("/api/v1/")) documentErrors(route);
    // The web app's catch-all GET would otherwise make every path "known".
    if (route.url === "/*") return;
    const known = paths.get(route.url) ?? { pattern: patternOf(route.url), methods: new Set<string>() };
    for (const method of [route.method].flat()) known.methods.add(String(method).toUpperCase());
    paths.set(route.url, known);
  });

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split("?")[0];
    const allowed = new Set<string>();
    for (const { pattern, methods } of paths.values()) {
      if (pattern.test(path)) for (const method of methods) allowed.add(method);
    }
    if (allowed.size > 0 && !allowed.has(request.method)) {
      const allow = [...allowed].sort().join(", ");
      reply.header("allow", allow);
      return sendProblem(reply, "method_not_allowed", `${request.method} is not allowed on ${path}; use ${allow}`);
    }
    return sendProblem(reply, "not_found", `No route for ${request.method} ${path}`);
  });
}

/**
 * Answers the router's own refusals (a path that is not valid percent-encoded UTF-8, a path parameter too long) as
 * problem+json like every other error; Fastify hands these to `frameworkErrors`, not to the error handler.
 */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  return sendProblem(reply, "bad_request", error.message);
}
