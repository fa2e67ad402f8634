import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { Me } from "#contracts/auth";
import { IdParams } from "#contracts/common";
import {
  AcceptInvitationBody,
  CreatedInvitation,
  CreateInvitationBody,
  Invitation,
  InvitationList,
  InvitationListQuery,
  InvitationPreview,
  InvitationTokenBody,
} from "#contracts/people";
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
  app.get(
    "/invitations",
    {
      schema: {
        tags: ["people"],
        summary: "List invitations (admins)",
        querystring: InvitationListQuery,
        response: { 200: InvitationList },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const page = await listWorkspaceInvitations(ctx, request.query);
      return { items: page.items.map((row) => presentInvitation(row, ctx.now)), nextCursor: page.nextCursor };
    },
  );

  app.post(
    "/invitations",
    {
      schema: {
        tags: ["people"],
        summary: "Invite someone (admins); the link is shown once and works for 7 days",
        body: CreateInvitationBody,
        response: { 201: CreatedInvitation },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const { row, token } = await inviteUser(ctx, request.body);
      const base = app.publicUrl ?? `${request.protocol}://${request.host}`;
      // The secret rides in the fragment, which browsers never send to servers or in Referer headers.
      const url = `${base.replace(/\/$/, "")}/accept-invite#token=${token}`;
      return reply.status(201).send({ ...presentInvitation(row, ctx.now), token, url });
    },
  );

  app.delete(
    "/invitations/:id",
    {
      schema: {
        tags: ["people"],
        summary: "Revoke a pending invitation (admins)",
        params: IdParams,
        response: { 200: Invitation },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return presentInvitation(await cancelInvitation(ctx, request.params.id), ctx.now);
    },
  );

  app.post(
    "/invitations/preview",
    {
      config: { access: "public" },
      schema: {
        tags: ["people"],
        summary: "What an invitation link offers",
        body: InvitationTokenBody,
        response: { 200: InvitationPreview },
      },
    },
    async (request) => previewInvitation(publicCtxOf(request), request.body.token),
  );

  app.post(
    "/invitations/accept",
    {
      config: { access: "public" },
      schema: {
        tags: ["people"],
        summary: "Accept an invitation: create the account and sign in",
        body: AcceptInvitationBody,
        response: { 201: Me },
      },
    },
    async (request, reply) => {
      const { token } = await acceptInvitation(publicCtxOf(request), request.body);
      setSessionCookie(request, reply, token);
      return reply.status(201).send(await readNewSessionMe(publicCtxOf(request), token));
    },
  );
};
