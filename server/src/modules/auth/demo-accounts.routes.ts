import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { authApi } from "#contracts/api/auth";
import { DEMO_ACCOUNTS } from "../../cli/demo-accounts";
import { routeOf } from "../../lib/route";

/**
 * The demo's "sign in as": the demo accounts when the server runs the demo, an empty list otherwise (a 404 would be
 * an error in every sign-in page's console).
 */
export const demoAccountsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(authApi.demoAccounts),
    config: { access: "public" },
    handler: async () => ({ items: app.isDemo ? [...DEMO_ACCOUNTS] : [] }),
  });
};
