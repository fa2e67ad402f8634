import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { LoginBody, Me, SetupBody, SetupStatus } from "#contracts/auth";
import { Ok } from "#contracts/common";
import { ChangePasswordBody, PasswordChanged } from "#contracts/people";
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
  app.get(
    "/setup",
    {
      config: { access: "public" },
      schema: { tags: ["auth"], summary: "Whether the installation needs its setup", response: { 200: SetupStatus } },
    },
    async () => getSetupStatus(app.database),
  );

  app.post(
    "/setup",
    {
      config: { access: "public" },
      schema: {
        tags: ["auth"],
        summary: "Create the first workspace and its admin",
        body: SetupBody,
        response: { 201: Me },
      },
    },
    async (request, reply) => {
      const { token } = await setUpInstallation(publicCtxOf(request), request.body);
      return reply.status(201).send(await replyWithNewSession(request, reply, token));
    },
  );

  app.post(
    "/auth/login",
    {
      config: { access: "public" },
      schema: { tags: ["auth"], summary: "Sign in", body: LoginBody, response: { 200: Me } },
    },
    async (request, reply) => {
      const { token } = await signIn(publicCtxOf(request), request.body);
      return replyWithNewSession(request, reply, token);
    },
  );

  app.post(
    "/auth/logout",
    {
      config: { access: "public" },
      schema: { tags: ["auth"], summary: "Sign out of this browser", response: { 200: Ok } },
    },
    async (request, reply) => {
      if (request.actor?.via === "session") await signOut(ctxOf(request));
      if (readSessionCookie(request)) clearSessionCookies(request, reply);
      return { ok: true as const };
    },
  );

  app.get(
    "/me",
    {
      schema: {
        tags: ["auth"],
        summary: "The signed-in user, their workspace and the CSRF token",
        response: { 200: Me },
      },
    },
    async (request) => getMe(ctxOf(request), request.session),
  );

  app.post(
    "/me/password",
    {
      schema: {
        tags: ["auth"],
        summary: "Change your password (ends your other sessions, revokes your API tokens and calendar feed)",
        body: ChangePasswordBody,
        response: { 200: PasswordChanged },
      },
    },
    async (request) => changeOwnPassword(ctxOf(request), request.body),
  );
};
