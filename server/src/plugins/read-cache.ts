import type { FastifyInstance } from "fastify";
import { type ChangeFeed, openChangeFeed, TABLE_NAMES } from "../db/change-feed";
import { LruCache } from "../lib/lru";
import type { ActorCache } from "../modules/sessions/sessions.service";

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
  responses: LruCache<{ body: string; stamp: number }>;
}

// A ceiling on staleness whatever happens to the change feed, and on how long a last-seen time shown
// in an answer can lag.
const TTL_MS = 30_000;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Keeps resolved sessions and tokens, and the JSON answers of GET routes that opt in with
 * `config.cache`, until the database announces a change to what they were read from. Answers are kept
 * per person (and role and team), so nothing one person may see is ever served to another. Any write
 * through this process makes everything it kept stale at once; other processes learn of it when
 * PostgreSQL delivers the change's notification, normally within milliseconds of the commit.
 */
export async function registerReadCache(app: FastifyInstance, megabytes: number) {
  app.decorateRequest("cacheFill", null);
  app.addHook("onRoute", (route) => {
    for (const table of route.config?.cache ?? []) {
      if (!TABLE_NAMES.has(table)) throw new Error(`${route.url}: config.cache names ${table}, which is not a table`);
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
    // Characters, about bytes for the ASCII-heavy JSON kept here.
    responses: new LruCache(megabytes * 1024 * 1024, TTL_MS, (entry) => entry.body.length),
  };
  app.decorate("readCache", cache);
  app.addHook("onClose", () => feed.close());

  // Runs after sign-in is resolved (auth's preHandler is registered first).
  app.addHook("preHandler", async (request, reply) => {
    const tables = request.routeOptions.config?.cache;
    const actor = request.actor;
    if (!tables || request.method !== "GET" || !actor) return;
    // Answers can depend on the day (days to a renewal): a new day is a new answer.
    const day = app.now().toISOString().slice(0, 10);
    const key = `${actor.userId}|${actor.role}|${actor.teamId}|${day}|${request.url}`;
    const kept = cache.responses.get(key);
    if (kept && !feed.changedSince(tables, kept.stamp)) {
      reply.header("x-tandem-cache", "hit").type("application/json; charset=utf-8");
      return reply.send(kept.body);
    }
    if (feed.trusted) request.cacheFill = { key, stamp: feed.stamp() };
  });

  app.addHook("onSend", async (request, reply, payload) => {
    if (!SAFE_METHODS.has(request.method)) {
      // The write has committed (or failed) by now: nothing kept may hide it from the next request.
      feed.changedHere();
    } else if (request.cacheFill && reply.statusCode === 200 && typeof payload === "string") {
      cache.responses.set(request.cacheFill.key, { body: payload, stamp: request.cacheFill.stamp });
      reply.header("x-tandem-cache", "miss");
    }
    return payload;
  });
}
