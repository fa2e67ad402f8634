import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyServerOptions, type RouteOptions } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Database } from "./db/client";
import { findPendingMigrations } from "./db/migrate";
import { documentCsvUploads, registerCsvUploads } from "./lib/csv-upload";
import { auditRoutes } from "./modules/audit/audit.routes";
import { authRoutes } from "./modules/auth/auth.routes";
import { demoAccountsRoutes } from "./modules/auth/demo-accounts.routes";
import { backupRoutes } from "./modules/backup/backup.routes";
import { experimentsRoutes } from "./modules/experiments/experiments.routes";
import { statsRoutes } from "./modules/experiments/stats.routes";
import { glossaryRoutes } from "./modules/glossary/glossary.routes";
import { guardrailsRoutes } from "./modules/guardrails/guardrails.routes";
import { guardrailsOverviewRoutes } from "./modules/guardrails/overview.routes";
import { policyEvaluateRoutes } from "./modules/guardrails/policy-evaluate.routes";
import { healthRoutes } from "./modules/health/health.routes";
import { homeRoutes } from "./modules/home/home.routes";
import { invitationsRoutes } from "./modules/invitations/invitations.routes";
import { notificationsRoutes } from "./modules/notifications/notifications.routes";
import { engagementRoutes } from "./modules/pipeline/engagement.routes";
import { requestMoveRoutes } from "./modules/pipeline/moves.routes";
import { requestRoutes } from "./modules/pipeline/requests.routes";
import { serviceLevelRoutes } from "./modules/pipeline/sla.routes";
import { ritualsCalendarRoutes } from "./modules/rituals/calendar.routes";
import { jobSwapsRoutes } from "./modules/rituals/job-swaps.routes";
import { ritualsRoutes } from "./modules/rituals/rituals.routes";
import { kpisRoutes } from "./modules/scorecard/kpis.routes";
import { scorecardRoutes } from "./modules/scorecard/scorecard.routes";
import { searchRoutes } from "./modules/search/search.routes";
import { sessionsRoutes } from "./modules/sessions/sessions.routes";
import { stackCalendarFeedRoutes } from "./modules/stack/calendar-feed.routes";
import { stackDiscoveryRoutes } from "./modules/stack/discovery.routes";
import { stackIntegrationsRoutes } from "./modules/stack/integrations.routes";
import { stackPortfolioRoutes } from "./modules/stack/portfolio.routes";
import { stackToolsRoutes } from "./modules/stack/tools.routes";
import { teamsRoutes } from "./modules/teams/teams.routes";
import { tokensRoutes } from "./modules/tokens/tokens.routes";
import { usersRoutes } from "./modules/users/users.routes";
import { valueRoutes } from "./modules/value/value.routes";
import { viewsRoutes } from "./modules/views/views.routes";
import { registerAuth } from "./plugins/auth";
import { registerErrorHandler, sendProblem } from "./plugins/error-handler";
import { registerMetrics } from "./plugins/metrics";
import { registerReadCache } from "./plugins/read-cache";
import { answerFrameworkError, registerRouteContract } from "./plugins/route-contract";
import { mergeContentSecurityPolicy, registerSecurityHeaders } from "./plugins/security-headers";
import { refuseUnstorableText, registerJsonGuard } from "./plugins/text-guard";

declare module "fastify" {
  interface FastifyInstance {
    database: Database;
    /** The clock: injected in tests, the wall clock otherwise. */
    now: () => Date;
    /** The address people reach Tandem at, when configured. */
    publicUrl: string | undefined;
    /** Whether the server runs the demo (TANDEM_DEMO / --demo): the sign-in page then offers the demo accounts. */
    isDemo: boolean;
  }
}

/** What buildApp needs; everything else has a default. */
export interface AppOptions {
  database: Database;
  now?: () => Date;
  publicUrl?: string;
  /** Runs the demo: `GET /api/v1/auth/demo-accounts` answers the demo accounts (404 otherwise). Default false. */
  demo?: boolean;
  logger?: FastifyServerOptions["logger"];
  /** The reverse proxies to trust: a hop count or proxy addresses/CIDRs (see TRUST_PROXY); none by default. */
  trustProxy?: false | number | string[];
  /** The built web app to serve; default web/dist when it exists. */
  webDir?: string | null;
  /** The budget of the read caches (sessions and opted-in GET answers); 0 turns caching off. Default 64. */
  cacheMegabytes?: number;
  /** The bearer token /metrics asks for (TANDEM_METRICS_TOKEN); without one, /metrics answers 404. */
  metricsToken?: string;
  /** Called for every route as it is registered (the permission-matrix test lists them this way). */
  onRoute?: (route: RouteOptions) => void;
}

const defaultWebDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../web/dist");

// Fastify takes a hop count as "trust nothing" (it cannot tell a proxy from a direct client), so the count
// becomes the rule proxy-addr applies: the socket's peer is hop 0, each X-Forwarded-For entry from the right the next.
function trustedProxies(setting: AppOptions["trustProxy"]) {
  if (typeof setting !== "number") return setting ?? false;
  if (setting === 0) return false;
  return (_address: string, hop: number) => hop < setting;
}

