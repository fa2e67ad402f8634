import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { DemoAccountList } from "#contracts/auth";
import { DEMO_ACCOUNTS } from "../../cli/demo-accounts";

/**
 * The demo's "sign in as": the demo accounts when the server runs the demo, an empty list otherwise (a 404 would be
 * an error in every sign-in page's console).
 */
export const demoAccountsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/auth/demo-accounts",
    {
      config: { access: "public" },
      schema: {
        tags: ["auth"],
        summary: "The demo company's accounts to sign in as (demo mode only; an empty list otherwise)",
        response: { 200: DemoAccountList },
      },
    },
    async () => ({ items: app.isDemo ? [...DEMO_ACCOUNTS] : [] }),
  );
};
