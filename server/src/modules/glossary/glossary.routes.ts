import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { glossaryApi } from "#contracts/api/glossary";
import { GlossaryLimits } from "#contracts/glossary";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { annotateText } from "./annotate.service";
import { listClashes, resolveClash } from "./clashes.service";
import { presentAnnotation, presentClash, presentTermPage, presentTermView } from "./glossary.presenter";
import { exportTermsCsv, importTerms } from "./glossary-csv.service";
import { approveTerm, proposeTerm, rejectTerm, updateTerm } from "./revisions.service";
import { loadStarterGlossary } from "./starter.service";
import { createTerm, getTerm, listTerms } from "./terms.service";

/** The glossary: terms and their review, clashes, annotation of text, CSV import/export, the starter glossary. */
export const glossaryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(glossaryApi.listTerms),
    handler: async (request) => presentTermPage(await listTerms(ctxOf(request), request.query)),
  });

  app.route({
    ...routeOf(glossaryApi.createTerm),
    handler: async (request, reply) =>
      reply.status(201).send(presentTermView(await createTerm(ctxOf(request), request.body))),
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
    handler: async (request) => presentTermView(await getTerm(ctxOf(request), request.params.id)),
  });

  app.route({
    ...routeOf(glossaryApi.updateTerm),
    handler: async (request) => presentTermView(await updateTerm(ctxOf(request), request.params.id, request.body)),
  });

  app.route({
    ...routeOf(glossaryApi.proposeTerm),
    handler: async (request) => presentTermView(await proposeTerm(ctxOf(request), request.params.id, request.body)),
  });

  app.route({
    ...routeOf(glossaryApi.approveTerm),
    handler: async (request) => presentTermView(await approveTerm(ctxOf(request), request.params.id, request.body)),
  });

  app.route({
    ...routeOf(glossaryApi.rejectTerm),
    handler: async (request) => presentTermView(await rejectTerm(ctxOf(request), request.params.id, request.body)),
  });

  app.route({
    ...routeOf(glossaryApi.listClashes),
    handler: async (request) => ({
      items: (await listClashes(ctxOf(request), request.query)).items.map(presentClash),
    }),
  });

  app.route({
    ...routeOf(glossaryApi.resolveClash),
    handler: async (request) => presentClash(await resolveClash(ctxOf(request), request.body)),
  });

  app.route({
    ...routeOf(glossaryApi.annotate),
    bodyLimit: GlossaryLimits.annotateTextMax * 6 + 1024,
    handler: async (request) => presentAnnotation(await annotateText(ctxOf(request), request.body)),
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
