import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { attributionRoutes } from "./attribution.routes";
import { journeysRoutes } from "./journeys.routes";
import { spendRoutes } from "./spend.routes";

/** Value: the spend ledger, outcomes and journeys, attribution runs and the which-half view. */
export const valueRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(spendRoutes);
  await app.register(journeysRoutes);
  await app.register(attributionRoutes);
};
