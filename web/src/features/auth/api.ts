import { authApi } from "#contracts/api/auth";
import type { LoginBody, Me, SetupBody } from "#contracts/auth";
import { call, isApiError, setCsrfToken } from "../../lib/api";

/** Keeps the CSRF token of whoever just signed in and hands the user back. */
export function remember(me: Me): Me {
  setCsrfToken(me.csrfToken);
  return me;
}

/** The signed-in user, or null when nobody is signed in. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return remember(await call(authApi.me, {}, { isAuthCall: true }));
  } catch (error) {
    if (isApiError(error, "unauthenticated")) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Creates the workspace and its first admin, and signs them in. */
export async function setUp(body: SetupBody): Promise<Me> {
  return remember(await call(authApi.setUp, { body }, { isAuthCall: true }));
}

/** Signs in with email and password. */
export async function signIn(body: LoginBody): Promise<Me> {
  return remember(await call(authApi.signIn, { body }, { isAuthCall: true }));
}

/** Ends this browser's session. */
export async function signOut(): Promise<void> {
  await call(authApi.signOut, {}, { isAuthCall: true });
  setCsrfToken(null);
}
