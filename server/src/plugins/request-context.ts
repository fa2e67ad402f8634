import type { FastifyRequest } from "fastify";
import type { Ctx, PublicCtx } from "../context";
import { AppError } from "../errors";

/** The service context of a signed-in request. */
export function ctxOf(request: FastifyRequest): Ctx {
  if (!request.actor) throw new AppError("unauthenticated", "Sign in first");
  return { database: request.server.database, actor: request.actor, ip: request.ip, now: request.server.now() };
}

/** The service context of a signed-out request. */
export function publicCtxOf(request: FastifyRequest): PublicCtx {
  const userAgent = request.headers["user-agent"];
  return { database: request.server.database, ip: request.ip, userAgent: userAgent ?? null, now: request.server.now() };
}
