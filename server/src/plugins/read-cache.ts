import type { FastifyInstance } from "fastify";
import { ANNOUNCED_TABLES, type ChangeFeed, openChangeFeed } from "../db/change-feed";
import { LruCache } from "../lib/lru";
import type { ActorCache } from "../modules/sessions/sessions.service";
import { SAFE_METHODS } from "./auth";

declare module "fastify" {
  interface FastifyInstance {
    /** The caches of this process, or null when caching is off (`TANDEM_CACHE_MB=0`). */
    readCache: ReadCache | null;
  }
  interface FastifyContextConfig {
    /**
     * On a GET route: its answer may be kept and served again to the same person until one of these
     * tables changes (in any process) or the answer is 30 seconds old. Name every table it reads.
     */
    cache?: readonly string[];
  }
  interface FastifyRequest {
    cacheFill: { key: string; stamp: number } | null;
  }
}

export interface ReadCache {
  feed: ChangeFeed;
  actors: ActorCache;
  responses: LruCache<{ body: string; stamp: number; keyLength: number }>;
}

// A ceiling on staleness whatever happens to the change feed, and on how long a last-seen time shown
// in an answer can lag.
const TTL_MS = 30_000;
const MAX_KEY = 2_048;
// How long a write waits to hear its own changes announced before it marks everything stale instead.
const WRITE_SYNC_MS = 250;

/**
 * Keeps resolved sessions and tokens, and the JSON answers of GET routes that opt in with
 * `config.cache`, until the database announces a change to what they were read from. Answers are kept
 * per person (and role and team), so nothing one person may see is ever served to another. A write
 * through this process answers only once its changes were announced back to this process; other
 * processes learn of it when PostgreSQL delivers the notification, normally within milliseconds of the
 * commit. Writes never use a cached session: a revoked session or deactivated person cannot write
 * in that moment either.
 */
export async function registerReadCache(app: FastifyInstance, megabytes: number) {
  app.decorateRequest("cacheFill", null);
  app.addHook("onRoute", (route) => {
    for (const table of route.config?.cache ?? []) {
      if (!ANNOUNCED_TABLES.has(table)) {
        throw new Error(
          `${route.url}: config.cache names ${table}, whose changes are not announced (ANNOUNCED_TABLES)`,
        );
      }
    }
  });
  if (megabytes <= 0) {
    app.decorate("readCache", null);
    return;
  }
  const feed = await openChangeFeed(app.database, {
    onError: (error) =>
      app.log.warn({ err: error }, "change feed interrupted; caches read the database until it is back"),
  });
  const cache: ReadCache = {
    feed,
    actors: { feed, entries: new LruCache(10_000, TTL_MS) },
    // Characters (about bytes for the ASCII-heavy JSON kept here), plus the key and the entry itself.
    responses: new LruCache(megabytes * 1024 * 1024, TTL_MS, (entry) => entry.body.length + entry.keyLength + 200),
  };
  app.decorate("readCache", cache);
  app.addHook("onClose", () => feed.close());

  // Runs after sign-in is resolved (auth's preHandler is registered first).
  app.addHook("preHandler", async (request, reply) => {
    const tables = request.routeOptions.config?.cache;
    const actor = request.actor;
    if (!tables || request.method !== "GET" || !actor) return;
    // What the answer can depend on: the person, the day (days to a renewal), and the route's validated
    // parameters (unknown query parameters are dropped by validation, so they cannot multiply the keys).
    const day = app.now().toISOString().slice(0, 10);
    const { url, schema } = request.routeOptions;
    const query = schema?.querystring ? JSON.stringify(request.query) : "";
    const key = `${actor.userId}|${actor.role}|${actor.teamId}|${day}|${url}|${JSON.stringify(request.params)}|${query}`;
    if (key.length > MAX_KEY) return;
    const kept = cache.responses.get(key);
    if (kept && !feed.changedSince(tables, kept.stamp)) {
      reply.header("x-tandem-cache", "hit").type("application/json; charset=utf-8");
      return reply.send(kept.body);
    }
    if (feed.trusted) request.cacheFill = { key, stamp: feed.stamp() };
  });

  app.addHook("onSend", async (request, reply, payload) => {
    if (!SAFE_METHODS.has(request.method)) {
      // The write has committed by now: before answering, hear its announcements, so the next request
      // (this person's, or anyone's on this process) cannot be served what it changed. A refused write
      // changed nothing.
      if (reply.statusCode < 400 && !(await feed.sync(WRITE_SYNC_MS))) feed.changedHere();
    } else if (request.cacheFill && reply.statusCode === 200 && typeof payload === "string") {
      const { key, stamp } = request.cacheFill;
      cache.responses.set(key, { body: payload, stamp, keyLength: key.length });
      reply.header("x-tandem-cache", "miss");
    }
    return payload;
  });
}
