import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { commitmentsSearch } from "../search-params";
import { appRoute, warm } from "./app";

const ritualsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "rituals",
  loader: ({ context }) =>
    warm(
      import("../features/rituals/hooks/use-rituals").then((m) => context.queryClient.prefetchQuery(m.seriesListQuery)),
    ),
  component: lazyRouteComponent(() => import("../routes/rituals"), "RitualsPage"),
});

const ritualsSeriesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "rituals/series/$id",
  component: lazyRouteComponent(() => import("../routes/rituals-series"), "RitualsSeriesPage"),
});

const ritualsMeetingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "rituals/meetings/$id",
  loader: ({ context, params }) =>
    warm(
      import("../features/rituals/hooks/use-rituals").then((m) =>
        context.queryClient.prefetchQuery(m.agendaQuery(params.id)),
      ),
    ),
  component: lazyRouteComponent(() => import("../routes/rituals-meeting"), "RitualsMeetingPage"),
});

const ritualsMinutesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "rituals/meetings/$id/minutes",
  component: lazyRouteComponent(() => import("../routes/rituals-minutes"), "RitualsMinutesPage"),
});

/** My commitments: which ones (open by default) and the one a link points at. */
const ritualsCommitmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "rituals/commitments",
  validateSearch: commitmentsSearch,
  component: lazyRouteComponent(() => import("../routes/rituals-commitments"), "RitualsCommitmentsPage"),
});

const ritualsJobSwapsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "rituals/job-swaps",
  component: lazyRouteComponent(() => import("../routes/rituals-job-swaps"), "RitualsJobSwapsPage"),
});

/** Rituals' pages. */
export const ritualsRoutes = [
  ritualsRoute,
  ritualsSeriesRoute,
  ritualsMeetingRoute,
  ritualsMinutesRoute,
  ritualsCommitmentsRoute,
  ritualsJobSwapsRoute,
] as const;
