// buildApp({config, db, providers}) → the Fastify instance (style anchors 9): plugins, hooks,
// routes. It does not listen (server.ts does) and starts no jobs unless asked, so tests drive
// it with app.inject.
import { randomUUID } from "node:crypto";
import Fastify, {
  type FastifyInstance,
  type FastifyRequest,
  type FastifyServerOptions,
  LogController,
} from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Kysely } from "kysely";
import { type BookingService, createBookingService } from "./bookings/booking.service";
import type { BookingDeps } from "./bookings/deps";
import type { Providers } from "./providers/registry";
import { countCleanupBacklog, countNeedsAttention } from "./bookings/booking.repository";
import { countWatchAttention } from "./bookings/abandoned-keys.repository";
import { createTokenVerifier } from "./auth/token-verifier";
import type { Config } from "./config";
import { createManageKeys } from "./crypto/manage-key";
import { createSecretBox } from "./crypto/secret-box";
import type { DatabaseFaults } from "./db/database";
import { watchStoreFaults } from "./db/db-metrics";
import type { Database } from "./db/tables";
import { type Jobs, startJobs } from "./jobs/job-runner";
import { fastifyLogger } from "./logger";
import { type Metrics, createMetrics, instrumentProviders } from "./metrics";
import { type ProviderHealth, createProviderHealth } from "./provider-health";
import { type ProviderTally, timeProviders } from "./provider-timing";
import { registerHealthRoutes } from "./routes/health.routes";
import { registerMeetingRoutes } from "./routes/meetings.routes";
import { registerOpenApi } from "./routes/openapi";
import { registerPageRoutes } from "./routes/pages.routes";
import { registerPublicRoutes } from "./routes/public.routes";
import { RoomHub } from "./room/room-hub";
import { createRoomIds } from "./room/room-ids";
import { registerRoomRoutes } from "./room/room.routes";
import { createRoomService } from "./room/room.service";
import { authenticate } from "./web/authenticate";
import { registerErrorHandlers } from "./web/error-handler";
import { registerSecurity } from "./web/security";

export interface BuildAppOptions {
  config: Config;
  db: Kysely<Database>;
  providers: Providers;
  /** A pino instance to log to (tests capture the output); default: pino on stdout. */
  logger?: FastifyServerOptions["loggerInstance"];
  clock?: () => Date;
  /** Start the cleanup and reconcile jobs (default: config.jobs.enabled). */
  jobs?: boolean;
  /** Process metrics (memory, event loop) in /metrics; off in tests that build many apps. */
  defaultMetrics?: boolean;
  /** Answer `Server-Timing: provider;dur=…, app;dur=…` (the benchmark reads it). */
  serverTiming?: boolean;
  /** JWKS refetch pause after a fetch (tests of key rotation shorten it). */
  jwksCooldownMs?: number;
  /** How long a repeated create waits for the first one (default 20 s). */
  idempotencyWaitMs?: number;
  /** The store's connection-fault counter, logged and exported in /metrics. */
  storeFaults?: DatabaseFaults;
  /** Serve https with this certificate (production TLS, or the Office dev certificate). */
  https?: { cert: Buffer; key: Buffer };
}

declare module "fastify" {
  interface FastifyInstance {
    /** The booking operations' dependencies (jobs and tests run against the same ones). */
    bookingDeps: BookingDeps;
    metrics: Metrics;
    /** The background provider check /readyz reads. */
    providerHealth: ProviderHealth;
    /** The waiting rooms this instance polls (tests and the bench count its upstream calls). */
    roomHub: RoomHub;
  }
  interface FastifyRequest {
    /** Provider time of this request, when Server-Timing is on. */
    providerTally: ProviderTally | null;
  }
}

