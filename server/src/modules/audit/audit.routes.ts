import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AuditActions, AuditList, AuditListQuery, AuditVerification } from "#contracts/audit";
import { ctxOf } from "../../plugins/request-context";
import { presentAuditEvent } from "./audit.presenter";
import { listActions, listAudit, verifyAudit } from "./audit.service";

/** The audit log (admins). */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/audit",
    {
      schema: {
        tags: ["audit"],
        summary: "The audit log, newest first",
        querystring: AuditListQuery,
        response: { 200: AuditList },
      },
    },
    async (request) => {
      const page = await listAudit(ctxOf(request), request.query);
      return { items: page.items.map(presentAuditEvent), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/audit/actions",
    { schema: { tags: ["audit"], summary: "Every action the log holds", response: { 200: AuditActions } } },
    async (request) => listActions(ctxOf(request)),
  );

  app.get(
    "/audit/verify",
    { schema: { tags: ["audit"], summary: "Re-compute the hash chain", response: { 200: AuditVerification } } },
    async (request) => verifyAudit(ctxOf(request)),
  );
};
