import type { FastifyInstance } from "fastify";

const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine sets style attributes at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ");

/**
 * One policy from a page's own CSP and Tandem's stricter directives: each directive once, Tandem's value winning
 * (a policy that repeats a directive is read by its first occurrence, so appending would not tighten it).
 */
export function mergeContentSecurityPolicy(policy: string, overrides: Record<string, string>): string {
  const directives = new Map<string, string>();
  for (const part of policy.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), values.join(" "));
  }
  for (const [name, value] of Object.entries(overrides)) directives.set(name, value);
  return [...directives].map(([name, value]) => (value ? `${name} ${value}` : name)).join("; ");
}

/** Security headers on every response, errors and 404s included; no-store on the API. */
export function registerSecurityHeaders(app: FastifyInstance) {
  app.addHook("onRequest", async (request, reply) => {
    reply.header("content-security-policy", contentSecurityPolicy);
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
    reply.header("x-frame-options", "DENY");
    reply.header("cross-origin-opener-policy", "same-origin");
    reply.header("cross-origin-resource-policy", "same-origin");
    reply.header("permissions-policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (request.protocol === "https") {
      reply.header("strict-transport-security", "max-age=31536000; includeSubDomains");
    }
    const path = request.url;
    if (path.startsWith("/api/") || path === "/metrics" || path.startsWith("/readyz") || path.startsWith("/healthz")) {
      reply.header("cache-control", "no-store");
    }
  });
}
