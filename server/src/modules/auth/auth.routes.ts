import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { authApi } from "#contracts/api/auth";
import { routeOf } from "../../lib/route";
import { readSessionCookie } from "../../plugins/auth";
import { ctxOf, publicCtxOf } from "../../plugins/request-context";
import { clearSessionCookies, setSessionCookie } from "../../plugins/session-cookie";
import { changeOwnPassword } from "../users/users.commands";
import { getMe, getSetupStatus, readNewSessionMe, setUpInstallation, signIn, signOut } from "./auth.service";

// Signs the browser in with the new session and answers with /me.
async function replyWithNewSession(request: FastifyRequest, reply: FastifyReply, token: string) {
  setSessionCookie(request, reply, token);
  return readNewSessionMe(publicCtxOf(request), token);
}

/** Setup, sign-in, sign-out and the signed-in user. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(authApi.setupStatus),
    config: { access: "public" },
    handler: async () => getSetupStatus(app.database),
  });

  app.route({
    ...routeOf(authApi.setUp),
    config: { access: "public" },
    handler: async (request, reply) => {
      const { token } = await setUpInstallation(publicCtxOf(request), request.body);
      return reply.status(201).send(await replyWithNewSession(request, reply, token));
    },
  });

  app.route({
    ...routeOf(authApi.signIn),
    config: { access: "public" },
    handler: async (request, reply) => {
      const { token } = await signIn(publicCtxOf(request), request.body);
      return replyWithNewSession(request, reply, token);
    },
  });

  app.route({
    ...routeOf(authApi.signOut),
    config: { access: "public" },
    handler: async (request, reply) => {
      if (request.actor?.via === "session") await signOut(ctxOf(request));
      if (readSessionCookie(request)) clearSessionCookies(request, reply);
      return { ok: true as const };
    },
  });

  app.route({
    ...routeOf(authApi.me),
    handler: async (request) => getMe(ctxOf(request), request.session),
  });

  app.route({
    ...routeOf(authApi.changePassword),
    handler: async (request) => changeOwnPassword(ctxOf(request), request.body),
  });
};
