// /metrics on its own listener (METRICS_HOST:METRICS_PORT, loopback by default), never on the
// public port: route counts, backlog and the runtime's version tell an attacker what to try.
// When the listener is reachable from elsewhere, METRICS_TOKEN makes Prometheus present a bearer.
import { timingSafeEqual } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import type { Metrics } from "./metrics";

export interface MetricsServerOptions {
  /** Required bearer token, or null (loopback only). */
  token: string | null;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A Fastify instance answering GET /metrics only; the caller listens. */
export function buildMetricsServer(
  metrics: Metrics,
  options: MetricsServerOptions,
): FastifyInstance {
  const app = Fastify({ logger: false }) as unknown as FastifyInstance;
  app.get("/metrics", async (request, reply) => {
    if (options.token !== null) {
      const header = request.headers.authorization ?? "";
      const given = header.startsWith("Bearer ") ? header.slice(7) : "";
      if (!sameSecret(given, options.token))
        return reply.code(401).header("www-authenticate", "Bearer").send("unauthorized\n");
    }
    reply.header("cache-control", "no-store");
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
  return app;
}
