// Runs cleanup and reconcile on their intervals. Timers are unref'd and a stop waits for the
// run in progress, so a graceful shutdown never cuts a provider call in half.
import type { BookingDeps } from "../bookings/context";
import type { Metrics } from "../metrics";
import { runCleanup } from "./cleanup.job";
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
  options: {
    cleanupIntervalMs: number;
    reconcileIntervalMs: number;
    /** How long a finished Idempotency-Key keeps its sealed manageKey (retention job). */
    idempotencyReplayMs: number;
  },
  metrics?: Metrics,
): Jobs {
  let stopped = false;
  const running = new Set<Promise<unknown>>();
  const timers = new Set<NodeJS.Timeout>();
  const specs: JobSpec[] = [
    { name: "cleanup", intervalMs: options.cleanupIntervalMs, run: () => runCleanup(deps) },
    { name: "reconcile", intervalMs: options.reconcileIntervalMs, run: () => runReconcile(deps) },
    {
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
