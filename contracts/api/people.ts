import { Me } from "../auth";
import { IdParams } from "../common";
import {
  AcceptInvitationBody,
  CreatedInvitation,
  CreateInvitationBody,
  CreateTeamBody,
  Invitation,
  InvitationList,
  InvitationListQuery,
  InvitationPreview,
  InvitationTokenBody,
  Team,
  TeamList,
  TeamListQuery,
  UpdateTeamBody,
  UpdateUserBody,
  User,
  UserList,
  UserListQuery,
} from "../people";
import { defineRoute } from "../route";

const tags = ["people"];

/** People of the workspace. */
export const usersApi = {
  list: defineRoute({
    method: "GET",
    path: "/users",
    tags,
    summary: "List people",
    query: UserListQuery,
    response: { 200: UserList },
  }),
  get: defineRoute({
    method: "GET",
    path: "/users/:id",
    tags,
    summary: "One person",
    params: IdParams,
    response: { 200: User },
  }),
  update: defineRoute({
    method: "PATCH",
    path: "/users/:id",
    tags,
    summary: "Edit a person: name (self or admin); team, role, status (admin)",
    params: IdParams,
    body: UpdateUserBody,
    response: { 200: User },
  }),
};

/** Teams of the workspace. */
export const teamsApi = {
  list: defineRoute({
    method: "GET",
    path: "/teams",
    tags,
    summary: "List teams",
    query: TeamListQuery,
    response: { 200: TeamList },
  }),
  get: defineRoute({
    method: "GET",
    path: "/teams/:id",
    tags,
    summary: "One team",
    params: IdParams,
    response: { 200: Team },
  }),
  create: defineRoute({
    method: "POST",
    path: "/teams",
    tags,
    summary: "Add a team (admins)",
    body: CreateTeamBody,
    response: { 201: Team },
  }),
  update: defineRoute({
    method: "PATCH",
    path: "/teams/:id",
    tags,
    summary: "Rename a team (admins)",
    params: IdParams,
    body: UpdateTeamBody,
    response: { 200: Team },
  }),
};

/** Invitations: admins send them; the invitee previews and accepts with the secret from the link. */
export const invitationsApi = {
  list: defineRoute({
    method: "GET",
    path: "/invitations",
    tags,
    summary: "List invitations (admins)",
    query: InvitationListQuery,
    response: { 200: InvitationList },
  }),
  create: defineRoute({
    method: "POST",
    path: "/invitations",
    tags,
    summary: "Invite someone (admins); the link is shown once and works for 7 days",
    body: CreateInvitationBody,
    response: { 201: CreatedInvitation },
  }),
  revoke: defineRoute({
    method: "DELETE",
    path: "/invitations/:id",
    tags,
    summary: "Revoke a pending invitation (admins)",
    params: IdParams,
    response: { 200: Invitation },
  }),
  preview: defineRoute({
    method: "POST",
    path: "/invitations/preview",
    tags,
    summary: "What an invitation link offers",
    body: InvitationTokenBody,
    response: { 200: InvitationPreview },
  }),
  accept: defineRoute({
    method: "POST",
    path: "/invitations/accept",
    tags,
    summary: "Accept an invitation: create the account and sign in",
    body: AcceptInvitationBody,
    response: { 201: Me },
  }),
};