function routeLabel(url: string | undefined): string {
  return url ?? "unmatched";
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const clock = options.clock ?? (() => new Date());
  const serverTiming = options.serverTiming ?? config.server.serverTiming;
  const serverOptions: FastifyServerOptions = {
    ...fastifyLogger(config.logLevel, options.logger),
    // Our own ids: a client-sent X-Request-Id could be used to forge log correlations.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // One line per request (below, on response) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.server.bodyLimit,
    // Fastify takes a hop count as a number even though its type says string.
    trustProxy: config.server.trustProxy as FastifyServerOptions["trustProxy"],
    ...(options.https ? { https: options.https } : {}),
  };
  const app = Fastify(serverOptions) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest("user", null);
  app.decorateRequest("providerTally", null);
  // The API speaks JSON only; a text body is a client bug, not something to coerce.
  app.removeContentTypeParser("text/plain");

  const metrics = createMetrics({
    defaultMetrics: options.defaultMetrics ?? false,
    cleanupBacklog: () => countCleanupBacklog(options.db, clock().toISOString()),
    needsAttention: async () =>
      (await countNeedsAttention(options.db)) + (await countWatchAttention(options.db)),
  });
  const providers = instrumentProviders(options.providers, metrics);
  const deps: BookingDeps = {
    db: options.db,
    providers,
    policy: config.policy,
    clock,
    manageKeys: createManageKeys(config.secrets.manageKeyHmac),
    box: createSecretBox(config.secrets.hostSecretKey),
    instanceId: config.instanceId,
    leaseMs: config.jobs.leaseMs,
    idempotencyTtlMs: config.jobs.idempotencyTtlMs,
    idempotencyWaitMs: options.idempotencyWaitMs ?? 20_000,
    log: app.log,
  };
  if (options.storeFaults) watchStoreFaults(options.storeFaults, metrics.registry, app.log);
  app.decorate("bookingDeps", deps);
  app.decorate("metrics", metrics);
  const providerHealth = createProviderHealth({
    providers,
    intervalMs: config.health.checkIntervalMs,
  });
  app.decorate("providerHealth", providerHealth);

  app.addHook("onRequest", (request, reply, done) => {
    reply.header("x-request-id", request.id);
    if (serverTiming) request.providerTally = { ms: 0 };
    done();
  });
  app.addHook("onResponse", async (request, reply) => {
    const labels = {
      method: request.method,
      route: routeLabel(request.routeOptions.url),
      status: String(reply.statusCode),
    };
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
    request.log.info(
      {
        method: labels.method,
        route: labels.route,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      "request",
    );
  });
  if (serverTiming) {
    app.addHook("onSend", async (request, reply) => {
      const tally = request.providerTally;
      if (tally)
        reply.header(
          "server-timing",
          `provider;dur=${tally.ms.toFixed(3)}, app;dur=${reply.elapsedTime.toFixed(3)}`,
        );
    });
  }
  // With Server-Timing on, each request's operations run against providers that add their time
  // to its tally; otherwise every request shares one service.
  const bookings = createBookingService(deps);
  const providersFor = (request: FastifyRequest): Providers =>
    request.providerTally ? timeProviders(providers, request.providerTally) : providers;
  const bookingsFor = (request: FastifyRequest): BookingService =>
    request.providerTally
      ? createBookingService({ ...deps, providers: providersFor(request) })
      : bookings;

  registerErrorHandlers(app);
  const limiters = await registerSecurity(app, config);
  await registerOpenApi(app, { swaggerUi: config.server.swaggerUi });
  const verify = createTokenVerifier(config.auth, {
    clock,
    jwksCooldownMs: options.jwksCooldownMs,
  });
  registerPublicRoutes(app, config.policy, config.clientConfig);
  const signedIn = authenticate(verify, limiters.byUser);
  registerMeetingRoutes(app, bookingsFor, signedIn);
  // Rooms are polled with the shared providers: a poll serves many requests, not one.
  const roomHub = new RoomHub({ intervalMs: config.room.pollIntervalMs });
  app.decorate("roomHub", roomHub);
  const rooms = createRoomService({
    bookings: deps,
    log: app.log,
    hub: roomHub,
    idFor: createRoomIds(config.secrets.manageKeyHmac),
  });
  registerRoomRoutes(app, rooms, signedIn, config.room.streamMaxMs);
  registerHealthRoutes(app, { db: options.db, providerHealth });
  await registerPageRoutes(app, config);

  app.addHook("onReady", () => providerHealth.start());
  app.addHook("onClose", () => providerHealth.stop());
  let jobs: Jobs | null = null;
  if (options.jobs ?? config.jobs.enabled) {
    app.addHook("onReady", async () => {
      jobs = startJobs(deps, config.jobs, metrics);
    });
  }
  app.addHook("onClose", async () => {
    await jobs?.stop();
  });
  return app;
}
