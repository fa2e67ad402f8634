import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { glossaryApi } from "#contracts/api/glossary";
import { GlossaryLimits } from "#contracts/glossary";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { annotateText } from "./annotate.service";
import { listClashes, resolveClash } from "./clashes.service";
import { exportTermsCsv, importTerms } from "./glossary-csv.service";
import { approveTerm, proposeTerm, rejectTerm, updateTerm } from "./revisions.service";
import { loadStarterGlossary } from "./starter.service";
import { createTerm, getTerm, listTerms } from "./terms.service";

/** The glossary: terms and their review, clashes, annotation of text, CSV import/export, the starter glossary. */
export const glossaryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(glossaryApi.listTerms),
    handler: async (request) => listTerms(ctxOf(request), request.query),
  });

  app.route({
    ...routeOf(glossaryApi.createTerm),
    handler: async (request, reply) => reply.status(201).send(await createTerm(ctxOf(request), request.body)),
  });

  app.route({
    ...routeOf(glossaryApi.termsCsv),
    handler: async (request, reply) => {
      const csv = await exportTermsCsv(ctxOf(request));
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="tandem-glossary.csv"')
        .send(csv);
    },
  });

  app.route({
    ...routeOf(glossaryApi.getTerm),
    handler: async (request) => getTerm(ctxOf(request), request.params.id),
  });

  app.route({
    ...routeOf(glossaryApi.updateTerm),
    handler: async (request) => updateTerm(ctxOf(request), request.params.id, request.body),
  });

  app.route({
    ...routeOf(glossaryApi.proposeTerm),
    handler: async (request) => proposeTerm(ctxOf(request), request.params.id, request.body),
  });

  app.route({
    ...routeOf(glossaryApi.approveTerm),
    handler: async (request) => approveTerm(ctxOf(request), request.params.id, request.body),
  });

  app.route({
    ...routeOf(glossaryApi.rejectTerm),
    handler: async (request) => rejectTerm(ctxOf(request), request.params.id, request.body),
  });

  app.route({
    ...routeOf(glossaryApi.listClashes),
    handler: async (request) => listClashes(ctxOf(request), request.query),
  });

  app.route({
    ...routeOf(glossaryApi.resolveClash),
    handler: async (request) => resolveClash(ctxOf(request), request.body),
  });

  app.route({
    ...routeOf(glossaryApi.annotate),
    bodyLimit: GlossaryLimits.annotateTextMax * 6 + 1024,
    handler: async (request) => annotateText(ctxOf(request), request.body),
  });

  app.route({
    ...routeOf(glossaryApi.importTerms),
    bodyLimit: GlossaryLimits.importMaxBytes + 64 * 1024,
    config: { csvUpload: { maxBytes: GlossaryLimits.importMaxBytes, booleans: ["dryRun"] } },
    handler: async (request) => importTerms(ctxOf(request), request.body),
  });

  app.route({
    ...routeOf(glossaryApi.loadStarter),
    handler: async (request) => loadStarterGlossary(ctxOf(request)),
  });
};
