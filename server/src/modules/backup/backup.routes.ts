import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { backupApi } from "#contracts/api/backup";
import { backupFileName } from "../../db/backup";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { createOnlineBackup } from "./backup.service";

/** The online backup of a running installation (admins; `tandem backup --url` calls it). */
export const backupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(backupApi.create),
    handler: async (request, reply) => {
      const archive = await createOnlineBackup(ctxOf(request));
      return reply
        .header("content-type", "application/gzip")
        .header("content-disposition", `attachment; filename="${backupFileName("tandem", "pglite")}"`)
        .header("cache-control", "no-store")
        .send(archive);
    },
  });
};
