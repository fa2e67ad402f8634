import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { openSearch, peopleSearch } from "../search-params";
import { appRoute, warm } from "./app";

const peopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "people",
  validateSearch: peopleSearch,
  loaderDeps: ({ search: { open: _, ...filters } }) => filters,
  loader: ({ context, deps }) =>
    warm(
      import("../features/people/hooks/use-people").then((m) =>
        context.queryClient.prefetchInfiniteQuery(m.peopleQuery(deps)),
      ),
    ),
  component: lazyRouteComponent(() => import("../routes/people"), "PeoplePage"),
});

const teamsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "teams",
  component: lazyRouteComponent(() => import("../routes/teams"), "TeamsPage"),
});

const sessionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "sessions",
  component: lazyRouteComponent(() => import("../routes/sessions"), "SessionsPage"),
});

const tokensRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "tokens",
  validateSearch: openSearch,
  component: lazyRouteComponent(() => import("../routes/tokens"), "TokensPage"),
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "audit",
  component: lazyRouteComponent(() => import("../routes/audit"), "AuditPage"),
});

const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "account",
  component: lazyRouteComponent(() => import("../routes/account"), "AccountPage"),
});

/** People, teams, sessions, API tokens, the audit log and the account. */
export const adminRoutes = [peopleRoute, teamsRoute, sessionsRoute, tokensRoute, auditRoute, accountRoute] as const;
