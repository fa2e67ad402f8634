// A server for the HTTP benchmark, in its own process so the load generator does not share its CPU time:
//   node --import tsx bench/serve.ts hello PORT
//   node --import tsx bench/serve.ts tandem PORT pglite|postgres [ROWS] [CACHE_MB]
// Prints one JSON line when ready (for tandem: the session cookie and a deep-page cursor).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Fastify from "fastify";
import pg from "pg";
import { buildApp } from "../server/src/app";
import { openDatabase } from "../server/src/db/client";
import { keyset } from "../server/src/db/keyset";
import { migrate } from "../server/src/db/migrate";
import { users } from "../server/src/db/schema";
import { startSession } from "../server/src/modules/sessions/sessions.service";
import { insertUser } from "../server/src/modules/users/users.queries";
import { createWorkspace } from "../server/src/modules/workspaces/workspaces.commands";
import { BENCH_SERVER, scratchDatabase } from "./database";

const [mode, portText, kind = "pglite", rowsText = "100000", cacheText = "64"] = process.argv.slice(2);
const port = Number(portText);

if (mode === "hello") {
  const app = Fastify();
  app.get("/", async () => ({ hello: "world" }));
  await app.listen({ port, host: "127.0.0.1" });
  console.log(JSON.stringify({ ready: true }));
} else if (mode === "hello-pg") {
  // A second, fairer ceiling for database-backed endpoints: bare Fastify, one raw query for 50 rows, JSON out.
  const pool = new pg.Pool({ connectionString: BENCH_SERVER, max: 10 });
  const app = Fastify();
  app.get("/", async () => {
    const { rows } = await pool.query({
      name: "fifty_rows",
      text: "SELECT g AS id, 'Person ' || lpad(g::text, 6, '0') AS name, now() AS created_at FROM generate_series(1, 50) AS g",
    });
    return { items: rows };
  });
  await app.listen({ port, host: "127.0.0.1" });
  console.log(JSON.stringify({ ready: true }));
} else {
  const rows = Number(rowsText);
  let database: Awaited<ReturnType<typeof openDatabase>>;
  if (kind === "postgres") {
    const scratch = await scratchDatabase("http");
    database = await openDatabase({ url: scratch.url }, { poolSize: 10 });
    const drop = async () => {
      await database.close();
      await scratch.drop();
      process.exit(0);
    };
    process.on("SIGTERM", () => void drop());
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-bench-"));
    database = await openDatabase({ dataDir: dir });
    process.on("SIGTERM", () => void database.close().then(() => process.exit(0)));
  }
  await migrate(database);
  const now = new Date();
  const { workspace, teams } = await createWorkspace(database.db, "Bench Co", now);
  await database.query(
    `INSERT INTO app_user (workspace_id, team_id, email, name, password_hash, role)
     SELECT $1, $2, 'person' || g || '@bench.test', 'Person ' || lpad(g::text, 6, '0'), 'not-a-hash', 'member'
     FROM generate_series(1, $3::int) AS g`,
    [workspace.id, teams[0].id, rows],
  );
  // The Stack at the scale its issue names: 5,000 tools and 20,000 integrations.
  await database.query(
    `INSERT INTO tool (workspace_id, name, vendor, category, subcategory, capabilities, status, lifecycle, annual_cost, currency)
     SELECT $1, 'Tool ' || lpad(g::text, 5, '0'), 'Vendor ' || (g % 700),
            (ARRAY['advertising','content','social','commerce','data','management'])[1 + g % 6], 'Sub ' || (g % 40),
            ARRAY['cap' || (g % 90), 'cap' || (g % 13)], 'sanctioned', 'active', (g * 37 % 90000)::numeric, 'EUR'
     FROM generate_series(1, 5000) AS g`,
    [workspace.id],
  );
  await database.query(
    `INSERT INTO integration (workspace_id, from_tool_id, to_tool_id, method, direction, data_objects)
     SELECT $1, a.id, b.id, 'api', 'one_way', ARRAY['contacts']
     FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM tool WHERE workspace_id = $1) a
     CROSS JOIN generate_series(1, 4) AS k(k)
     JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM tool WHERE workspace_id = $1) b
       ON b.n = 1 + ((a.n * 7 + k.k * 131) % 5000)
     WHERE a.id <> b.id`,
    [workspace.id],
  );
  await database.exec("ANALYZE");
  const admin = await insertUser(database.db, {
    workspaceId: workspace.id,
    teamId: teams[1].id,
    email: "admin@bench.test",
    name: "Admin",
    passwordHash: "not-a-hash",
    role: "admin",
  });
  const { token } = await startSession(database.db, admin, { ip: "127.0.0.1", userAgent: "bench", now });
  const [deep] = await database.query<{ name: string; id: string }>(
    "SELECT name, id FROM app_user WHERE workspace_id = $1 ORDER BY name, id OFFSET $2 LIMIT 1",
    [workspace.id, Math.max(0, rows - 50)],
  );
  const cursor = keyset({ name: users.name }, users.id, "name", undefined).cursorAfter(deep.name, deep.id);
  const app = await buildApp({ database, webDir: null, cacheMegabytes: Number(cacheText) });
  await app.listen({ port, host: "127.0.0.1" });
  console.log(JSON.stringify({ ready: true, cookie: `__Host-tandem_session=${token}`, deepCursor: cursor }));
}
