import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { type ErrorCode, errorRegistry } from "#contracts/errors";
import { AppError, type FieldError } from "../errors";
import { recordAudit } from "../modules/audit/audit.service";

/** Sends an RFC 9457 problem document. */
export function sendProblem(reply: FastifyReply, code: ErrorCode, detail?: string, errors?: FieldError[]) {
  const { status, title } = errorRegistry[code];
  return reply
    .status(status)
    .type("application/problem+json")
    .send({ type: `https://tandem.dev/problems/${code.replace(/_/g, "-")}`, title, status, code, detail, errors });
}

function fieldErrorsOf(error: FastifyError): FieldError[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  const where = error.validationContext ?? "body";
  return error.validation.map((issue) => {
    const path = issue.instancePath.replace(/^\//, "").replace(/\//g, ".");
    const message = issue.message ?? "is not valid";
    return { path: path ? `${where === "body" ? "" : `${where}.`}${path}` : where, message };
  });
}

// Fastify's own errors that are the client's fault, by their code.
const clientErrors: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: "payload_too_large",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupported_media_type",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "bad_request",
  FST_ERR_CTP_EMPTY_JSON_BODY: "bad_request",
  FST_ERR_CTP_INVALID_JSON_BODY: "bad_request",
  FST_ERR_CTP_EMPTY_TYPE: "unsupported_media_type",
  FST_ERR_CTP_INVALID_TYPE: "unsupported_media_type",
};

/** One place where every error becomes problem+json; unknown ones are logged and answered generically. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler(async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      if (error.code === "forbidden") await recordDenial(request, error.message);
      return sendProblem(reply, error.code, error.message, error.errors);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = fieldErrorsOf(error);
      const summary = errors.map((e) => `${e.path} ${e.message}`).join("; ");
      return sendProblem(reply, "validation_failed", summary, errors);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, "response did not match its schema");
      return sendProblem(reply, "internal_error");
    }
    const known = error.code ? clientErrors[error.code] : undefined;
    if (known) return sendProblem(reply, known, error.message);
    if (error.statusCode === 429) return sendProblem(reply, "rate_limited", error.message);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, "bad_request", error.message);
    }
    if (isPoolExhausted(error)) {
      // Every database connection stayed busy past the pool's wait (a burst on a loaded server): ask to come back.
      request.log.warn({ err: error }, "no database connection free in time");
      reply.header("retry-after", "2");
      return sendProblem(reply, "service_unavailable", "The server is busy; try again in a moment");
    }
    request.log.error({ err: error }, "unhandled error");
    return sendProblem(reply, "internal_error");
  });
}

/** Whether an error (or what caused it) is pg's pool giving up waiting for a free connection. */
export function isPoolExhausted(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    if (/timeout exceeded when trying to connect/i.test(cause.message)) return true;
  }
  return false;
}

async function recordDenial(request: FastifyRequest, detail: string) {
  const actor = request.actor;
  if (!actor) return;
  try {
    await request.server.database.db.transaction((tx) =>
      recordAudit(
        tx,
        { workspaceId: actor.workspaceId, actorId: actor.userId, ip: request.ip, at: new Date() },
        {
          action: "authorization.denied",
          entityType: "route",
          entityId: `${request.method} ${request.routeOptions.url ?? request.url}`,
          after: { detail },
        },
      ),
    );
  } catch (error) {
    request.log.error({ err: error }, "could not record an authorization denial");
  }
}
