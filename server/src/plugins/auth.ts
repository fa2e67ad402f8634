import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Actor } from "../context";
import { AppError } from "../errors";
import { isSameSecret } from "../lib/secrets";
import { resolveSessionActor, resolveTokenActor } from "../modules/sessions/sessions.service";

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in user, or null. */
    actor: Actor | null;
    /** The browser session behind the actor, when signed in by cookie. */
    session: { csrfToken: string; expiresAt: Date } | null;
  }
  interface FastifyContextConfig {
    /**
     * `public` routes need no sign-in; `secret` routes check a secret of their own (the metrics token) and read
     * no session or API token; everything else needs a session or an API token.
     */
    access?: "public" | "user" | "secret";
  }
}

/** The session cookie: `__Host-` and Secure where the browser accepts it (TLS or localhost). */
export const SESSION_COOKIE = "__Host-tandem_session";
/** The fallback name for plain HTTP on a non-local address, where browsers refuse `__Host-` cookies. */
export const PLAIN_SESSION_COOKIE = "tandem_session";

/** Methods that change nothing: no CSRF token, and the read cache may answer them. */
export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether the request arrived over TLS or on a loopback address, where Secure cookies work. */
export function isSecureContext(request: FastifyRequest): boolean {
  if (request.protocol === "https") return true;
  const host = request.hostname.replace(/:\d+$/, "");
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]" || host.endsWith(".localhost");
}

/** The session token the browser sent, under either cookie name. */
export function readSessionCookie(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE] ?? request.cookies[PLAIN_SESSION_COOKIE];
}

/**
 * Resolves the actor from `Authorization: Bearer` or the session cookie, requires one on every
 * non-public route, enforces read-only tokens, and checks CSRF on cookie-authenticated writes.
 */
export function registerAuth(app: FastifyInstance) {
  app.decorateRequest("actor", null);
  app.decorateRequest("session", null);
  app.addHook("preHandler", async (request) => {
    const access = request.routeOptions.config?.access ?? "user";
    if (access === "secret") return;
    const now = app.now();
    // Writes always read the session or token from the database: a revocation or deactivation made
    // through another process a moment ago stops them even before its announcement arrives.
    const cache = SAFE_METHODS.has(request.method) ? app.readCache?.actors : undefined;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match) throw new AppError("unauthenticated", "The Authorization header must be `Bearer <token>`");
      request.actor = await resolveTokenActor(app.database, match[1], now, cache);
      if (!request.actor) throw new AppError("unauthenticated", "The API token is not valid, expired or revoked");
      if (request.actor.tokenScope === "read" && !SAFE_METHODS.has(request.method)) {
        throw new AppError("forbidden", "This API token is read-only");
      }
      return;
    }
    const cookie = readSessionCookie(request);
    const resolved = cookie ? await resolveSessionActor(app.database, cookie, now, cache) : null;
    if (resolved) {
      request.actor = resolved.actor;
      request.session = { csrfToken: resolved.csrfToken, expiresAt: resolved.expiresAt };
      if (access !== "public" && !SAFE_METHODS.has(request.method)) {
        const sent = request.headers["x-csrf-token"];
        if (typeof sent !== "string" || sent === "" || !isSameSecret(sent, resolved.csrfToken)) {
          throw new AppError("csrf_failed", "Send the CSRF token from GET /api/v1/me as the x-csrf-token header");
        }
      }
    } else if (access !== "public") {
      throw new AppError("unauthenticated", "Sign in first");
    }
    if (access === "public" && !SAFE_METHODS.has(request.method)) assertSameOrigin(request);
  });
}

// Signed-out writes (sign-in, setup, accepting an invitation) carry no CSRF token: refuse them cross-site.
function assertSameOrigin(request: FastifyRequest) {
  const site = request.headers["sec-fetch-site"];
  if (site === "cross-site" || site === "same-site") {
    throw new AppError("csrf_failed", "Cross-site requests are refused");
  }
  const origin = request.headers.origin;
  // `Origin: null` comes from sandboxed frames, data: and file: pages and some redirects: never from Tandem's pages.
  if (origin !== undefined) {
    const originHost = URL.canParse(origin) ? new URL(origin).host : null;
    if (originHost !== request.host) throw new AppError("csrf_failed", "Cross-origin requests are refused");
  }
}
