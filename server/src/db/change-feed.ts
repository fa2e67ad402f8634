import { randomUUID } from "node:crypto";
import { getTableName, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import pg from "pg";
import type { Database } from "./client";
import * as schema from "./schema";

/** Every table of the schema by its SQL name. */
export const TABLE_NAMES: ReadonlySet<string> = new Set(
  Object.values(schema)
    .filter((value) => is(value, PgTable))
    .map((table) => getTableName(table as PgTable)),
);

/**
 * The tables whose committed changes are announced: what resolved sessions and tokens are read from,
 * and what the cached GET answers are read from (a route's `config.cache` may name only these).
 * Only these: a transaction that notifies takes a cluster-wide lock at commit, so announcing writes
 * that no cache reads (the audit log, imports, clocks) would make busy writers commit one at a time.
 */
export const ANNOUNCED_TABLES: ReadonlySet<string> = new Set([
  "session",
  "api_token",
  "app_user",
  "team",
  "workspace",
  "tool",
  "integration",
  "objective",
  "kpi",
  "kpi_measurement",
  "customer_segment",
]);

/** The channel every announced change goes out on, with the table's name as payload. */
export const CHANGE_CHANNEL = "tandem_changes";

// Columns that only record activity (a session's or token's last use). Touching them is not a change
// a cached read must see: otherwise every signed-in person would empty the caches once a minute.
const ACTIVITY_COLUMNS = ["last_seen_at", "idle_expires_at", "last_used_at"];
const ACTIVITY_TABLES = ["session", "app_user", "api_token"];

const quoted = (names: Iterable<string>) => [...names].map((name) => `'${name}'`).join(", ");

/**
 * Installs the triggers that announce changes on the announced tables (one per statement; on the
 * tables with activity columns, one per row that ignores updates of those columns alone) and removes
 * them from any other table. NOTIFY is transactional: a change is announced when it commits, never
 * when it rolls back, and once per table and transaction however many rows it touched. Runs after
 * every migration; a trigger of another version is replaced (the name carries the version).
 */
export const CHANGE_TRIGGERS_SQL = [
  `CREATE OR REPLACE FUNCTION tandem_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('${CHANGE_CHANNEL}', TG_TABLE_NAME);
  RETURN NULL;
END $$`,
  `DO $$
DECLARE
  t record;
  announced text[] := ARRAY[${quoted(ANNOUNCED_TABLES)}];
  activity text[] := ARRAY[${quoted(ACTIVITY_TABLES)}];
BEGIN
  FOR t IN
    SELECT c.relname, g.tgname FROM pg_trigger g
    JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND g.tgname LIKE 'tandem\\_change%'
      AND (g.tgname NOT IN ('tandem_change_v1', 'tandem_change_update_v1') OR NOT c.relname = ANY (announced))
  LOOP
    EXECUTE format('DROP TRIGGER %I ON public.%I', t.tgname, t.relname);
  END LOOP;
  FOR t IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname = ANY (announced)
      AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'tandem_change_v1')
  LOOP
    IF t.relname = ANY (activity) THEN
      EXECUTE format('CREATE TRIGGER tandem_change_v1 AFTER INSERT OR DELETE OR TRUNCATE ON public.%I
        FOR EACH STATEMENT EXECUTE FUNCTION tandem_notify_change()', t.relname);
      EXECUTE format('CREATE TRIGGER tandem_change_update_v1 AFTER UPDATE ON public.%I FOR EACH ROW
        WHEN ((to_jsonb(OLD) - ARRAY[${quoted(ACTIVITY_COLUMNS).replaceAll("'", "''")}]) IS DISTINCT FROM
              (to_jsonb(NEW) - ARRAY[${quoted(ACTIVITY_COLUMNS).replaceAll("'", "''")}]))
        EXECUTE FUNCTION tandem_notify_change()', t.relname);
    ELSE
      EXECUTE format('CREATE TRIGGER tandem_change_v1 AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.%I
        FOR EACH STATEMENT EXECUTE FUNCTION tandem_notify_change()', t.relname);
    END IF;
  END LOOP;
END $$`,
];

/**
 * What a cache needs to know about changes to the database, from every process sharing it:
 * a logical clock, the tick at which each table last changed, and whether the feed can be trusted.
 *
 * A cached value records the clock when its read began (`stamp()`); it is still good while none of
 * the tables it read changed since (`changedSince`). A change that commits while the read runs is
 * announced after the read's stamp, so a value that might have missed it is never served.
 */
export interface ChangeFeed {
  /** The clock now: take it before reading what will be cached. */
  stamp(): number;
  /** Whether any of `tables` changed (or the feed was reset) after `stamp`, or the feed is not trusted now. */
  changedSince(tables: readonly string[], stamp: number): boolean;
  /** Whether caches may serve at all: the feed is connected and its last heartbeat came back in time. */
  readonly trusted: boolean;
  /** Records that this process changed something it cannot name: everything kept is stale. */
  changedHere(): void;
  /**
   * Resolves true once every change committed before the call has been received, or false when that
   * could not be confirmed within `timeoutMs` (the caller then treats everything as changed).
   */
  sync(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

interface FeedOptions {
  /** How often a PostgreSQL feed proves it still receives announcements. */
  heartbeatMs?: number;
  /** How long without a returned heartbeat before cached values are no longer served. */
  trustMs?: number;
  onError?: (error: Error) => void;
}

/** The clock and the per-table ticks; the transport (PGlite in process, a PostgreSQL connection) feeds it. */
class Ticks {
  private clock = 0;
  private resetAt = 0;
  private readonly changedAt = new Map<string, number>();

  stamp() {
    return this.clock;
  }
  changed(table: string) {
    this.changedAt.set(table, ++this.clock);
  }
  reset() {
    this.resetAt = ++this.clock;
  }
  changedSince(tables: readonly string[], stamp: number) {
    if (this.resetAt > stamp) return true;
    for (const table of tables) if ((this.changedAt.get(table) ?? 0) > stamp) return true;
    return false;
  }
}

/** Listens for announced changes on the database: in process for PGlite, on its own connection for PostgreSQL. */
export async function openChangeFeed(database: Database, options: FeedOptions = {}): Promise<ChangeFeed> {
  if (database.pglite) return openPgliteFeed(database);
  if (database.pool) return openPostgresFeed(database.pool, options);
  throw new Error("openChangeFeed needs PGlite or a PostgreSQL pool");
}

// PGlite is one connection in this process: an announcement is delivered before the statement that
// committed it returns, so the feed is always current.
async function openPgliteFeed(database: Database): Promise<ChangeFeed> {
  const ticks = new Ticks();
  const pglite = database.pglite as NonNullable<Database["pglite"]>;
  const unlisten = await pglite.listen(CHANGE_CHANNEL, (table) => ticks.changed(table));
  return {
    stamp: () => ticks.stamp(),
    changedSince: (tables, stamp) => ticks.changedSince(tables, stamp),
    trusted: true,
    changedHere: () => ticks.reset(),
    sync: async () => true,
    close: async () => {
      await unlisten().catch(() => {});
    },
  };
}

// PostgreSQL delivers announcements to the listening connection, in commit order, shortly after each
// commit. A lost connection loses announcements: until a new one listens (and everything kept before
// is dropped), and whenever the heartbeat (a notification the listening connection sends itself, so
// it proves the whole path) has not come back in time, the feed is not trusted and caches read the
// database.
async function openPostgresFeed(pool: pg.Pool, options: FeedOptions): Promise<ChangeFeed> {
  const heartbeatMs = options.heartbeatMs ?? 2_000;
  const trustMs = options.trustMs ?? 3 * heartbeatMs;
  const ticks = new Ticks();
  const marker = `sync:${randomUUID()}:`;
  const waiting = new Map<number, (heard: boolean) => void>();
  let nextMarker = 0;
  let client: pg.Client | null = null;
  let connecting = false;
  let lastBeatAt = 0;
  let closed = false;
  let retryMs = 1_000;
  let reconnectTimer: NodeJS.Timeout | undefined;

  const onNotification = (message: pg.Notification) => {
    const payload = message.payload ?? "";
    if (payload.startsWith(marker)) {
      lastBeatAt = performance.now();
      const n = Number(payload.slice(marker.length));
      waiting.get(n)?.(true);
      waiting.delete(n);
    } else if (!payload.startsWith("sync:")) {
      ticks.changed(payload);
    }
  };

  const connect = async () => {
    connecting = true;
    const next = new pg.Client({ ...pool.options, keepAlive: true, application_name: "tandem change feed" });
    next.on("error", (error) => lose(next, error));
    next.on("end", () => lose(next, new Error("the change feed's connection ended")));
    next.on("notification", onNotification);
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (error) {
      next.removeAllListeners();
      next.on("error", () => {});
      await next.end().catch(() => {});
      throw error;
    } finally {
      connecting = false;
    }
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    retryMs = 1_000;
    // Anything announced while nobody listened is unknown: everything kept before is stale.
    ticks.reset();
    lastBeatAt = performance.now();
  };

  const lose = (lost: pg.Client, error: Error) => {
    // pg reports one loss as both `error` and `end`: act once, and only for the current connection.
    if (client !== lost) return;
    client = null;
    lost.removeAllListeners("notification");
    lost.end().catch(() => {});
    if (!closed) {
      options.onError?.(error);
      scheduleReconnect();
    }
  };

  const scheduleReconnect = () => {
    if (reconnectTimer || connecting || closed) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      connect().catch((error: Error) => {
        options.onError?.(error);
        retryMs = Math.min(retryMs * 2, 30_000);
        scheduleReconnect();
      });
    }, retryMs);
    reconnectTimer.unref();
  };

  // One statement at a time on the listening connection (pg does not queue queries on a client).
  let announcing: Promise<void> = Promise.resolve();
  const announce = (n: number) => {
    const current = client;
    if (!current) return;
    announcing = announcing
      .then(() => current.query("SELECT pg_notify($1, $2)", [CHANGE_CHANNEL, `${marker}${n}`]))
      .then(
        () => {},
        () => {},
      );
  };

  const isTrusted = () => client !== null && performance.now() - lastBeatAt <= trustMs;

  await connect();
  const heartbeat = setInterval(() => {
    if (!client) return;
    // A connection that stopped delivering without an error (a silent network failure) is replaced.
    if (performance.now() - lastBeatAt > trustMs) {
      lose(client, new Error("the change feed stopped hearing its heartbeat"));
      return;
    }
    announce(nextMarker++);
  }, heartbeatMs);
  heartbeat.unref();

  return {
    stamp: () => ticks.stamp(),
    changedSince: (tables, stamp) => !isTrusted() || ticks.changedSince(tables, stamp),
    get trusted() {
      return isTrusted();
    },
    changedHere: () => ticks.reset(),
    sync: (timeoutMs = trustMs) =>
      new Promise<boolean>((resolve) => {
        if (!client) return resolve(false);
        const n = nextMarker++;
        const timer = setTimeout(() => {
          waiting.delete(n);
          resolve(false);
        }, timeoutMs);
        timer.unref();
        waiting.set(n, (heard) => {
          clearTimeout(timer);
          resolve(heard);
        });
        announce(n);
      }),
    close: async () => {
      closed = true;
      clearInterval(heartbeat);
      clearTimeout(reconnectTimer);
      for (const done of waiting.values()) done(false);
      waiting.clear();
      const last = client;
      client = null;
      await last?.end().catch(() => {});
    },
  };
}
