import type { FastifyReply, FastifyRequest } from "fastify";
import { SESSION_ABSOLUTE_MS } from "../modules/sessions/sessions.commands";
import { isSecureContext, PLAIN_SESSION_COOKIE, SESSION_COOKIE } from "./auth";

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

/** Clears whichever session cookies the browser sent. */
export function clearSessionCookies(request: FastifyRequest, reply: FastifyReply) {
  if (request.cookies[SESSION_COOKIE] !== undefined) {
    reply.clearCookie(SESSION_COOKIE, { path: "/", secure: true, httpOnly: true, sameSite: "lax" });
  }
  if (request.cookies[PLAIN_SESSION_COOKIE] !== undefined) {
    reply.clearCookie(PLAIN_SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "lax" });
  }
}
