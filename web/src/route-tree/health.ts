import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { healthSearch } from "../search-params";
import { appRoute, warm } from "./app";

const healthRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "health",
  validateSearch: healthSearch,
  loaderDeps: ({ search }) => ({ team: search.team }),
  loader: ({ context, deps }) =>
    warm(
      import("../features/health/hooks/use-health").then((m) =>
        context.queryClient.prefetchQuery(m.alignmentQuery(deps.team)),
      ),
    ),
  component: lazyRouteComponent(() => import("../routes/health"), "HealthPage"),
});

const healthPulseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "health/pulse",
  component: lazyRouteComponent(() => import("../routes/health-pulse"), "HealthPulsePage"),
});

const healthSurveysRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "health/surveys",
  component: lazyRouteComponent(() => import("../routes/health-surveys"), "HealthSurveysPage"),
});

const healthSurveyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "health/surveys/$id",
  component: lazyRouteComponent(() => import("../routes/health-survey"), "HealthSurveyPage"),
});

const healthItemsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "health/items",
  component: lazyRouteComponent(() => import("../routes/health-items"), "HealthItemsPage"),
});

/** Health's pages. */
export const healthRoutes = [
  healthRoute,
  healthPulseRoute,
  healthSurveysRoute,
  healthSurveyRoute,
  healthItemsRoute,
] as const;
