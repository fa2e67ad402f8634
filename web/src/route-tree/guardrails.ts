import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { guardrailsPolicySearch, guardrailsReviewsSearch } from "../search-params";
import { appRoute } from "./app";

const guardrailsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "guardrails",
  component: lazyRouteComponent(() => import("../routes/guardrails"), "GuardrailsPage"),
});

const guardrailsPolicyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "guardrails/policy",
  validateSearch: guardrailsPolicySearch,
  component: lazyRouteComponent(() => import("../routes/guardrails-policy"), "GuardrailsPolicyPage"),
});

const guardrailsReviewsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "guardrails/reviews",
  validateSearch: guardrailsReviewsSearch,
  component: lazyRouteComponent(() => import("../routes/guardrails-reviews"), "GuardrailsReviewsPage"),
});

const guardrailsSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "guardrails/settings",
  component: lazyRouteComponent(() => import("../routes/guardrails-settings"), "GuardrailsSettingsPage"),
});

/** Guardrails' pages. */
export const guardrailsRoutes = [
  guardrailsRoute,
  guardrailsPolicyRoute,
  guardrailsReviewsRoute,
  guardrailsSettingsRoute,
] as const;
