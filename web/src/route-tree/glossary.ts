import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { glossarySearch } from "../search-params";
import { appRoute, warm } from "./app";

const glossaryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "glossary",
  validateSearch: glossarySearch,
  component: lazyRouteComponent(() => import("../routes/glossary"), "GlossaryPage"),
});

const glossaryTermRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "glossary/terms/$id",
  loader: ({ context, params }) =>
    warm(
      import("../features/glossary/hooks/use-glossary").then((m) =>
        context.queryClient.prefetchQuery(m.termQuery(params.id)),
      ),
    ),
  component: lazyRouteComponent(() => import("../routes/glossary-term"), "GlossaryTermPage"),
});

const glossaryClashesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "glossary/clashes",
  component: lazyRouteComponent(() => import("../routes/glossary-clashes"), "GlossaryClashesPage"),
});

/** The Glossary's pages. */
export const glossaryRoutes = [glossaryRoute, glossaryTermRoute, glossaryClashesRoute] as const;
