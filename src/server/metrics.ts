// Prometheus metrics (/metrics): requests and latency by route and status, provider calls,
// errors and latency by provider and operation, job runs, and the cleanup backlog.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { ServiceId } from "../shared";
import type { Providers } from "./providers/registry";
import { ProviderError, type ProviderOperation } from "./errors";
import type { VideoProvider } from "./providers/video-provider";

const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15];

export interface Metrics {
  registry: Registry;
  httpRequests: Counter<"method" | "route" | "status">;
  httpDuration: Histogram<"method" | "route" | "status">;
  providerCalls: Counter<"provider" | "operation" | "outcome">;
  providerDuration: Histogram<"provider" | "operation">;
  jobRuns: Counter<"job" | "outcome">;
}

export function createMetrics(options: {
  defaultMetrics?: boolean;
  cleanupBacklog: () => Promise<number>;
  needsAttention: () => Promise<number>;
}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: "svm_" });
  const registers = [registry];
  new Gauge({
    name: "svm_cleanup_backlog",
    help: "Pexip VMRs past their cleanup time and not yet deleted",
    registers,
    async collect() {
      this.set(await options.cleanupBacklog());
    },
  });
  new Gauge({
    name: "svm_needs_attention",
    help: "Bookings repair gave up on (npm run admin -- needs-attention lists them)",
    registers,
    async collect() {
      this.set(await options.needsAttention());
    },
  });
  return {
    registry,
    httpRequests: new Counter({
      name: "svm_http_requests_total",
      help: "HTTP requests by route and status",
      labelNames: ["method", "route", "status"],
      registers,
    }),
    httpDuration: new Histogram({
      name: "svm_http_request_duration_seconds",
      help: "HTTP request latency by route and status",
      labelNames: ["method", "route", "status"],
      buckets: BUCKETS,
      registers,
    }),
    providerCalls: new Counter({
      name: "svm_provider_calls_total",
      help: "Calls to Pexip and Graph by operation and outcome (ok or error kind)",
      labelNames: ["provider", "operation", "outcome"],
      registers,
    }),
    providerDuration: new Histogram({
      name: "svm_provider_call_duration_seconds",
      help: "Latency of calls to Pexip and Graph",
      labelNames: ["provider", "operation"],
      buckets: BUCKETS,
      registers,
    }),
    jobRuns: new Counter({
      name: "svm_job_runs_total",
      help: "Runs of the cleanup and reconcile jobs by outcome",
      labelNames: ["job", "outcome"],
      registers,
    }),
  };
}

type AsyncMethod =
  | "createMeeting"
  | "updateMeeting"
  | "deleteMeeting"
  | "getMeeting"
  | "findByBookingId"
  | "listOurs"
  | "ping"
  | "roomCalls"
  | "admitCalls";
const OPERATIONS: Record<AsyncMethod, ProviderOperation> = {
  createMeeting: "create",
  updateMeeting: "update",
  deleteMeeting: "delete",
  getMeeting: "get",
  findByBookingId: "find",
  listOurs: "list",
  ping: "ping",
  roomCalls: "status",
  admitCalls: "admit",
};

/** The same provider, with every call counted and timed. */
export function instrumentProvider(provider: VideoProvider, metrics: Metrics): VideoProvider {
  const service: ServiceId = provider.service;
  const wrapped: VideoProvider = Object.create(provider);
  for (const method of Object.keys(OPERATIONS) as AsyncMethod[]) {
    // The waiting-room methods are optional (Teams has none).
    const own = provider[method];
    if (!own) continue;
    const original = own.bind(provider) as (...args: unknown[]) => Promise<unknown>;
    const operation = OPERATIONS[method];
    const timed = async (...args: unknown[]) => {
      const started = performance.now();
      let outcome = "ok";
      try {
        return await original(...args);
      } catch (err) {
        outcome = err instanceof ProviderError ? err.kind : "error";
        throw err;
      } finally {
        const ms = performance.now() - started;
        metrics.providerCalls.inc({ provider: service, operation, outcome });
        metrics.providerDuration.observe({ provider: service, operation }, ms / 1000);
      }
    };
    Object.defineProperty(wrapped, method, { value: timed });
  }
  return wrapped;
}

export function instrumentProviders(providers: Providers, metrics: Metrics): Providers {
  const out: Providers = {};
  for (const [service, provider] of Object.entries(providers) as [ServiceId, VideoProvider][]) {
    out[service] = instrumentProvider(provider, metrics);
  }
  return out;
}
