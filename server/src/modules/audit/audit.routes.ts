import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { auditApi } from "#contracts/api/audit";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { presentAuditEvent } from "./audit.presenter";
import { listActions, listAudit, verifyAudit } from "./audit.service";

/** The audit log (admins). */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(auditApi.list),
    handler: async (request) => {
      const page = await listAudit(ctxOf(request), request.query);
      return { items: page.items.map(presentAuditEvent), nextCursor: page.nextCursor };
    },
  });

  app.route({
    ...routeOf(auditApi.actions),
    handler: async (request) => listActions(ctxOf(request)),
  });

  app.route({
    ...routeOf(auditApi.verify),
    handler: async (request) => verifyAudit(ctxOf(request)),
  });
};