/** Builds the whole Tandem server without listening: plugins, modules, the web app. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: trustedProxies(options.trustProxy),
    bodyLimit: 1024 * 1024,
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    keepAliveTimeout: 5_000,
    pluginTimeout: 30_000,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: answerFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();

  if (options.onRoute) app.addHook("onRoute", options.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate("database", options.database);
  app.decorate("now", options.now ?? (() => new Date()));
  app.decorate("publicUrl", options.publicUrl);
  app.decorate("isDemo", options.demo ?? false);

  registerSecurityHeaders(app);
  registerErrorHandler(app);
  registerRouteContract(app);
  registerJsonGuard(app);
  await app.register(cookie);
  await registerCsvUploads(app);
  registerAuth(app);
  await registerReadCache(app, options.cacheMegabytes ?? 64);
  registerMetrics(app, options.metricsToken);

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Tandem API",
        version: "1",
        description:
          "The shared workspace of marketing and IT. Authenticate with a session cookie (+ x-csrf-token) or `Authorization: Bearer <API token>`.",
      },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (document) =>
      "openapiObject" in document ? documentCsvUploads(app, document.openapiObject) : document.swaggerObject,
  });
  app.get("/api/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () => app.swagger());
  app.addHook("onRoute", (route) => {
    if (route.url.startsWith("/api/docs")) route.config = { ...route.config, access: "public" };
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    uiConfig: { url: "/api/openapi.json" },
    staticCSP: true,
    // One policy: swagger-ui's (with the hashes of its inline scripts), tightened.
    transformStaticCSP: (header) =>
      mergeContentSecurityPolicy(header, {
        "object-src": "'none'",
        "base-uri": "'none'",
        "frame-ancestors": "'none'",
      }),
  });

  await app.register(
    async (api) => {
      api.addHook("preValidation", refuseUnstorableText);
      await api.register(authRoutes);
      await api.register(demoAccountsRoutes);
      await api.register(usersRoutes);
      await api.register(teamsRoutes);
      await api.register(invitationsRoutes);
      await api.register(sessionsRoutes);
      await api.register(tokensRoutes);
      await api.register(auditRoutes);
      await api.register(backupRoutes);
      await api.register(stackToolsRoutes);
      await api.register(stackIntegrationsRoutes);
      await api.register(stackPortfolioRoutes);
      await api.register(stackCalendarFeedRoutes);
      await api.register(stackDiscoveryRoutes);
      await api.register(statsRoutes);
      await api.register(policyEvaluateRoutes);
      await api.register(guardrailsRoutes);
      await api.register(guardrailsOverviewRoutes);
      await api.register(requestRoutes);
      await api.register(requestMoveRoutes);
      await api.register(engagementRoutes);
      await api.register(serviceLevelRoutes);
      await api.register(jobSwapsRoutes);
      await api.register(ritualsCalendarRoutes);
      await api.register(notificationsRoutes);
      await api.register(viewsRoutes);
      await api.register(experimentsRoutes);
      await api.register(valueRoutes);
      await api.register(scorecardRoutes);
      await api.register(kpisRoutes);
      await api.register(glossaryRoutes);
      await api.register(searchRoutes);
      await api.register(homeRoutes);
      await api.register(ritualsRoutes);
      await api.register(healthRoutes);
    },
    { prefix: "/api/v1" },
  );

  app.get("/healthz", { config: { access: "public" }, schema: { hide: true } }, async () => ({ status: "ok" }));
  app.get("/readyz", { config: { access: "public" }, schema: { hide: true } }, async (_request, reply) => {
    try {
      const pending = await findPendingMigrations(app.database);
      if (pending.length > 0)
        return sendProblem(reply, "service_unavailable", `Migrations pending: ${pending.join(", ")}`);
      return { status: "ready", database: app.database.kind };
    } catch {
      return sendProblem(reply, "service_unavailable", "The database is not reachable");
    }
  });

  await registerWebApp(app, options.webDir === undefined ? defaultWebDir : options.webDir);
  return app;
}

// The SPA: static files, and index.html for every other GET that is not an API path.
async function registerWebApp(app: FastifyInstance, webDir: string | null) {
  if (!webDir || !fs.existsSync(path.join(webDir, "index.html"))) return;
  // The app's files are public (the sign-in page needs them): mark the static routes so the auth hook lets them through.
  await app.register(async (web) => {
    web.addHook("onRoute", (route) => {
      route.config = { ...route.config, access: "public" };
    });
    await web.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      cacheControl: false,
      // Vite's hashed assets never change under their name; everything else is revalidated.
      setHeaders: (response, filePath) => {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        response.header("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  });
  const indexHtml = fs.readFileSync(path.join(webDir, "index.html"));
  app.get("/*", { config: { access: "public" }, schema: { hide: true } }, async (request, reply) => {
    const url = request.url.split("?")[0];
    if (url.startsWith("/api/") || path.extname(url) !== "")
      return sendProblem(reply, "not_found", `No route for GET ${url}`);
    return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(indexHtml);
  });
}
