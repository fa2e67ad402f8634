import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { invitationsApi } from "#contracts/api/people";
import { routeOf } from "../../lib/route";
import { ctxOf, publicCtxOf } from "../../plugins/request-context";
import { setSessionCookie } from "../../plugins/session-cookie";
import { readNewSessionMe } from "../auth/auth.commands";
import { presentInvitation } from "./invitations.presenter";
import {
  acceptInvitation,
  cancelInvitation,
  inviteUser,
  listWorkspaceInvitations,
  previewInvitation,
} from "./invitations.service";

/** Invitations: admins send them; the invitee previews and accepts with the secret from the link. */
export const invitationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(invitationsApi.list),
    handler: async (request) => {
      const ctx = ctxOf(request);
      const page = await listWorkspaceInvitations(ctx, request.query);
      return { items: page.items.map((row) => presentInvitation(row, ctx.now)), nextCursor: page.nextCursor };
    },
  });

  app.route({
    ...routeOf(invitationsApi.create),
    handler: async (request, reply) => {
      const ctx = ctxOf(request);
      const { row, token } = await inviteUser(ctx, request.body);
      const base = app.publicUrl ?? `${request.protocol}://${request.host}`;
      // The secret rides in the fragment, which browsers never send to servers or in Referer headers.
      const url = `${base.replace(/\/$/, "")}/accept-invite#token=${token}`;
      return reply.status(201).send({ ...presentInvitation(row, ctx.now), token, url });
    },
  });

  app.route({
    ...routeOf(invitationsApi.revoke),
    handler: async (request) => {
      const ctx = ctxOf(request);
      return presentInvitation(await cancelInvitation(ctx, request.params.id), ctx.now);
    },
  });

  app.route({
    ...routeOf(invitationsApi.preview),
    config: { access: "public" },
    handler: async (request) => previewInvitation(publicCtxOf(request), request.body.token),
  });

  app.route({
    ...routeOf(invitationsApi.accept),
    config: { access: "public" },
    handler: async (request, reply) => {
      const { token } = await acceptInvitation(publicCtxOf(request), request.body);
      setSessionCookie(request, reply, token);
      return reply.status(201).send(await readNewSessionMe(publicCtxOf(request), token));
    },
  });
};
