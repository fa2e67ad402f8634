import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { stackSearch } from "../search-params";
import { appRoute, warm } from "./app";

const stackRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "stack",
  validateSearch: stackSearch,
  loaderDeps: ({ search: { open: _, ...filters } }) => filters,
  loader: ({ context, deps }) =>
    warm(
      import("../features/stack/hooks/use-stack").then((m) =>
        context.queryClient.prefetchInfiniteQuery(m.toolsPages(deps)),
      ),
    ),
  component: lazyRouteComponent(() => import("../routes/stack"), "StackPage"),
});

const stackToolRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "stack/tools/$id",
  loader: ({ context, params }) =>
    warm(
      import("../features/stack/hooks/use-stack").then((m) =>
        context.queryClient.prefetchQuery(m.toolQuery(params.id)),
      ),
    ),
  component: lazyRouteComponent(() => import("../routes/stack-tool"), "StackToolPage"),
});

const stackGraphRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "stack/graph",
  component: lazyRouteComponent(() => import("../routes/stack-graph"), "StackGraphPage"),
});

const stackRenewalsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "stack/renewals",
  component: lazyRouteComponent(() => import("../routes/stack-renewals"), "StackRenewalsPage"),
});

const stackComplianceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "stack/compliance",
  component: lazyRouteComponent(() => import("../routes/stack-compliance"), "StackCompliancePage"),
});

const stackOverlapsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "stack/overlaps",
  component: lazyRouteComponent(() => import("../routes/stack-overlaps"), "StackOverlapsPage"),
});

const stackPortfolioRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "stack/portfolio",
  component: lazyRouteComponent(() => import("../routes/stack-portfolio"), "StackChartsPage"),
});

const stackTaxonomyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "stack/taxonomy",
  component: lazyRouteComponent(() => import("../routes/stack-taxonomy"), "StackTaxonomyPage"),
});

const stackDiscoveryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "stack/discovery",
  component: lazyRouteComponent(() => import("../routes/stack-discovery"), "StackDiscoveryPage"),
});

/** The Stack's pages. */
export const stackRoutes = [
  stackRoute,
  stackToolRoute,
  stackGraphRoute,
  stackRenewalsRoute,
  stackComplianceRoute,
  stackOverlapsRoute,
  stackPortfolioRoute,
  stackTaxonomyRoute,
  stackDiscoveryRoute,
] as const;
