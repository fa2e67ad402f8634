import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import { PageError } from "./components/ui/page-error";
import { PageLoader } from "./components/ui/page-loader";
import { meQuery, setupStatusQuery } from "./features/auth/hooks/use-me";
import { reviewQuery } from "./features/scorecard/hooks/review-query";
import { AppLayout } from "./features/shell/components/app-layout";
import { NotFoundPage } from "./routes/not-found";
import {
  commitmentsSearch,
  experimentsSearch,
  glossarySearch,
  guardrailsPolicySearch,
  guardrailsReviewsSearch,
  healthSearch,
  learningsSearch,
  openSearch,
  peopleSearch,
  pipelineSearch,
  scorecardSearch,
  signInSearch,
  stackSearch,
} from "./search-params";

/** What every route's loaders and guards can reach. */
export interface RouterContext {
  queryClient: QueryClient;
}

/**
 * A route loader's work: the page's first data asked for while the page's code loads, so the two arrive together.
 * The feature's query module is imported lazily (it belongs to the page's chunk anyway), so the shell's first load
 * does not grow; the loader does not wait: the page shows its own loading and error states.
 */
function warm(work: Promise<unknown>): void {
  void work.catch(() => undefined); // a failed chunk load is the page's own error to show
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "setup",
  beforeLoad: async ({ context }) => {
    const status = await context.queryClient.fetchQuery(setupStatusQuery);
    if (!status.needsSetup) throw redirect({ to: "/sign-in", search: { redirect: undefined } });
  },
  component: lazyRouteComponent(() => import("./routes/setup"), "SetupPage"),
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "sign-in",
  validateSearch: signInSearch,
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (me) throw redirect({ to: "/" });
    const status = await context.queryClient.fetchQuery(setupStatusQuery);
    if (status.needsSetup) throw redirect({ to: "/setup" });
  },
  component: lazyRouteComponent(() => import("./routes/sign-in"), "SignInPage"),
});

const acceptInviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "accept-invite",
  component: lazyRouteComponent(() => import("./routes/accept-invite"), "AcceptInvitePage"),
});

/** Everything behind the sign-in: loads the user first, or sends them to setup or sign-in. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "app",
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) {
      const status = await context.queryClient.fetchQuery(setupStatusQuery);
      if (status.needsSetup) throw redirect({ to: "/setup" });
      const target = location.href === "/" ? undefined : location.href;
      throw redirect({ to: "/sign-in", search: { redirect: target } });
    }
    return { me };
  },
  component: AppLayout,
  errorComponent: PageError,
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/",
  loader: ({ context }) =>
    warm(import("./features/home/hooks/use-home").then((m) => context.queryClient.prefetchQuery(m.homeQuery))),
  component: lazyRouteComponent(() => import("./routes/home"), "HomePage"),
});

const scorecardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "scorecard",
  validateSearch: scorecardSearch,
  // The review is asked for while the page's code loads (not awaited: the page shows its own loader).
  loaderDeps: ({ search }) => ({ asOf: search.asOf, scope: search.scope ?? ("active" as const) }),
  loader: ({ context, deps }) => {
    void context.queryClient.prefetchQuery(reviewQuery(deps.asOf, deps.scope));
  },
  component: lazyRouteComponent(() => import("./routes/scorecard"), "ScorecardPage"),
});

const scorecardKpiRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "scorecard/kpis/$id",
  component: lazyRouteComponent(() => import("./routes/scorecard-kpi"), "ScorecardKpiPage"),
});

const scorecardMeasuredRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "scorecard/measured",
  component: lazyRouteComponent(() => import("./routes/scorecard-measured"), "ScorecardMeasuredPage"),
});

const scorecardReviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "scorecard/review",
  validateSearch: scorecardSearch,
  component: lazyRouteComponent(() => import("./routes/scorecard-review"), "ScorecardReviewPage"),
});

const scorecardSegmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "scorecard/segments",
  component: lazyRouteComponent(() => import("./routes/scorecard-segments"), "ScorecardSegmentsPage"),
});

const guardrailsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "guardrails",
  component: lazyRouteComponent(() => import("./routes/guardrails"), "GuardrailsPage"),
});

const guardrailsPolicyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "guardrails/policy",
  validateSearch: guardrailsPolicySearch,
  component: lazyRouteComponent(() => import("./routes/guardrails-policy"), "GuardrailsPolicyPage"),
});

const guardrailsReviewsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "guardrails/reviews",
  validateSearch: guardrailsReviewsSearch,
  component: lazyRouteComponent(() => import("./routes/guardrails-reviews"), "GuardrailsReviewsPage"),
});

const guardrailsSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "guardrails/settings",
  component: lazyRouteComponent(() => import("./routes/guardrails-settings"), "GuardrailsSettingsPage"),
});

const ritualsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "rituals",
  loader: ({ context }) =>
    warm(
      import("./features/rituals/hooks/use-rituals").then((m) => context.queryClient.prefetchQuery(m.seriesListQuery)),
    ),
  component: lazyRouteComponent(() => import("./routes/rituals"), "RitualsPage"),
});

const ritualsSeriesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "rituals/series/$id",
  component: lazyRouteComponent(() => import("./routes/rituals-series"), "RitualsSeriesPage"),
});

const ritualsMeetingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "rituals/meetings/$id",
  loader: ({ context, params }) =>
    warm(
      import("./features/rituals/hooks/use-rituals").then((m) =>
        context.queryClient.prefetchQuery(m.agendaQuery(params.id)),
      ),
    ),
  component: lazyRouteComponent(() => import("./routes/rituals-meeting"), "RitualsMeetingPage"),
});

const ritualsMinutesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "rituals/meetings/$id/minutes",
  component: lazyRouteComponent(() => import("./routes/rituals-minutes"), "RitualsMinutesPage"),
});

/** My commitments: which ones (open by default) and the one a link points at. */
const ritualsCommitmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "rituals/commitments",
  validateSearch: commitmentsSearch,
  component: lazyRouteComponent(() => import("./routes/rituals-commitments"), "RitualsCommitmentsPage"),
});

const ritualsJobSwapsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "rituals/job-swaps",
  component: lazyRouteComponent(() => import("./routes/rituals-job-swaps"), "RitualsJobSwapsPage"),
});

const glossaryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "glossary",
  validateSearch: glossarySearch,
  component: lazyRouteComponent(() => import("./routes/glossary"), "GlossaryPage"),
});

const glossaryTermRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "glossary/terms/$id",
  loader: ({ context, params }) =>
    warm(
      import("./features/glossary/hooks/use-glossary").then((m) =>
        context.queryClient.prefetchQuery(m.termQuery(params.id)),
      ),
    ),
  component: lazyRouteComponent(() => import("./routes/glossary-term"), "GlossaryTermPage"),
});

const glossaryClashesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "glossary/clashes",
  component: lazyRouteComponent(() => import("./routes/glossary-clashes"), "GlossaryClashesPage"),
});

const healthRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "health",
  validateSearch: healthSearch,
  loaderDeps: ({ search }) => ({ team: search.team }),
  loader: ({ context, deps }) =>
    warm(
      import("./features/health/hooks/use-health").then((m) =>
        context.queryClient.prefetchQuery(m.alignmentQuery(deps.team)),
      ),
    ),
  component: lazyRouteComponent(() => import("./routes/health"), "HealthPage"),
});

const healthPulseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "health/pulse",
  component: lazyRouteComponent(() => import("./routes/health-pulse"), "HealthPulsePage"),
});

const healthSurveysRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "health/surveys",
  component: lazyRouteComponent(() => import("./routes/health-surveys"), "HealthSurveysPage"),
});

const healthSurveyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "health/surveys/$id",
  component: lazyRouteComponent(() => import("./routes/health-survey"), "HealthSurveyPage"),
});

const healthItemsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "health/items",
  component: lazyRouteComponent(() => import("./routes/health-items"), "HealthItemsPage"),
});

const stackRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "stack",
  validateSearch: stackSearch,
  loaderDeps: ({ search: { open: _, ...filters } }) => filters,
  loader: ({ context, deps }) =>
    warm(
      import("./features/stack/hooks/use-stack").then((m) =>
        context.queryClient.prefetchInfiniteQuery(m.toolsPages(deps)),
      ),
    ),
  component: lazyRouteComponent(() => import("./routes/stack"), "StackPage"),
});

const stackToolRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "stack/tools/$id",
  loader: ({ context, params }) =>
    warm(
      import("./features/stack/hooks/use-stack").then((m) => context.queryClient.prefetchQuery(m.toolQuery(params.id))),
    ),
  component: lazyRouteComponent(() => import("./routes/stack-tool"), "StackToolPage"),
});

const stackGraphRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "stack/graph",
  component: lazyRouteComponent(() => import("./routes/stack-graph"), "StackGraphPage"),
});

const stackRenewalsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "stack/renewals",
  component: lazyRouteComponent(() => import("./routes/stack-renewals"), "StackRenewalsPage"),
});

const stackComplianceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "stack/compliance",
  component: lazyRouteComponent(() => import("./routes/stack-compliance"), "StackCompliancePage"),
});

const stackOverlapsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "stack/overlaps",
  component: lazyRouteComponent(() => import("./routes/stack-overlaps"), "StackOverlapsPage"),
});

const stackPortfolioRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "stack/portfolio",
  component: lazyRouteComponent(() => import("./routes/stack-portfolio"), "StackChartsPage"),
});

const stackTaxonomyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "stack/taxonomy",
  component: lazyRouteComponent(() => import("./routes/stack-taxonomy"), "StackTaxonomyPage"),
});

const stackDiscoveryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "stack/discovery",
  component: lazyRouteComponent(() => import("./routes/stack-discovery"), "StackDiscoveryPage"),
});

const valueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "value",
  component: lazyRouteComponent(() => import("./routes/value"), "ValueLedgerPage"),
});

const valueDataRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "value/data",
  component: lazyRouteComponent(() => import("./routes/value-data"), "ValueDataPage"),
});

const valueRunsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "value/runs",
  component: lazyRouteComponent(() => import("./routes/value-runs"), "ValueRunsPage"),
});

const valueRunRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "value/runs/$id",
  component: lazyRouteComponent(() => import("./routes/value-run"), "ValueRunPage"),
});

const valueWhichHalfRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "value/runs/$id/which-half",
  component: lazyRouteComponent(() => import("./routes/value-which-half"), "ValueWhichHalfPage"),
});

const experimentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "experiments",
  validateSearch: experimentsSearch,
  loaderDeps: ({ search: { open: _, ...filters } }) => filters,
  loader: ({ context, deps }) =>
    warm(
      import("./features/experiments/hooks/use-experiments").then((m) =>
        context.queryClient.prefetchInfiniteQuery(m.experimentsPages(deps)),
      ),
    ),
  component: lazyRouteComponent(() => import("./routes/experiments"), "ExperimentsPage"),
});

const experimentLearningsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "experiments/learnings",
  validateSearch: learningsSearch,
  component: lazyRouteComponent(() => import("./routes/experiments-learnings"), "ExperimentLearningsPage"),
});

const experimentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "experiments/$id",
  loader: ({ context, params }) =>
    warm(
      import("./features/experiments/hooks/use-experiments").then((m) =>
        context.queryClient.prefetchQuery(m.experimentQuery(params.id)),
      ),
    ),
  component: lazyRouteComponent(() => import("./routes/experiment"), "ExperimentPage"),
});

const pipelineRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "pipeline",
  validateSearch: pipelineSearch,
  // The same filters the backlog page reads: every open request unless a stage is chosen.
  loaderDeps: ({ search }) => ({ ...search, stage: search.stage ?? ("open" as const) }),
  loader: ({ context, deps }) =>
    warm(
      import("./features/pipeline/hooks/use-pipeline").then((m) =>
        context.queryClient.prefetchInfiniteQuery(m.requestsQuery(deps)),
      ),
    ),
  component: lazyRouteComponent(() => import("./routes/pipeline"), "PipelineBacklogPage"),
});

const pipelineMyWorkRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "pipeline/my-work",
  component: lazyRouteComponent(() => import("./routes/pipeline"), "PipelineMyWorkPage"),
});

const pipelineBoardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "pipeline/board",
  component: lazyRouteComponent(() => import("./routes/pipeline-board"), "PipelineBoardPage"),
});

const pipelineValueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "pipeline/value",
  component: lazyRouteComponent(() => import("./routes/pipeline-value"), "PipelineValuePage"),
});

const pipelineRulesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "pipeline/rules",
  component: lazyRouteComponent(() => import("./routes/pipeline-rules"), "PipelineRulesPage"),
});

const pipelineEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "pipeline/requests/$id/edit",
  component: lazyRouteComponent(() => import("./routes/pipeline-edit"), "PipelineEditPage"),
});

const pipelineNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "pipeline/new",
  component: lazyRouteComponent(() => import("./routes/pipeline-new"), "PipelineNewPage"),
});

const pipelineRequestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "pipeline/requests/$id",
  loader: ({ context, params }) =>
    warm(
      import("./features/pipeline/hooks/use-pipeline").then((m) =>
        context.queryClient.prefetchQuery(m.requestQuery(params.id)),
      ),
    ),
  component: lazyRouteComponent(() => import("./routes/pipeline-request"), "PipelineRequestPage"),
});

const serviceLevelsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "service-levels",
  component: lazyRouteComponent(() => import("./routes/service-levels"), "ServiceLevelsPage"),
});

const peopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "people",
  validateSearch: peopleSearch,
  loaderDeps: ({ search: { open: _, ...filters } }) => filters,
  loader: ({ context, deps }) =>
    warm(
      import("./features/people/hooks/use-people").then((m) =>
        context.queryClient.prefetchInfiniteQuery(m.peopleQuery(deps)),
      ),
    ),
  component: lazyRouteComponent(() => import("./routes/people"), "PeoplePage"),
});

const teamsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "teams",
  component: lazyRouteComponent(() => import("./routes/teams"), "TeamsPage"),
});

const sessionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "sessions",
  component: lazyRouteComponent(() => import("./routes/sessions"), "SessionsPage"),
});

const tokensRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "tokens",
  validateSearch: openSearch,
  component: lazyRouteComponent(() => import("./routes/tokens"), "TokensPage"),
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "audit",
  component: lazyRouteComponent(() => import("./routes/audit"), "AuditPage"),
});

const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "account",
  component: lazyRouteComponent(() => import("./routes/account"), "AccountPage"),
});

const routeTree = rootRoute.addChildren([
  setupRoute,
  signInRoute,
  acceptInviteRoute,
  appRoute.addChildren([
    homeRoute,
    scorecardRoute,
    scorecardKpiRoute,
    scorecardMeasuredRoute,
    scorecardReviewRoute,
    scorecardSegmentsRoute,
    ritualsRoute,
    ritualsSeriesRoute,
    ritualsMeetingRoute,
    ritualsMinutesRoute,
    ritualsCommitmentsRoute,
    ritualsJobSwapsRoute,
    glossaryRoute,
    glossaryTermRoute,
    glossaryClashesRoute,
    guardrailsRoute,
    guardrailsPolicyRoute,
    guardrailsReviewsRoute,
    guardrailsSettingsRoute,
    healthRoute,
    healthPulseRoute,
    healthSurveysRoute,
    healthSurveyRoute,
    healthItemsRoute,
    stackRoute,
    stackToolRoute,
    stackGraphRoute,
    stackRenewalsRoute,
    stackComplianceRoute,
    stackOverlapsRoute,
    stackPortfolioRoute,
    stackDiscoveryRoute,
    stackTaxonomyRoute,
    valueRoute,
    valueDataRoute,
    valueRunsRoute,
    valueRunRoute,
    valueWhichHalfRoute,
    experimentsRoute,
    experimentLearningsRoute,
    experimentRoute,
    pipelineRoute,
    pipelineMyWorkRoute,
    pipelineBoardRoute,
    pipelineRulesRoute,
    pipelineValueRoute,
    pipelineEditRoute,
    pipelineNewRoute,
    pipelineRequestRoute,
    serviceLevelsRoute,
    peopleRoute,
    teamsRoute,
    sessionsRoute,
    tokensRoute,
    auditRoute,
    accountRoute,
  ]),
]);

/** Builds the app's router around the shared query client. */
export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    // TanStack Query already caches; the router should not keep a second copy.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: PageLoader,
    defaultPendingMs: 150,
    defaultErrorComponent: PageError,
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
