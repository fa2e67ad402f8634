import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { pipelineSearch } from "../search-params";
import { appRoute, warm } from "./app";

const pipelineRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "pipeline",
  validateSearch: pipelineSearch,
  // The same filters the backlog page reads: every open request unless a stage is chosen.
  loaderDeps: ({ search }) => ({ ...search, stage: search.stage ?? ("open" as const) }),
  loader: ({ context, deps }) =>
    warm(
      import("../features/pipeline/hooks/use-pipeline").then((m) =>
        context.queryClient.prefetchInfiniteQuery(m.requestsQuery(deps)),
      ),
    ),
  component: lazyRouteComponent(() => import("../routes/pipeline"), "PipelineBacklogPage"),
});

const pipelineMyWorkRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "pipeline/my-work",
  component: lazyRouteComponent(() => import("../routes/pipeline"), "PipelineMyWorkPage"),
});

const pipelineBoardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "pipeline/board",
  component: lazyRouteComponent(() => import("../routes/pipeline-board"), "PipelineBoardPage"),
});

const pipelineValueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "pipeline/value",
  component: lazyRouteComponent(() => import("../routes/pipeline-value"), "PipelineValuePage"),
});

const pipelineRulesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "pipeline/rules",
  component: lazyRouteComponent(() => import("../routes/pipeline-rules"), "PipelineRulesPage"),
});

const pipelineEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "pipeline/requests/$id/edit",
  component: lazyRouteComponent(() => import("../routes/pipeline-edit"), "PipelineEditPage"),
});

const pipelineNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "pipeline/new",
  component: lazyRouteComponent(() => import("../routes/pipeline-new"), "PipelineNewPage"),
});

const pipelineRequestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "pipeline/requests/$id",
  loader: ({ context, params }) =>
    warm(
      import("../features/pipeline/hooks/use-pipeline").then((m) =>
        context.queryClient.prefetchQuery(m.requestQuery(params.id)),
      ),
    ),
  component: lazyRouteComponent(() => import("../routes/pipeline-request"), "PipelineRequestPage"),
});

const serviceLevelsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "service-levels",
  component: lazyRouteComponent(() => import("../routes/service-levels"), "ServiceLevelsPage"),
});

/** The Pipeline's pages and the service levels. */
export const pipelineRoutes = [
  pipelineRoute,
  pipelineMyWorkRoute,
  pipelineBoardRoute,
  pipelineValueRoute,
  pipelineRulesRoute,
  pipelineEditRoute,
  pipelineNewRoute,
  pipelineRequestRoute,
  serviceLevelsRoute,
] as const;
