// The shape of the service's configuration, apart from how it is read (config.ts), so modules
// that only check or use a Config (config-production.ts) need not import the reader.
import type { z } from "zod";
import type { ClientConfig, Policy } from "../shared";
import type { LogLevel } from "./config-env";
import type { ProviderSettings } from "./config-providers";
import type { ReconcileSettings } from "./jobs/reconcile-settings";
import type { RepairSettings } from "./jobs/repair-settings";

/** The validated, frozen configuration every part of the service is built from. */
export interface Config {
  server: {
    port: number;
    host: string;
    publicOrigin: string;
    trustProxy: boolean | number | string[];
    staticDir: string;
    /** Serve https directly (otherwise TLS ends at the load balancer). */
    tls: { certFile: string; keyFile: string } | null;
    bodyLimit: number;
    frameAncestors: string[];
    /** Answer Server-Timing (provider and app time) on every response. */
    serverTiming: boolean;
    /** Swagger UI at /docs: development only (NODE_ENV not "production"; never in dist/). */
    swaggerUi: boolean;
  };
  database:
    | { kind: "sqlite"; path: string }
    | {
        kind: "postgres";
        url: string;
        poolMax: number;
        connectTimeoutMs: number;
        idleTimeoutMs: number;
        statementTimeoutMs: number;
      };
  auth: {
    issuerTemplate: string;
    jwksUrl: string;
    audiences: string[];
    tenants: string[];
    requiredScope: string;
    clockSkewSeconds: number;
  };
  providers: ProviderSettings;
  policy: Policy;
  secrets: { manageKeyHmac: Buffer; hostSecretKey: Buffer };
  clientConfig: ClientConfig;
  logLevel: z.infer<typeof LogLevel>;
  rateLimit: { perUserPerMinute: number; perIpPerMinute: number };
  jobs: {
    enabled: boolean;
    cleanupIntervalMs: number;
    reconcileIntervalMs: number;
    leaseMs: number;
    idempotencyTtlMs: number;
    /** Provider calls cleanup and reconcile make together per minute, across all instances. */
    apiBudgetPerMinute: number;
    reconcile: ReconcileSettings;
    /** Back-off of failing repairs and when they go to needs_attention. */
    repair: RepairSettings;
    /** A finished key's sealed manageKey is deleted this long after the create. */
    idempotencyReplayMs: number;
  };
  /** The waiting room: one status call per watched room per poll; event streams end after max. */
  room: { pollIntervalMs: number; streamMaxMs: number };
  instanceId: string;
  /** How often this instance checks the providers for /readyz. */
  health: { checkIntervalMs: number };
  /** The private Prometheus listener. */
  metrics: { host: string; port: number; token: string | null };
}

/** Start-up stops with this; `message` lists every bad variable by name. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}
