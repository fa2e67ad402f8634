import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { PulseCadence, UpdatePulseCadenceBody } from "#contracts/health";
import { ctxOf } from "../../plugins/request-context";
import { readCadence, saveCadence } from "./cadence.service";

const tags = ["health"];

/** Health's pulse cadence: when pulses launch on their own, and how long the rotation takes to ask the whole bank. */
export const cadenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/pulse-cadence",
    { schema: { tags, summary: "The pulse cadence and the next pulse's day", response: { 200: PulseCadence } } },
    async (request) => readCadence(ctxOf(request)),
  );

  app.put(
    "/pulse-cadence",
    {
      schema: {
        tags,
        summary: "Set the pulse cadence (admins)",
        body: UpdatePulseCadenceBody,
        response: { 200: PulseCadence },
      },
    },
    async (request) => saveCadence(ctxOf(request), request.body),
  );
};
