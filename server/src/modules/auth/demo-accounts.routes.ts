import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { DemoAccountList } from "../../../../contracts/auth";
import { DEMO_ACCOUNTS } from "../../cli/demo-accounts";
import { AppError } from "../../errors";

/** The demo's "sign in as": answered only when the server runs the demo, 404 otherwise. */
export const demoAccountsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/auth/demo-accounts",
    {
      config: { access: "public" },
      schema: {
        tags: ["auth"],
        summary: "The demo company's accounts to sign in as (demo mode only; 404 otherwise)",
        response: { 200: DemoAccountList },
      },
    },
    async () => {
      if (!app.isDemo) throw new AppError("not_found", "Not a demo installation");
      return { items: [...DEMO_ACCOUNTS] };
    },
  );
};
