import type { FastifyInstance } from "fastify";
import { AppError } from "../errors";
import { isSameSecret } from "../lib/secrets";

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Series {
  count: number;
  sum: number;
  buckets: number[];
}

/**
 * Prometheus metrics at /metrics: requests by route and status, latency histogram, process figures. Served only
 * to `Authorization: Bearer <TANDEM_METRICS_TOKEN>`; without a token configured, /metrics does not exist.
 */
export function registerMetrics(app: FastifyInstance, token: string | undefined) {
  const requests = new Map<string, number>();
  const durations = new Map<string, Series>();
  const started = Date.now();

  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    const labels = `method="${request.method}",route="${route}",status="${reply.statusCode}"`;
    requests.set(labels, (requests.get(labels) ?? 0) + 1);
    const key = `method="${request.method}",route="${route}"`;
    const series = durations.get(key) ?? { count: 0, sum: 0, buckets: BUCKETS.map(() => 0) };
    const seconds = reply.elapsedTime / 1000;
    series.count++;
    series.sum += seconds;
    BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) series.buckets[i]++;
    });
    durations.set(key, series);
  });

  app.get("/metrics", { config: { access: "secret" }, schema: { hide: true } }, async (request, reply) => {
    if (!token) throw new AppError("not_found", "Metrics are off: set TANDEM_METRICS_TOKEN to serve them");
    const sent = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
    if (!sent || !isSameSecret(sent, token)) {
      throw new AppError("unauthenticated", "Send the metrics token as `Authorization: Bearer <TANDEM_METRICS_TOKEN>`");
    }
    const memory = process.memoryUsage();
    const lines = [
      "# HELP tandem_http_requests_total HTTP requests by method, route and status.",
      "# TYPE tandem_http_requests_total counter",
      ...[...requests].map(([labels, n]) => `tandem_http_requests_total{${labels}} ${n}`),
      "# HELP tandem_http_request_duration_seconds HTTP request duration.",
      "# TYPE tandem_http_request_duration_seconds histogram",
      ...[...durations].flatMap(([labels, s]) => [
        ...BUCKETS.map(
          (bound, i) => `tandem_http_request_duration_seconds_bucket{${labels},le="${bound}"} ${s.buckets[i]}`,
        ),
        `tandem_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${s.count}`,
        `tandem_http_request_duration_seconds_sum{${labels}} ${s.sum}`,
        `tandem_http_request_duration_seconds_count{${labels}} ${s.count}`,
      ]),
      "# HELP process_resident_memory_bytes Resident memory size in bytes.",
      "# TYPE process_resident_memory_bytes gauge",
      `process_resident_memory_bytes ${memory.rss}`,
      "# HELP nodejs_heap_used_bytes V8 heap in use.",
      "# TYPE nodejs_heap_used_bytes gauge",
      `nodejs_heap_used_bytes ${memory.heapUsed}`,
      "# HELP process_uptime_seconds Seconds since the process started.",
      "# TYPE process_uptime_seconds gauge",
      `process_uptime_seconds ${(Date.now() - started) / 1000}`,
      `# HELP tandem_database_info The database this process uses.`,
      "# TYPE tandem_database_info gauge",
      `tandem_database_info{kind="${app.database.kind}"} 1`,
    ];
    return reply.type("text/plain; version=0.0.4").send(`${lines.join("\n")}\n`);
  });
}
