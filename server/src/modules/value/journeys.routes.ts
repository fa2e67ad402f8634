import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { z } from "zod";
import {
  ImportBody,
  JourneyData,
  JourneyImportBody,
  PushOutcomesBody,
  PushResult,
  PushTouchpointsBody,
} from "#contracts/value";
import { ctxOf } from "../../plugins/request-context";
import { answerImport, importRoute } from "./import-response";
import { describeJourneyData, importJourneys, importOutcomes, pushOutcomes, pushTouchpoints } from "./journeys.service";

/** Outcomes (conversions) and journeys (touchpoints or paths): CSV imports and API pushes. */
export const journeysRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post("/outcomes/import", importRoute("Import conversions from CSV", ImportBody), async (request, reply) =>
    answerImport(request, reply, "journey.write", (onProgress) =>
      importOutcomes(ctxOf(request), request.body as ImportBody, onProgress),
    ),
  );

  app.post(
    "/outcomes",
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags: ["value"],
        summary: "Push a batch of conversions",
        body: PushOutcomesBody,
        response: { 201: PushResult },
      },
    },
    async (request, reply) => reply.status(201).send(await pushOutcomes(ctxOf(request), request.body)),
  );

  app.post(
    "/journeys/import",
    importRoute("Import touchpoints or paths from CSV", JourneyImportBody),
    async (request, reply) =>
      answerImport(request, reply, "journey.write", (onProgress) =>
        importJourneys(ctxOf(request), request.body as z.infer<typeof JourneyImportBody>, onProgress),
      ),
  );

  app.post(
    "/journeys",
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags: ["value"],
        summary: "Push a batch of touchpoints",
        body: PushTouchpointsBody,
        response: { 201: PushResult },
      },
    },
    async (request, reply) => reply.status(201).send(await pushTouchpoints(ctxOf(request), request.body)),
  );

  app.get(
    "/journeys/summary",
    { schema: { tags: ["value"], summary: "What journey data is stored", response: { 200: JourneyData } } },
    async (request) => describeJourneyData(ctxOf(request)),
  );
};
