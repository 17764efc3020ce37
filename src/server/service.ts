// The service as a whole: store (migrated), providers, app. server.ts (production) and
// src/dev/start.ts (the embedded default) both build it here, then listen.
import type { FastifyInstance } from "fastify";
import { buildApp, type BuildAppOptions } from "./app";
import type { Config } from "./config";
import { buildMetricsServer } from "./metrics-server";
import { openStore, type Store } from "./db/database";
import { migrateToLatest } from "./db/migrate";
import { createProviders } from "./providers";

export interface Service {
  app: FastifyInstance;
  /** GET /metrics only, to listen on config.metrics (never the public port). */
  metricsApp: FastifyInstance;
  store: Store;
  /** Stops the jobs, finishes requests in flight, closes the store. */
  close(): Promise<void>;
}

export async function createService(
  config: Config,
  options: Partial<Omit<BuildAppOptions, "config" | "db">> = {},
): Promise<Service> {
  const store = openStore(config.database);
  try {
    await migrateToLatest(store.db);
    const providers = options.providers ?? createProviders(config.providers);
    const app = await buildApp({
      defaultMetrics: true,
      ...options,
      config,
      db: store.db,
      storeFaults: store.faults,
      providers,
    });
    const metricsApp = buildMetricsServer(app.metrics, { token: config.metrics.token });
    return {
      app,
      metricsApp,
      store,
      async close() {
        await metricsApp.close();
        await app.close();
        await store.close();
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}

/**
 * Ctrl-C / SIGTERM: close gracefully (requests in flight finish, jobs stop); a second signal or
 * 25 s without progress exits at once.
 */
export function closeOnSignals(close: () => Promise<void>, log: (line: string) => void): void {
  let closing = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (closing) process.exit(1);
      closing = true;
      log(`${signal}: stopping…`);
      const timer = setTimeout(() => process.exit(1), 25_000);
      timer.unref();
      close().then(
        () => process.exit(0),
        (err: unknown) => {
          log(`stopping failed: ${err instanceof Error ? err.message : String(err)}`);
          process.exit(1);
        },
      );
    });
  }
}
