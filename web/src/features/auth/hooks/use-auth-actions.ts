import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { authApi } from "#contracts/api/auth";
import type { LoginBody, Me, SetupBody } from "#contracts/auth";
import type { ChangePasswordBody } from "#contracts/people";
import { call } from "../../../lib/api";
import { setUp, signIn, signOut } from "../api";
import { meQuery, setupStatusQuery } from "./use-me";

/** Whatever was cached for the previous user must not leak into the next one's screens. */
function useStartSession() {
  const queryClient = useQueryClient();
  return (me: Me) => {
    queryClient.clear();
    queryClient.setQueryData(meQuery.queryKey, me);
    queryClient.setQueryData(setupStatusQuery.queryKey, { needsSetup: false });
  };
}

/** Signs in, then goes where the person was headed. */
export function useSignIn(redirectTo: string | undefined) {
  const startSession = useStartSession();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (body: LoginBody) => signIn(body),
    onSuccess: async (me) => {
      startSession(me);
      await navigate({ to: safeRedirect(redirectTo) });
    },
  });
}

/** Creates the workspace and its first admin. */
export function useSetUp() {
  const startSession = useStartSession();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (body: SetupBody) => setUp(body),
    onSuccess: async (me) => {
      startSession(me);
      await navigate({ to: "/" });
    },
  });
}

/** Signs in with an account just created from an invitation. */
export function useStartSessionFromMe() {
  return useStartSession();
}

/** Signs out and returns to the sign-in page. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: signOut,
    onSettled: async () => {
      queryClient.clear();
      queryClient.setQueryData(meQuery.queryKey, null);
      await navigate({ to: "/sign-in", search: { redirect: undefined } });
    },
  });
}

/** Changes the signed-in user's password. */
export function useChangePassword() {
  // The server ends the person's other sessions, API tokens and calendar feed.
  return useMutation({ mutationFn: (body: ChangePasswordBody) => call(authApi.changePassword, { body }) });
}

/** Only same-app paths: a redirect parameter must never send someone to another site. */
export function safeRedirect(target: string | undefined): string {
  if (!target?.startsWith("/") || target.startsWith("//") || target.startsWith("/sign-in")) return "/";
  return target;
}
