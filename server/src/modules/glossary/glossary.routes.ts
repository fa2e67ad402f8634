import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "#contracts/common";
import {
  AnnotateBody,
  AnnotateResult,
  ApproveTermBody,
  Clash,
  ClashList,
  ClashListQuery,
  CreateTermBody,
  GlossaryLimits,
  ImportTermsBody,
  ImportTermsResult,
  LoadStarterResult,
  ProposeTermBody,
  RejectTermBody,
  ResolveClashBody,
  Term,
  TermList,
  TermListQuery,
  UpdateTermBody,
} from "#contracts/glossary";
import { ctxOf } from "../../plugins/request-context";
import { annotateText } from "./annotate.service";
import { listClashes, resolveClash } from "./clashes.service";
import { exportTermsCsv, importTerms } from "./glossary-csv.service";
import { approveTerm, proposeTerm, rejectTerm, updateTerm } from "./revisions.service";
import { loadStarterGlossary } from "./starter.service";
import { createTerm, getTerm, listTerms } from "./terms.service";

const tags = ["glossary"];

/** The glossary: terms and their review, clashes, annotation of text, CSV import/export, the starter glossary. */
export const glossaryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/glossary/terms",
    {
      schema: {
        tags,
        summary: "Terms by name, or searched (names, acronyms, synonyms, definitions) best first",
        querystring: TermListQuery,
        response: { 200: TermList },
      },
    },
    async (request) => listTerms(ctxOf(request), request.query),
  );

  app.post(
    "/glossary/terms",
    { schema: { tags, summary: "Add a term (draft or proposed)", body: CreateTermBody, response: { 201: Term } } },
    async (request, reply) => reply.status(201).send(await createTerm(ctxOf(request), request.body)),
  );

  app.get(
    "/glossary/terms.csv",
    { schema: { tags, summary: "Every term (its shown revision) as CSV, in the import's columns" } },
    async (request, reply) => {
      const csv = await exportTermsCsv(ctxOf(request));
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="tandem-glossary.csv"')
        .send(csv);
    },
  );

  app.get(
    "/glossary/terms/:id",
    {
      schema: {
        tags,
        summary: "One term: its shown revision, the pending one, approvals",
        params: IdParams,
        response: { 200: Term },
      },
    },
    async (request) => getTerm(ctxOf(request), request.params.id),
  );

  app.patch(
    "/glossary/terms/:id",
    {
      schema: {
        tags,
        summary: "Edit a term (an approved term gets a proposed revision)",
        params: IdParams,
        body: UpdateTermBody,
        response: { 200: Term },
      },
    },
    async (request) => updateTerm(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    "/glossary/terms/:id/propose",
    {
      schema: {
        tags,
        summary: "Send a draft for review",
        params: IdParams,
        body: ProposeTermBody,
        response: { 200: Term },
      },
    },
    async (request) => proposeTerm(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    "/glossary/terms/:id/approve",
    {
      schema: {
        tags,
        summary: "Approve the pending revision (a marketing and an IT approval make it approved)",
        params: IdParams,
        body: ApproveTermBody,
        response: { 200: Term },
      },
    },
    async (request) => approveTerm(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    "/glossary/terms/:id/reject",
    {
      schema: {
        tags,
        summary: "Reject the pending revision with a reason",
        params: IdParams,
        body: RejectTermBody,
        response: { 200: Term },
      },
    },
    async (request) => rejectTerm(ctxOf(request), request.params.id, request.body),
  );

  app.get(
    "/glossary/clashes",
    {
      schema: {
        tags,
        summary: "Names and acronyms several terms share",
        querystring: ClashListQuery,
        response: { 200: ClashList },
      },
    },
    async (request) => listClashes(ctxOf(request), request.query),
  );

  app.post(
    "/glossary/clashes/resolve",
    {
      schema: {
        tags,
        summary: "Resolve a clash: keep one meaning or keep both with their contexts",
        body: ResolveClashBody,
        response: { 200: Clash },
      },
    },
    async (request) => resolveClash(ctxOf(request), request.body),
  );

  app.post(
    "/glossary/annotate",
    {
      bodyLimit: GlossaryLimits.annotateTextMax * 6 + 1024,
      schema: {
        tags,
        summary: "Recognise the glossary's terms in a plain text: offsets and hover cards, never markup",
        body: AnnotateBody,
        response: { 200: AnnotateResult },
      },
    },
    async (request) => annotateText(ctxOf(request), request.body),
  );

  app.post(
    "/glossary/import",
    {
      bodyLimit: GlossaryLimits.importMaxBytes + 64 * 1024,
      config: { csvUpload: { maxBytes: GlossaryLimits.importMaxBytes, booleans: ["dryRun"] } },
      schema: {
        tags,
        summary: "Check (dry run) or import terms from CSV as proposed: all lines or none",
        body: ImportTermsBody,
        response: { 200: ImportTermsResult },
      },
    },
    async (request) => importTerms(ctxOf(request), request.body),
  );

  app.post(
    "/glossary/starter",
    {
      schema: {
        tags,
        summary: "Load Tandem's starter glossary as proposed terms (admins; terms already there are skipped)",
        response: { 200: LoadStarterResult },
      },
    },
    async (request) => loadStarterGlossary(ctxOf(request)),
  );
};
