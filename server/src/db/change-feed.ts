import { randomUUID } from "node:crypto";
import { getTableName, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import pg from "pg";
import type { Database } from "./client";
import * as schema from "./schema";

/** Every table of the schema by its SQL name: what a cached answer can say it was read from. */
export const TABLE_NAMES: ReadonlySet<string> = new Set(
  Object.values(schema)
    .filter((value) => is(value, PgTable))
    .map((table) => getTableName(table as PgTable)),
);

/** The channel every committed change is announced on, with the table's name as payload. */
export const CHANGE_CHANNEL = "tandem_changes";

// Columns that only record activity (a session's or token's last use). Touching them is not a change
// a cached read must see: otherwise every signed-in person would empty the caches once a minute.
const ACTIVITY_COLUMNS = ["last_seen_at", "idle_expires_at", "last_used_at"];
const ACTIVITY_TABLES = ["session", "app_user", "api_token"];

/**
 * Installs the triggers that announce changes: one per statement on every table in `public` (new
 * tables included: it runs after every migration), and, on the tables with activity columns, one per
 * row that ignores updates of those columns alone. NOTIFY is transactional: a change is announced
 * when it commits, never when it rolls back, and once per table however many rows it touched.
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
  activity text[] := ARRAY['${ACTIVITY_TABLES.join("','")}'];
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'tandem_change')
  LOOP
    IF t.relname = ANY (activity) THEN
      EXECUTE format('CREATE TRIGGER tandem_change AFTER INSERT OR DELETE OR TRUNCATE ON public.%I
        FOR EACH STATEMENT EXECUTE FUNCTION tandem_notify_change()', t.relname);
      EXECUTE format('CREATE TRIGGER tandem_change_update AFTER UPDATE ON public.%I FOR EACH ROW
        WHEN ((to_jsonb(OLD) - ARRAY[''${ACTIVITY_COLUMNS.join("'',''")}'']) IS DISTINCT FROM
              (to_jsonb(NEW) - ARRAY[''${ACTIVITY_COLUMNS.join("'',''")}'']))
        EXECUTE FUNCTION tandem_notify_change()', t.relname);
    ELSE
      EXECUTE format('CREATE TRIGGER tandem_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.%I
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
  /** Records that this process changed something (before the announcement arrives): everything is stale. */
  changedHere(): void;
  /** Resolves once every change committed before the call has been received. */
  sync(): Promise<void>;
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
    sync: async () => {},
    close: async () => {
      await unlisten().catch(() => {});
    },
  };
}

// PostgreSQL delivers announcements to a dedicated connection, in commit order, shortly after each
// commit. A lost connection loses announcements: until a new one listens (and everything cached
// before is dropped), and whenever a heartbeat sent through the pool has not come back in time,
// the feed is not trusted and caches read the database.
async function openPostgresFeed(pool: pg.Pool, options: FeedOptions): Promise<ChangeFeed> {
  const heartbeatMs = options.heartbeatMs ?? 2_000;
  const trustMs = options.trustMs ?? 3 * heartbeatMs;
  const ticks = new Ticks();
  const marker = `sync:${randomUUID()}:`;
  const waiting = new Map<number, () => void>();
  let nextMarker = 0;
  let client: pg.Client | null = null;
  let listening = false;
  let lastBeatAt = 0;
  let closed = false;
  let reconnectTimer: NodeJS.Timeout | undefined;

  const onNotification = (message: pg.Notification) => {
    const payload = message.payload ?? "";
    if (payload.startsWith(marker)) {
      lastBeatAt = performance.now();
      const n = Number(payload.slice(marker.length));
      waiting.get(n)?.();
      waiting.delete(n);
    } else if (!payload.startsWith("sync:")) {
      ticks.changed(payload);
    }
  };

  const connect = async () => {
    const next = new pg.Client({ ...pool.options, keepAlive: true });
    next.on("error", (error) => lose(next, error));
    next.on("end", () => lose(next, new Error("the change feed's connection ended")));
    next.on("notification", onNotification);
    await next.connect();
    await next.query(`LISTEN ${CHANGE_CHANNEL}`);
    if (closed) {
      await next.end();
      return;
    }
    client = next;
    listening = true;
    // Anything announced while nobody listened is unknown: every earlier value is stale.
    ticks.reset();
    lastBeatAt = performance.now();
  };

  const lose = (lost: pg.Client, error: Error) => {
    if (client !== lost && client !== null) return;
    listening = false;
    client = null;
    lost.removeAllListeners("notification");
    lost.end().catch(() => {});
    if (!closed) {
      options.onError?.(error);
      scheduleReconnect();
    }
  };

  const scheduleReconnect = () => {
    if (reconnectTimer || closed) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      connect().catch((error: Error) => {
        options.onError?.(error);
        scheduleReconnect();
      });
    }, 1_000);
    reconnectTimer.unref();
  };

  const announce = (n: number) => pool.query("SELECT pg_notify($1, $2)", [CHANGE_CHANNEL, `${marker}${n}`]);

  const heartbeat = setInterval(() => {
    if (!listening) return;
    // A connection that stopped delivering without an error (a silent network failure) is replaced.
    if (performance.now() - lastBeatAt > trustMs && client)
      lose(client, new Error("the change feed stopped hearing its heartbeat"));
    announce(nextMarker++).catch(() => {});
  }, heartbeatMs);
  heartbeat.unref();

  await connect();

  const isTrusted = () => listening && performance.now() - lastBeatAt <= trustMs;
  return {
    stamp: () => ticks.stamp(),
    changedSince: (tables, stamp) => !isTrusted() || ticks.changedSince(tables, stamp),
    get trusted() {
      return isTrusted();
    },
    changedHere: () => ticks.reset(),
    sync: () =>
      new Promise<void>((resolve, reject) => {
        if (!listening) return resolve();
        const n = nextMarker++;
        const timer = setTimeout(() => {
          waiting.delete(n);
          resolve();
        }, trustMs);
        waiting.set(n, () => {
          clearTimeout(timer);
          resolve();
        });
        announce(n).catch(reject);
      }),
    close: async () => {
      closed = true;
      clearInterval(heartbeat);
      clearTimeout(reconnectTimer);
      listening = false;
      for (const done of waiting.values()) done();
      waiting.clear();
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
