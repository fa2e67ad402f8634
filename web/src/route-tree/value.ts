import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appRoute } from "./app";

const valueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "value",
  component: lazyRouteComponent(() => import("../routes/value"), "ValueLedgerPage"),
});

const valueDataRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "value/data",
  component: lazyRouteComponent(() => import("../routes/value-data"), "ValueDataPage"),
});

const valueRunsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "value/runs",
  component: lazyRouteComponent(() => import("../routes/value-runs"), "ValueRunsPage"),
});

const valueRunRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "value/runs/$id",
  component: lazyRouteComponent(() => import("../routes/value-run"), "ValueRunPage"),
});

const valueWhichHalfRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "value/runs/$id/which-half",
  component: lazyRouteComponent(() => import("../routes/value-which-half"), "ValueWhichHalfPage"),
});

/** Value's pages. */
export const valueRoutes = [valueRoute, valueDataRoute, valueRunsRoute, valueRunRoute, valueWhichHalfRoute] as const;
