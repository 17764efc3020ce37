// Liveness, readiness (database and every provider reachable) and Prometheus metrics.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { type Kysely, sql } from "kysely";
import type { Providers } from "../bookings/context";
import type { Database } from "../db/tables";
import type { Metrics } from "../metrics";

const CHECK_TIMEOUT_MS = 3_000;

async function check(work: () => Promise<unknown>): Promise<"ok" | "failed"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([work(), timeout]);
    return "ok";
  } catch {
    return "failed";
  } finally {
    clearTimeout(timer);
  }
}

export function registerHealthRoutes(
  app: FastifyInstance,
  deps: {
    db: Kysely<Database>;
    /** The providers, as this request should call them (timed when Server-Timing is on). */
    providersFor: (request: FastifyRequest) => Providers;
    metrics: Metrics;
  },
): void {
  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (request, reply) => {
    const entries: Array<[string, () => Promise<unknown>]> = [
      ["database", () => sql`select 1`.execute(deps.db)],
      ...Object.entries(deps.providersFor(request)).map(
        ([service, provider]) =>
          [service, () => provider.ping()] as [string, () => Promise<unknown>],
      ),
    ];
    const results = await Promise.all(
      entries.map(async ([name, work]) => [name, await check(work)]),
    );
    const checks = Object.fromEntries(results);
    const ready = results.every(([, outcome]) => outcome === "ok");
    reply.header("cache-control", "no-store");
    return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "not ready", checks });
  });
  app.get("/metrics", async (_request, reply) => {
    reply.type(deps.metrics.registry.contentType);
    return deps.metrics.registry.metrics();
  });
}
