// Runs cleanup and reconcile on their intervals. Timers are unref'd and a stop waits for the
// run in progress, so a graceful shutdown never cuts a provider call in half.
import type { BookingDeps } from "../bookings/deps";
import type { Config } from "../config";
import type { Metrics } from "../metrics";
import { runCleanup } from "./cleanup.job";
import { JobThrottled, budgetedProviders, createJobBudget } from "./job-budget";
import { createJobMetrics } from "./job-metrics";
import { runReconcile } from "./reconcile.job";
import { runRetention } from "./retention.job";

export interface Jobs {
  stop(): Promise<void>;
}

interface JobSpec {
  name: "cleanup" | "reconcile" | "retention";
  intervalMs: number;
  run: () => Promise<unknown>;
}

export function startJobs(
  deps: BookingDeps,
  options: Pick<
    Config["jobs"],
    | "cleanupIntervalMs"
    | "reconcileIntervalMs"
    | "apiBudgetPerMinute"
    | "reconcile"
    | "repair"
    | "idempotencyReplayMs"
  >,
  metrics?: Metrics,
): Jobs {
  const jobMetrics = metrics ? createJobMetrics(metrics.registry) : undefined;
  // The jobs call the providers through the shared budget; the bookings never do.
  const budget = createJobBudget(deps.db, {
    perMinute: options.apiBudgetPerMinute,
    clock: deps.clock,
    onTake: () => jobMetrics?.budgetCalls.inc(),
  });
  const jobDeps: BookingDeps = { ...deps, providers: budgetedProviders(deps.providers, budget) };
  const timed =
    (job: "cleanup" | "reconcile", run: () => Promise<unknown>) => async (): Promise<unknown> => {
      const stop = jobMetrics?.passSeconds.startTimer({ job });
      try {
        return await run();
      } finally {
        stop?.();
      }
    };
  let stopped = false;
  const running = new Set<Promise<unknown>>();
  const timers = new Set<NodeJS.Timeout>();
  const specs: JobSpec[] = [
    {
      name: "cleanup",
      intervalMs: options.cleanupIntervalMs,
      run: timed("cleanup", () =>
        runCleanup(jobDeps, { repair: options.repair, observer: jobMetrics }),
      ),
    },
    {
      name: "reconcile",
      intervalMs: options.reconcileIntervalMs,
      run: timed("reconcile", () =>
        runReconcile(jobDeps, {
          settings: options.reconcile,
          repair: options.repair,
          observer: jobMetrics,
        }),
      ),
    },
    {
      // The store only: no provider calls, so outside the budget.
      name: "retention",
      intervalMs: options.cleanupIntervalMs,
      run: () => runRetention(deps, { replayWindowMs: options.idempotencyReplayMs }),
    },
  ];
  const schedule = (spec: JobSpec, delay: number) => {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      const run = spec
        .run()
        .then(() => metrics?.jobRuns.inc({ job: spec.name, outcome: "ok" }))
        .catch((err: unknown) => {
          if (err instanceof JobThrottled) {
            // Not a failure: the provider is busy and the bookings come first.
            metrics?.jobRuns.inc({ job: spec.name, outcome: "throttled" });
            deps.log.info(
              { job: spec.name, waitMs: err.waitMs },
              "job pass ended: provider said 429",
            );
            return;
          }
          metrics?.jobRuns.inc({ job: spec.name, outcome: "error" });
          deps.log.error({ err, job: spec.name }, "job run failed");
        })
        .finally(() => {
          running.delete(run);
          // ±10 % jitter so instances started together drift apart.
          schedule(spec, spec.intervalMs * (0.9 + Math.random() * 0.2));
        });
      running.add(run);
    }, delay);
    timer.unref();
    timers.add(timer);
  };
  for (const spec of specs) schedule(spec, Math.min(spec.intervalMs, 5_000) * Math.random());
  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.allSettled([...running]);
    },
  };
}
