import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, createRoute, lazyRouteComponent, Outlet, redirect } from "@tanstack/react-router";
import { PageError } from "../components/ui/page-error";
import { meQuery, setupStatusQuery } from "../features/auth/hooks/use-me";
import { AppLayout } from "../features/shell/components/app-layout";
import { NotFoundPage } from "../routes/not-found";
import { signInSearch } from "../search-params";

/** What every route's loaders and guards can reach. */
export interface RouterContext {
  queryClient: QueryClient;
}

/**
 * A route loader's work: the page's first data asked for while the page's code loads, so the two arrive together.
 * The feature's query module is imported lazily (it belongs to the page's chunk anyway), so the shell's first load
 * does not grow; the loader does not wait: the page shows its own loading and error states.
 */
export function warm(work: Promise<unknown>): void {
  void work.catch(() => undefined); // a failed chunk load is the page's own error to show
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

export const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "setup",
  beforeLoad: async ({ context }) => {
    const status = await context.queryClient.fetchQuery(setupStatusQuery);
    if (!status.needsSetup) throw redirect({ to: "/sign-in", search: { redirect: undefined } });
  },
  component: lazyRouteComponent(() => import("../routes/setup"), "SetupPage"),
});

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "sign-in",
  validateSearch: signInSearch,
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (me) throw redirect({ to: "/" });
    const status = await context.queryClient.fetchQuery(setupStatusQuery);
    if (status.needsSetup) throw redirect({ to: "/setup" });
  },
  component: lazyRouteComponent(() => import("../routes/sign-in"), "SignInPage"),
});

export const acceptInviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "accept-invite",
  component: lazyRouteComponent(() => import("../routes/accept-invite"), "AcceptInvitePage"),
});

/** Everything behind the sign-in: loads the user first, or sends them to setup or sign-in. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "app",
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) {
      const status = await context.queryClient.fetchQuery(setupStatusQuery);
      if (status.needsSetup) throw redirect({ to: "/setup" });
      const target = location.href === "/" ? undefined : location.href;
      throw redirect({ to: "/sign-in", search: { redirect: target } });
    }
    return { me };
  },
  component: AppLayout,
  errorComponent: PageError,
});

export const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/",
  loader: ({ context }) =>
    warm(import("../features/home/hooks/use-home").then((m) => context.queryClient.prefetchQuery(m.homeQuery))),
  component: lazyRouteComponent(() => import("../routes/home"), "HomePage"),
});
