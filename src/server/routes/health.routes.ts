// Liveness and readiness. Both are anonymous and cost nothing upstream: /readyz asks the
// database (local) and reads the providers' health from the background check (provider-health.ts).
// Prometheus metrics are served on their own listener (metrics-server.ts), never here.
import type { FastifyInstance } from "fastify";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/tables";
import { checkWithin, type ProviderHealth } from "../provider-health";

const DATABASE_TIMEOUT_MS = 3_000;

export function registerHealthRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; providerHealth: ProviderHealth },
): void {
  app.get("/healthz", async (_request, reply) => {
    reply.header("cache-control", "no-store");
    return { status: "ok" };
  });
  app.get("/readyz", async (_request, reply) => {
    const database = await checkWithin(() => sql`select 1`.execute(deps.db), DATABASE_TIMEOUT_MS);
    const checks = { database, ...deps.providerHealth.snapshot() };
    const ready = Object.values(checks).every((outcome) => outcome === "ok");
    reply.header("cache-control", "no-store");
    return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "not ready", checks });
  });
}
