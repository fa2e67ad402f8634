import { DemoAccountList, LoginBody, Me, SetupBody, SetupStatus } from "../auth";
import { Ok } from "../common";
import { ChangePasswordBody, PasswordChanged } from "../people";
import { defineRoute } from "../route";

const tags = ["auth"];

/** Setup, sign-in, sign-out, the signed-in user and the demo's accounts. */
export const authApi = {
  setupStatus: defineRoute({
    method: "GET",
    path: "/setup",
    tags,
    summary: "Whether the installation needs its setup",
    response: { 200: SetupStatus },
  }),
  setUp: defineRoute({
    method: "POST",
    path: "/setup",
    tags,
    summary: "Create the first workspace and its admin",
    body: SetupBody,
    response: { 201: Me },
  }),
  signIn: defineRoute({
    method: "POST",
    path: "/auth/login",
    tags,
    summary: "Sign in",
    body: LoginBody,
    response: { 200: Me },
  }),
  signOut: defineRoute({
    method: "POST",
    path: "/auth/logout",
    tags,
    summary: "Sign out of this browser",
    response: { 200: Ok },
  }),
  me: defineRoute({
    method: "GET",
    path: "/me",
    tags,
    summary: "The signed-in user, their workspace and the CSRF token",
    response: { 200: Me },
  }),
  changePassword: defineRoute({
    method: "POST",
    path: "/me/password",
    tags,
    summary: "Change your password (ends your other sessions, revokes your API tokens and calendar feed)",
    body: ChangePasswordBody,
    response: { 200: PasswordChanged },
  }),
  demoAccounts: defineRoute({
    method: "GET",
    path: "/auth/demo-accounts",
    tags,
    summary: "The demo company's accounts to sign in as (demo mode only; an empty list otherwise)",
    response: { 200: DemoAccountList },
  }),
};
