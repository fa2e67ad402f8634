import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { scorecardSearch } from "../search-params";
import { appRoute, warm } from "./app";

const scorecardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "scorecard",
  validateSearch: scorecardSearch,
  loaderDeps: ({ search }) => ({ asOf: search.asOf, scope: search.scope ?? ("active" as const) }),
  loader: ({ context, deps }) =>
    warm(
      import("../features/scorecard/hooks/review-query").then((m) =>
        context.queryClient.prefetchQuery(m.reviewQuery(deps.asOf, deps.scope)),
      ),
    ),
  component: lazyRouteComponent(() => import("../routes/scorecard"), "ScorecardPage"),
});

const scorecardKpiRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "scorecard/kpis/$id",
  component: lazyRouteComponent(() => import("../routes/scorecard-kpi"), "ScorecardKpiPage"),
});

const scorecardMeasuredRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "scorecard/measured",
  component: lazyRouteComponent(() => import("../routes/scorecard-measured"), "ScorecardMeasuredPage"),
});

const scorecardReviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "scorecard/review",
  validateSearch: scorecardSearch,
  component: lazyRouteComponent(() => import("../routes/scorecard-review"), "ScorecardReviewPage"),
});

const scorecardSegmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "scorecard/segments",
  component: lazyRouteComponent(() => import("../routes/scorecard-segments"), "ScorecardSegmentsPage"),
});

/** The Scorecard's pages. */
export const scorecardRoutes = [
  scorecardRoute,
  scorecardKpiRoute,
  scorecardMeasuredRoute,
  scorecardReviewRoute,
  scorecardSegmentsRoute,
] as const;
