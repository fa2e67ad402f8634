import type { QueryClient } from "@tanstack/react-query";
import { createRouter } from "@tanstack/react-router";
import { PageError } from "./components/ui/page-error";
import { PageLoader } from "./components/ui/page-loader";
import { adminRoutes } from "./route-tree/admin";
import { acceptInviteRoute, appRoute, homeRoute, rootRoute, setupRoute, signInRoute } from "./route-tree/app";
import { experimentsRoutes } from "./route-tree/experiments";
import { glossaryRoutes } from "./route-tree/glossary";
import { guardrailsRoutes } from "./route-tree/guardrails";
import { healthRoutes } from "./route-tree/health";
import { pipelineRoutes } from "./route-tree/pipeline";
import { ritualsRoutes } from "./route-tree/rituals";
import { scorecardRoutes } from "./route-tree/scorecard";
import { stackRoutes } from "./route-tree/stack";
import { valueRoutes } from "./route-tree/value";

export type { RouterContext } from "./route-tree/app";

// The route tree: the public pages, then everything behind the sign-in, one file per area in route-tree/.
const routeTree = rootRoute.addChildren([
  setupRoute,
  signInRoute,
  acceptInviteRoute,
  appRoute.addChildren([
    homeRoute,
    ...scorecardRoutes,
    ...ritualsRoutes,
    ...glossaryRoutes,
    ...guardrailsRoutes,
    ...healthRoutes,
    ...stackRoutes,
    ...valueRoutes,
    ...experimentsRoutes,
    ...pipelineRoutes,
    ...adminRoutes,
  ]),
]);

/** Builds the app's router around the shared query client. */
export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    // TanStack Query already caches; the router should not keep a second copy.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: PageLoader,
    defaultPendingMs: 150,
    defaultErrorComponent: PageError,
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
