import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { experimentsSearch, learningsSearch } from "../search-params";
import { appRoute, warm } from "./app";

const experimentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "experiments",
  validateSearch: experimentsSearch,
  loaderDeps: ({ search: { open: _, ...filters } }) => filters,
  loader: ({ context, deps }) =>
    warm(
      import("../features/experiments/hooks/use-experiments").then((m) =>
        context.queryClient.prefetchInfiniteQuery(m.experimentsPages(deps)),
      ),
    ),
  component: lazyRouteComponent(() => import("../routes/experiments"), "ExperimentsPage"),
});

const experimentLearningsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "experiments/learnings",
  validateSearch: learningsSearch,
  component: lazyRouteComponent(() => import("../routes/experiments-learnings"), "ExperimentLearningsPage"),
});

const experimentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "experiments/$id",
  loader: ({ context, params }) =>
    warm(
      import("../features/experiments/hooks/use-experiments").then((m) =>
        context.queryClient.prefetchQuery(m.experimentQuery(params.id)),
      ),
    ),
  component: lazyRouteComponent(() => import("../routes/experiment"), "ExperimentPage"),
});

/** Experiments' pages. */
export const experimentsRoutes = [experimentsRoute, experimentLearningsRoute, experimentRoute] as const;
