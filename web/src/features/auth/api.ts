import type { LoginBody, Me, SetupBody } from "#contracts/auth";
import type { ChangePasswordBody, PasswordChanged } from "#contracts/people";
import { api, isApiError, setCsrfToken } from "../../lib/api";

/** Keeps the CSRF token of whoever just signed in and hands the user back. */
function remember(me: Me): Me {
  setCsrfToken(me.csrfToken);
  return me;
}

/** The signed-in user, or null when nobody is signed in. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return remember(await api<Me>("/me", { isAuthCall: true }));
  } catch (error) {
    if (isApiError(error, "unauthenticated")) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Whether the installation still needs its first workspace. */
export function fetchSetupStatus(): Promise<{ needsSetup: boolean }> {
  return api("/setup", { isAuthCall: true });
}

/** Creates the workspace and its first admin, and signs them in. */
export async function setUp(body: SetupBody): Promise<Me> {
  return remember(await api<Me>("/setup", { method: "POST", body, isAuthCall: true }));
}

/** Signs in with email and password. */
export async function signIn(body: LoginBody): Promise<Me> {
  return remember(await api<Me>("/auth/login", { method: "POST", body, isAuthCall: true }));
}

/** Ends this browser's session. */
export async function signOut(): Promise<void> {
  await api("/auth/logout", { method: "POST", isAuthCall: true });
  setCsrfToken(null);
}

/** Changes the signed-in user's password; the server ends their other sessions, API tokens and calendar feed. */
export function changePassword(body: ChangePasswordBody): Promise<PasswordChanged> {
  return api("/me/password", { method: "POST", body });
}
