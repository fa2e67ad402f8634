import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { LoginBody, Me, SetupBody, SetupStatus } from "../../../../contracts/auth";
import { Ok } from "../../../../contracts/common";
import { ChangePasswordBody, PasswordChanged } from "../../../../contracts/people";
import { AppError } from "../../errors";
import { isSecureContext, PLAIN_SESSION_COOKIE, readSessionCookie, SESSION_COOKIE } from "../../plugins/auth";
import { ctxOf, publicCtxOf } from "../../plugins/request-context";
import { resolveSessionActor, SESSION_ABSOLUTE_MS } from "../sessions/sessions.service";
import { changeOwnPassword } from "../users/users.service";
import { getMe, getSetupStatus, setUpInstallation, signIn, signOut } from "./auth.service";

/** Sets the session cookie: `__Host-`, Secure where the browser allows it, HttpOnly, SameSite=Lax. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  const secure = isSecureContext(request);
  reply.setCookie(secure ? SESSION_COOKIE : PLAIN_SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure,
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  });
}

function clearSessionCookies(request: FastifyRequest, reply: FastifyReply) {
  if (request.cookies[SESSION_COOKIE] !== undefined) {
    reply.clearCookie(SESSION_COOKIE, { path: "/", secure: true, httpOnly: true, sameSite: "lax" });
  }
  if (request.cookies[PLAIN_SESSION_COOKIE] !== undefined) {
    reply.clearCookie(PLAIN_SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "lax" });
  }
}

/** Signs the browser in with a new session and answers with /me. */
export async function replyWithNewSession(request: FastifyRequest, reply: FastifyReply, token: string) {
  setSessionCookie(request, reply, token);
  const now = request.server.now();
  const resolved = await resolveSessionActor(request.server.database, token, now);
  if (!resolved) throw new AppError("internal_error", "The new session could not be read back");
  const ctx = { database: request.server.database, actor: resolved.actor, ip: request.ip, now };
  return getMe(ctx, resolved);
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
